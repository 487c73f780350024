import datetime

from core.testing.api import APIResourceTests
from tests.factories import (
    ActionGroupFactory,
    ActivityFactory,
    EventFactory,
    MembershipFactory,
    PartnerFactory,
    WorkPlanFactory,
)


class TestActionGroups(APIResourceTests):
    resource = "action-groups"
    factory = ActionGroupFactory
    update_data = {"closed_on": "2022-12-31"}
    filters = {"active": ("false", {"closed_on": datetime.date(2021, 1, 1)})}

    def make(self, **kwargs):
        group = ActionGroupFactory(**kwargs)
        group.meetings.set([EventFactory()])
        return group

    def create_data(self):
        return {
            "name": "Action Group on Migration",
            "slug": "migration",
            "established_on": "2018-03-01",
            "meetings": [EventFactory().slug],
        }


class TestMemberships(APIResourceTests):
    resource = "memberships"
    factory = MembershipFactory
    dated = True
    update_data = {"role": "co_chair"}
    filters = {
        "group": ("migration", lambda: {"group": ActionGroupFactory(slug="migration")}),
        "partner": ("ilo", lambda: {"partner": PartnerFactory(slug="ilo")}),
        "role": ("chair", {"role": "chair"}),
    }

    def create_data(self):
        return {
            "group": ActionGroupFactory().pk,
            "partner": PartnerFactory().slug,
            "role": "member",
            "start_date": "2019-01-01",
        }


class TestWorkPlans(APIResourceTests):
    resource = "work-plans"
    factory = WorkPlanFactory
    dated = True
    update_data = {"status": "completed"}
    filters = {
        "group": ("migration", lambda: {"group": ActionGroupFactory(slug="migration")}),
        "status": ("draft", {"status": "draft"}),
    }

    def create_data(self):
        return {"group": ActionGroupFactory().slug, "title": "Work plan 2022-2023"}


class TestActivities(APIResourceTests):
    resource = "activities"
    factory = ActivityFactory
    update_data = {"status": "done"}
    filters = {
        "kind": ("tools", {"kind": "tools"}),
        "status": ("cancelled", {"status": "cancelled"}),
        "work_plan": (4242, lambda: {"work_plan": WorkPlanFactory(pk=4242)}),
        "group": (
            "migration",
            lambda: {"work_plan": WorkPlanFactory(group=ActionGroupFactory(slug="migration"))},
        ),
        "lead_partner": ("ilo", lambda: {"lead_partners": [PartnerFactory(slug="ilo")]}),
        "due_before": ("2020-01-01", {"due_date": datetime.date(2019, 6, 30)}),
    }

    def make(self, **kwargs):
        kwargs.setdefault("lead_partners", [PartnerFactory()])
        return ActivityFactory(**kwargs)

    def create_data(self):
        return {
            "work_plan": WorkPlanFactory().pk,
            "title": "Guidance on fair recruitment",
            "kind": "tools",
            "lead_partners": [PartnerFactory().slug, PartnerFactory().pk],
        }
