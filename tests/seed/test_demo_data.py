from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_countries import countries

from action_groups.models import Activity, Membership, WorkPlan
from governance.models import Event, Pledge, PledgeAssessment, SeatTerm
from partners.models import Category, Partner, PartnerIdentifier
from pathfinders.models import AnnualReport, Milestone, PathfinderCountry, RoadMap, StageChange
from seed.facts import PATHFINDER_CODES
from tests.factories import PartnerFactory
from tests.history import tracked_models

MARKER = "Demo data (generate_demo_data --seed 7)"


def generate(**options):
    out = StringIO()
    options = {"partners": 50, "seed": 7, "verbosity": 0, **options}
    call_command("generate_demo_data", stdout=out, **options)
    return out.getvalue()


def with_source():
    return [m for m in tracked_models() if any(f.name == "source" for f in m._meta.get_fields())]


def fingerprint():
    """The demo data without ids or timestamps, which differ from run to run."""
    return {
        "partners": list(
            Partner.objects.order_by("slug").values_list(
                "name", "slug", "acronym", "category", "country", "themes", "joined_on", "status"
            )
        ),
        "identifiers": sorted(
            PartnerIdentifier.objects.values_list("partner__slug", "scheme", "identifier")
        ),
        "events": list(Event.objects.order_by("slug").values_list("slug", "title", "start_date")),
        "pledges": sorted(Pledge.objects.values_list("partner__slug", "event__slug", "title")),
        "assessments": sorted(
            PledgeAssessment.objects.values_list("pledge__title", "assessed_on", "progress")
        ),
        "seat_terms": sorted(SeatTerm.objects.values_list("partner__slug", "start_date")),
        "memberships": sorted(
            Membership.objects.values_list("group__slug", "partner__slug", "role", "start_date")
        ),
        "activities": sorted(
            Activity.objects.values_list("work_plan__group__slug", "title", "due_date", "status")
        ),
        "stages": sorted(
            StageChange.objects.values_list("pathfinder__country", "stage", "changed_on")
        ),
        "road_maps": sorted(
            RoadMap.objects.values_list("pathfinder__country", "title", "status", "adopted_on")
        ),
        "milestones": sorted(
            Milestone.objects.values_list("road_map__title", "title", "due_date", "status")
        ),
        "reports": sorted(
            AnnualReport.objects.values_list("pathfinder__country", "year", "submitted_on")
        ),
    }


def snapshot(queryset_for):
    return {m: sorted(queryset_for(m).values_list("pk", "updated")) for m in tracked_models()}


def real_rows(model):
    if model in with_source():
        return model.objects.exclude(source__startswith="Demo data")
    if any(f.name == "partner" for f in model._meta.get_fields()):
        return model.objects.exclude(partner__slug__startswith="demo-")
    return model.objects.all()  # settings: the demo writes none


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_data():
    generate()
    first = fingerprint()

    generate(clear=True)

    assert fingerprint() == first
    assert len(first["partners"]) == 50


@pytest.mark.django_db
def test_another_seed_gives_other_data():
    generate()
    first = fingerprint()

    generate(seed=8, clear=True)

    assert fingerprint()["partners"] != first["partners"]


@pytest.mark.django_db
def test_every_demo_row_is_marked():
    generate()

    for model in with_source():
        assert set(model.objects.values_list("source", flat=True)) <= {MARKER}, model
    partners = Partner.objects.all()
    assert all(p.slug.startswith("demo-") and "(demo " in p.name for p in partners)
    assert all(e.slug.startswith("demo-") for e in Event.objects.all())


@pytest.mark.django_db
def test_demo_partners_span_categories_and_carry_valid_identifiers():
    generate(partners=400)

    assert set(Partner.objects.values_list("category", flat=True)) == set(Category.values)
    for identifier in PartnerIdentifier.objects.select_related("partner")[:50]:
        identifier.full_clean()
    assert set(PartnerIdentifier.objects.values_list("scheme", flat=True)) <= {
        "XM-DAC",
        "GB-CHC",
        "US-EIN",
        "XI-IATI",
    }


@pytest.mark.django_db
def test_demo_rows_pass_model_validation():
    generate()

    for model in [Partner, Event, Membership, WorkPlan, RoadMap, Milestone, StageChange]:
        for row in model.objects.all()[:40]:
            row.full_clean()


@pytest.mark.django_db
def test_every_country_not_yet_a_pathfinder_gets_road_maps_with_milestones():
    call_command("load_alliance87", stdout=StringIO())

    generate()

    demo = PathfinderCountry.objects.filter(source=MARKER)
    assert demo.count() == len(countries) - len(PATHFINDER_CODES)
    assert not demo.filter(country__in=PATHFINDER_CODES).exists()
    for pathfinder in demo.prefetch_related("road_maps__milestones")[:30]:
        road_maps = list(pathfinder.road_maps.all())
        assert road_maps
        assert all(len(r.milestones.all()) >= 4 for r in road_maps)


@pytest.mark.django_db
def test_demo_data_leaves_the_seed_facts_untouched():
    call_command("load_alliance87", stdout=StringIO())
    before = snapshot(real_rows)

    generate()
    after_generation = snapshot(real_rows)
    generate(partners=0, clear=True)

    assert after_generation == before
    assert snapshot(real_rows) == before


@pytest.mark.django_db
def test_clear_removes_only_demo_rows():
    call_command("load_alliance87", stdout=StringIO())
    own = PartnerFactory(name="Kenya Federation of Employers", slug="kenya-federation")
    generate()

    output = generate(partners=0, clear=True)

    for model in with_source():
        assert not model.objects.filter(source__startswith="Demo data").exists(), model
    assert not Partner.objects.filter(slug__startswith="demo-").exists()
    assert Partner.objects.filter(pk=own.pk).exists()
    assert PathfinderCountry.objects.count() == 15
    assert "Deleted" in output


@pytest.mark.django_db
def test_running_again_with_the_same_seed_and_count_does_nothing():
    generate()
    events = sum(m.pgh_event_model.objects.count() for m in tracked_models())

    output = generate()

    assert "already there" in output
    assert sum(m.pgh_event_model.objects.count() for m in tracked_models()) == events


@pytest.mark.django_db
def test_other_demo_data_is_replaced_only_with_clear():
    generate()

    with pytest.raises(CommandError, match="--clear"):
        generate(partners=60)
    assert Partner.objects.count() == 50


@pytest.mark.django_db
def test_history_records_the_demo_rows_under_the_command():
    generate()

    events = Partner.pgh_event_model.objects.select_related("pgh_context")

    assert events.count() == 50
    assert {e.pgh_context.metadata["command"] for e in events} == {"generate_demo_data"}


@pytest.mark.django_db
def test_demo_workshops_are_linked_to_their_country_and_stage():
    generate()

    held = StageChange.objects.filter(stage="workshop_held").select_related("event", "pathfinder")

    assert held.exists()
    for change in held:
        assert change.event.country == change.pathfinder.country
        assert change.pathfinder.workshops.filter(pk=change.event.pk).exists()
