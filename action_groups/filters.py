"""Filters for Action Groups, memberships, work plans and activities."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import BaseFilterSet, DatedFilterSet

from .models import (
    ActionGroup,
    Activity,
    ActivityKind,
    ActivityStatus,
    Membership,
    Role,
    WorkPlan,
    WorkPlanStatus,
)


class ActionGroupFilterSet(BaseFilterSet):
    active = django_filters.BooleanFilter(
        field_name="closed_on", lookup_expr="isnull", label=_("Active (not closed)")
    )

    class Meta:
        model = ActionGroup
        fields = []


class MembershipFilterSet(DatedFilterSet):
    group = django_filters.CharFilter(field_name="group__slug", label=_("Action Group (slug)"))
    partner = django_filters.CharFilter(field_name="partner__slug", label=_("Partner (slug)"))
    role = django_filters.MultipleChoiceFilter(
        choices=Role.choices, label=_("Role"), distinct=False
    )

    class Meta:
        model = Membership
        fields = []


class WorkPlanFilterSet(DatedFilterSet):
    group = django_filters.CharFilter(field_name="group__slug", label=_("Action Group (slug)"))
    status = django_filters.MultipleChoiceFilter(
        choices=WorkPlanStatus.choices, label=_("Status"), distinct=False
    )

    class Meta:
        model = WorkPlan
        fields = []


class ActivityFilterSet(BaseFilterSet):
    work_plan = django_filters.NumberFilter(field_name="work_plan_id", label=_("Work plan (id)"))
    group = django_filters.CharFilter(
        field_name="work_plan__group__slug", label=_("Action Group (slug)")
    )
    kind = django_filters.MultipleChoiceFilter(
        choices=ActivityKind.choices, label=_("Kind"), distinct=False
    )
    status = django_filters.MultipleChoiceFilter(
        choices=ActivityStatus.choices, label=_("Status"), distinct=False
    )
    lead_partner = django_filters.CharFilter(
        field_name="lead_partners__slug", distinct=True, label=_("Lead partner (slug)")
    )
    due_before = django_filters.DateFilter(
        field_name="due_date", lookup_expr="lt", label=_("Due before")
    )

    class Meta:
        model = Activity
        fields = []
