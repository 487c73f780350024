import datetime

import pytest
from django.urls import reverse

from core.testing.admin import add_inline_rows, changeform_data
from governance.models import Office, OfficeTerm
from tests import factories as f

ROTATE = reverse("admin:governance_officeterm_rotate")
OFFICE_TERMS = reverse("admin:governance_officeterm_changelist")


@pytest.fixture
def chair_and_deputy():
    chair = f.OfficeTermFactory(office=Office.CHAIR, start_date=datetime.date(2020, 1, 1))
    deputy = f.OfficeTermFactory(office=Office.DEPUTY_CHAIR, start_date=datetime.date(2020, 1, 1))
    return chair, deputy


@pytest.mark.django_db
def test_the_office_terms_list_links_to_the_rotation(editor_client):
    response = editor_client.get(OFFICE_TERMS)

    assert ROTATE in response.content.decode()


@pytest.mark.django_db
def test_the_rotation_form_shows_the_current_holders(editor_client, chair_and_deputy):
    chair, deputy = chair_and_deputy

    response = editor_client.get(ROTATE)

    page = response.content.decode()
    assert response.status_code == 200
    assert f"Chair: {chair.partner}" in page
    assert f"Deputy chair: {deputy.partner}" in page


@pytest.mark.django_db
def test_rotation_closes_the_current_terms_and_opens_the_next(editor_client, chair_and_deputy):
    chair, deputy = chair_and_deputy
    next_chair, next_deputy = f.PartnerFactory(), f.PartnerFactory()

    response = editor_client.post(
        ROTATE,
        {
            "on": "2022-06-01",
            "chair": next_chair.pk,
            "deputy_chair": next_deputy.pk,
            "source": "GCG meeting, June 2022",
        },
    )

    chair.refresh_from_db()
    deputy.refresh_from_db()
    on = datetime.date(2022, 6, 1)
    assert response.status_code == 302
    assert chair.end_date == deputy.end_date == on
    current = OfficeTerm.objects.current(on=on)
    assert {(t.office, t.partner) for t in current} == {
        (Office.CHAIR, next_chair),
        (Office.DEPUTY_CHAIR, next_deputy),
    }


@pytest.mark.django_db
def test_rotation_can_promote_the_deputy_chair(editor_client, chair_and_deputy):
    _chair, deputy = chair_and_deputy

    editor_client.post(ROTATE, {"on": "2022-06-01", "promote_deputy": "on"})

    new_chair = OfficeTerm.objects.current(on=datetime.date(2022, 6, 1)).get(office=Office.CHAIR)
    assert new_chair.partner == deputy.partner


@pytest.mark.django_db
def test_rotation_shows_the_service_error_and_changes_nothing(editor_client, chair_and_deputy):
    chair, _deputy = chair_and_deputy

    response = editor_client.post(
        ROTATE, {"on": "2022-06-01", "chair": f.PartnerFactory().pk, "promote_deputy": "on"}
    )

    chair.refresh_from_db()
    assert response.status_code == 200
    assert "Name a new chair or promote the deputy chair, not both." in response.content.decode()
    assert chair.end_date is None


@pytest.mark.django_db
def test_a_viewer_cannot_rotate_offices(viewer_client, chair_and_deputy):
    assert viewer_client.get(ROTATE).status_code == 403
    assert ROTATE not in viewer_client.get(OFFICE_TERMS).content.decode()


@pytest.mark.django_db
def test_the_rotation_form_searches_partners_by_name(editor_client):
    # Countries named: the search finds a partner by its country's name too, and the factory's
    # iterator could give Nepal's government Ghana.
    ghana = f.PartnerFactory(name="Government of Ghana", country="GH")
    f.PartnerFactory(name="Government of Nepal", country="NP")

    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "ghana",
            "app_label": "governance",
            "model_name": "officeterm",
            "field_name": "partner",
        },
    )

    assert [r["id"] for r in response.json()["results"]] == [str(ghana.pk)]


@pytest.mark.django_db
def test_overlapping_terms_typed_in_the_seat_form_are_refused_with_the_input_kept(editor_client):
    seat = f.SeatFactory()
    first, second = f.PartnerFactory(), f.PartnerFactory()
    change = reverse("admin:governance_seat_change", args=[seat.pk])
    data = add_inline_rows(
        changeform_data(editor_client.get(change)),
        "terms",
        [
            {"partner": first.pk, "start_date": "2019-01-01", "end_date": "2021-01-01"},
            {"partner": second.pk, "start_date": "2020-06-01", "end_date": ""},
        ],
    )

    response = editor_client.post(change, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Another term on this seat overlaps these dates." in page
    assert str(first) in page and "2020-06-01" in page
    assert seat.terms.count() == 0


@pytest.mark.django_db
def test_terms_that_follow_each_other_are_saved_from_the_seat_form(editor_client):
    seat = f.SeatFactory()
    change = reverse("admin:governance_seat_change", args=[seat.pk])
    data = add_inline_rows(
        changeform_data(editor_client.get(change)),
        "terms",
        [
            {
                "partner": f.PartnerFactory().pk,
                "start_date": "2019-01-01",
                "end_date": "2021-01-01",
            },
            {"partner": f.PartnerFactory().pk, "start_date": "2021-01-01", "end_date": ""},
        ],
    )

    response = editor_client.post(change, data)

    assert response.status_code == 302
    assert seat.terms.count() == 2
