import html

import pytest
from django.urls import reverse

from partners.models import Partner
from tests import factories as f


def delete_url(partner):
    return reverse("admin:partners_partner_delete", args=[partner.pk])


@pytest.mark.django_db
def test_deleting_a_partner_that_held_a_seat_is_refused_and_says_why(editor_client):
    term = f.SeatTermFactory(partner__name="Ministry of Labour of Ghana")

    page = editor_client.get(delete_url(term.partner)).content.decode()
    response = editor_client.post(delete_url(term.partner), {"post": "yes"})

    assert "Cannot delete partner" in page
    assert (
        "Deleting the partner 'Ministry of Labour of Ghana' would require deleting "
        "the following protected related objects:" in html.unescape(page)
    )
    seat_term = reverse("admin:governance_seatterm_change", args=[term.pk])
    assert f'Seat term: <a href="{seat_term}">{term}</a>' in page
    assert response.status_code == 200
    assert Partner.objects.filter(pk=term.partner.pk).exists()


@pytest.mark.django_db
def test_a_partner_that_holds_nothing_can_be_deleted(editor_client):
    partner = f.PartnerFactory()

    response = editor_client.post(delete_url(partner), {"post": "yes"})

    assert response.status_code == 302
    assert not Partner.objects.filter(pk=partner.pk).exists()
