import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from action_groups.models import ActionGroup, Membership, Role
from core.models import DatePrecision
from governance.models import (
    Constituency,
    Event,
    EventKind,
    GlobalEstimate,
    Office,
    OfficeTerm,
    Seat,
)
from partners.models import Category, Partner, PartnerIdentifier, Theme
from pathfinders.models import PathfinderCountry, RoadMap, RoadMapStatus, Stage
from tests.history import tracked_models

OCTOBER_2018 = datetime.date(2018, 10, 1)


def snapshot():
    """Every row's id and `updated` per model, and the number of history events."""
    rows = {m: sorted(m.objects.values_list("pk", "updated")) for m in tracked_models()}
    events = sum(m.pgh_event_model.objects.count() for m in tracked_models())
    return rows, events


def load():
    out = StringIO()
    call_command("load_alliance87", stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded(db):
    load()


def partner(name):
    return Partner.objects.get(name=name)


def test_the_ilo_has_its_dac_identifier_and_holds_the_secretariat(seeded):
    ilo = Partner.objects.get(acronym="ILO")

    assert ilo.name == "International Labour Organization"
    assert ilo.category == Category.INTERNATIONAL
    assert ilo.country == ""
    identifier = PartnerIdentifier.objects.get(partner=ilo)
    assert str(identifier) == "XM-DAC-41302"
    term = OfficeTerm.objects.current().get(office=Office.SECRETARIAT)
    assert term.partner == ilo
    assert term.start_date is None
    assert term.source == "Progress report, para. 12"


def test_australia_chairs_and_argentina_is_the_deputy_chair(seeded):
    current = {t.office: t for t in OfficeTerm.objects.current().select_related("partner")}

    assert current[Office.CHAIR].partner == partner("Government of Australia")
    assert current[Office.DEPUTY_CHAIR].partner == partner("Government of Argentina")
    assert current[Office.CHAIR].start_date is None
    assert partner("Government of Australia").country == "AU"


def test_the_un_agencies_keep_the_names_the_report_gives(seeded):
    assert partner("International Organization for Migration").acronym == "IOM"
    assert partner("Office of the United Nations High Commissioner for Human Rights").acronym == (
        "OHCHR"
    )
    unu = partner("UN University")
    assert unu.category == Category.INTERNATIONAL
    assert "Delta 8.7 Knowledge Platform" in unu.description
    assert unu.source == "Progress report, para. 23"


def test_the_regional_partners_and_networks_of_para_22_are_loaded(seeded):
    regional = set(
        Partner.objects.filter(category=Category.REGIONAL).values_list("name", flat=True)
    )

    assert regional == {
        "Regional Initiative: Latin America and the Caribbean Free of Child Labour",
        "African Union",
        "South Asian Association for Regional Cooperation",
        "Bali Process",
        "Organization for Security and Cooperation in Europe",
    }
    assert partner("G20").category == Category.OTHER
    oecd = partner("Organisation for Economic Co-operation and Development")
    assert oecd.category == Category.INTERNATIONAL


def test_the_development_partners_of_para_19_are_governments_with_their_country(seeded):
    governments = Partner.objects.filter(source="Progress report, para. 19", category="government")

    assert sorted(governments.values_list("country", flat=True)) == ["DE", "FR", "GB", "NL", "US"]


def test_business_networks_carry_their_theme_and_contribute_to_supply_chains(seeded):
    child = partner("ILO business network on child labour")
    forced = partner("ILO business network on forced labour")

    assert child.category == forced.category == Category.EMPLOYERS
    assert child.themes == [Theme.CHILD_LABOUR]
    assert forced.themes == [Theme.FORCED_LABOUR]
    members = Membership.objects.filter(group__slug="supply-chains", role=Role.MEMBER)
    assert {m.partner for m in members} == {child, forced}


def test_no_partner_has_a_date_the_report_does_not_give(seeded):
    assert not Partner.objects.filter(joined_on__isnull=False).exists()
    assert not Partner.objects.filter(commitment_accepted_on__isnull=False).exists()
    assert not Partner.objects.exclude(category=Category.GOVERNMENT).exclude(country="").exists()


@pytest.mark.parametrize(
    ("group", "chairs"),
    [
        (
            "Migration",
            {
                ("International Organization for Migration", Role.CO_CHAIR),
                ("UNICEF", Role.CO_CHAIR),
            },
        ),
        (
            "Rule of Law and Governance",
            {("Office of the United Nations High Commissioner for Human Rights", Role.CHAIR)},
        ),
        ("Conflicts and Humanitarian Settings", {("UNICEF", Role.CHAIR)}),
        ("Supply Chains", {("International Labour Organization", Role.CHAIR)}),
    ],
)
def test_each_action_group_has_the_chairs_the_report_names(seeded, group, chairs):
    memberships = Membership.objects.current().filter(group__name=group).exclude(role=Role.MEMBER)

    assert {(m.partner.name, m.role) for m in memberships} == chairs
    assert ActionGroup.objects.get(name=group).mandate.startswith(
        "Support country-level implementation by conducting research"
    )


def test_there_are_four_action_groups_with_no_dates(seeded):
    assert ActionGroup.objects.count() == 4
    assert not ActionGroup.objects.filter(established_on__isnull=False).exists()
    assert not Membership.objects.filter(start_date__isnull=False).exists()


def test_the_constituencies_exist_without_invented_seats(seeded):
    assert list(Constituency.objects.values_list("name", flat=True)) == [
        "Governments",
        "Workers' organizations",
        "Employers' organizations",
        "Civil society",
        "UN and regional intergovernmental organizations",
    ]
    assert not Seat.objects.exists()


def test_fifteen_pathfinders_requested_to_join_on_an_unrecorded_date(seeded):
    pathfinders = PathfinderCountry.objects.select_related("government")

    assert pathfinders.count() == 15
    for pathfinder in pathfinders:
        assert pathfinder.government.country == pathfinder.country
        requested = pathfinder.stage_changes.get(stage=Stage.REQUESTED)
        assert requested.changed_on is None
    assert partner("Government of Viet Nam").country == "VN"


def test_only_madagascar_has_moved_beyond_its_request(seeded):
    stages = dict(PathfinderCountry.objects.with_stage().values_list("country", "stage"))

    assert stages.pop("MG") == Stage.ROAD_MAP_ADOPTED
    assert set(stages.values()) == {Stage.REQUESTED}


def test_madagascar_adopted_its_road_map_at_its_october_2018_workshop(seeded):
    madagascar = PathfinderCountry.objects.get(country="MG")
    workshop = madagascar.workshops.get()
    road_map = RoadMap.objects.get(pathfinder=madagascar)

    assert workshop.kind == EventKind.WORKSHOP
    assert (workshop.start_date, workshop.date_precision) == (OCTOBER_2018, DatePrecision.MONTH)
    assert workshop.country == "MG"
    held = madagascar.stage_changes.get(stage=Stage.WORKSHOP_HELD)
    assert (held.changed_on, held.date_precision, held.event) == (
        OCTOBER_2018,
        DatePrecision.MONTH,
        workshop,
    )
    assert road_map.title == "Initial road map to achieve target 8.7"
    assert road_map.status == RoadMapStatus.ADOPTED
    assert (road_map.adopted_on, road_map.adoption_precision) == (OCTOBER_2018, DatePrecision.MONTH)
    assert not road_map.milestones.exists()
    assert road_map.adopted == "October 2018"


@pytest.mark.parametrize(
    ("title", "kind", "city", "country", "start"),
    [
        ("Launch of Alliance 8.7", EventKind.LAUNCH, "", "", (2016, 9)),
        (
            "Regional consultation: South Asia (Thimphu)",
            EventKind.REGIONAL_CONSULTATION,
            "Thimphu",
            "BT",
            (2016, 7),
        ),
        (
            "Regional consultation: West and North Africa (Abidjan)",
            EventKind.REGIONAL_CONSULTATION,
            "Abidjan",
            "CI",
            (2016, 9),
        ),
        (
            "Regional consultation: The Pacific (Nadi)",
            EventKind.REGIONAL_CONSULTATION,
            "Nadi",
            "FJ",
            (2017, 10),
        ),
        ("Workshop at Wilton Park", EventKind.WORKSHOP, "Wilton Park", "GB", (2017, 2)),
        (
            "IV Global Conference on the Sustained Eradication of Child Labour",
            EventKind.GLOBAL_CONFERENCE,
            "Buenos Aires",
            "AR",
            (2017, 11),
        ),
    ],
)
def test_events_are_dated_to_the_month_the_report_gives(seeded, title, kind, city, country, start):
    event = Event.objects.get(title=title)

    assert (event.kind, event.city, event.country) == (kind, city, country)
    assert event.start_date == datetime.date(*start, 1)
    assert event.date_precision == DatePrecision.MONTH
    assert event.end_date is None


def test_seven_regional_consultations_were_held(seeded):
    consultations = Event.objects.filter(kind=EventKind.REGIONAL_CONSULTATION)

    assert sorted(consultations.values_list("country", flat=True)) == sorted(
        ["BT", "CI", "TH", "AR", "ET", "HU", "FJ"]
    )


def test_the_global_conference_records_the_buenos_aires_declaration(seeded):
    conference = Event.objects.get(kind=EventKind.GLOBAL_CONFERENCE)

    assert "Buenos Aires Declaration" in conference.outcome
    assert "96 countries and organizations" in conference.outcome


def test_no_event_is_created_for_plans(seeded):
    assert not Event.objects.filter(start_date__year__gte=2019).exists()


def test_global_estimates_break_down_as_the_report_says(seeded):
    estimates = {e.slug: e for e in GlobalEstimate.objects.select_related("part_of")}

    slavery, child = estimates["modern-slavery"], estimates["child-labour"]
    assert (slavery.label, slavery.value, slavery.part_of) == (
        "People in modern slavery",
        40_000_000,
        None,
    )
    assert {e.value for e in slavery.parts.all()} == {25_000_000, 15_000_000}
    assert child.value == 152_000_000
    assert {e.value for e in child.parts.all()} == {88_000_000, 64_000_000, 73_000_000}
    assert [e.slug for e in GlobalEstimate.objects.all()][:2] == ["modern-slavery", "forced-labour"]


def test_every_seeded_row_cites_a_paragraph_of_the_report(seeded):
    for model in tracked_models():
        if not any(f.name == "source" for f in model._meta.get_fields()):
            continue
        sources = model.objects.values_list("source", flat=True)
        assert all(s.startswith("Progress report, para. ") for s in sources), model


def test_history_says_the_rows_came_from_the_command(seeded):
    event = Partner.pgh_event_model.objects.select_related("pgh_context").first()

    assert event.pgh_context.metadata["command"] == "load_alliance87"


@pytest.mark.django_db
def test_a_second_run_changes_nothing():
    load()
    before = snapshot()

    output = load()

    assert snapshot() == before
    assert "0 created, 0 updated" in output


@pytest.mark.django_db
def test_a_run_restores_an_edited_fact_and_touches_nothing_else():
    load()
    Partner.objects.filter(acronym="ILO").update(description="Edited by hand.")
    rows, events = snapshot()

    output = load()

    after_rows, after_events = snapshot()
    assert Partner.objects.get(acronym="ILO").description.startswith("The Office serves")
    assert after_events == events + 1
    changed = [m for m in rows if set(rows[m]) != set(after_rows[m])]
    assert changed == [Partner]
    assert "1 updated" in output


def test_development_partners_and_collaborating_organisations_are_not_counted_as_partners(seeded):
    relations = dict(Partner.objects.values_list("slug", "relations"))

    for slug in ["government-of-france", "government-of-the-united-states"]:
        assert relations[slug] == ["development_partner"]  # para. 19
    for slug in ["ilo-business-network-on-child-labour", "african-union", "g20", "bali-process"]:
        assert relations[slug] == ["collaborating"]  # paras. 17 and 22
    assert relations["un-university"] == ["partner"]  # para. 23: "a partner of Alliance 8.7"
    assert relations["government-of-australia"] == ["partner"]
