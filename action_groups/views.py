"""Public pages of the Action Groups: the list and each group's page."""

from django.db.models import Count, F, Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.caching import cacheable_when_anonymous
from core.models import current_condition
from core.translation import localized_text
from governance.models import Event

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


def _current_memberships(**filters):
    return Membership.objects.current().filter(**filters).select_related("partner")


@cacheable_when_anonymous
def actiongroup_list(request):
    current = current_condition(through="memberships")
    # An aggregate drops Meta.ordering: the order is given again.
    groups = ActionGroup.objects.annotate(
        member_count=Count("memberships", filter=current)
    ).order_by("name", "id")
    groups = groups.prefetch_related(
        Prefetch(
            "memberships",
            queryset=_current_memberships(role__in=[Role.CHAIR, Role.CO_CHAIR]),
            to_attr="chairs",
        )
    )
    return render(request, "action_groups/actiongroup_list.html", {"groups": groups})


@cacheable_when_anonymous
def actiongroup_detail(request, slug):
    activities = Activity.objects.prefetch_related("lead_partners")
    work_plans = WorkPlan.objects.select_related("adopted_at").prefetch_related(
        Prefetch("activities", queryset=activities)
    )
    group = get_object_or_404(
        ActionGroup.objects.prefetch_related(
            Prefetch("memberships", queryset=_current_memberships(), to_attr="members"),
            Prefetch("work_plans", queryset=work_plans),
            Prefetch("meetings", queryset=Event.objects.order_by(F("start_date").desc())),
        ),
        slug=slug,
    )
    plan = _current_plan(list(group.work_plans.all()))
    context = {
        "group": group,
        "chairs": [m for m in group.members if m.role != Role.MEMBER],
        "members": [m for m in group.members if m.role == Role.MEMBER],
        "plan": plan,
        "by_kind": _by_kind(plan),
        "status_totals": _status_totals(plan),
        "breadcrumbs": [
            (_("Action Groups"), reverse("action_groups:actiongroup_list")),
            (localized_text(group, "name"), None),
        ],
    }
    return render(request, "action_groups/actiongroup_detail.html", context)


def _current_plan(plans: list[WorkPlan]) -> WorkPlan | None:
    """The adopted plan running today; else the latest plan that is not a draft."""
    running = [p for p in plans if p.status == WorkPlanStatus.ADOPTED and p.is_current()]
    if running:
        return running[-1]
    final = [p for p in plans if p.status != WorkPlanStatus.DRAFT]
    return final[-1] if final else None


def _by_kind(plan: WorkPlan | None) -> list[tuple[str, list[Activity]]]:
    """(kind label, activities ordered by status then due date), kinds in their usual order."""
    if plan is None:
        return []
    order = {value: index for index, value in enumerate(ActivityStatus.values)}
    groups = []
    for kind, label in ActivityKind.choices:
        rows = [a for a in plan.activities.all() if a.kind == kind]
        if rows:
            groups.append((label, sorted(rows, key=lambda a: order[a.status])))
    return groups


def _status_totals(plan: WorkPlan | None) -> list[tuple[str, str, int]]:
    if plan is None:
        return []
    activities = list(plan.activities.all())
    return [
        (value, label, sum(a.status == value for a in activities))
        for value, label in ActivityStatus.choices
    ]
