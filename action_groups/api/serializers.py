"""Action Groups, their memberships, work plans and activities."""

from action_groups.models import ActionGroup, Activity, Membership, WorkPlan
from core.api.serializers import REGISTRY_FIELDS, RegistrySerializer


class ActionGroupSerializer(RegistrySerializer):
    class Meta:
        model = ActionGroup
        fields = [
            *REGISTRY_FIELDS,
            "name",
            "slug",
            "mandate",
            "established_on",
            "closed_on",
            "source",
            "meetings",
        ]


class MembershipSerializer(RegistrySerializer):
    class Meta:
        model = Membership
        fields = [*REGISTRY_FIELDS, "start_date", "end_date", "role", "source", "group", "partner"]


class WorkPlanSerializer(RegistrySerializer):
    class Meta:
        model = WorkPlan
        fields = [
            *REGISTRY_FIELDS,
            "start_date",
            "end_date",
            "title",
            "status",
            "source",
            "group",
            "adopted_at",
        ]


class ActivitySerializer(RegistrySerializer):
    class Meta:
        model = Activity
        fields = [
            *REGISTRY_FIELDS,
            "title",
            "kind",
            "status",
            "due_date",
            "source",
            "work_plan",
            "lead_partners",
        ]
