"""The contact page, the favicon and the pages' head in a real browser: in English, French and
Spanish, on a desktop and a phone, with no Content-Security-Policy violation (the JSON-LD data
blocks carry no nonce, which the policy does not ask of them) and screenshots kept.
"""

import pytest

from portal.models import SecretariatContact

pytestmark = pytest.mark.browser

ILO = "/partners/international-labour-organization/"
CONFERENCE = "/events/iv-global-conference-on-the-sustained-eradication-of-child-labour/"
PAGES = [("home", "/"), ("partners", "/partners/"), ("partner", ILO), ("events", "/events/")]
PAGES += [("event", CONFERENCE)]
PAGES += [("contact", "/contact/")]
LANGUAGES = {"en": "", "fr": "/fr", "es": "/es"}
PHONE_WIDTH = 375

# Records every violation the page's policy reports; an init script is not governed by it.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def watch(page):
    errors = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda m: m.type in {"error", "warning"} and errors.append(m.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def json_ld(page):
    return page.evaluate(
        "[...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
        ".map((s) => JSON.parse(s.textContent))"
    )


@pytest.mark.parametrize("phone", [False, True], ids=["1280", "375"])
def test_the_pages_in_three_languages_load_cleanly_with_their_head(
    seeded, new_page, axe_audit, artifacts, phone
):
    page = new_page(phone=phone)
    errors = watch(page)
    problems = {}

    for language, prefix in LANGUAGES.items():
        for name, path in PAGES:
            response = page.goto(prefix + path)
            assert response.status == 200, prefix + path
            label = f"{language}-{name}-{'375' if phone else '1280'}"
            page.screenshot(path=artifacts / f"meta-{label}.png", full_page=True)
            found = axe_audit(page)
            if phone and page.evaluate("document.documentElement.scrollWidth") > PHONE_WIDTH:
                found.append("scrolls sideways")
            found += page.evaluate("window.__violations")
            if found:
                problems[label] = found
            assert page.locator("html").get_attribute("lang") == language
            canonical = page.locator('link[rel="canonical"]').get_attribute("href")
            assert canonical == f"{page.url.split('?')[0]}"
            assert page.locator('link[rel="alternate"][hreflang]').count() == 4
            assert page.locator('meta[property="og:image"]').count() == 1

        page.goto(prefix + ILO)
        (organisation,) = json_ld(page)
        assert organisation["@type"] == "Organization"
        # The ILO's own acronym in each language (seed/facts.py, OWN_NAMES).
        assert organisation["alternateName"] == ("ILO" if language == "en" else "OIT")
        page.goto(prefix + CONFERENCE)
        (event,) = json_ld(page)
        assert event["@type"] == "Event" and event["startDate"].startswith("2017")

    assert problems == {}
    assert errors == []


def test_the_contact_page_says_nothing_is_set_then_shows_what_the_secretariat_set(
    transactional_db, new_page, artifacts
):
    page = new_page()
    errors = watch(page)

    page.goto("/fr/contact/")
    assert page.get_by_text("Aucune adresse de contact n'a encore été indiquée.").is_visible()
    assert page.locator("a[href^='mailto:']").count() == 0

    SecretariatContact(
        email="alliance87@example.org",
        postal_address="Route des Morillons 4\n1211 Genève 22\nSuisse",
        phone="+41 22 799 61 11",
    ).save()
    # A new visitor: the first one's browser may keep its copy a minute (max-age=60).
    page = new_page()
    errors = watch(page)
    page.goto("/fr/contact/")
    assert page.locator("a[href='mailto:alliance87@example.org']").is_visible()
    assert page.locator("address").inner_text().splitlines() == [
        "Route des Morillons 4",
        "1211 Genève 22",
        "Suisse",
    ]
    page.screenshot(path=artifacts / "contact-set-fr-1280.png", full_page=True)

    # Reached from the navigation and the footer of any page.
    page.goto("/es/")
    page.locator(".site-nav").get_by_role("link", name="Contacto").click()
    assert page.url.endswith("/es/contact/")
    page.goto("/")
    page.locator(".site-footer").get_by_role("link", name="Contact the secretariat").click()
    assert page.url.endswith("/contact/")
    assert page.evaluate("window.__violations") == []
    assert errors == []


def test_the_favicon_loads_from_the_page_and_from_the_root(transactional_db, new_page):
    page = new_page()
    page.goto("/")

    for selector, kind in (
        ('link[rel="icon"][type="image/svg+xml"]', "image/svg+xml"),
        ('link[rel="icon"][sizes="32x32"]', "image/"),
        ('link[rel="apple-touch-icon"]', "image/png"),
    ):
        href = page.locator(selector).get_attribute("href")
        response = page.request.get(href)
        assert response.status == 200, href
        assert response.headers["content-type"].startswith(kind), href

    response = page.request.get("/favicon.ico")
    assert response.status == 200  # after the redirect to the static file
    assert response.body()[:4] == b"\x00\x00\x01\x00"  # an ICO header
