"""Pathfinder countries, their stages, road maps, milestones and annual reports."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api.serializers import REGISTRY_FIELDS, BriefRelatedField, RegistrySerializer
from core.models import DatePrecision
from governance.models import Event
from pathfinders.models import (
    AnnualReport,
    Milestone,
    PathfinderCountry,
    RoadMap,
    Stage,
    StageChange,
    TrafficLight,
)


class PathfinderCountrySerializer(RegistrySerializer):
    stage = serializers.ChoiceField(
        choices=Stage.choices,
        read_only=True,
        allow_null=True,
        help_text=_(
            "The current stage: the latest stage change (null before the first); with "
            "`as_of`, the stage on that date."
        ),
    )
    report_light = serializers.ChoiceField(
        choices=TrafficLight.choices,
        read_only=True,
        help_text=_(
            "The annual-report traffic light today: green, a report submitted within the last "
            "year; yellow, the last one is 12 to 15 months old (due); red, older, or none a year "
            "after the first road map's adoption (overdue); grey, no report yet and none due."
        ),
    )

    class Meta:
        model = PathfinderCountry
        fields = [
            *REGISTRY_FIELDS,
            "stage",
            "report_light",
            "country",
            "official_response",
            "source",
            "government",
            "focal_points",
            "workshops",
        ]


class StageChangeSerializer(RegistrySerializer):
    class Meta:
        model = StageChange
        fields = [
            *REGISTRY_FIELDS,
            "stage",
            "changed_on",
            "date_precision",
            "decision",
            "source",
            "pathfinder",
            "event",
            "is_correction",
        ]


class RoadMapSerializer(RegistrySerializer):
    milestones_done = serializers.SerializerMethodField(
        help_text=_("Milestones done (cancelled ones are not counted).")
    )
    milestones_counted = serializers.SerializerMethodField(
        help_text=_("Milestones that are not cancelled.")
    )

    class Meta:
        model = RoadMap
        fields = [
            *REGISTRY_FIELDS,
            "milestones_done",
            "milestones_counted",
            "start_date",
            "end_date",
            "title",
            "status",
            "adopted_on",
            "adoption_precision",
            "document_url",
            "source",
            "pathfinder",
        ]
        read_only_fields = ["status", "adopted_on", "adoption_precision"]

    def get_milestones_done(self, road_map) -> int:
        return road_map.progress()[0]

    def get_milestones_counted(self, road_map) -> int:
        return road_map.progress()[1]


class MilestoneSerializer(RegistrySerializer):
    class Meta:
        model = Milestone
        fields = [
            *REGISTRY_FIELDS,
            "title",
            "due_date",
            "status",
            "completed_on",
            "evidence_url",
            "source",
            "road_map",
            "responsible_partners",
        ]


class AnnualReportSerializer(RegistrySerializer):
    class Meta:
        model = AnnualReport
        fields = [*REGISTRY_FIELDS, "year", "submitted_on", "document_url", "source", "pathfinder"]


class AdvanceSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(
        choices=Stage.choices,
        required=False,
        allow_null=True,
        help_text=_("The stage to move to; the next one in the lifecycle if omitted."),
    )
    on = serializers.DateField(required=False, allow_null=True, help_text=_("Today if omitted."))
    date_precision = serializers.ChoiceField(
        choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    event = BriefRelatedField(
        queryset=Event.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("The event behind the change (id or slug), such as the national workshop."),
    )
    decision = serializers.CharField(required=False, allow_blank=True, default="")
    source = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)


class AdoptionSerializer(serializers.Serializer):
    on = serializers.DateField(required=False, allow_null=True, help_text=_("Today if omitted."))
    date_precision = serializers.ChoiceField(
        choices=DatePrecision.choices, default=DatePrecision.DAY
    )
