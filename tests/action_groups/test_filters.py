"""The Action Group FilterSets: the cases of the API's filters, checked on the FilterSet itself.

The cases are those of test_api.py (one copy): here each declared filter must have one, and
a bad value of a choice, date or number filter is an invalid form and a 400.
"""

from action_groups.filters import (
    ActionGroupFilterSet,
    ActivityFilterSet,
    MembershipFilterSet,
    WorkPlanFilterSet,
)
from core.testing.filtersets import FilterSetTests
from tests.action_groups import test_api as api


class TestActionGroupFilterSet(FilterSetTests):
    filterset = ActionGroupFilterSet
    api_url = "/api/v1/action-groups/"
    factory = staticmethod(api.TestActionGroups.factory)
    make = api.TestActionGroups.make
    filters = api.TestActionGroups.filters


class TestMembershipFilterSet(FilterSetTests):
    filterset = MembershipFilterSet
    api_url = "/api/v1/memberships/"
    factory = staticmethod(api.TestMemberships.factory)
    make = api.TestMemberships.make
    filters = api.TestMemberships.filters


class TestWorkPlanFilterSet(FilterSetTests):
    filterset = WorkPlanFilterSet
    api_url = "/api/v1/work-plans/"
    factory = staticmethod(api.TestWorkPlans.factory)
    make = api.TestWorkPlans.make
    filters = api.TestWorkPlans.filters


class TestActivityFilterSet(FilterSetTests):
    filterset = ActivityFilterSet
    api_url = "/api/v1/activities/"
    factory = staticmethod(api.TestActivities.factory)
    make = api.TestActivities.make
    filters = api.TestActivities.filters
