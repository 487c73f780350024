import pytest
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.http import urlencode

from tests import factories as f

EVENTS = reverse("admin:pghistory_events_changelist")


def history_of(obj):
    return f"{EVENTS}?{urlencode({'method': 'tracks', 'obj': f'{obj._meta.label}:{obj.pk}'})}"


def change_partner(client, partner, **changes):
    data = {
        "name": partner.name,
        "slug": partner.slug,
        "category": partner.category,
        "status": partner.status,
        "identifiers-TOTAL_FORMS": "0",
        "identifiers-INITIAL_FORMS": "0",
        **changes,
    }
    return client.post(reverse("admin:partners_partner_change", args=[partner.pk]), data)


@pytest.mark.django_db
def test_a_change_page_links_to_the_record_history(editor_client):
    partner = f.PartnerFactory()

    page = editor_client.get(reverse("admin:partners_partner_change", args=[partner.pk]))

    assert f"{EVENTS}?method=tracks&obj=partners.Partner:{partner.pk}" in page.content.decode()


@pytest.mark.django_db
def test_the_history_button_opens_the_full_record_history(editor_client):
    partner = f.PartnerFactory()

    response = editor_client.get(reverse("admin:partners_partner_history", args=[partner.pk]))

    assert response.status_code == 302
    assert response.url.startswith(history_of(partner))


@pytest.mark.django_db
def test_the_history_shows_who_changed_what(editor_client, editor):
    partner = f.PartnerFactory(acronym="MOL")
    assert change_partner(editor_client, partner, acronym="MOLSP").status_code == 302

    response = editor_client.get(history_of(partner))

    rows = list(response.context["cl"].result_list)
    assert [row.pgh_label for row in rows] == ["update", "insert"]
    assert rows[0].user == editor
    page = response.content.decode()
    assert editor.username in page
    assert "<strong>acronym</strong>: MOL → MOLSP" in page


@pytest.mark.django_db
def test_a_viewer_can_read_history_but_a_stranger_cannot(viewer_client, client):
    partner = f.PartnerFactory()
    stranger = f.UserFactory(is_staff=True)
    client.force_login(stranger)

    assert viewer_client.get(history_of(partner)).status_code == 200
    assert client.get(history_of(partner)).status_code == 403
    assert (
        client.get(reverse("admin:partners_partner_history", args=[partner.pk])).status_code == 403
    )


@pytest.mark.django_db
def test_one_history_entry_opens_with_its_recorded_values(viewer_client):
    partner = f.PartnerFactory(name="Walk Free")
    entry = viewer_client.get(history_of(partner)).context["cl"].result_list[0]

    response = viewer_client.get(reverse("admin:pghistory_events_change", args=[quote(entry.pk)]))

    assert response.status_code == 200
    assert "Walk Free" in response.content.decode()
