"""The Action Group pages: the list and each group's page."""

import datetime

import pytest

from action_groups.models import ActivityKind, ActivityStatus, Role, WorkPlanStatus
from core.testing.pages import PublicPageTests
from core.testing.queries import count_queries
from tests.factories import (
    ActionGroupFactory,
    ActivityFactory,
    EventFactory,
    MembershipFactory,
    PartnerFactory,
    WorkPlanFactory,
)

pytestmark = pytest.mark.django_db

LIST = "/action-groups/"


def running_plan(group, **kwargs):
    """An adopted work plan that runs today."""
    return WorkPlanFactory(
        group=group, start_date=datetime.date(2020, 1, 1), end_date=None, **kwargs
    )


# ---------------------------------------------------------------- the list


def test_the_list_shows_each_group_with_its_chairs_and_current_member_count(client):
    group = ActionGroupFactory(name="Action Group on Supply Chains")
    MembershipFactory(group=group, role=Role.CHAIR, partner=PartnerFactory(name="ILO"))
    MembershipFactory(group=group, role=Role.CO_CHAIR, partner=PartnerFactory(name="UNICEF"))
    MembershipFactory(group=group)
    MembershipFactory(group=group, end_date=datetime.date(2019, 1, 1))  # a former member

    response = client.get(LIST)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<a href="/action-groups/{group.slug}/">Action Group on Supply Chains</a>' in html
    assert "ILO (chair)" in html
    assert "UNICEF (co-chair)" in html
    assert "3 current members" in html


def test_the_list_orders_the_groups_by_name_whatever_their_members(client):
    for name in ["Supply Chains", "Migration", "Rule of Law and Governance"]:
        MembershipFactory(group=ActionGroupFactory(name=name))
    ActionGroupFactory(name="Conflicts and Humanitarian Settings")

    groups = client.get(LIST).context["groups"]

    assert [g.name for g in groups] == [
        "Conflicts and Humanitarian Settings",
        "Migration",
        "Rule of Law and Governance",
        "Supply Chains",
    ]


def test_the_list_says_when_there_is_no_group(client):
    assert "No Action Group is recorded yet." in client.get(LIST).content.decode()


def test_the_list_runs_the_same_queries_for_5_and_200_groups(client):
    def add(count):
        for _ in range(count):
            MembershipFactory(role=Role.CHAIR)

    add(5)
    few = count_queries(client, LIST)
    add(195)
    assert count_queries(client, LIST) == few


# ---------------------------------------------------------------- a group's page


def test_a_group_page_shows_its_mandate_chairs_and_current_members(client):
    group = ActionGroupFactory(mandate="Supports partners in eliminating child labour.")
    MembershipFactory(group=group, role=Role.CHAIR, partner=PartnerFactory(name="ILO"))
    MembershipFactory(group=group, partner=PartnerFactory(name="Global March"))
    MembershipFactory(
        group=group,
        partner=PartnerFactory(name="A former member"),
        end_date=datetime.date(2019, 1, 1),
    )

    response = client.get(group.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Supports partners in eliminating child labour." in html
    assert [m.partner.name for m in response.context["chairs"]] == ["ILO"]
    assert [m.partner.name for m in response.context["members"]] == ["Global March"]
    assert "A former member" not in html
    assert f'aria-current="page">{group.name}</li>' in html  # the breadcrumbs


def test_a_group_page_groups_the_current_plan_activities_by_kind_and_status(client):
    group = ActionGroupFactory()
    plan = running_plan(group, title="Work plan 2020-2021")
    lead = PartnerFactory(name="Walk Free")
    ActivityFactory(
        work_plan=plan, kind=ActivityKind.TOOLS, status=ActivityStatus.DONE, lead_partners=[lead]
    )
    ActivityFactory(work_plan=plan, kind=ActivityKind.RESEARCH, title="Brief on recruitment fees")
    ActivityFactory(work_plan=plan, kind=ActivityKind.RESEARCH, status=ActivityStatus.DONE)

    response = client.get(group.get_absolute_url())

    html = response.content.decode()
    assert "Work plan 2020-2021" in html
    assert "Walk Free" in html
    by_kind = response.context["by_kind"]
    assert [label for label, _activities in by_kind] == ["Research", "Tools"]
    research = by_kind[0][1]
    assert [a.status for a in research] == [ActivityStatus.PLANNED, ActivityStatus.DONE]
    totals = {value: count for value, _label, count in response.context["status_totals"]}
    assert totals == {"planned": 1, "in_progress": 0, "done": 2, "cancelled": 0}


def test_a_draft_plan_is_not_the_current_work_plan(client):
    group = ActionGroupFactory()
    running_plan(group, title="A draft plan", status=WorkPlanStatus.DRAFT)

    response = client.get(group.get_absolute_url())

    assert response.context["plan"] is None
    assert "No adopted work plan is recorded." in response.content.decode()


def test_the_running_plan_wins_over_an_older_completed_one(client):
    group = ActionGroupFactory()
    WorkPlanFactory(
        group=group,
        status=WorkPlanStatus.COMPLETED,
        start_date=datetime.date(2018, 1, 1),
        end_date=datetime.date(2020, 1, 1),
    )
    plan = running_plan(group)

    assert client.get(group.get_absolute_url()).context["plan"] == plan


def test_a_group_page_lists_its_meetings(client):
    group = ActionGroupFactory()
    group.meetings.add(EventFactory(title="Action Group meeting, Geneva"))

    assert "Action Group meeting, Geneva" in client.get(group.get_absolute_url()).content.decode()


# ---------------------------------------------------------------- the suite of every public page


class TestActionGroupList(PublicPageTests):
    path = LIST
    factory = ActionGroupFactory
    text_field = "name"

    def grow(self, record, count):
        MembershipFactory.create_batch(count, role=Role.CHAIR)


class TestActionGroupPage(PublicPageTests):
    path = "/action-groups/{}/"
    factory = ActionGroupFactory
    text_field = "mandate"
    rows = (5, 200)

    def grow(self, group, count):
        plan = group.work_plans.first() or running_plan(group)
        for index in range(count):
            partner = PartnerFactory()
            role = Role.CO_CHAIR if index == 0 else Role.MEMBER
            MembershipFactory(group=group, partner=partner, role=role)
            ActivityFactory(work_plan=plan, lead_partners=[partner])
            group.meetings.add(EventFactory())
