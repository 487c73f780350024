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

from action_groups.models import ActionGroup, ActivityKind, ActivityStatus
from governance.models import Constituency, Event, EventKind
from partners.models import Category, Partner, PartnerStatus, Theme
from pathfinders.models import MilestoneStatus, PathfinderCountry
from tests.factories import (
    ActivityFactory,
    AnnualReportFactory,
    EventFactory,
    MilestoneFactory,
    PartnerFactory,
    PartnerIdentifierFactory,
    PledgeFactory,
    SeatFactory,
    SeatTermFactory,
    WorkPlanFactory,
)

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
def _keep_triggers_across_flushes(django_db_setup):
    """After each live_server test Django empties the tables and sends post_migrate, on which
    pgtrigger reinstalls every history trigger: 2 s a test for nothing, since TRUNCATE keeps
    triggers. Only once the test database is migrated with its triggers (django_db_setup); and
    the rest of the session is safe, as pytest-django runs the transactional tests after every
    other test that uses the database."""
    with override_settings(PGTRIGGER_INSTALL_ON_MIGRATE=False):
        yield


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, and Django refuses
    # database access from a thread with a running loop unless told it is safe. It is here:
    # nothing is async. Only while Playwright runs: other tests keep Django's check.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
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
    """The real seed dataset, loaded anew for each test (live_server tests empty the tables),
    and factory data for what the seed does not record."""
    call_command("load_alliance87", verbosity=0)
    add_factory_data()


def add_factory_data():
    """GCG seats (held, held before, vacant) and a meeting; a work plan with activities for the
    Supply Chains group; milestones and an annual report for Madagascar's road map; a suspended
    partner, one with identifiers and a pledge, so the directory has a second page."""
    partner = {p.slug: p for p in Partner.objects.all()}
    governments = Constituency.objects.get(slug="governments")
    africa = SeatFactory(constituency=governments, region="africa")
    SeatTermFactory(
        seat=africa,
        partner=partner["government-of-nigeria"],
        start_date=datetime.date(2017, 1, 1),
        end_date=datetime.date(2019, 1, 1),
    )
    SeatTermFactory(
        seat=africa,
        partner=partner["government-of-madagascar"],
        start_date=datetime.date(2019, 1, 1),
        end_date=None,
    )
    SeatFactory(constituency=governments, region="europe")  # vacant
    meeting = EventFactory(
        kind=EventKind.GCG_MEETING,
        title="Global Coordinating Group meeting, November 2019",
        start_date=datetime.date(2019, 11, 12),
    )

    supply_chains = ActionGroup.objects.get(slug="supply-chains")
    supply_chains.meetings.add(meeting)
    plan = WorkPlanFactory(
        group=supply_chains,
        title="Work plan from 2024",
        start_date=datetime.date(2024, 1, 1),
        end_date=None,  # current whenever the tests run
        adopted_at=meeting,
    )
    ilo = partner["international-labour-organization"]
    for kind, status in zip(ActivityKind.values, ActivityStatus.values * 2, strict=False):
        ActivityFactory(work_plan=plan, kind=kind, status=status, lead_partners=[ilo])

    madagascar = PathfinderCountry.objects.get(country="MG")
    road_map = madagascar.road_maps.get()
    for status in MilestoneStatus.values:
        MilestoneFactory(
            road_map=road_map,
            status=status,
            completed_on=datetime.date(2020, 6, 1) if status == MilestoneStatus.DONE else None,
            responsible_partners=[partner["government-of-madagascar"], ilo],
        )
    AnnualReportFactory(pathfinder=madagascar, year=2020)

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
    assert Partner.objects.count() > 25  # the directory's default page size


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
