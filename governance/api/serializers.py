"""The GCG (constituencies, seats, seat and office terms), events, pledges and global estimates."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api.serializers import REGISTRY_FIELDS, BriefRelatedField, RegistrySerializer
from governance.models import (
    Constituency,
    Event,
    GlobalEstimate,
    OfficeTerm,
    Pledge,
    PledgeAssessment,
    PledgeProgress,
    Seat,
    SeatTerm,
)
from partners.models import Partner


class ConstituencySerializer(RegistrySerializer):
    class Meta:
        model = Constituency
        fields = [*REGISTRY_FIELDS, "name", "slug", "position", "source"]


class SeatSerializer(RegistrySerializer):
    class Meta:
        model = Seat
        fields = [*REGISTRY_FIELDS, "region", "number", "source", "constituency"]


class SeatTermSerializer(RegistrySerializer):
    class Meta:
        model = SeatTerm
        fields = [*REGISTRY_FIELDS, "start_date", "end_date", "source", "seat", "partner"]


class OfficeTermSerializer(RegistrySerializer):
    class Meta:
        model = OfficeTerm
        fields = [*REGISTRY_FIELDS, "start_date", "end_date", "office", "source", "partner"]


class EventSerializer(RegistrySerializer):
    class Meta:
        model = Event
        fields = [
            *REGISTRY_FIELDS,
            "kind",
            "title",
            "slug",
            "start_date",
            "end_date",
            "date_precision",
            "city",
            "country",
            "description",
            "outcome",
            "source",
            "status",
        ]


class PledgeSerializer(RegistrySerializer):
    status = serializers.ChoiceField(
        choices=PledgeProgress.choices,
        read_only=True,
        help_text=_("The progress found by the latest assessment."),
    )

    class Meta:
        model = Pledge
        fields = [
            *REGISTRY_FIELDS,
            "status",
            "title",
            "description",
            "made_on",
            "source",
            "partner",
            "event",
        ]


class PledgeAssessmentSerializer(RegistrySerializer):
    class Meta:
        model = PledgeAssessment
        fields = [*REGISTRY_FIELDS, "assessed_on", "progress", "summary", "source", "pledge"]


class GlobalEstimateSerializer(RegistrySerializer):
    class Meta:
        model = GlobalEstimate
        fields = [
            *REGISTRY_FIELDS,
            "slug",
            "label",
            "value",
            "position",
            "source",
            "part_of",
            "unit",
        ]


class RotationSerializer(serializers.Serializer):
    on = serializers.DateField(help_text=_("The day the new terms begin and the current end."))
    chair = BriefRelatedField(
        queryset=Partner.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("The next chair (partner id or slug); omit it to promote the deputy chair."),
    )
    deputy_chair = BriefRelatedField(
        queryset=Partner.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("The next deputy chair, if any."),
    )
    promote_deputy = serializers.BooleanField(
        default=False, help_text=_("Make the current deputy chair the chair.")
    )
    source = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)


class RotationResultSerializer(serializers.Serializer):
    chair = OfficeTermSerializer()
    deputy_chair = OfficeTermSerializer(allow_null=True)
