"""A record's own text in the reader's language, in a browser."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ILO = "/partners/international-labour-organization/"


def test_switching_language_on_a_profile_shows_its_french_and_spanish_name(
    seeded, new_page, artifacts
):
    page = new_page()
    page.goto(ILO)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "International Labour Organization (ILO)"
    )

    page.get_by_role("link", name="Français").click()

    page.wait_for_url(re.compile(rf"/fr{ILO}$"))
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Organisation internationale du Travail (OIT)")
    expect(page).to_have_title(re.compile("^Organisation internationale du Travail"))
    # The seed has no French description: the English one is shown, marked as English.
    expect(page.locator("p.lead")).to_have_attribute("lang", "en")
    expect(heading.locator("[lang=en]")).to_have_count(0)
    page.screenshot(path=artifacts / "languages-fr-profile-1280.png", full_page=True)

    page.get_by_role("link", name="Español").click()

    page.wait_for_url(re.compile(rf"/es{ILO}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Organización Internacional del Trabajo (OIT)"
    )


def test_a_government_is_named_in_the_language_of_the_pathfinder_page(seeded, new_page, artifacts):
    for prefix, name in [
        ("", "Government of Nepal"),
        ("/fr", "Gouvernement du Népal"),
        ("/es", "Gobierno de Nepal"),
    ]:
        page = new_page(phone=True)
        page.goto(f"{prefix}/pathfinders/np/")

        expect(page.get_by_role("link", name=name, exact=True).first).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{prefix}: {width}px wide"
        page.screenshot(
            path=artifacts / f"languages{prefix.replace('/', '-') or '-en'}-pathfinder-375.png",
            full_page=True,
        )
        page.close()
