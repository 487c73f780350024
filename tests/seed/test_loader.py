import datetime
from io import StringIO

import pghistory
import pytest
from django.core.management import call_command

from action_groups.models import ActionGroup, Membership, Role, WorkPlanStatus
from core.models import DatePrecision
from governance.models import (
    Constituency,
    EstimateUnit,
    Event,
    EventKind,
    EventStatus,
    GlobalEstimate,
    Office,
    OfficeTerm,
    Seat,
)
from partners.models import Category, Partner, PartnerIdentifier, Theme
from pathfinders.models import PathfinderCountry, RoadMap, RoadMapStatus, Stage, StageChange
from pathfinders.services import roadmap_adopt
from tests.history import tracked_models

OCTOBER_2018 = datetime.date(2018, 10, 1)


def snapshot():
    """Every row's id and `updated` per model, and the number of history events."""
    rows = {m: sorted(m.objects.values_list("pk", "updated")) for m in tracked_models()}
    events = sum(m.pgh_event_model.objects.count() for m in tracked_models())
    return rows, events


def as_staff():
    """Staff edits carry their own context: the loader's is set locally, to the test's end."""
    return pghistory.context(user="staff")


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
    # Not in the report: cited to the OECD DAC list that org-id.guide's XM-DAC scheme names.
    assert identifier.source.startswith("OECD DAC list of ODA-eligible international organisations")
    identifier.full_clean()
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


def test_only_madagascar_has_moved_beyond_its_request_to_a_held_workshop(seeded):
    stages = dict(PathfinderCountry.objects.with_stage().values_list("country", "stage"))

    assert stages.pop("MG") == Stage.WORKSHOP_HELD  # para. 21: no adoption is reported
    assert set(stages.values()) == {Stage.REQUESTED}


def test_madagascars_october_2018_workshop_resulted_in_an_initial_road_map_not_adopted(seeded):
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
    assert road_map.status == RoadMapStatus.DRAFT
    assert road_map.adopted_on is None
    assert road_map.source == "Progress report, para. 21"
    assert not road_map.milestones.exists()
    assert not madagascar.stage_changes.filter(stage=Stage.ROAD_MAP_ADOPTED).exists()


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
    conference = Event.objects.get(kind=EventKind.GLOBAL_CONFERENCE, status=EventStatus.HELD)

    assert "Buenos Aires Declaration" in conference.outcome
    assert "96 countries and organizations" in conference.outcome


def test_nothing_the_report_plans_is_stored_as_held(seeded):
    assert not Event.objects.filter(start_date__year__gte=2019, status=EventStatus.HELD).exists()


@pytest.mark.parametrize(
    ("title", "kind", "when", "source"),
    [
        (
            "Report on child labour and forced labour in global supply chains",
            EventKind.PUBLICATION,
            "2019",
            26,
        ),
        (
            "Global report on efforts made in pathfinder countries, at the HLPF",
            EventKind.PUBLICATION,
            "July 2019",
            27,
        ),
        (
            "Assessment of progress on the pledges of the IV Global Conference",
            EventKind.ASSESSMENT,
            "2019",
            27,
        ),
        ("V Global Conference on Child Labour", EventKind.GLOBAL_CONFERENCE, "not recorded", 28),
        (
            "Supply Chains Action Group planning meeting in Africa",
            EventKind.PLANNING_MEETING,
            "2019",
            29,
        ),
        (
            "Rule of Law and Governance Action Group initial planning meeting",
            EventKind.PLANNING_MEETING,
            "2019",
            29,
        ),
        ("Planning workshops in 14 pathfinder countries", EventKind.WORKSHOP, "2019", 30),
    ],
)
def test_the_plans_of_paragraphs_26_to_30_are_planned_events_dated_as_the_report_dates_them(
    seeded, title, kind, when, source
):
    event = Event.objects.get(title=title)

    assert (event.kind, event.status, event.when) == (kind, EventStatus.PLANNED, when)
    assert event.source == f"Progress report, para. {source}"
    if when == "2019":
        assert event.date_precision == DatePrecision.YEAR


def test_the_supply_chains_group_plans_its_second_work_plan_for_2020_to_2021(seeded):
    group = ActionGroup.objects.get(slug="supply-chains")
    plan = group.work_plans.get()

    assert plan.status == WorkPlanStatus.DRAFT
    assert (plan.start_date, plan.end_date) == (
        datetime.date(2020, 1, 1),
        datetime.date(2022, 1, 1),
    )
    assert plan.source == "Progress report, para. 29"
    assert group.meetings.get().title == "Supply Chains Action Group planning meeting in Africa"
    rule_of_law = ActionGroup.objects.get(slug="rule-of-law-and-governance")
    assert rule_of_law.meetings.get().kind == EventKind.PLANNING_MEETING


def test_child_labour_declined_by_38_per_cent_from_2000_to_2016(seeded):
    decline = GlobalEstimate.objects.get(slug="child-labour-decline-2000-2016")

    assert (decline.value, decline.unit) == (38, EstimateUnit.PERCENT)
    assert decline.source == "Progress report, para. 1"


