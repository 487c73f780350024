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
# Which stages each stage may move to; a withdrawn country starts again with a new request.
ALLOWED = {
    None: {Stage.REQUESTED},
    Stage.REQUESTED: {Stage.WORKSHOP_HELD, Stage.LAPSED, Stage.WITHDRAWN},
    Stage.WORKSHOP_HELD: {Stage.ROAD_MAP_ADOPTED, Stage.LAPSED, Stage.WITHDRAWN},
    Stage.ROAD_MAP_ADOPTED: {Stage.IMPLEMENTING, Stage.LAPSED, Stage.WITHDRAWN},
    Stage.IMPLEMENTING: {Stage.LAPSED, Stage.WITHDRAWN},
    Stage.LAPSED: {Stage.IMPLEMENTING, Stage.WITHDRAWN},
    Stage.WITHDRAWN: {Stage.REQUESTED},
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
    """Record the country's move to `stage` (by default the next one in the lifecycle)."""
    PathfinderCountry.objects.select_for_update().get(pk=pathfinder.pk)
    latest = _latest_change(pathfinder)
    current = Stage(latest.stage) if latest else None
    target = Stage(stage) if stage else NEXT_STAGE.get(current)
    if target is None or target not in ALLOWED[current]:
        raise ValidationError(
            _("%(country)s cannot move from “%(current)s” to “%(target)s”.")
            % {
                "country": pathfinder,
                "current": current.label if current else _("no stage"),
                "target": target.label if target else _("a next stage"),
            }
        )
    on = on if on is not None else timezone.localdate()
    if latest and latest.changed_on and on < latest.changed_on:
        raise ValidationError(
            _("The date cannot be before the current stage began (%(date)s).")
            % {"date": latest.changed_on}
        )
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
