import datetime

import pytest

from action_groups.models import Membership, Role
from core.testing.constraints import assert_refused, assert_valid_and_saved
from tests.factories import (
    ActionGroupFactory,
    ActivityFactory,
    MembershipFactory,
    PartnerFactory,
)

D = datetime.date
OVERLAP = "This partner is already a member of this group over these dates."


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "end"), [(D(2020, 6, 1), None), (None, D(2018, 6, 1)), (D(2017, 1, 1), D(2022, 1, 1))]
)
def test_overlapping_memberships_of_a_partner_in_one_group_are_refused(start, end):
    first = MembershipFactory(start_date=D(2018, 3, 1), end_date=D(2021, 1, 1))
    second = Membership(
        group=first.group, partner=first.partner, role=Role.CHAIR, start_date=start, end_date=end
    )

    assert_refused(second, OVERLAP)


@pytest.mark.django_db
def test_a_partner_may_rejoin_a_group_the_day_its_membership_ended():
    first = MembershipFactory(start_date=D(2018, 3, 1), end_date=D(2021, 1, 1))
    rejoined = Membership(
        group=first.group, partner=first.partner, role=Role.CO_CHAIR, start_date=D(2021, 1, 1)
    )

    rejoined.full_clean()
    rejoined.save()


@pytest.mark.django_db
def test_overlapping_memberships_of_other_partners_or_groups_are_allowed():
    first = MembershipFactory(start_date=D(2018, 3, 1))
    other_partner = Membership(
        group=first.group, partner=PartnerFactory(), start_date=D(2019, 1, 1)
    )
    other_group = Membership(
        group=ActionGroupFactory(), partner=first.partner, start_date=D(2019, 1, 1)
    )

    assert_valid_and_saved(other_partner, other_group)


@pytest.mark.django_db
def test_a_group_cannot_close_before_it_is_established():
    group = ActionGroupFactory.build(established_on=D(2018, 3, 1), closed_on=D(2018, 3, 1))

    assert_refused(group, "A group cannot close before it is established.")


@pytest.mark.django_db
def test_an_activity_lists_its_lead_partners():
    leads = [PartnerFactory(), PartnerFactory()]

    activity = ActivityFactory(lead_partners=leads)

    assert set(activity.lead_partners.all()) == set(leads)
    assert list(leads[0].led_activities.all()) == [activity]
