"""Public pages of the pathfinder countries: the world map and each country's page."""

from collections import Counter

from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.caching import cacheable_when_anonymous
from core.models import format_partial_date
from core.translation import localized_text
from governance.models import Event
from partners.models import Partner, partner_columns_beside_link, partner_link_fields

from .filters import PathfinderCountryFilterSet
from .models import (
    Milestone,
    PathfinderCountry,
    PathfinderSettings,
    RoadMap,
    RoadMapStatus,
    Stage,
    StageChange,
    TrafficLight,
)
from .worldmap import world


@cacheable_when_anonymous
def pathfinder_list(request):
    # `?as_of=YYYY-MM-DD`: the countries as they stood on a date, as the API answers it.
    filters = PathfinderCountryFilterSet(request.GET or None)
    as_of = filters.form.cleaned_data.get("as_of") if filters.form.is_valid() else None
    countries = (
        PathfinderCountry.objects.as_of(as_of, dated=True)
        if as_of is not None
        else PathfinderCountry.objects.with_stage(dated=True)
    )
    pathfinders = sorted(
        countries.select_related("government"),
        key=lambda pathfinder: pathfinder.country.name,
    )
    paths = world().paths
    for pathfinder in pathfinders:
        pathfinder.stage_label = _stage_label(pathfinder.stage)
        pathfinder.since = format_partial_date(pathfinder.stage_on, pathfinder.stage_precision)
        pathfinder.map_path = paths.get(pathfinder.country.code, "")
    counts = Counter(pathfinder.stage for pathfinder in pathfinders)
    stages = [(value, label, counts[value]) for value, label in Stage.choices]
    if counts[None]:
        stages.append(("none", _("No stage recorded"), counts[None]))
    drawn = {pathfinder.country.code for pathfinder in pathfinders if pathfinder.map_path}
    context = {
        "as_of": as_of,
        "pathfinders": pathfinders,
        "stages": stages,
        "land": [path for code, path in paths.items() if code not in drawn],
        "not_drawn": [pathfinder for pathfinder in pathfinders if not pathfinder.map_path],
        "world": world(),
    }
    return render(request, "pathfinders/pathfinder_list.html", context)


@cacheable_when_anonymous
def pathfinder_detail(request, iso2):
    if iso2 != iso2.lower():
        return redirect("pathfinders:pathfinder_detail", iso2=iso2.lower(), permanent=True)
    linked = Partner.objects.only(*partner_link_fields())
    milestones = Milestone.objects.prefetch_related(Prefetch("responsible_partners", linked))
    queryset = (
        PathfinderCountry.objects.with_stage()
        .with_report_dates()
        .select_related("government")
        .defer(*partner_columns_beside_link("government"))
        .prefetch_related(
            Prefetch("focal_points", linked),
            "annual_reports",
            Prefetch("stage_changes", queryset=StageChange.objects.select_related("event")),
            Prefetch("workshops", queryset=Event.objects.order_by(F("start_date").asc())),
            Prefetch(
                "road_maps",
                queryset=RoadMap.objects.prefetch_related(Prefetch("milestones", milestones)),
            ),
        )
    )
    pathfinder = queryset.filter(country=iso2.upper()).first()
    if pathfinder is None:
        raise Http404(_("No pathfinder country has that code."))
    changes = list(pathfinder.stage_changes.all())
    road_maps = list(pathfinder.road_maps.all())
    road_map = next((r for r in road_maps if r.status == RoadMapStatus.ADOPTED), None)
    light = pathfinder.report_light()
    context = {
        "pathfinder": pathfinder,
        "stage_label": _stage_label(pathfinder.stage),
        "changes": changes,
        "current_change": next((c for c in changes if c.pk == pathfinder.stage_change_id), None),
        "road_map": road_map,
        "other_road_maps": [r for r in road_maps if r is not road_map],
        "progress": _progress(road_map),
        "responsible": _responsible(road_map),
        "light": light,
        "light_label": TrafficLight(light).label,
        "delta87_url": PathfinderSettings.current().delta87_url(pathfinder.country),
        "breadcrumbs": [
            (_("Pathfinder countries"), reverse("pathfinders:pathfinder_list")),
            (pathfinder.country.name, None),
        ],
    }
    return render(request, "pathfinders/pathfinder_detail.html", context)


def _stage_label(stage: str | None) -> str:
    return Stage(stage).label if stage else _("No stage recorded")


def _progress(road_map: RoadMap | None) -> dict | None:
    if road_map is None:
        return None
    done, counted = road_map.progress()
    percent = round(100 * done / counted) if counted else 0
    return {"done": done, "counted": counted, "percent": percent, "step": 5 * round(percent / 5)}


def _responsible(road_map: RoadMap | None) -> list:
    if road_map is None:
        return []
    partners = {p.pk: p for m in road_map.milestones.all() for p in m.responsible_partners.all()}
    return sorted(partners.values(), key=lambda partner: localized_text(partner, "name").casefold())