def test_ipec_plus_is_operational_in_51_countries(seeded):
    ilo = Partner.objects.get(acronym="ILO")

    assert "(IPEC+), operational in 51 countries" in ilo.description
    assert ilo.source == "Progress report, para. 12 and 16"


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
        if model is PartnerIdentifier or not any(
            f.name == "source" for f in model._meta.get_fields()
        ):
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
def test_a_run_keeps_a_field_staff_edited_and_says_it_skipped_it():
    load()
    with as_staff():
        Partner.objects.filter(acronym="ILO").update(description="Edited by hand.")
    before = snapshot()

    output = load()

    assert snapshot() == before
    assert Partner.objects.get(acronym="ILO").description == "Edited by hand."
    assert "Skipped partner “International Labour Organization”: kept description" in output
    assert "0 created, 0 updated" in output


@pytest.mark.django_db
def test_a_run_updates_a_field_the_seed_still_owns_when_the_fact_changed():
    load()
    with pghistory.context(command="load_alliance87"):
        Partner.objects.filter(acronym="ILO").update(description="An older seed's text.")

    output = load()

    assert Partner.objects.get(acronym="ILO").description.startswith("The Office serves")
    assert "Skipped" not in output
    assert "1 updated" in output


@pytest.mark.django_db
def test_a_run_after_staff_adopted_a_newer_road_map_for_madagascar_keeps_it_and_does_not_fail():
    load()
    madagascar = PathfinderCountry.objects.get(country="MG")
    seeded_map = RoadMap.objects.get(pathfinder=madagascar)
    # As an earlier seed stored it, then staff adopt a newer one (superseding it).
    with pghistory.context(command="load_alliance87"):
        RoadMap.objects.filter(pk=seeded_map.pk).update(
            status=RoadMapStatus.ADOPTED, adopted_on=OCTOBER_2018
        )
    with as_staff():
        newer = RoadMap.objects.create(pathfinder=madagascar, title="Road map 2020–2025")
        roadmap_adopt(road_map=newer, on=datetime.date(2020, 3, 1))
        Partner.objects.filter(acronym="ILO").update(website="https://www.ilo.org/")

    output = load()

    newer.refresh_from_db()
    seeded_map.refresh_from_db()
    assert newer.status == RoadMapStatus.ADOPTED
    assert seeded_map.status == RoadMapStatus.SUPERSEDED
    assert Partner.objects.get(acronym="ILO").website == "https://www.ilo.org/"
    assert "Skipped road map “Initial road map to achieve target 8.7”: kept status" in output
    assert "kept website" in output


@pytest.mark.django_db
def test_a_run_creates_what_is_missing_and_leaves_what_staff_added():
    load()
    with as_staff():
        Event.objects.filter(slug="v-global-conference-on-child-labour").delete()
        staff_event = Event.objects.create(kind=EventKind.WORKSHOP, title="Staff's", slug="staffs")

    output = load()

    assert Event.objects.filter(slug="v-global-conference-on-child-labour").exists()
    assert Event.objects.filter(pk=staff_event.pk).exists()
    assert "1 created" in output


@pytest.mark.django_db
def test_a_run_retracts_the_road_map_adoption_an_earlier_seed_stored_unless_staff_built_on_it():
    load()
    madagascar = PathfinderCountry.objects.get(country="MG")
    with pghistory.context(command="load_alliance87"):
        StageChange.objects.create(
            pathfinder=madagascar,
            stage=Stage.ROAD_MAP_ADOPTED,
            changed_on=OCTOBER_2018,
            date_precision=DatePrecision.MONTH,
            source="Progress report, para. 21",
        )

    load()

    assert madagascar.stage_changes.order_by("pk").last().stage == Stage.WORKSHOP_HELD
    assert not madagascar.stage_changes.filter(stage=Stage.ROAD_MAP_ADOPTED).exists()


def test_development_partners_and_collaborating_organisations_are_not_counted_as_partners(seeded):
    relations = dict(Partner.objects.values_list("slug", "relations"))

    for slug in ["government-of-france", "government-of-the-united-states"]:
        assert relations[slug] == ["development_partner"]  # para. 19
    for slug in ["ilo-business-network-on-child-labour", "african-union", "g20", "bali-process"]:
        assert relations[slug] == ["collaborating"]  # paras. 17 and 22
    assert relations["un-university"] == ["partner"]  # para. 23: "a partner of Alliance 8.7"
    assert relations["government-of-australia"] == ["partner"]


def test_the_delta_87_knowledge_platform_of_para_23_is_recorded_with_its_address(seeded):
    platform = Partner.objects.get(slug="delta-8-7-knowledge-platform")

    assert platform.website == "https://delta87.org/"
    assert platform.source == "Progress report, para. 23"
    assert platform.relations == ["collaborating"]
    assert "UN University" in platform.description
