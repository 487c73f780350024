"""Pathfinder countries, stage changes, road maps, milestones and annual reports."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api.schema import error
from core.api.viewsets import RegistryViewSet
from pathfinders import services
from pathfinders.filters import (
    AnnualReportFilterSet,
    MilestoneFilterSet,
    PathfinderCountryFilterSet,
    RoadMapFilterSet,
    StageChangeFilterSet,
)
from pathfinders.models import AnnualReport, Milestone, PathfinderCountry, RoadMap, StageChange

from .serializers import (
    AdoptionSerializer,
    AdvanceSerializer,
    AnnualReportSerializer,
    MilestoneSerializer,
    PathfinderCountrySerializer,
    RoadMapSerializer,
    StageChangeSerializer,
)


class PathfinderCountryViewSet(RegistryViewSet):
    """Countries that committed to go further or faster towards target 8.7.

    Found by ISO 3166 code, in either case (`/api/v1/pathfinders/np/` or `/NP/`). `stage` is the
    latest stage change and `report_light` its annual-report traffic light (green, yellow, red,
    grey); move a country on with `POST /api/v1/pathfinders/<iso2>/advance/`.
    `government` is the government partner, `focal_points` the national focal-point
    organisations and `workshops` its events (write lists of ids or slugs). Filter by `stage`
    and `region`.
    """

    queryset = (
        PathfinderCountry.objects.with_stage()
        .select_related("government")
        .prefetch_related("focal_points", "workshops")
    )
    serializer_class = PathfinderCountrySerializer
    filterset_class = PathfinderCountryFilterSet
    lookup_field = "country"
    lookup_value_regex = r"[A-Za-z]{2}"
    action_permissions = {"advance": ["pathfinders.add_stagechange"]}

    def get_queryset(self):
        # Today's report dates, annotated per request (a class attribute would keep the day the
        # process started): the light costs no query a row.
        return super().get_queryset().with_report_dates()

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()

    @extend_schema(
        request=AdvanceSerializer,
        responses={201: StageChangeSerializer, 400: error("400")},
        summary=_("Move a pathfinder country to its next stage"),
    )
    @action(detail=True, methods=["post"])
    def advance(self, request, country=None):
        """Record the country's move to `stage`, by default the next one in the lifecycle.

        Requested → workshop held → road map adopted → implementing; a country may lapse or
        withdraw from any stage, and a withdrawn country starts again with a new request. A move
        the lifecycle does not allow, or dated before the current stage began, is a 400.
        Answers the new stage change.
        """
        pathfinder = self.get_object()
        body = AdvanceSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        change = services.pathfinder_advance(pathfinder=pathfinder, **body.validated_data)
        data = StageChangeSerializer(change, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_201_CREATED)


class StageChangeViewSet(RegistryViewSet):
    """Each stage a pathfinder country reached, with its date and the event or decision behind it.

    `changed_on` is stored to the day; `date_precision` says how much of it the source gives.
    Filter by `pathfinder` (ISO code) and `stage`.
    """

    queryset = StageChange.objects.select_related("pathfinder", "event")
    serializer_class = StageChangeSerializer
    filterset_class = StageChangeFilterSet


class RoadMapViewSet(RegistryViewSet):
    """Pathfinder countries' road maps: joint plans of action over a period.

    A road map is created as a draft and adopted with `POST /api/v1/road-maps/<id>/adopt/`
    (which supersedes the country's previous one: at most one is adopted per country), so
    `status` and `adopted_on` are read-only here. `milestones_done` over `milestones_counted`
    is its progress. Filter by `pathfinder` (ISO code), `status` and `as_of`.
    """

    queryset = RoadMap.objects.select_related("pathfinder").prefetch_related("milestones")
    serializer_class = RoadMapSerializer
    filterset_class = RoadMapFilterSet
    action_permissions = {"adopt": ["pathfinders.change_roadmap"]}

    @extend_schema(
        request=AdoptionSerializer,
        responses={200: RoadMapSerializer, 400: error("400")},
        summary=_("Adopt a draft road map"),
    )
    @action(detail=True, methods=["post"])
    def adopt(self, request, pk=None):
        """Adopt this draft road map on `on` (today if omitted); the previous one is superseded.

        Only a draft can be adopted (a 400 otherwise). Answers the adopted road map.
        """
        road_map = self.get_object()
        body = AdoptionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.roadmap_adopt(road_map=road_map, **body.validated_data)
        fresh = self.get_queryset().get(pk=road_map.pk)
        return Response(self.get_serializer(fresh).data)


class MilestoneViewSet(RegistryViewSet):
    """What road maps commit to: a title, responsible partners, a due date and a status.

    A milestone has `completed_on` exactly when it is `done`. `responsible_partners` is a list
    of partners (write ids or slugs). Filter by `road_map` (id), `pathfinder` (ISO code),
    `status`, `responsible_partner` (slug) and `due_before`.
    """

    queryset = Milestone.objects.select_related("road_map").prefetch_related("responsible_partners")
    serializer_class = MilestoneSerializer
    filterset_class = MilestoneFilterSet


class AnnualReportViewSet(RegistryViewSet):
    """Pathfinder countries' yearly reports on their road maps; one per country and year.

    `submitted_on` drives the country's reporting traffic light. Filter by `pathfinder` (ISO
    code) and `year`.
    """

    queryset = AnnualReport.objects.select_related("pathfinder")
    serializer_class = AnnualReportSerializer
    filterset_class = AnnualReportFilterSet
