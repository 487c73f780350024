"""Action Groups, memberships, work plans and activities."""

from action_groups.filters import (
    ActionGroupFilterSet,
    ActivityFilterSet,
    MembershipFilterSet,
    WorkPlanFilterSet,
)
from action_groups.models import ActionGroup, Activity, Membership, WorkPlan
from core.api.viewsets import RegistryViewSet, SlugLookupMixin

from .serializers import (
    ActionGroupSerializer,
    ActivitySerializer,
    MembershipSerializer,
    WorkPlanSerializer,
)


class ActionGroupViewSet(SlugLookupMixin, RegistryViewSet):
    """Thematic groups of partners that support country-level work (research, tools, funds).

    Found by slug (`/api/v1/action-groups/<slug>/`). Groups are created and retired:
    `closed_on` is set when one closes, and `?active=true` lists the open ones. `meetings` are
    the group's events (write them as a list of event ids or slugs).
    """

    queryset = ActionGroup.objects.prefetch_related("meetings")
    serializer_class = ActionGroupSerializer
    filterset_class = ActionGroupFilterSet


class MembershipViewSet(RegistryViewSet):
    """Partners' memberships of Action Groups, as chair, co-chair or member, over periods.

    A partner's memberships of one group never overlap. `?as_of=` gives the members on a date;
    filter by `group` (slug), `partner` (slug) and `role`.
    """

    queryset = Membership.objects.select_related("group", "partner")
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilterSet


class WorkPlanViewSet(RegistryViewSet):
    """Action Groups' plans of action for a period (such as 2020 to 2021), with their status.

    `adopted_at` is the event where the plan was adopted. Filter by `group` (slug), `status`
    and `as_of`.
    """

    queryset = WorkPlan.objects.select_related("group", "adopted_at")
    serializer_class = WorkPlanSerializer
    filterset_class = WorkPlanFilterSet


class ActivityViewSet(RegistryViewSet):
    """What a work plan sets out to do: research, knowledge sharing, tools, funds, cooperation.

    `lead_partners` is a list of partners (write ids or slugs). Filter by `work_plan` (id),
    `group` (slug), `kind`, `status`, `lead_partner` (slug) and `due_before`.
    """

    queryset = Activity.objects.select_related("work_plan").prefetch_related("lead_partners")
    serializer_class = ActivitySerializer
    filterset_class = ActivityFilterSet
