"""Filters for pathfinder countries, their stages, road maps, milestones and reports."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import BaseFilterSet, CountryCodeFilter, DatedFilterSet
from partners.regions import Region, countries_in

from .models import (
    AnnualReport,
    Milestone,
    MilestoneStatus,
    PathfinderCountry,
    RoadMap,
    RoadMapStatus,
    Stage,
    StageChange,
)


class PathfinderCountryFilterSet(BaseFilterSet):
    # Before `stage`: filters run in this order, and `stage` then means the stage on that date.
    as_of = django_filters.DateFilter(
        method="filter_as_of",
        label=_("As of"),
        help_text=_(
            "The countries as they stood on this date (YYYY-MM-DD): each with the stage it had "
            "reached by then; a country with no stage by then is left out."
        ),
    )
    stage = django_filters.MultipleChoiceFilter(
        choices=Stage.choices, method="filter_stage", label=_("Current stage")
    )
    region = django_filters.ChoiceFilter(
        choices=Region.choices, method="filter_region", label=_("Region")
    )

    class Meta:
        model = PathfinderCountry
        fields = []

    def filter_as_of(self, queryset, name, value):
        return queryset.as_of(value)

    def filter_stage(self, queryset, name, value):
        on = self.form.cleaned_data.get("as_of")
        return queryset.with_stage(on=on).filter(stage__in=value) if value else queryset

    def filter_region(self, queryset, name, value):
        return queryset.filter(country__in=countries_in(value))


class StageChangeFilterSet(BaseFilterSet):
    pathfinder = CountryCodeFilter(
        field_name="pathfinder__country", label=_("Pathfinder country (ISO code)")
    )
    stage = django_filters.MultipleChoiceFilter(
        choices=Stage.choices, label=_("Stage"), distinct=False
    )

    class Meta:
        model = StageChange
        fields = []


class RoadMapFilterSet(DatedFilterSet):
    pathfinder = CountryCodeFilter(
        field_name="pathfinder__country", label=_("Pathfinder country (ISO code)")
    )
    status = django_filters.MultipleChoiceFilter(
        choices=RoadMapStatus.choices, label=_("Status"), distinct=False
    )

    class Meta:
        model = RoadMap
        fields = []


class MilestoneFilterSet(BaseFilterSet):
    road_map = django_filters.NumberFilter(field_name="road_map_id", label=_("Road map (id)"))
    pathfinder = CountryCodeFilter(
        field_name="road_map__pathfinder__country", label=_("Pathfinder country (ISO code)")
    )
    status = django_filters.MultipleChoiceFilter(
        choices=MilestoneStatus.choices, label=_("Status"), distinct=False
    )
    responsible_partner = django_filters.CharFilter(
        field_name="responsible_partners__slug", distinct=True, label=_("Responsible partner")
    )
    due_before = django_filters.DateFilter(
        field_name="due_date", lookup_expr="lt", label=_("Due before")
    )

    class Meta:
        model = Milestone
        fields = []


class AnnualReportFilterSet(BaseFilterSet):
    pathfinder = CountryCodeFilter(
        field_name="pathfinder__country", label=_("Pathfinder country (ISO code)")
    )

    class Meta:
        model = AnnualReport
        fields = ["year"]
