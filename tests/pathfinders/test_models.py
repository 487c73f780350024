import datetime

import pytest
from django.core.exceptions import ValidationError

from core.testing.constraints import assert_insert_refused, assert_refused
from pathfinders.models import Milestone, MilestoneStatus, PathfinderCountry, RoadMapStatus, Stage
from tests.factories import (
    AnnualReportFactory,
    MilestoneFactory,
    PathfinderCountryFactory,
    RoadMapFactory,
    StageChangeFactory,
)

# ---------------------------------------------------------------- constraints


D = datetime.date


@pytest.mark.django_db
def test_a_country_is_a_pathfinder_once():
    PathfinderCountryFactory(country="NP")
    twin = PathfinderCountry(country="NP")

    with pytest.raises(ValidationError) as excinfo:
        twin.full_clean()
    assert "country" in excinfo.value.message_dict
    assert_insert_refused(twin)


@pytest.mark.django_db
def test_the_factory_gives_each_pathfinder_its_own_country():
    countries = {PathfinderCountryFactory().country.code for _ in range(5)}

    assert len(countries) == 5


@pytest.mark.django_db
def test_a_country_has_one_adopted_road_map():
    adopted = RoadMapFactory(status=RoadMapStatus.ADOPTED, adopted_on=D(2019, 5, 1))
    second = RoadMapFactory.build(
        pathfinder=adopted.pathfinder, status=RoadMapStatus.ADOPTED, adopted_on=D(2021, 5, 1)
    )

    assert_refused(second, "This country already has an adopted road map.")


@pytest.mark.django_db
def test_a_country_may_keep_superseded_and_draft_road_maps_beside_the_adopted_one():
    adopted = RoadMapFactory(status=RoadMapStatus.ADOPTED, adopted_on=D(2021, 5, 1))
    for status, adopted_on in [
        (RoadMapStatus.SUPERSEDED, D(2018, 5, 1)),
        (RoadMapStatus.DRAFT, None),
    ]:
        road_map = RoadMapFactory.build(
            pathfinder=adopted.pathfinder, status=status, adopted_on=adopted_on
        )
        road_map.full_clean()
        road_map.save()


@pytest.mark.django_db
def test_an_adopted_road_map_records_when_it_was_adopted():
    road_map = RoadMapFactory.build(
        pathfinder=PathfinderCountryFactory(), status=RoadMapStatus.ADOPTED, adopted_on=None
    )

    assert_refused(road_map, "An adopted road map records when it was adopted.")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "completed_on"),
    [(MilestoneStatus.DONE, None), (MilestoneStatus.IN_PROGRESS, D(2020, 9, 1))],
)
def test_a_milestone_has_a_completion_date_exactly_when_it_is_done(status, completed_on):
    milestone = Milestone(
        road_map=RoadMapFactory(),
        title="Hazardous work list",
        status=status,
        completed_on=completed_on,
    )

    assert_refused(milestone, "A milestone has a completion date exactly when it is done.")


@pytest.mark.django_db
def test_a_done_milestone_with_its_date_is_valid():
    MilestoneFactory(status=MilestoneStatus.DONE, completed_on=D(2020, 9, 1)).full_clean()


@pytest.mark.django_db
def test_a_country_reports_once_a_year():
    first = AnnualReportFactory(year=2020)
    second = AnnualReportFactory.build(pathfinder=first.pathfinder, year=2020)

    assert_refused(second, "This country already has a report for that year.")


@pytest.mark.django_db
@pytest.mark.parametrize("year", [2015, 2101])
def test_a_report_year_outside_the_alliances_time_is_refused(year):
    report = AnnualReportFactory.build(pathfinder=PathfinderCountryFactory(), year=year)

    assert_refused(report, "The year must be between 2016 and 2100.")


# ------------------------------------------------------------ stages, progress and the report light


D = datetime.date
TODAY = D(2022, 6, 30)


@pytest.mark.django_db
def test_a_pathfinder_without_changes_has_no_stage():
    PathfinderCountryFactory()

    assert PathfinderCountry.objects.with_stage().get().stage is None


@pytest.mark.django_db
def test_the_stage_is_the_latest_dated_change_whatever_the_order_of_entry():
    pathfinder = PathfinderCountryFactory()
    StageChangeFactory(pathfinder=pathfinder, stage=Stage.WORKSHOP_HELD, changed_on=D(2018, 10, 1))
    StageChangeFactory(pathfinder=pathfinder, stage=Stage.REQUESTED, changed_on=D(2018, 2, 1))
    # An undated change is older than any dated one: the source did not say when it happened.
    StageChangeFactory(pathfinder=pathfinder, stage=Stage.LAPSED, changed_on=None)

    assert PathfinderCountry.objects.with_stage().get().stage == Stage.WORKSHOP_HELD


