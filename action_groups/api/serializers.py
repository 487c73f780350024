"""Action Groups, their memberships, work plans and activities."""

from action_groups.models import ActionGroup, Activity, Membership, WorkPlan
from core.api.serializers import RegistrySerializer


class ActionGroupSerializer(RegistrySerializer):
    class Meta:
        model = ActionGroup
        fields = "__all__"


class MembershipSerializer(RegistrySerializer):
    class Meta:
        model = Membership
        fields = "__all__"


class WorkPlanSerializer(RegistrySerializer):
    class Meta:
        model = WorkPlan
        fields = "__all__"


class ActivitySerializer(RegistrySerializer):
    class Meta:
        model = Activity
        fields = "__all__"
