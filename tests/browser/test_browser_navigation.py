"""Moving around in a browser: the language switcher and the keyboard."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NAV = ["/partners/", "/pathfinders/", "/action-groups/", "/governance/", "/events/", "/join/"]


def test_the_language_switcher_keeps_the_page_and_its_filters(seeded, page):
    page.goto("/partners/?theme=child_labour")

    page.get_by_role("link", name="Français").click()

    page.wait_for_url(re.compile(r"/fr/partners/\?theme=child_labour$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Partenaires")
    expect(page.get_by_role("link", name="Français")).to_have_attribute("aria-current", "true")

    page.get_by_role("link", name="Español").click()
    page.wait_for_url(re.compile(r"/es/partners/\?theme=child_labour$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Socios")

    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"^http://[^/]+/partners/\?theme=child_labour$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            return {
                id: element.id,
                className: element.className,
                href: element.getAttribute("href"),
                outline: parseFloat(style.outlineWidth) || 0,
                visible: box.width > 1 && box.height > 1 && box.top >= 0,
            };
        }"""
    )


def test_tab_reaches_the_skip_link_first_then_every_link_of_the_main_navigation(
    transactional_db, page
):
    page.goto("/")

    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["className"] == "skip-link"
    assert skip["visible"] and skip["outline"] > 0
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"

    page.goto("/")
    reached = {}
    for _ in range(20):
        page.keyboard.press("Tab")
        element = focused(page)
        if element["href"] in NAV:
            # Seen on screen, with a focus outline.
            reached[element["href"]] = element["visible"] and element["outline"] > 0
    assert reached == dict.fromkeys(NAV, True)
