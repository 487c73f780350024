import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.testing.admin import messages_of, run_action
from pathfinders.models import PathfinderCountry, RoadMapStatus, Stage
from tests import factories as f

PATHFINDERS = reverse("admin:pathfinders_pathfindercountry_changelist")
ROAD_MAPS = reverse("admin:pathfinders_roadmap_changelist")
TODAY = {"on": timezone.localdate().isoformat(), "date_precision": "day"}


@pytest.mark.django_db
def test_advancing_pathfinders_reports_each_country(editor_client):
    ghana = f.StageChangeFactory(pathfinder__country="GH", stage=Stage.REQUESTED).pathfinder
    nepal = f.StageChangeFactory(pathfinder__country="NP", stage=Stage.IMPLEMENTING).pathfinder

    response = run_action(
        editor_client, PATHFINDERS, "advance", [ghana, nepal], apply="yes", **TODAY
    )

    assert PathfinderCountry.objects.with_stage().get(pk=ghana.pk).stage == Stage.WORKSHOP_HELD
    assert ghana.stage_changes.latest("id").changed_on == timezone.localdate()
    assert PathfinderCountry.objects.with_stage().get(pk=nepal.pk).stage == Stage.IMPLEMENTING
    assert messages_of(response) == [
        "Ghana moved to its next stage.",
        "Nepal: Nepal has no next stage after “Implementing”; choose one.",
    ]


@pytest.mark.django_db
def test_advancing_first_asks_for_the_date_and_the_event_with_today_by_default(editor_client):
    ghana = f.StageChangeFactory(pathfinder__country="GH", stage=Stage.REQUESTED).pathfinder

    response = run_action(editor_client, PATHFINDERS, "advance", [ghana])

    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.fields) >= {"on", "date_precision", "event", "decision"}
    assert form["on"].value() == timezone.localdate()
    assert ghana.stage_changes.count() == 1


@pytest.mark.django_db
def test_advancing_records_last_months_workshop_with_its_date_and_event(editor_client):
    ghana = f.StageChangeFactory(
        pathfinder__country="GH", stage=Stage.REQUESTED, changed_on=datetime.date(2019, 1, 1)
    ).pathfinder
    workshop = f.EventFactory()

    run_action(
        editor_client,
        PATHFINDERS,
        "advance",
        [ghana],
        apply="yes",
        on="2019-06-12",
        date_precision="day",
        event=workshop.pk,
        decision="The national workshop was held.",
    )

    change = ghana.stage_changes.latest("id")
    assert (change.stage, change.changed_on, change.event) == (
        Stage.WORKSHOP_HELD,
        datetime.date(2019, 6, 12),
        workshop,
    )
    assert change.decision == "The national workshop was held."


@pytest.mark.django_db
def test_the_stage_change_form_refuses_a_jump_and_says_which_moves_are_allowed(editor_client):
    ghana = f.StageChangeFactory(pathfinder__country="GH", stage=Stage.REQUESTED).pathfinder

    response = editor_client.post(
        reverse("admin:pathfinders_stagechange_add"),
        {
            "pathfinder": ghana.pk,
            "stage": Stage.IMPLEMENTING,
            "changed_on": "2030-01-01",
            "date_precision": "day",
        },
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "cannot move from “Requested” to “Implementing”" in page
    assert "“Workshop held”" in page and "record a correction" in page
    assert ghana.stage_changes.count() == 1


@pytest.mark.django_db
def test_a_correction_goes_back_to_an_earlier_stage_and_is_recorded_as_one(editor_client):
    ghana = f.StageChangeFactory(pathfinder__country="GH", stage=Stage.IMPLEMENTING).pathfinder

    response = run_action(
        editor_client,
        PATHFINDERS,
        "correct_stage",
        [ghana],
        apply="yes",
        stage=Stage.WORKSHOP_HELD,
        on="2030-01-01",
        date_precision="day",
        reason="The road map was never adopted; recorded by mistake.",
    )

    change = ghana.stage_changes.latest("id")
    assert change.is_correction and change.stage == Stage.WORKSHOP_HELD
    assert messages_of(response) == ["Ghana: the correction is recorded."]


@pytest.mark.django_db
def test_a_correction_without_a_reason_asks_again(editor_client):
    ghana = f.StageChangeFactory(pathfinder__country="GH", stage=Stage.IMPLEMENTING).pathfinder

    response = run_action(
        editor_client,
        PATHFINDERS,
        "correct_stage",
        [ghana],
        apply="yes",
        stage=Stage.REQUESTED,
        on="2030-01-01",
        date_precision="day",
    )

    assert response.status_code == 200
    assert ghana.stage_changes.count() == 1


@pytest.mark.django_db
def test_adopting_a_road_map_supersedes_the_current_one(editor_client):
    current = f.RoadMapFactory(status=RoadMapStatus.ADOPTED, adopted_on=datetime.date(2019, 1, 1))
    draft = f.RoadMapFactory(pathfinder=current.pathfinder)

    run_action(editor_client, ROAD_MAPS, "adopt", [draft], apply="yes", **TODAY)

    current.refresh_from_db()
    draft.refresh_from_db()
    assert draft.status == RoadMapStatus.ADOPTED
    assert draft.adopted_on == timezone.localdate()
    assert current.status == RoadMapStatus.SUPERSEDED


@pytest.mark.django_db
def test_adopting_an_adopted_road_map_shows_the_error(editor_client):
    road_map = f.RoadMapFactory(status=RoadMapStatus.ADOPTED, adopted_on=datetime.date(2019, 1, 1))

    response = run_action(editor_client, ROAD_MAPS, "adopt", [road_map], apply="yes", **TODAY)

    assert messages_of(response) == [f"{road_map}: Only a draft road map can be adopted."]


@pytest.mark.django_db
def test_a_pathfinder_country_is_found_by_its_name(editor_client):
    nepal = f.PathfinderCountryFactory(country="NP")
    f.PathfinderCountryFactory(country="GH")

    response = editor_client.get(PATHFINDERS, {"q": "nep"})

    assert list(response.context["cl"].result_list) == [nepal]
