import datetime
import html

import pytest
from django.urls import reverse
from django.utils import timezone

from core.testing.admin import messages_of, run_action
from partners.models import ApplicationStatus, Partner
from partners.services import application_approve
from tests import factories as f

APPLICATIONS = reverse("admin:partners_partnershipapplication_changelist")
APPROVE = {"apply": "yes", "joined_on": timezone.localdate().isoformat()}


@pytest.mark.django_db
def test_taking_an_application_under_review(editor_client):
    application = f.PartnershipApplicationFactory()

    response = run_action(editor_client, APPLICATIONS, "take_under_review", [application])

    application.refresh_from_db()
    assert response.status_code == 302
    assert application.status == ApplicationStatus.UNDER_REVIEW


@pytest.mark.django_db
def test_taking_an_application_under_review_twice_shows_why_it_cannot(editor_client):
    application = f.PartnershipApplicationFactory(status=ApplicationStatus.UNDER_REVIEW)

    response = run_action(editor_client, APPLICATIONS, "take_under_review", [application])

    assert messages_of(response) == [
        f"{application}: Only a submitted application can be taken under review."
    ]


@pytest.mark.django_db
def test_approving_an_application_creates_the_partner_and_records_who(editor_client, editor):
    application = f.PartnershipApplicationFactory(organisation_name="Walk Free")

    response = run_action(editor_client, APPLICATIONS, "approve", [application], **APPROVE)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.decided_by == editor
    assert application.partner == Partner.objects.get(name="Walk Free")
    assert messages_of(response) == ["Walk Free is approved and is now a partner."]


@pytest.mark.django_db
def test_approving_records_the_date_the_decision_took_effect(editor_client):
    application = f.PartnershipApplicationFactory(organisation_name="Walk Free")

    run_action(
        editor_client,
        APPLICATIONS,
        "approve",
        [application],
        apply="yes",
        joined_on="2019-03-14",
        reason="GCG meeting of March 2019",
    )

    application.refresh_from_db()
    assert application.partner.joined_on == datetime.date(2019, 3, 14)
    assert application.decision_reason == "GCG meeting of March 2019"


@pytest.mark.django_db
def test_approving_reports_each_application_on_its_own(editor_client):
    good = f.PartnershipApplicationFactory()
    f.PartnerFactory(name="Taken Name")
    clash = f.PartnershipApplicationFactory(organisation_name="Taken Name")

    response = run_action(editor_client, APPLICATIONS, "approve", [good, clash], **APPROVE)

    good.refresh_from_db()
    clash.refresh_from_db()
    assert good.status == ApplicationStatus.APPROVED
    assert clash.status == ApplicationStatus.SUBMITTED
    assert "Taken Name: A partner named “Taken Name” already exists." in messages_of(response)


@pytest.mark.django_db
def test_rejecting_first_asks_for_the_reason(editor_client):
    application = f.PartnershipApplicationFactory()

    response = run_action(editor_client, APPLICATIONS, "reject", [application])

    application.refresh_from_db()
    assert response.status_code == 200
    assert "Reason for the rejection" in response.content.decode()
    assert application.status == ApplicationStatus.SUBMITTED


@pytest.mark.django_db
def test_rejecting_with_a_reason_records_it(editor_client, editor):
    application = f.PartnershipApplicationFactory()

    response = run_action(
        editor_client,
        APPLICATIONS,
        "reject",
        [application],
        apply="yes",
        reason="The organisation works outside target 8.7.",
    )

    application.refresh_from_db()
    assert response.status_code == 302
    assert application.status == ApplicationStatus.REJECTED
    assert application.decision_reason == "The organisation works outside target 8.7."
    assert application.decided_by == editor


@pytest.mark.django_db
def test_rejecting_without_a_reason_asks_again(editor_client):
    application = f.PartnershipApplicationFactory()

    response = run_action(
        editor_client, APPLICATIONS, "reject", [application], apply="yes", reason="  "
    )

    application.refresh_from_db()
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert application.status == ApplicationStatus.SUBMITTED


@pytest.mark.django_db
def test_rejecting_a_decided_application_shows_the_error(editor_client, editor):
    application = f.PartnershipApplicationFactory()
    application_approve(application=application, user=editor)

    response = run_action(
        editor_client, APPLICATIONS, "reject", [application], apply="yes", reason="Too late."
    )

    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert messages_of(response) == [f"{application}: This application was already approved."]


@pytest.mark.django_db
def test_decision_fields_cannot_be_edited_in_the_form(editor_client):
    application = f.PartnershipApplicationFactory()
    change = reverse("admin:partners_partnershipapplication_change", args=[application.pk])

    form = editor_client.get(change).context["adminform"].form

    assert not {"status", "decided_by", "decided_at", "decision_reason"} & set(form.fields)


@pytest.mark.django_db
def test_a_viewer_cannot_run_actions(viewer_client):
    application = f.PartnershipApplicationFactory()

    run_action(viewer_client, APPLICATIONS, "approve", [application], **APPROVE)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


# ---------------------------------------------------------------- deleting


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


# ---------------------------------------------------------------- pages


@pytest.mark.django_db
def test_the_application_queue_lists_open_applications_first(editor_client):
    decided = f.PartnershipApplicationFactory(
        status="rejected", decided_at="2024-01-01T00:00Z", decision_reason="Not eligible."
    )
    waiting = f.PartnershipApplicationFactory()
    in_review = f.PartnershipApplicationFactory(status="under_review")

    response = editor_client.get(APPLICATIONS)

    rows = list(response.context["cl"].result_list)
    assert rows == [waiting, in_review, decided]


@pytest.mark.django_db
def test_an_editor_adds_a_partner_with_themes_and_an_identifier(editor_client):
    response = editor_client.post(
        reverse("admin:partners_partner_add"),
        {
            "name": "International Labour Organization",
            "acronym": "ILO",
            "slug": "ilo",
            "category": "international",
            "country": "CH",
            "themes": ["forced_labour", "child_labour"],
            "status": "active",
            "identifiers-TOTAL_FORMS": "1",
            "identifiers-INITIAL_FORMS": "0",
            "identifiers-0-scheme": "XM-DAC",
            "identifiers-0-identifier": "41302",
        },
    )

    assert response.status_code == 302
    partner = Partner.objects.get(slug="ilo")
    assert partner.themes == ["forced_labour", "child_labour"]
    assert [str(i) for i in partner.identifiers.all()] == ["XM-DAC-41302"]


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["unicf", "UNICEF", "childrens fund", "XM-DAC-41122"])
def test_the_admin_finds_a_partner_as_the_directory_does(editor_client, typed):
    unicef = f.PartnerFactory(name="United Nations Children's Fund", acronym="UNICEF")
    f.PartnerIdentifierFactory(partner=unicef, scheme="XM-DAC", identifier="XM-DAC-41122")
    f.PartnerFactory(name="Walk Free", acronym="WF")

    response = editor_client.get(reverse("admin:partners_partner_changelist"), {"q": typed})

    assert list(response.context["cl"].result_list) == [unicef]
