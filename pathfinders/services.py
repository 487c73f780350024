"""Pathfinder operations: moving a country to its next stage, adopting a road map."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import DatePrecision
from governance.models import Event

from .models import PathfinderCountry, RoadMap, RoadMapStatus, Stage, StageChange

NEXT_STAGE = {
    None: Stage.REQUESTED,
    Stage.REQUESTED: Stage.WORKSHOP_HELD,
    Stage.WORKSHOP_HELD: Stage.ROAD_MAP_ADOPTED,
    Stage.ROAD_MAP_ADOPTED: Stage.IMPLEMENTING,
    Stage.LAPSED: Stage.IMPLEMENTING,
}


def _latest_change(pathfinder: PathfinderCountry) -> StageChange | None:
    return pathfinder.stage_changes.latest_first().first()


@transaction.atomic
def pathfinder_advance(
    *,
    pathfinder: PathfinderCountry,
    stage: str | None = None,
    on: datetime.date | None = None,
    date_precision: str = DatePrecision.DAY,
    event: Event | None = None,
    decision: str = "",
    source: str = "",
) -> StageChange:
    """Record the country's move to `stage` (by default the next one in the lifecycle).

    StageChange.clean() holds the rule of which moves are allowed.
    """
    PathfinderCountry.objects.select_for_update().get(pk=pathfinder.pk)
    latest = _latest_change(pathfinder)
    current = Stage(latest.stage) if latest else None
    target = Stage(stage) if stage else NEXT_STAGE.get(current)
    if target is None:
        raise ValidationError(
            _("%(country)s has no next stage after “%(current)s”; choose one.")
            % {"country": pathfinder, "current": current.label if current else _("no stage")}
        )
    on = on if on is not None else timezone.localdate()
    change = StageChange(
        pathfinder=pathfinder,
        stage=target,
        changed_on=on,
        date_precision=date_precision,
        event=event,
        decision=decision,
        source=source,
    )
    change.full_clean()
    change.save()
    return change


@transaction.atomic
def pathfinder_correct_stage(
    *,
    pathfinder: PathfinderCountry,
    stage: str,
    reason: str,
    on: datetime.date | None = None,
    date_precision: str = DatePrecision.DAY,
    source: str = "",
) -> StageChange:
    """Record a correction: the country's stage is `stage` from `on`, whatever it was, and why."""
    PathfinderCountry.objects.select_for_update().get(pk=pathfinder.pk)
    change = StageChange(
        pathfinder=pathfinder,
        stage=stage,
        changed_on=on if on is not None else timezone.localdate(),
        date_precision=date_precision,
        decision=reason,
        is_correction=True,
        source=source,
    )
    change.full_clean()
    change.save()
    return change


@transaction.atomic
def roadmap_adopt(
    *,
    road_map: RoadMap,
    on: datetime.date | None = None,
    date_precision: str = DatePrecision.DAY,
) -> RoadMap:
    """Adopt a draft road map; the country's previously adopted one is superseded."""
    PathfinderCountry.objects.select_for_update().get(pk=road_map.pathfinder_id)
    road_map = RoadMap.objects.select_for_update().get(pk=road_map.pk)
    if road_map.status != RoadMapStatus.DRAFT:
        raise ValidationError(_("Only a draft road map can be adopted."))
    on = on if on is not None else timezone.localdate()
    RoadMap.objects.filter(pathfinder=road_map.pathfinder_id, status=RoadMapStatus.ADOPTED).update(
        status=RoadMapStatus.SUPERSEDED
    )
    road_map.status = RoadMapStatus.ADOPTED
    road_map.adopted_on = on
    road_map.adoption_precision = date_precision
    road_map.full_clean()
    road_map.save()
    return road_map
