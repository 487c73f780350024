"""<head> for search engines and link previews: canonical, hreflang, OpenGraph, JSON-LD."""

import datetime
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from core.models import DatePrecision
from tests.factories import (
    ActionGroupFactory,
    EventFactory,
    PartnerFactory,
    PartnerIdentifierFactory,
    PathfinderCountryFactory,
)

pytestmark = pytest.mark.django_db


class Head(HTMLParser):
    """The <link>, <meta> and JSON-LD <script> elements of a page's <head>."""

    def __init__(self, html):
        super().__init__()
        self.links, self.meta, self.json_ld = [], {}, []
        self._script = None
        self.feed(html.split("</head>")[0])

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs["name"]
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._script = attrs

    def handle_data(self, data):
        if self._script is not None:
            self.json_ld.append((self._script, data))
            self._script = None

    def canonical(self):
        (link,) = [link["href"] for link in self.links if link.get("rel") == "canonical"]
        return link

    def hreflangs(self):
        return {
            link["hreflang"]: link["href"]
            for link in self.links
            if link.get("rel") == "alternate" and "hreflang" in link
        }

    def one(self, key):
        (value,) = self.meta[key]
        return value


def head_of(client, url) -> Head:
    response = client.get(url)
    assert response.status_code == 200, url
    return Head(response.text)


def public_pages():
    partner = PartnerFactory(slug="walk-free", name="Walk Free")
    event = EventFactory(slug="gcg-2019")
    group = ActionGroupFactory(slug="supply-chains")
    pathfinder = PathfinderCountryFactory(country="MG")
    return [
        "/",
        "/partners/",
        partner.get_absolute_url(),
        "/events/",
        event.get_absolute_url(),
        "/governance/",
        "/action-groups/",
        group.get_absolute_url(),
        "/pathfinders/",
        pathfinder.get_absolute_url(),
        "/join/",
    ]


def test_every_page_names_its_canonical_address_and_its_three_languages(client):
    for path in public_pages():
        for prefix in ("", "/fr", "/es"):
            head = head_of(client, prefix + path)

            assert head.canonical() == f"http://testserver{prefix}{path}"
            assert head.hreflangs() == {
                "en": f"http://testserver{path}",
                "fr": f"http://testserver/fr{path}",
                "es": f"http://testserver/es{path}",
                "x-default": f"http://testserver{path}",
            }


def test_directory_variants_point_to_the_directory_and_plain_pages_to_themselves(client):
    PartnerFactory.create_batch(3)
    canonical = "http://testserver/partners/"

    for query in (
        "?category=government",
        "?q=labour&page=2",
        "?ordering=-joined_on",
        "?page_size=100",
        "?page=1",
        "?page=abc",
        "?page=2&page_size=100",
    ):
        assert head_of(client, "/partners/" + query).canonical() == canonical, query

    head = head_of(client, "/fr/partners/?page=2")
    assert head.canonical() == "http://testserver/fr/partners/?page=2"
    assert head.hreflangs()["es"] == "http://testserver/es/partners/?page=2"
    assert head_of(client, "/events/?kind=workshop&year=2019").canonical() == (
        "http://testserver/events/"
    )


def test_every_page_has_opengraph_and_twitter_card_tags(client):
    for path in public_pages():
        head = head_of(client, "/fr" + path)

        assert head.one("og:url") == head.canonical()
        assert head.one("og:title") and "<" not in head.one("og:title")
        assert head.one("og:description")
        assert head.one("og:type") == "website"
        assert head.one("og:site_name") == "Registre des partenariats de l'Alliance 8.7"
        assert head.one("og:locale") == "fr_FR"
        assert sorted(head.meta["og:locale:alternate"]) == ["en_GB", "es_ES"]
        assert head.one("og:image").startswith("http://testserver/static/")
        assert head.one("og:image").endswith(".png")
        assert head.one("twitter:card") == "summary_large_image"
        assert head.one("twitter:title") == head.one("og:title")


def test_the_share_title_and_description_are_the_pages_own(client):
    partner = PartnerFactory(name='Walk "Free" & Friends', slug="walk-free")

    head = head_of(client, partner.get_absolute_url())

    # Parsed back from the attribute: escaped once, not twice.
    assert head.one("og:title") == 'Walk "Free" & Friends'
    assert head.one("og:description").startswith('Walk "Free" & Friends: ')
    assert head_of(client, "/").one("og:title") == "Alliance 8.7 – Partnership registry"


