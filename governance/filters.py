"""Filters for GCG seats, terms, offices, events and pledges (HTML lists and API alike)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import BaseFilterSet, DatedFilterSet
from partners.regions import Region

from .models import (
    Constituency,
    Event,
    EventKind,
    GlobalEstimate,
    Office,
    OfficeTerm,
    Pledge,
    PledgeAssessment,
    PledgeProgress,
    Seat,
    SeatTerm,
)


class ConstituencyFilterSet(BaseFilterSet):
    class Meta:
        model = Constituency
        fields = ["slug"]


class SeatFilterSet(BaseFilterSet):
    constituency = django_filters.CharFilter(
        field_name="constituency__slug", label=_("Constituency (slug)")
    )
    region = django_filters.ChoiceFilter(choices=Region.choices, label=_("Region"))

    class Meta:
        model = Seat
        fields = []


class SeatTermFilterSet(DatedFilterSet):
    seat = django_filters.NumberFilter(field_name="seat_id", label=_("Seat (id)"))
    partner = django_filters.CharFilter(field_name="partner__slug", label=_("Partner (slug)"))
    constituency = django_filters.CharFilter(
        field_name="seat__constituency__slug", label=_("Constituency (slug)")
    )

    class Meta:
        model = SeatTerm
        fields = []


class OfficeTermFilterSet(DatedFilterSet):
    office = django_filters.MultipleChoiceFilter(
        choices=Office.choices, label=_("Office"), distinct=False
    )
    partner = django_filters.CharFilter(field_name="partner__slug", label=_("Partner (slug)"))

    class Meta:
        model = OfficeTerm
        fields = []


class EventFilterSet(BaseFilterSet):
    kind = django_filters.MultipleChoiceFilter(
        choices=EventKind.choices, label=_("Kind"), distinct=False
    )
    year = django_filters.NumberFilter(
        field_name="start_date__year",
        label=_("Year"),
        min_value=1,
        max_value=9999,
        decimal_places=0,
    )
    starts_after = django_filters.DateFilter(
        field_name="start_date", lookup_expr="gte", label=_("Starts on or after")
    )
    starts_before = django_filters.DateFilter(
        field_name="start_date", lookup_expr="lt", label=_("Starts before")
    )

    class Meta:
        model = Event
        fields = ["country"]


class PledgeFilterSet(BaseFilterSet):
    partner = django_filters.CharFilter(field_name="partner__slug", label=_("Partner (slug)"))
    event = django_filters.CharFilter(field_name="event__slug", label=_("Event (slug)"))
    status = django_filters.MultipleChoiceFilter(
        choices=PledgeProgress.choices,
        method="filter_status",
        label=_("Status"),
        help_text=_("The progress found by the latest assessment."),
    )

    class Meta:
        model = Pledge
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.with_status().filter(status__in=value) if value else queryset


class PledgeAssessmentFilterSet(BaseFilterSet):
    pledge = django_filters.NumberFilter(field_name="pledge_id", label=_("Pledge (id)"))

    class Meta:
        model = PledgeAssessment
        fields = ["progress"]


class GlobalEstimateFilterSet(BaseFilterSet):
    class Meta:
        model = GlobalEstimate
        fields = ["slug"]
