"""Real-browser tests: Debian's Chromium driven by Playwright's sync API against live_server.

live_server runs Django in a thread of this process against the test database. Its tests are
transactional (every table is emptied after each test), so each test loads its own data through
the `seeded` fixture. Screenshots go to tests/browser/artifacts/, which git ignores.
"""

import datetime
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from governance.models import Constituency, Event, EventKind
from partners.models import Category, Partner, PartnerStatus, Theme
from tests.factories import (
    EventFactory,
    PartnerFactory,
    PartnerIdentifierFactory,
    PledgeFactory,
    SeatFactory,
    SeatTermFactory,
)

# Playwright's sync API keeps an event loop running in this thread, and Django refuses database
# access from a thread with a running loop unless told it is safe. It is: nothing here is async.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).parent / "artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}


def pytest_collection_modifyitems(config, items):
    if os.access(CHROMIUM, os.X_OK):
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: apt-get install chromium")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def _keep_triggers_across_flushes():
    """After each live_server test Django empties the tables and sends post_migrate, on which
    pgtrigger reinstalls every history trigger: 2 s a test for nothing, since TRUNCATE keeps
    triggers. Session-wide is safe: pytest-django runs these transactional tests after every
    test that uses the database in a transaction."""
    with override_settings(PGTRIGGER_INSTALL_ON_MIGRATE=False):
        yield


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """Opens a page in a fresh context (no cookies), its addresses relative to live_server.
    No context bypasses the Content-Security-Policy: axe is injected with page.evaluate, which
    the policy does not govern, so every page is audited as a visitor gets it."""
    contexts = []

    def open_page(*, phone=False, **options):
        if phone:
            options.update(viewport=PHONE, is_mobile=True, has_touch=True)
        else:
            options.setdefault("viewport", DESKTOP)
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def seeded(transactional_db):
    """The real seed dataset, which records no GCG seat, and factory data around it: GCG seats
    (held, held before, vacant) and a meeting, a suspended partner, one with identifiers and a
    pledge, and enough partners that the directory has a second page."""
    call_command("load_alliance87", verbosity=0)
    governments = Constituency.objects.get(slug="governments")
    africa = SeatFactory(constituency=governments, region="africa")
    SeatTermFactory(
        seat=africa,
        partner=Partner.objects.get(slug="government-of-nigeria"),
        start_date=datetime.date(2017, 1, 1),
        end_date=datetime.date(2019, 1, 1),
    )
    SeatTermFactory(
        seat=africa,
        partner=Partner.objects.get(slug="government-of-madagascar"),
        start_date=datetime.date(2019, 1, 1),
        end_date=None,
    )
    SeatFactory(constituency=governments, region="europe")  # vacant
    EventFactory(kind=EventKind.GCG_MEETING, start_date=datetime.date(2019, 11, 12))
    survivors = PartnerFactory(
        name="Survivor Alliance",
        acronym="",
        category=Category.CIVIL_SOCIETY,
        country="GB",
        description="A global network of survivors of slavery and human trafficking.",
        themes=[Theme.MODERN_SLAVERY, Theme.HUMAN_TRAFFICKING],
    )
    PartnerIdentifierFactory(partner=survivors, scheme="GB-CHC", identifier="1181123")
    conference = Event.objects.filter(kind=EventKind.GLOBAL_CONFERENCE).latest("start_date")
    PledgeFactory(partner=survivors, event=conference, made_on=conference.start_date)
    PartnerFactory(
        name="Centre for Research on Child Labour",
        acronym="CRCL",
        category=Category.ACADEMIC,
        country="BR",
        status=PartnerStatus.SUSPENDED,
        status_changed_on=datetime.date(2021, 3, 1),
        status_reason="Did not renew its commitment.",
    )
    assert Partner.objects.count() > 25  # the default page size


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def axe_audit():
    """Runs axe-core (shipped inside axe-playwright-python, no CDN) on the page and returns its
    serious and critical WCAG 2.1 A/AA violations, one readable line per element."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}

    def audit(page) -> list[str]:
        violations = axe.run(page, options=options).response["violations"]
        return [
            f"{rule['id']} ({rule['impact']}): {rule['help']}: {node['html']}"
            for rule in violations
            if rule["impact"] in BLOCKING_IMPACTS
            for node in rule["nodes"]
        ]

    return audit
