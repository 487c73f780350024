"""Every public page, on a desktop and on a phone: axe-core finds no serious or critical WCAG 2.1
A/AA violation, the browser reports no error (a script or style the Content-Security-Policy
refused would show here), nothing scrolls sideways at 375 px, and a screenshot of each is kept.
"""

import pytest

pytestmark = pytest.mark.browser

ILO = "/partners/international-labour-organization/"
CONFERENCE = "/events/iv-global-conference-on-the-sustained-eradication-of-child-labour/"


def submit_empty_join_form(page):
    page.get_by_role("button", name="Send the application").click()
    page.wait_for_selector("#error-summary")


# (screenshot name, address, what to do once there)
PAGES = [
    ("home", "/", None),
    ("partners", "/partners/", None),
    ("partners-filtered", "/partners/?category=government&theme=child_labour", None),
    ("partners-page-2", "/partners/?per_page=10&page=2&ordering=-joined", None),
    ("partners-empty", "/partners/?q=qwxzvbnmkj", None),
    ("partner", ILO, None),
    ("partner-factory", "/partners/survivor-alliance/", None),
    ("pathfinders", "/pathfinders/", None),
    ("pathfinder-mg", "/pathfinders/mg/", None),
    ("action-groups", "/action-groups/", None),
    ("action-group", "/action-groups/supply-chains/", None),
    ("governance", "/governance/", None),
    ("governance-2018", "/governance/?as_of=2018-01-01", None),
    ("governance-before-records", "/governance/?as_of=1990-01-01", None),
    ("events", "/events/", None),
    ("event", CONFERENCE, None),
    ("join", "/join/", None),
    ("join-errors", "/join/", submit_empty_join_form),
    ("join-thanks", "/join/thanks/", None),
    ("not-found", "/partners/no-such-partner/", None),
    ("fr-home", "/fr/", None),
    ("fr-partners", "/fr/partners/", None),
    ("fr-pathfinder-mg", "/fr/pathfinders/mg/", None),
    ("es-governance", "/es/governance/", None),
    ("es-join", "/es/join/", None),
]
NOT_FOUND = {"not-found"}
PHONE_WIDTH = 375


def visit(page, name, path, action):
    response = page.goto(path)
    expected = 404 if name in NOT_FOUND else 200
    assert response.status == expected, f"{path}: {response.status}"
    if action:
        action(page)


def test_every_page_on_a_desktop_passes_axe_without_browser_errors(
    seeded, new_page, axe_audit, artifacts
):
    page = new_page()
    errors = []

    def console(message):
        if message.type == "error":
            errors.append(f"{page.url}: {message.text}")

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    violations = {}

    for name, path, action in PAGES:
        visit(page, name, path, action)
        if name in NOT_FOUND:
            errors.clear()  # Chromium logs the 404 of the page itself as an error
        violations[name] = axe_audit(page)
        page.screenshot(path=artifacts / f"{name}-1280.png", full_page=True)

    assert {name: found for name, found in violations.items() if found} == {}
    assert errors == []


def test_every_page_on_a_phone_passes_axe_and_never_scrolls_sideways(
    seeded, new_page, axe_audit, artifacts
):
    page = new_page(phone=True)
    violations, overflowing = {}, {}

    for name, path, action in PAGES:
        visit(page, name, path, action)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE_WIDTH:
            overflowing[name] = width
        violations[name] = axe_audit(page)
        page.screenshot(path=artifacts / f"{name}-375.png", full_page=True)

    assert {name: found for name, found in violations.items() if found} == {}
    assert overflowing == {}
