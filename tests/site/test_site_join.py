import re

import pytest
from django.urls import reverse

from partners.models import ApplicationStatus, PartnershipApplication

pytestmark = pytest.mark.django_db

JOIN = reverse("partners:join")
THANKS = reverse("partners:join_thanks")
SCRIPT = "<script>alert(1)</script>"


def application(**changes):
    data = {
        "organisation_name": "Coalition Against Forced Labour",
        "acronym": "CAFL",
        "category": "civil_society",
        "country": "KE",
        "website": "https://cafl.example.org/",
        "description": "Supports survivors of forced labour.",
        "themes": ["forced_labour", "human_trafficking"],
        "contact_name": "Amina Odhiambo",
        "contact_email": "amina@cafl.example.org",
        "contact_phone": "+254 20 000 0000",
        "motivation": "To align our work with the national road map.",
        "commitment_accepted": "on",
        "homepage": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_join_form_shows_the_commitment_to_accept(client):
    response = client.get(JOIN)

    assert response.status_code == 200
    assert "international human rights standards" in response.text
    assert "applicable international labour standards" in response.text
    assert 'name="commitment_accepted"' in response.text


def test_every_field_of_the_join_form_has_a_label(client):
    html = client.get(JOIN).text

    ids = re.findall(
        r'<(?:input|select|textarea)(?![^>]*type="(?:hidden|submit)")[^>]*\sid="([^"]+)"', html
    )
    labelled = set(re.findall(r'<label for="([^"]+)"', html))
    assert len(ids) >= 14  # the 12 fields with 4 theme boxes and the honeypot, less CSRF
    assert set(ids) - labelled == set()


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client):
    html = client.get(JOIN).text

    trap = re.search(r'<div class="visually-hidden" aria-hidden="true">(.*?)</div>', html, re.S)
    assert trap and 'name="homepage"' in trap.group(1)
    assert re.search(r'<input[^>]*name="homepage"[^>]*tabindex="-1"', trap.group(1))
    assert 'autocomplete="off"' in trap.group(1)


def test_a_complete_application_lands_in_the_review_queue(client):
    response = client.post(JOIN, application())

    assert response.status_code == 302
    assert response["Location"] == THANKS
    saved = PartnershipApplication.objects.get()
    assert saved.status == ApplicationStatus.SUBMITTED
    assert saved.commitment_accepted is True
    assert saved.themes == ["forced_labour", "human_trafficking"]
    assert client.get(THANKS).status_code == 200


def test_the_commitment_must_be_accepted(client):
    response = client.post(JOIN, application(commitment_accepted=None))

    assert response.status_code == 200
    assert "Partners must accept this commitment to join." in response.text
    assert 'aria-invalid="true"' in response.text
    assert not PartnershipApplication.objects.exists()


def test_errors_are_shown_beside_each_field_and_the_answers_kept(client):
    response = client.post(
        JOIN, application(contact_email="not-an-email", organisation_name="", category="spam")
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"contact_email", "organisation_name", "category"}
    assert 'id="id_contact_email_error"' in response.text
    assert 'value="not-an-email"' in response.text
    assert "To align our work with the national road map." in response.text
    assert not PartnershipApplication.objects.exists()


def test_a_filled_honeypot_answers_like_success_but_saves_nothing(client):
    response = client.post(JOIN, application(homepage="http://spam.example/"))

    assert response.status_code == 302
    assert response["Location"] == THANKS
    assert not PartnershipApplication.objects.exists()


def test_the_sixth_application_in_an_hour_from_one_address_is_refused_with_its_answers_kept(
    client,
):
    for n in range(5):
        assert client.post(JOIN, application(organisation_name=f"Org {n}")).status_code == 302

    response = client.post(JOIN, application(organisation_name="Genuine sixth"))

    assert response.status_code == 429
    assert "Your application has not been sent yet." in response.text
    assert 'value="Genuine sixth"' in response.text
    assert "amina@cafl.example.org" in response.text
    assert PartnershipApplication.objects.count() == 5


def test_the_rate_limit_is_per_address(client):
    for n in range(5):
        client.post(JOIN, application(organisation_name=f"Org {n}"))

    response = client.post(
        JOIN, application(organisation_name="Elsewhere"), REMOTE_ADDR="192.0.2.10"
    )

    assert response.status_code == 302
    assert PartnershipApplication.objects.count() == 6


def test_invalid_attempts_do_not_use_up_the_rate_limit(client):
    for _ in range(6):
        client.post(JOIN, application(commitment_accepted=None))

    assert client.post(JOIN, application()).status_code == 302


def test_script_in_every_field_is_escaped_on_the_form_and_in_the_admin(client, admin_client):
    hostile = application(
        organisation_name=SCRIPT,
        acronym=SCRIPT[:30],
        description=SCRIPT,
        contact_name=SCRIPT,
        contact_phone=SCRIPT[:50],
        motivation=SCRIPT,
    )
    # Invalid on purpose first: the form comes back with every answer in it.
    rejected = client.post(JOIN, {**hostile, "website": SCRIPT, "contact_email": SCRIPT})
    assert rejected.status_code == 200
    assert SCRIPT not in rejected.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rejected.text

    assert client.post(JOIN, hostile).status_code == 302
    saved = PartnershipApplication.objects.get()
    assert saved.organisation_name == SCRIPT

    changelist = admin_client.get(reverse("admin:partners_partnershipapplication_changelist"))
    change = admin_client.get(
        reverse("admin:partners_partnershipapplication_change", args=[saved.pk])
    )
    for page in (changelist, change):
        assert page.status_code == 200
        assert SCRIPT not in page.text
        assert "&lt;script&gt;" in page.text
