import pytest
from django.urls import reverse
from tests import factories as f
@pytest.mark.django_db
def test_x(editor_client):
    term = f.SeatTermFactory(partner__name="Ministry of Labour of Ghana")
    page = editor_client.get(reverse("admin:partners_partner_delete", args=[term.partner.pk])).content.decode()
    print(page[page.find('id="content"'):][:3000])
    assert 0
