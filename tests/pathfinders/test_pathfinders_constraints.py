import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from pathfinders.models import Milestone, MilestoneStatus, PathfinderCountry, RoadMapStatus
from tests.factories import (
    AnnualReportFactory,
    MilestoneFactory,
    PathfinderCountryFactory,
    RoadMapFactory,
)

D = datetime.date


def assert_clean_refuses(obj, message):
    with pytest.raises(ValidationError) as excinfo:
        obj.full_clean()
    assert str(message) in excinfo.value.messages


def assert_insert_refused(obj):
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()


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

    assert_clean_refuses(second, "This country already has an adopted road map.")
    assert_insert_refused(second)


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

    assert_clean_refuses(road_map, "An adopted road map records when it was adopted.")
    assert_insert_refused(road_map)


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

    assert_clean_refuses(milestone, "A milestone has a completion date exactly when it is done.")
    assert_insert_refused(milestone)


@pytest.mark.django_db
def test_a_done_milestone_with_its_date_is_valid():
    MilestoneFactory(status=MilestoneStatus.DONE, completed_on=D(2020, 9, 1)).full_clean()


@pytest.mark.django_db
def test_a_country_reports_once_a_year():
    first = AnnualReportFactory(year=2020)
    second = AnnualReportFactory.build(pathfinder=first.pathfinder, year=2020)

    assert_clean_refuses(second, "This country already has a report for that year.")
    assert_insert_refused(second)


@pytest.mark.django_db
@pytest.mark.parametrize("year", [2015, 2101])
def test_a_report_year_outside_the_alliances_time_is_refused(year):
    report = AnnualReportFactory.build(pathfinder=PathfinderCountryFactory(), year=year)

    assert_clean_refuses(report, "The year must be between 2016 and 2100.")
    assert_insert_refused(report)
