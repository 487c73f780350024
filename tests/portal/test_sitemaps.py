"""sitemap.xml lists every public page in three languages; robots.txt points to it."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.sitemaps import PartnerSitemap
from tests.factories import (
    ActionGroupFactory,
    EventFactory,
    PartnerFactory,
    PathfinderCountryFactory,
)

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def xml_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def section_urls(client, section, page=None):
    url = reverse("sitemap_section", kwargs={"section": section})
    root = xml_of(client, f"{url}?p={page}" if page else url)
    return {
        entry.find(f"{SM}loc").text: {
            link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")
        }
        for entry in root.findall(f"{SM}url")
    }


def test_the_index_lists_every_section(client):
    root = xml_of(client, "/sitemap.xml")

    locations = [entry.find(f"{SM}loc").text for entry in root.findall(f"{SM}sitemap")]
    assert locations == [
        f"http://testserver/sitemap-{section}.xml"
        for section in ("pages", "partners", "events", "action-groups", "pathfinders")
    ]


def test_every_public_page_is_listed_in_three_languages_with_its_alternates(client):
    partner = PartnerFactory(slug="walk-free")
    event = EventFactory(slug="gcg-2019")
    group = ActionGroupFactory(slug="supply-chains")
    pathfinder = PathfinderCountryFactory(country="MG")

    partners = section_urls(client, "partners")
    assert set(partners) == {
        "http://testserver/partners/walk-free/",
        "http://testserver/fr/partners/walk-free/",
        "http://testserver/es/partners/walk-free/",
    } | {
        f"http://testserver{lang}{pathfinder.government.get_absolute_url()}"
        for lang in ("", "/fr", "/es")
    }
    assert partners["http://testserver/fr/partners/walk-free/"] == {
        "en": "http://testserver/partners/walk-free/",
        "fr": "http://testserver/fr/partners/walk-free/",
        "es": "http://testserver/es/partners/walk-free/",
        "x-default": "http://testserver/partners/walk-free/",
    }
    assert "http://testserver/es/events/gcg-2019/" in section_urls(client, "events")
    assert "http://testserver/fr/action-groups/supply-chains/" in section_urls(
        client, "action-groups"
    )
    assert "http://testserver/fr/pathfinders/mg/" in section_urls(client, "pathfinders")
    pages = section_urls(client, "pages")
    for path in ("/", "/partners/", "/join/", "/governance/", "/events/", "/data/", "/contact/"):
        for lang in ("", "/fr", "/es"):
            assert f"http://testserver{lang}{path}" in pages
    assert partner and event and group


def test_a_partner_entry_says_when_the_partner_last_changed(client):
    partner = PartnerFactory(slug="walk-free")
    url = reverse("sitemap_section", kwargs={"section": "partners"})

    root = xml_of(client, url)

    lastmod = root.find(f"{SM}url").find(f"{SM}lastmod").text
    assert lastmod == partner.updated.date().isoformat()


def test_past_the_limit_the_partners_are_split_into_pages_that_never_overlap(client, monkeypatch):
    monkeypatch.setattr(PartnerSitemap, "limit", 4)
    slugs = [f"partner-{n:02}" for n in range(5)]
    for slug in slugs:
        PartnerFactory(slug=slug)

    index = xml_of(client, "/sitemap.xml")
    locations = [entry.find(f"{SM}loc").text for entry in index.findall(f"{SM}sitemap")]
    pages = [loc for loc in locations if "sitemap-partners" in loc]
    # 5 partners x 3 languages = 15 addresses, 4 a page.
    assert pages == ["http://testserver/sitemap-partners.xml"] + [
        f"http://testserver/sitemap-partners.xml?p={n}" for n in (2, 3, 4)
    ]
    seen = []
    for page in (1, 2, 3, 4):
        seen += list(section_urls(client, "partners", page))
    assert len(seen) == len(set(seen)) == 15
    assert {url.rsplit("/", 2)[-2] for url in seen} == set(slugs)
    assert (
        client.get(reverse("sitemap_section", kwargs={"section": "partners"}) + "?p=5").status_code
        == 404
    )


def test_a_partners_page_reads_only_its_slice_of_slugs_and_dates(client, monkeypatch):
    monkeypatch.setattr(PartnerSitemap, "limit", 6)
    for n in range(10):
        PartnerFactory(slug=f"partner-{n:02}")
    url = reverse("sitemap_section", kwargs={"section": "partners"}) + "?p=2"

    with CaptureQueriesContext(connection) as queries:
        client.get(url)

    partner_reads = [q["sql"] for q in queries if 'FROM "partners_partner"' in q["sql"]]
    # A COUNT for the pagination, then one slice: 2 partners for addresses 7-12.
    assert len(partner_reads) == 2
    read = partner_reads[1]
    assert '"partners_partner"."slug"' in read and '"partners_partner"."updated"' in read
    assert '"partners_partner"."name"' not in read and "LIMIT 2 OFFSET 2" in read
    assert 'ORDER BY "partners_partner"."id"' in read


def test_an_unknown_section_is_a_404(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-partners.xml?p=x").status_code == 404


def test_the_sitemap_is_cached_publicly_for_an_hour(client):
    response = client.get("/sitemap.xml")

    assert "public" in response["Cache-Control"] and "max-age=3600" in response["Cache-Control"]


def test_robots_txt_allows_the_pages_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /" not in lines  # the pages stay open
    assert "Disallow: /*partners/?" in lines and "Allow: /*partners/?page=" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
