"""What <head> tells search engines and link previews: canonical address, languages, OpenGraph,
and the schema.org JSON-LD of partner and event pages."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.templatetags.static import static
from django.utils.html import format_html, strip_tags
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.languages import page_in_languages
from core.templatetags.links import web_url
from core.translation import localized_text

register = template.Library()

# OpenGraph wants a territory; the registry's readers are everywhere, so the language's home.
OG_LOCALES = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES"}
OG_IMAGE = "img/og-image.png"
OG_IMAGE_SIZE = (1200, 630)

# Django's json_script escapes: no "</script>" or "<!--" can close or change the element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def block_text(context, *names: str) -> str:
    """The text the page gives the first of the blocks `names` that is not empty (its title,
    its description), so <head> can say it again in og:title without each template repeating
    it. Tags are stripped; the text stays escaped as rendered."""
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    for name in names:
        block = block_context.get_block(name) if block_context else None
        if block is None:
            continue
        with context.push():
            # A copy that knows its context, as BlockNode.render makes, so {{ block.super }}
            # works.
            node = type(block)(block.name, block.nodelist)
            node.context = context
            context["block"] = node
            text = " ".join(strip_tags(node.nodelist.render(context)).split())
        if text:
            return mark_safe(text)
    return ""


def canonical_path(request) -> str:
    """The canonical address of this page: its path, and `page` when that is all it asks.

    The rule: a list's plain pages (?page=3) are each their own page; any variant of a list
    (its facets, search, sort or page size, with or without a page) shows the same partners
    or events in another cut, and points to the list itself. Other pages take no parameters.
    """
    page = request.GET.get("page", "")
    if set(request.GET) == {"page"} and page.isascii() and page.isdigit() and int(page) > 1:
        return f"{request.path}?{urlencode({'page': page})}"
    return request.path


@register.simple_tag(takes_context=True)
def page_meta(context) -> dict:
    """Canonical and language addresses (absolute), locales and the share image of this page."""
    request = context.get("request")
    if request is None:
        return {}
    path = canonical_path(request)
    here = get_language()
    # The other languages' addresses as the language switcher builds them
    # (core.context_processors.language_links), but of the canonical page.
    alternates = [
        (code, request.build_absolute_uri(address))
        for code, address in page_in_languages(request, path).items()
    ]
    default = dict(alternates)[settings.LANGUAGE_CODE]
    return {
        "canonical": request.build_absolute_uri(path),
        "alternates": alternates,
        "x_default": default,
        "og_locale": OG_LOCALES.get(here, here),
        "og_locale_alternates": [
            OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != here
        ],
        "image": request.build_absolute_uri(static(OG_IMAGE)),
        "image_width": OG_IMAGE_SIZE[0],
        "image_height": OG_IMAGE_SIZE[1],
    }


def json_ld(data: dict) -> str:
    """`data` in a <script type="application/ld+json">, escaped as json_script escapes.

    Without a nonce: a data block is never run, so the Content-Security-Policy does not govern
    it (no browser blocks or reports it: tests/browser/test_browser_contact.py), and a nonce
    would make each copy of a page differ, which its ETag and shared copy rely on not doing.
    """
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    payload = payload.translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


def _absolute(context, path: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


@register.simple_tag(takes_context=True)
def partner_json_ld(context, partner, identifiers) -> str:
    """schema.org Organization of a partner's profile, its text in the page's language (or
    English) as plain strings: schema.org's consumers read a name so, where a value tagged with
    "@language" is valid JSON-LD but widely unread. `identifiers`: the profile's list of them."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": localized_text(partner, "name"),
        "url": _absolute(context, partner.get_absolute_url()),
    }
    if localized_text(partner, "acronym"):
        data["alternateName"] = localized_text(partner, "acronym")
    if localized_text(partner, "description"):
        data["description"] = localized_text(partner, "description")
    if website := web_url(partner.website):
        data["sameAs"] = [website]
    if partner.country:
        data["address"] = {"@type": "PostalAddress", "addressCountry": partner.country.code}
    identifiers = [
        {"@type": "PropertyValue", "propertyID": i.scheme, "value": i.identifier}
        for i in identifiers
    ]
    if identifiers:
        data["identifier"] = identifiers
    return json_ld(data)


# An ISO 8601 date only as precise as the source: "2019", "2019-03" or "2019-03-14".
ISO_LENGTHS = {"year": 4, "month": 7, "day": 10}


def _partial_iso(value, precision: str) -> str:
    return value.isoformat()[: ISO_LENGTHS.get(precision, 10)]


@register.simple_tag(takes_context=True)
def event_json_ld(context, event) -> str:
    """schema.org Event of an event's page."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": localized_text(event, "title"),
        "url": _absolute(context, event.get_absolute_url()),
        # Held or planned, none was cancelled or moved: the registry records no other state.
        "eventStatus": "https://schema.org/EventScheduled",
    }
    if event.start_date:
        data["startDate"] = _partial_iso(event.start_date, event.date_precision)
        # schema.org expects an end; a one-day event (no end recorded) ends the day it starts.
        end = event.end_date or event.start_date
        data["endDate"] = _partial_iso(end, event.date_precision)
    if localized_text(event, "description"):
        data["description"] = localized_text(event, "description")
    city = localized_text(event, "city")
    if city or event.country:
        address = {"@type": "PostalAddress"}
        if city:
            address["addressLocality"] = city
        if event.country:
            address["addressCountry"] = event.country.code
        place = ", ".join(p for p in (city, str(event.country.name or "")) if p)
        data["location"] = {"@type": "Place", "name": place, "address": address}
    return json_ld(data)