def test_the_share_image_is_shipped_at_its_stated_size():
    path = finders.find("img/og-image.png")

    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 630)


def json_ld_of(client, url):
    response = client.get(url)
    head = Head(response.text)
    (script, data), *_ = head.json_ld
    return response, script, json.loads(data)


def test_a_partner_profile_describes_the_organisation_in_json_ld(client):
    partner = PartnerFactory(
        name="Walk Free",
        acronym="WF",
        slug="walk-free",
        website="https://www.walkfree.org/",
        country="AU",
    )
    PartnerIdentifierFactory(partner=partner, scheme="GB-CHC", identifier="1181123")

    _response, _script, data = json_ld_of(client, "/fr/partners/walk-free/")

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Walk Free"
    assert data["alternateName"] == "WF"
    assert data["url"] == "http://testserver/fr/partners/walk-free/"
    assert data["sameAs"] == ["https://www.walkfree.org/"]
    assert data["address"] == {"@type": "PostalAddress", "addressCountry": "AU"}
    assert data["identifier"] == [
        {"@type": "PropertyValue", "propertyID": "GB-CHC", "value": "1181123"}
    ]


def test_a_partner_without_acronym_website_or_identifiers_leaves_them_out(client):
    PartnerFactory(name="Survivor Alliance", acronym="", website="", slug="survivors")

    _response, _script, data = json_ld_of(client, "/partners/survivors/")

    assert not {"alternateName", "sameAs", "identifier"} & set(data)


def test_a_name_with_a_closing_script_tag_cannot_break_out_of_the_json_ld(client):
    name = "Evil </script><script>alert(1)</script> & <!-- Co"
    PartnerFactory(name=name, slug="evil")

    response, _script, data = json_ld_of(client, "/partners/evil/")

    block = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', response.text)
    assert "</script" not in block[1] and "<!--" not in block[1]
    assert data["name"] == name
    assert "<script>alert(1)" not in response.text


def test_the_json_ld_needs_no_nonce_so_every_copy_of_the_page_is_the_same(client):
    # A data block is not run: the policy does not govern it (the browser test checks that no
    # violation is reported), and the shared copy and ETag need identical bodies.
    PartnerFactory(slug="walk-free")

    response, script, _data = json_ld_of(client, "/partners/walk-free/")

    assert "nonce" not in script
    assert client.get("/partners/walk-free/").content == response.content


def test_an_event_page_describes_the_event_in_json_ld(client):
    event = EventFactory(
        title="Global Coordinating Group meeting",
        slug="gcg-2019",
        start_date=datetime.date(2019, 11, 12),
        end_date=datetime.date(2019, 11, 13),
        city="Geneva",
        country="CH",
    )

    _response, _script, data = json_ld_of(client, event.get_absolute_url())

    assert data["@type"] == "Event"
    assert data["name"] == "Global Coordinating Group meeting"
    assert data["startDate"] == "2019-11-12"
    assert data["endDate"] == "2019-11-13"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["url"] == "http://testserver/events/gcg-2019/"
    assert data["location"] == {
        "@type": "Place",
        "name": "Geneva, Switzerland",
        "address": {"@type": "PostalAddress", "addressLocality": "Geneva", "addressCountry": "CH"},
    }


def test_an_event_known_only_by_month_without_end_or_place_says_only_that(client):
    EventFactory(
        slug="consultation",
        start_date=datetime.date(2018, 5, 1),
        end_date=None,
        date_precision=DatePrecision.MONTH,
        city="",
        country="",
    )

    _response, _script, data = json_ld_of(
        client, reverse("portal:event_detail", args=["consultation"])
    )

    assert data["startDate"] == data["endDate"] == "2018-05"
    assert "location" not in data


def test_an_undated_event_has_no_dates_in_json_ld(client):
    EventFactory(slug="undated", start_date=None, end_date=None)

    _response, _script, data = json_ld_of(client, "/events/undated/")

    assert "startDate" not in data and "endDate" not in data


def test_the_favicon_is_linked_and_answers_at_the_root(client):
    head = head_of(client, "/")

    icons = {link["href"] for link in head.links if link.get("rel") == "icon"}
    assert any(href.endswith(".svg") for href in icons)
    assert any(href.endswith(".ico") for href in icons)
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].startswith("/static/") and response["Location"].endswith(".ico")
    assert finders.find("favicon.svg") and finders.find("favicon.ico")
