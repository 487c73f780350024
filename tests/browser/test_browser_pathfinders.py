"""The pathfinder map in a browser: each country is a link, and the table says the same."""

import re

import pytest
from playwright.sync_api import expect

from pathfinders.models import PathfinderCountry

pytestmark = pytest.mark.browser


def test_clicking_madagascar_on_the_map_opens_its_country_page(seeded, page):
    page.goto("/pathfinders/")

    page.locator(".world-map a[href='/pathfinders/mg/']").click()

    page.wait_for_url(re.compile(r"/pathfinders/mg/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Madagascar")


def test_the_table_gives_every_country_the_map_links_to(seeded, page):
    page.goto("/pathfinders/")

    on_map = page.locator(".world-map a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    in_table = page.locator("table tbody th a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert "/pathfinders/mg/" in on_map
    assert set(on_map) <= set(in_table)
    assert len(in_table) == PathfinderCountry.objects.count()
    # The map's accessible name says what it shows; a link names its country and stage.
    expect(page.locator(".world-map svg")).to_have_accessible_name(re.compile("World map"))
    expect(page.locator(".world-map a[href='/pathfinders/mg/']")).to_have_accessible_name(
        re.compile(r"^Madagascar: ")
    )
