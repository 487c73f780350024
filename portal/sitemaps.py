"""sitemap.xml: every public page in English, French and Spanish, each with its alternates.

Django's sitemaps page through (item, language) pairs, 50,000 addresses a file, under an index
(/sitemap.xml) once there are more. With 100,000 partners a section holds 300,000 addresses, so
the partners' section never loads them all: its pages read their own slice of partners (slug
and date alone, in primary-key order) and build addresses from one reversed pattern per
language instead of a reverse() per address.
"""

import datetime
import math

from django.conf import settings
from django.contrib.sitemaps import Sitemap, views
from django.core.paginator import Paginator
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from action_groups.models import ActionGroup
from core.caching import cacheable_when_anonymous
from governance.models import Event
from partners.models import Partner
from pathfinders.models import PathfinderCountry

# A slug never holds it, so replacing it in a reversed address cannot touch anything else.
SLUG_MARK = "slug-mark"


class RegistrySitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PageSitemap(RegistrySitemap):
    """The list and information pages, one address each."""

    PAGES = [
        "portal:home",
        "portal:contact",
        "partners:partner_list",
        "partners:join",
        "governance:gcg",
        "portal:event_list",
        "action_groups:actiongroup_list",
        "pathfinders:pathfinder_list",
        "portal:data",
    ]

    def items(self):
        return self.PAGES

    def location(self, item):
        return reverse(item)


class LanguagePairs:
    """The (row, language) pairs of a queryset, read a slice at a time when a page asks.

    Django's Paginator takes any sequence with len() (here one COUNT) and slicing, so a sitemap
    page reads only the rows its 50,000 addresses come from.
    """

    def __init__(self, queryset, languages):
        self.queryset = queryset
        self.languages = list(languages)

    def __len__(self):
        return self.queryset.count() * len(self.languages)

    def __getitem__(self, window):
        width = len(self.languages)
        first = window.start // width
        rows = self.queryset[first : math.ceil(window.stop / width)]
        pairs = [(row, language) for row in rows for language in self.languages]
        offset = window.start - first * width
        return pairs[offset : offset + (window.stop - window.start)]


class SlugSitemap(RegistrySitemap):
    """Records whose page is found by slug: their slugs and dates alone, a slice per page."""

    model = None
    url_name = ""

    def items(self):
        # Primary-key order: unique, so pages never overlap, and indexed, so an offset is cheap.
        return self.model.objects.order_by("pk").values("slug", "updated")

    @property
    def paginator(self):
        return Paginator(LanguagePairs(self.items(), self._languages()), self.limit)

    def location(self, item):
        return reverse(self.url_name, kwargs={"slug": item["slug"]})

    def lastmod(self, item):
        return item["updated"]

    def get_latest_lastmod(self):
        # Django's default would call lastmod() for every row.
        return self.model.objects.aggregate(latest=Max("updated"))["latest"]

    def get_urls(self, page=1, site=None, protocol=None):
        """Django's entries, built from one reversed address per language with a mark where
        the slug goes, rather than five reverse() calls (the address and its alternates) for
        each of 50,000 entries."""
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        languages = self._languages()
        patterns = {}
        for code in languages:
            with translation.override(code):
                patterns[code] = base + reverse(self.url_name, kwargs={"slug": SLUG_MARK})
        urls = []
        row_seen = None
        for row, language in self.paginator.page(page).object_list:
            # A row's entries (one a language) come together and share one list of alternates,
            # which urlset_xml then writes once.
            if row is not row_seen:
                row_seen = row
                here = {code: patterns[code].replace(SLUG_MARK, row["slug"]) for code in languages}
                alternates = [{"location": here[code], "lang_code": code} for code in languages]
                if default := here.get(settings.LANGUAGE_CODE):
                    alternates.append({"location": default, "lang_code": "x-default"})
            urls.append(
                {
                    "item": row,
                    "location": here[language],
                    "lastmod": row["updated"],
                    "changefreq": None,
                    "priority": "",
                    "alternates": alternates,
                }
            )
        if urls:
            self.latest_lastmod = max(url["lastmod"] for url in urls)
        return urls


class PartnerSitemap(SlugSitemap):
    model = Partner
    url_name = "portal:partner_detail"


class EventSitemap(SlugSitemap):
    model = Event
    url_name = "portal:event_detail"


class ActionGroupSitemap(SlugSitemap):
    model = ActionGroup
    url_name = "action_groups:actiongroup_detail"


class PathfinderSitemap(RegistrySitemap):
    def items(self):
        return PathfinderCountry.objects.order_by("country").only("country", "updated")

    def lastmod(self, item):
        return item.updated


SITEMAPS = {
    "pages": PageSitemap,
    "partners": PartnerSitemap,
    "events": EventSitemap,
    "action-groups": ActionGroupSitemap,
    "pathfinders": PathfinderSitemap,
}


def _shared(view):
    # The same for everybody (no nonce; every language is in it): browsers and proxies keep it an
    # hour, and the server one copy until the data changes.
    return require_safe(cacheable_when_anonymous(cache_control(public=True, max_age=3600)(view)))


def escape(text) -> str:
    # django.utils.html.escape, without its lazy-string wrapper: 450,000 calls a page.
    text = str(text)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def urlset_xml(urls) -> bytes:
    """What Django's sitemap.xml template writes, by string joins: the template takes 15 s for
    50,000 entries with their alternates, this a fraction of one."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
    ]
    zone = timezone.get_current_timezone()
    alternates, links = None, ""
    for url in urls:
        parts.append(f"<url><loc>{escape(url['location'])}</loc>")
        if lastmod := url["lastmod"]:
            if isinstance(lastmod, datetime.datetime) and timezone.is_aware(lastmod):
                lastmod = lastmod.astimezone(zone)
            parts.append(f"<lastmod>{lastmod:%Y-%m-%d}</lastmod>")
        if url["changefreq"]:
            parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
        if url["priority"]:
            parts.append(f"<priority>{escape(url['priority'])}</priority>")
        if url["alternates"] is not alternates:
            alternates = url["alternates"]
            links = "".join(
                f'<xhtml:link rel="alternate" hreflang="{escape(alternate["lang_code"])}" '
                f'href="{escape(alternate["location"])}"/>'
                for alternate in alternates
            )
        parts.append(links)
        parts.append("</url>")
    parts.append("</urlset>\n")
    return "".join(parts).encode()


def _sitemap(request, **kwargs):
    # Django's view (pages, 404s, Last-Modified), with the faster writer of its XML.
    response = views.sitemap(request, **kwargs)
    response.content = urlset_xml(response.context_data["urlset"])
    return response


index = _shared(views.index)
section = _shared(_sitemap)
