import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.testing.admin import messages_of, run_action
from pathfinders.models import PathfinderCountry, RoadMapStatus, Stage
from tests import factories as f

PATHFINDERS = reverse("admin:pathfinders_pathfindercountry_changelist")
ROAD_MAPS = reverse("admin:pathfinders_roadmap_changelist")


@pytest.mark.django_db
def test_advancing_pathfinders_reports_each_country(editor_client):
    ghana = f.StageChangeFactory(pathfinder__country="GH", stage=Stage.REQUESTED).pathfinder
    nepal = f.StageChangeFactory(pathfinder__country="NP", stage=Stage.IMPLEMENTING).pathfinder

    response = run_action(editor_client, PATHFINDERS, "advance", [ghana, nepal])

    assert PathfinderCountry.objects.with_stage().get(pk=ghana.pk).stage == Stage.WORKSHOP_HELD
    assert ghana.stage_changes.latest("id").changed_on == timezone.localdate()
    assert PathfinderCountry.objects.with_stage().get(pk=nepal.pk).stage == Stage.IMPLEMENTING
    assert messages_of(response) == [
        "Ghana moved to its next stage.",
        "Nepal: Nepal cannot move from “Implementing” to “a next stage”.",
    ]


@pytest.mark.django_db
def test_adopting_a_road_map_supersedes_the_current_one(editor_client):
    current = f.RoadMapFactory(status=RoadMapStatus.ADOPTED, adopted_on=datetime.date(2019, 1, 1))
    draft = f.RoadMapFactory(pathfinder=current.pathfinder)

    run_action(editor_client, ROAD_MAPS, "adopt", [draft])

    current.refresh_from_db()
    draft.refresh_from_db()
    assert draft.status == RoadMapStatus.ADOPTED
    assert draft.adopted_on == timezone.localdate()
    assert current.status == RoadMapStatus.SUPERSEDED


@pytest.mark.django_db
def test_adopting_an_adopted_road_map_shows_the_error(editor_client):
    road_map = f.RoadMapFactory(status=RoadMapStatus.ADOPTED, adopted_on=datetime.date(2019, 1, 1))

    response = run_action(editor_client, ROAD_MAPS, "adopt", [road_map])

    assert messages_of(response) == [f"{road_map}: Only a draft road map can be adopted."]


@pytest.mark.django_db
def test_a_pathfinder_country_is_found_by_its_name(editor_client):
    nepal = f.PathfinderCountryFactory(country="NP")
    f.PathfinderCountryFactory(country="GH")

    response = editor_client.get(PATHFINDERS, {"q": "nep"})

    assert list(response.context["cl"].result_list) == [nepal]
