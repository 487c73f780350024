import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from pathfinders.models import PathfinderCountry, RoadMap, RoadMapStatus, Stage, StageChange
from pathfinders.services import pathfinder_advance, roadmap_adopt
from tests.factories import (
    EventFactory,
    PathfinderCountryFactory,
    RoadMapFactory,
    StageChangeFactory,
)

D = datetime.date


@pytest.mark.django_db
def test_a_new_pathfinder_advances_to_requested():
    pathfinder = PathfinderCountryFactory()

    change = pathfinder_advance(pathfinder=pathfinder, on=D(2018, 2, 1))

    assert (change.stage, change.changed_on) == (Stage.REQUESTED, D(2018, 2, 1))
    assert PathfinderCountry.objects.with_stage().get(pk=pathfinder.pk).stage == Stage.REQUESTED


@pytest.mark.django_db
def test_advancing_moves_through_the_lifecycle_by_default():
    pathfinder = PathfinderCountryFactory()
    dates = [D(2018, 2, 1), D(2018, 10, 1), D(2019, 5, 1), D(2019, 9, 1)]

    stages = [pathfinder_advance(pathfinder=pathfinder, on=on).stage for on in dates]

    assert stages == [
        Stage.REQUESTED,
        Stage.WORKSHOP_HELD,
        Stage.ROAD_MAP_ADOPTED,
        Stage.IMPLEMENTING,
    ]


@pytest.mark.django_db
def test_advancing_records_the_event_and_decision():
    pathfinder = StageChangeFactory(stage=Stage.REQUESTED).pathfinder
    workshop = EventFactory(kind="workshop")

    change = pathfinder_advance(
        pathfinder=pathfinder,
        on=D(2018, 10, 1),
        date_precision="month",
        event=workshop,
        decision="National workshop in Kathmandu.",
        source="Progress report, p. 12",
    )

    change.refresh_from_db()
    assert change.event == workshop
    assert (change.date_precision, change.decision) == ("month", "National workshop in Kathmandu.")
    assert change.source == "Progress report, p. 12"


@pytest.mark.django_db
def test_advancing_without_a_date_uses_today():
    change = pathfinder_advance(pathfinder=PathfinderCountryFactory())

    assert change.changed_on == timezone.localdate()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("current", "target"),
    [
        (Stage.IMPLEMENTING, Stage.LAPSED),
        (Stage.LAPSED, Stage.IMPLEMENTING),
        (Stage.REQUESTED, Stage.WITHDRAWN),
        (Stage.WITHDRAWN, Stage.REQUESTED),
    ],
)
def test_an_explicit_allowed_stage_is_recorded(current, target):
    pathfinder = StageChangeFactory(stage=current, changed_on=D(2019, 1, 1)).pathfinder

    change = pathfinder_advance(pathfinder=pathfinder, stage=target, on=D(2020, 1, 1))

    assert change.stage == target
    assert PathfinderCountry.objects.with_stage().get(pk=pathfinder.pk).stage == target


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("current", "target"),
    [
        (None, Stage.IMPLEMENTING),
        (Stage.REQUESTED, Stage.ROAD_MAP_ADOPTED),
        (Stage.WITHDRAWN, Stage.IMPLEMENTING),
        (Stage.IMPLEMENTING, Stage.REQUESTED),
    ],
)
def test_a_disallowed_transition_is_refused(current, target):
    pathfinder = PathfinderCountryFactory()
    if current:
        StageChangeFactory(pathfinder=pathfinder, stage=current, changed_on=D(2019, 1, 1))

    with pytest.raises(ValidationError, match="cannot move from"):
        pathfinder_advance(pathfinder=pathfinder, stage=target, on=D(2020, 1, 1))
    assert StageChange.objects.filter(stage=target).count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("current", [Stage.IMPLEMENTING, Stage.WITHDRAWN])
def test_a_stage_with_no_next_stage_needs_an_explicit_one(current):
    pathfinder = StageChangeFactory(stage=current, changed_on=D(2019, 1, 1)).pathfinder

    with pytest.raises(ValidationError, match="no next stage"):
        pathfinder_advance(pathfinder=pathfinder, on=D(2020, 1, 1))


@pytest.mark.django_db
def test_a_stage_cannot_be_dated_before_the_current_one():
    pathfinder = StageChangeFactory(stage=Stage.REQUESTED, changed_on=D(2019, 1, 1)).pathfinder

    with pytest.raises(ValidationError, match="cannot be before the current stage began"):
        pathfinder_advance(pathfinder=pathfinder, on=D(2018, 12, 31))
    assert pathfinder.stage_changes.count() == 1


@pytest.mark.django_db
def test_a_stage_may_be_dated_the_same_day_as_the_current_one():
    pathfinder = StageChangeFactory(stage=Stage.REQUESTED, changed_on=D(2019, 1, 1)).pathfinder

    change = pathfinder_advance(pathfinder=pathfinder, on=D(2019, 1, 1))

    stage = PathfinderCountry.objects.with_stage().get(pk=pathfinder.pk).stage
    assert stage == change.stage == Stage.WORKSHOP_HELD


@pytest.mark.django_db
def test_adopting_a_draft_road_map_dates_it():
    road_map = RoadMapFactory()

    adopted = roadmap_adopt(road_map=road_map, on=D(2019, 5, 1), date_precision="month")

    road_map.refresh_from_db()
    assert adopted.status == road_map.status == RoadMapStatus.ADOPTED
    assert (road_map.adopted_on, road_map.adoption_precision) == (D(2019, 5, 1), "month")


@pytest.mark.django_db
def test_adopting_without_a_date_uses_today():
    assert roadmap_adopt(road_map=RoadMapFactory()).adopted_on == timezone.localdate()


@pytest.mark.django_db
def test_adopting_a_road_map_supersedes_the_previous_one():
    previous = RoadMapFactory(status=RoadMapStatus.ADOPTED, adopted_on=D(2018, 5, 1))
    other_country = RoadMapFactory(status=RoadMapStatus.ADOPTED, adopted_on=D(2018, 5, 1))
    draft = RoadMapFactory(pathfinder=previous.pathfinder)

    roadmap_adopt(road_map=draft, on=D(2021, 5, 1))

    statuses = dict(RoadMap.objects.values_list("pk", "status"))
    assert statuses == {
        previous.pk: RoadMapStatus.SUPERSEDED,
        other_country.pk: RoadMapStatus.ADOPTED,
        draft.pk: RoadMapStatus.ADOPTED,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("status", [RoadMapStatus.ADOPTED, RoadMapStatus.SUPERSEDED])
def test_only_a_draft_road_map_can_be_adopted(status):
    road_map = RoadMapFactory(status=status, adopted_on=D(2018, 5, 1))

    with pytest.raises(ValidationError, match="Only a draft road map"):
        roadmap_adopt(road_map=road_map, on=D(2021, 5, 1))
    road_map.refresh_from_db()
    assert (road_map.status, road_map.adopted_on) == (status, D(2018, 5, 1))
