"""The business operations: rotating offices, deciding applications, advancing countries."""

import datetime

import pytest
from rest_framework.test import APIClient

from core.testing.api import assert_error, token_client
from governance.models import Office, OfficeTerm
from partners.models import ApplicationStatus, Partner, PartnershipApplication
from pathfinders.models import RoadMapStatus, StageChange
from tests.factories import (
    OfficeTermFactory,
    PartnerFactory,
    PartnershipApplicationFactory,
    PathfinderCountryFactory,
    RoadMapFactory,
    StageChangeFactory,
)

pytestmark = pytest.mark.django_db

APPLICATION = {
    "organisation_name": "Anti-Slavery International",
    "category": "civil_society",
    "country": "GB",
    "contact_name": "A. Person",
    "contact_email": "a.person@example.org",
    "motivation": "We work on forced labour.",
    "commitment_accepted": True,
}


def test_anyone_can_submit_an_application_without_a_token():
    response = APIClient().post("/api/v1/applications/", APPLICATION, format="json")
    assert response.status_code == 201, response.content
    application = PartnershipApplication.objects.get()
    assert application.status == ApplicationStatus.SUBMITTED


def test_an_application_without_the_commitment_is_a_400():
    body = assert_error(
        APIClient().post(
            "/api/v1/applications/", {**APPLICATION, "commitment_accepted": False}, format="json"
        ),
        400,
    )
    assert "non_field_errors" in body["errors"]


def test_anonymous_callers_cannot_read_applications():
    application = PartnershipApplicationFactory()
    assert_error(APIClient().get("/api/v1/applications/"), 401)
    assert_error(APIClient().get(f"/api/v1/applications/{application.pk}/"), 401)
    assert_error(token_client().get("/api/v1/applications/"), 403)
    reader = token_client("partners.view_partnershipapplication")
    assert reader.get("/api/v1/applications/").json()["results"][0]["contact_email"]


def test_approving_an_application_creates_the_partner():
    application = PartnershipApplicationFactory(organisation_name="Walk Free")
    client = token_client("partners.change_partnershipapplication", "partners.add_partner")
    response = client.post(f"/api/v1/applications/{application.pk}/approve/", {}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "approved"
    assert response.json()["partner"]["display"] == "Walk Free"
    assert Partner.objects.filter(name="Walk Free").exists()


def test_approving_twice_is_a_400_and_needs_the_permission():
    application = PartnershipApplicationFactory()
    assert_error(
        token_client("partners.change_partnershipapplication").post(
            f"/api/v1/applications/{application.pk}/approve/", {}, format="json"
        ),
        403,
    )
    client = token_client("partners.change_partnershipapplication", "partners.add_partner")
    client.post(f"/api/v1/applications/{application.pk}/approve/", {}, format="json")
    again = client.post(f"/api/v1/applications/{application.pk}/approve/", {}, format="json")
    assert "already" in assert_error(again, 400)["errors"]["non_field_errors"][0]


def test_rejecting_an_application_needs_a_reason():
    application = PartnershipApplicationFactory()
    client = token_client("partners.change_partnershipapplication")
    url = f"/api/v1/applications/{application.pk}/reject/"
    assert "reason" in assert_error(client.post(url, {}, format="json"), 400)["errors"]
    response = client.post(url, {"reason": "Not an organisation."}, format="json")
    assert response.json()["status"] == "rejected"
    assert response.json()["decided_by"]["id"] == client.token.user_id


def test_an_application_can_be_taken_under_review():
    application = PartnershipApplicationFactory()
    client = token_client("partners.change_partnershipapplication")
    response = client.post(f"/api/v1/applications/{application.pk}/review/")
    assert response.json()["status"] == "under_review"


def test_rotation_closes_the_current_terms_and_opens_the_next():
    chair = OfficeTermFactory(office=Office.CHAIR, start_date=datetime.date(2020, 1, 1))
    deputy = OfficeTermFactory(office=Office.DEPUTY_CHAIR, start_date=datetime.date(2020, 1, 1))
    new_deputy = PartnerFactory(slug="ituc")
    client = token_client("governance.add_officeterm", "governance.change_officeterm")
    response = client.post(
        "/api/v1/offices/rotate/",
        {"on": "2022-01-01", "promote_deputy": True, "deputy_chair": "ituc"},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["chair"]["partner"]["id"] == deputy.partner_id
    assert response.json()["deputy_chair"]["partner"]["id"] == new_deputy.pk
    chair.refresh_from_db()
    assert chair.end_date == datetime.date(2022, 1, 1)


def test_a_refused_rotation_is_a_400_and_changes_nothing():
    OfficeTermFactory(office=Office.CHAIR, start_date=datetime.date(2020, 1, 1))
    client = token_client("governance.add_officeterm", "governance.change_officeterm")
    response = client.post("/api/v1/offices/rotate/", {"on": "2022-01-01"}, format="json")
    assert_error(response, 400)
    assert OfficeTerm.objects.get().end_date is None
    assert_error(APIClient().post("/api/v1/offices/rotate/", {}, format="json"), 401)


def test_advancing_a_pathfinder_records_its_next_stage():
    pathfinder = PathfinderCountryFactory(country="NP")
    StageChangeFactory(pathfinder=pathfinder, stage="requested")
    client = token_client("pathfinders.add_stagechange")
    response = client.post("/api/v1/pathfinders/NP/advance/", {"on": "2019-05-01"}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["stage"] == "workshop_held"
    assert client.get("/api/v1/pathfinders/np/").json()["stage"] == "workshop_held"
    backwards = client.post(
        "/api/v1/pathfinders/np/advance/", {"stage": "requested"}, format="json"
    )
    assert_error(backwards, 400)
    assert StageChange.objects.count() == 2


def test_adopting_a_road_map_supersedes_the_previous_one():
    pathfinder = PathfinderCountryFactory()
    old = RoadMapFactory(
        pathfinder=pathfinder, status="adopted", adopted_on=datetime.date(2018, 1, 1)
    )
    new = RoadMapFactory(pathfinder=pathfinder)
    client = token_client("pathfinders.change_roadmap")
    response = client.post(
        f"/api/v1/road-maps/{new.pk}/adopt/", {"on": "2021-02-01"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "adopted"
    old.refresh_from_db()
    assert old.status == RoadMapStatus.SUPERSEDED
    assert_error(client.post(f"/api/v1/road-maps/{new.pk}/adopt/", {}, format="json"), 400)
