import pytest
from django.urls import reverse

from core.testing.admin import add_inline_rows, changeform_data
from tests import factories as f


@pytest.mark.django_db
def test_a_duplicate_membership_typed_in_the_group_form_is_refused_with_the_input_kept(
    editor_client,
):
    group = f.ActionGroupFactory()
    partner = f.PartnerFactory()
    change = reverse("admin:action_groups_actiongroup_change", args=[group.pk])
    row = {"partner": partner.pk, "role": "member", "start_date": "2019-01-01"}
    data = add_inline_rows(changeform_data(editor_client.get(change)), "memberships", [row, row])

    response = editor_client.post(change, data)

    assert response.status_code == 200
    assert "It overlaps the row" in response.content.decode()
    assert group.memberships.count() == 0


@pytest.mark.django_db
def test_a_membership_overlapping_a_stored_one_is_refused_in_the_group_form(editor_client):
    membership = f.MembershipFactory()
    change = reverse("admin:action_groups_actiongroup_change", args=[membership.group.pk])
    row = {"partner": membership.partner.pk, "role": "member", "start_date": "2020-01-01"}
    data = add_inline_rows(changeform_data(editor_client.get(change)), "memberships", [row])

    response = editor_client.post(change, data)

    assert response.status_code == 200
    assert membership.group.memberships.count() == 1
