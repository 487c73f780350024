import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from partners.models import ApplicationStatus, Partner
from partners.services import application_approve
from pathfinders.models import RoadMapStatus, Stage
from tests import factories as f

APPLICATIONS = reverse("admin:partners_partnershipapplication_changelist")
PATHFINDERS = reverse("admin:pathfinders_pathfindercountry_changelist")
ROAD_MAPS = reverse("admin:pathfinders_roadmap_changelist")


def run_action(client, changelist, action, objects, **extra):
    data = {"action": action, "_selected_action": [obj.pk for obj in objects], **extra}
    return client.post(changelist, data)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


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

    response = run_action(editor_client, APPLICATIONS, "approve", [application])

    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.decided_by == editor
    assert application.partner == Partner.objects.get(name="Walk Free")
    assert messages_of(response) == ["Walk Free is approved and is now a partner."]


@pytest.mark.django_db
def test_approving_reports_each_application_on_its_own(editor_client):
    good = f.PartnershipApplicationFactory()
    f.PartnerFactory(name="Taken Name")
    clash = f.PartnershipApplicationFactory(organisation_name="Taken Name")

    response = run_action(editor_client, APPLICATIONS, "approve", [good, clash])

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

    run_action(viewer_client, APPLICATIONS, "approve", [application])

    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


@pytest.mark.django_db
def test_advancing_pathfinders_reports_each_country(editor_client):
    ghana = f.StageChangeFactory(pathfinder__country="GH", stage=Stage.REQUESTED).pathfinder
    nepal = f.StageChangeFactory(pathfinder__country="NP", stage=Stage.IMPLEMENTING).pathfinder

    response = run_action(editor_client, PATHFINDERS, "advance", [ghana, nepal])

    assert ghana.current_stage == Stage.WORKSHOP_HELD
    assert ghana.stage_changes.latest("id").changed_on == timezone.localdate()
    assert nepal.current_stage == Stage.IMPLEMENTING
    assert messages_of(response) == [
        "Ghana moved to its next stage.",
        "Nepal: Nepal cannot move from “Implementing” to “a next stage”.",
    ]


@pytest.mark.django_db
def test_adopting_a_road_map_supersedes_the_current_one(editor_client):
    current = f.RoadMapFactory(status=RoadMapStatus.ADOPTED, adopted_on=datetime.date(2019, 1, 1))
    draft = f.RoadMapFactory(pathfinder=current.pathfinder)

    run_action(editor_client, ROAD_MAPS, "adopt", [draft])

    current.refresh_from_db()
    draft.refresh_from_db()
    assert draft.status == RoadMapStatus.ADOPTED
    assert draft.adopted_on == timezone.localdate()
    assert current.status == RoadMapStatus.SUPERSEDED


@pytest.mark.django_db
def test_adopting_an_adopted_road_map_shows_the_error(editor_client):
    road_map = f.RoadMapFactory(status=RoadMapStatus.ADOPTED, adopted_on=datetime.date(2019, 1, 1))

    response = run_action(editor_client, ROAD_MAPS, "adopt", [road_map])

    assert messages_of(response) == [f"{road_map}: Only a draft road map can be adopted."]
