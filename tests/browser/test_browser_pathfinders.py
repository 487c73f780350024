"""The pathfinder map in a browser: each country is a link, and the table says the same."""

import re

import pytest
from playwright.sync_api import expect

from pathfinders.models import PathfinderCountry

pytestmark = pytest.mark.browser

MADAGASCAR = "/pathfinders/mg/"


def hrefs(locator) -> list[str]:
    return locator.evaluate_all("links => links.map(link => link.getAttribute('href'))")


def test_the_map_links_madagascar_to_its_page_and_the_table_lists_every_country(seeded, page):
    page.goto("/pathfinders/")
    world = page.locator(".world-map")

    # The text equivalent: the table names every country the map links to, and more.
    on_map, in_table = hrefs(world.locator("a")), hrefs(page.locator("table tbody th a"))
    assert MADAGASCAR in on_map
    assert set(on_map) <= set(in_table)
    assert len(in_table) == PathfinderCountry.objects.count()
    expect(world.locator("svg")).to_have_accessible_name(re.compile("^World map"))
    country = world.locator(f"a[href='{MADAGASCAR}']")
    expect(country).to_have_accessible_name(re.compile(r"^Madagascar: \w"))

    country.click()

    page.wait_for_url(re.compile(f"{MADAGASCAR}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Madagascar")