@pytest.mark.django_db
def test_changes_on_one_day_are_ordered_by_entry():
    pathfinder = PathfinderCountryFactory()
    StageChangeFactory(pathfinder=pathfinder, stage=Stage.REQUESTED, changed_on=D(2018, 2, 1))
    StageChangeFactory(pathfinder=pathfinder, stage=Stage.WORKSHOP_HELD, changed_on=D(2018, 2, 1))

    assert PathfinderCountry.objects.with_stage().get().stage == Stage.WORKSHOP_HELD


@pytest.mark.django_db
def test_each_pathfinder_has_its_own_stage():
    nepal = StageChangeFactory(stage=Stage.IMPLEMENTING, pathfinder__country="NP").pathfinder
    ghana = StageChangeFactory(stage=Stage.REQUESTED, pathfinder__country="GH").pathfinder

    stages = dict(PathfinderCountry.objects.with_stage().values_list("pk", "stage"))

    assert stages == {nepal.pk: Stage.IMPLEMENTING, ghana.pk: Stage.REQUESTED}


@pytest.mark.django_db
def test_road_map_progress_counts_done_milestones_over_those_not_cancelled():
    road_map = RoadMapFactory()
    MilestoneFactory(road_map=road_map, status=MilestoneStatus.DONE, completed_on=D(2020, 1, 1))
    MilestoneFactory(road_map=road_map, status=MilestoneStatus.DONE, completed_on=D(2020, 2, 1))
    MilestoneFactory(road_map=road_map, status=MilestoneStatus.IN_PROGRESS)
    MilestoneFactory(road_map=road_map, status=MilestoneStatus.DELAYED)
    MilestoneFactory(road_map=road_map, status=MilestoneStatus.CANCELLED)
    MilestoneFactory(status=MilestoneStatus.DONE, completed_on=D(2020, 1, 1))

    assert road_map.progress() == (2, 4)


@pytest.mark.django_db
def test_a_road_map_without_milestones_has_no_progress():
    assert RoadMapFactory().progress() == (0, 0)


def days_before(days):
    return TODAY - datetime.timedelta(days=days)


@pytest.fixture
def adopted(db):
    """A pathfinder whose road map was adopted long ago."""
    return RoadMapFactory(status=RoadMapStatus.ADOPTED, adopted_on=D(2018, 1, 1)).pathfinder


@pytest.mark.parametrize(
    ("age", "light"),
    [(0, "green"), (365, "green"), (366, "yellow"), (456, "yellow"), (457, "red")],
)
def test_the_report_light_follows_the_age_of_the_last_report(adopted, age, light):
    AnnualReportFactory(pathfinder=adopted, year=2019, submitted_on=D(2019, 3, 1))
    AnnualReportFactory(pathfinder=adopted, year=2021, submitted_on=days_before(age))

    assert adopted.report_light(on=TODAY) == light


def test_a_report_submitted_after_the_date_is_not_counted(adopted):
    AnnualReportFactory(pathfinder=adopted, year=2020, submitted_on=days_before(500))
    AnnualReportFactory(pathfinder=adopted, year=2022, submitted_on=TODAY + datetime.timedelta(1))
    AnnualReportFactory(pathfinder=adopted, year=2021, submitted_on=None)

    assert adopted.report_light(on=TODAY) == "red"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("age", "light"), [(100, "grey"), (365, "grey"), (366, "red"), (800, "red")]
)
def test_a_country_that_never_reported_is_grey_until_a_year_after_adoption_then_red(age, light):
    pathfinder = RoadMapFactory(
        status=RoadMapStatus.ADOPTED, adopted_on=days_before(age)
    ).pathfinder

    assert pathfinder.report_light(on=TODAY) == light


@pytest.mark.django_db
def test_a_country_with_no_report_and_no_adopted_road_map_is_grey_not_green():
    draft = RoadMapFactory(status=RoadMapStatus.DRAFT).pathfinder
    adopted_later = RoadMapFactory(
        status=RoadMapStatus.ADOPTED, adopted_on=TODAY + datetime.timedelta(days=1)
    ).pathfinder

    assert draft.report_light(on=TODAY) == "grey"
    assert adopted_later.report_light(on=TODAY) == "grey"
    assert PathfinderCountryFactory().report_light(on=TODAY) == "grey"


@pytest.mark.django_db
def test_the_annotated_report_dates_give_the_same_light_without_a_query(
    django_assert_num_queries,
):
    overdue = RoadMapFactory(status=RoadMapStatus.ADOPTED, adopted_on=days_before(800)).pathfinder
    reported = RoadMapFactory(status=RoadMapStatus.ADOPTED, adopted_on=days_before(800)).pathfinder
    AnnualReportFactory(pathfinder=reported, year=2025, submitted_on=days_before(30))
    never = PathfinderCountryFactory()

    rows = {p.pk: p for p in PathfinderCountry.objects.with_report_dates(on=TODAY)}

    with django_assert_num_queries(0):
        assert rows[overdue.pk].report_light(on=TODAY) == "red"
        assert rows[reported.pk].report_light(on=TODAY) == "green"
        assert rows[never.pk].report_light(on=TODAY) == "grey"
