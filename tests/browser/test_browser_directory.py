"""The partner directory in a browser: search with a typo, a facet, the address, a profile."""

import re

import pytest
from playwright.sync_api import expect

from partners.models import Partner

pytestmark = pytest.mark.browser

EMPLOYERS = "Employers' and business membership organization"
AFRICA = re.compile(r"^Africa \(\s*\d+\s*\)$")  # a facet option's name ends with its count


def count_of(page) -> int:
    return int(page.locator("#results-count").inner_text().split()[0])


def test_a_search_with_a_typo_and_a_facet_narrow_the_directory_and_the_address_keeps_them(
    seeded, page
):
    total = Partner.objects.count()
    page.goto("/partners/")
    expect(page.locator("#results-count")).to_have_text(f"{total} partners")

    # "Goverment" for "Government": trigram similarity still finds the names.
    page.get_by_label("Search partners").fill("Goverment")
    page.get_by_label("Search partners").press("Enter")
    page.wait_for_url(re.compile(r"/partners/\?(.*&)?q=Goverment"))
    found = count_of(page)
    assert 1 < found < total
    results = page.locator("#results")
    expect(results.get_by_role("link", name="Government of Madagascar")).to_be_visible()

    # A facet reloads the result in place (site.js) and puts itself in the address.
    page.locator("#facets").get_by_role("radio", name=AFRICA).check()
    page.wait_for_url(re.compile(r"region=africa"))
    assert "q=Goverment" in page.url
    expect(page.locator("#results-count")).not_to_have_text(f"{found} partners")
    narrowed = count_of(page)
    assert 0 < narrowed < found
    expect(page.locator(".partner-card")).to_have_count(narrowed)
    for meta in page.locator(".partner-card .card__meta").all_inner_texts():
        assert meta.startswith("Government ·") and meta.endswith(", Africa")
    expect(page.locator("#live-status")).to_have_text(f"{narrowed} partners")

    # The address alone gives the same result: it can be shared or bookmarked.
    shared = page.url
    page.goto("/")
    page.goto(shared)
    expect(page.locator("#results-count")).to_have_text(f"{narrowed} partners")
    expect(page.get_by_label("Search partners")).to_have_value("Goverment")
    expect(page.locator("#facets").get_by_role("radio", name=AFRICA)).to_be_checked()

    page.get_by_role("link", name="Clear all filters").first.click()
    page.wait_for_url(re.compile(r"/partners/$"))
    expect(page.locator("#results-count")).to_have_text(f"{total} partners")
    expect(page.get_by_label("Search partners")).to_have_value("")


def test_a_profile_opens_from_the_directory_with_its_identifiers_and_pledges(seeded, page):
    page.goto("/partners/")
    page.get_by_label("Search partners").fill("Survivor Alliance")
    page.get_by_role("button", name="Search", exact=True).click()

    page.locator("#results").get_by_role("link", name="Survivor Alliance").click()

    page.wait_for_url(re.compile(r"/partners/survivor-alliance/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Survivor Alliance")
    expect(page.get_by_text("GB-CHC-1181123")).to_be_visible()
    expect(page.get_by_text("Eliminate child labour in supply chain")).to_be_visible()
    breadcrumbs = page.get_by_role("navigation", name="Breadcrumb")
    expect(breadcrumbs.get_by_role("link", name="Partners")).to_have_attribute("href", "/partners/")
    assert page.title().startswith("Survivor Alliance")


def test_the_directory_filters_and_the_language_switches_without_javascript(seeded, new_page):
    page = new_page(java_script_enabled=False)
    total = Partner.objects.count()
    page.goto("/partners/")

    page.locator("#facets").get_by_role("checkbox", name=re.compile(f"^{EMPLOYERS}")).check()
    page.get_by_role("button", name="Apply filters").click()

    page.wait_for_url(re.compile(r"category=employers"))
    narrowed = count_of(page)
    assert 0 < narrowed < total
    expect(page.locator(".partner-card")).to_have_count(narrowed)

    page.get_by_role("link", name="Français").click()
    page.wait_for_url(re.compile(r"/fr/partners/\?.*category=employers"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert count_of(page) == narrowed
