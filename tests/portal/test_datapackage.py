"""/data/: the registry as a Frictionless data package, valid, complete and never stale."""

import csv
import io
import json

import frictionless
import pytest
from django.test import Client

from core.licences import LICENSE_LINK
from partners.models import Partner
from portal import datapackage
from tests.factories import (
    ActionGroupFactory,
    ActivityFactory,
    AnnualReportFactory,
    EventFactory,
    GlobalEstimateFactory,
    MembershipFactory,
    MilestoneFactory,
    OfficeTermFactory,
    PartnerFactory,
    PartnerIdentifierFactory,
    PartnershipApplicationFactory,
    PathfinderCountryFactory,
    PledgeAssessmentFactory,
    SeatTermFactory,
    StageChangeFactory,
)

PACKAGE = "/data/datapackage.json"


def some_of_everything():
    partner = PartnerFactory(
        acronym="DLT", description='Says "hello", on two\nlines, with commas', website=""
    )
    PartnerIdentifierFactory(partner=partner)
    SeatTermFactory(partner=partner)
    OfficeTermFactory(partner=partner)
    MembershipFactory(partner=partner)
    ActivityFactory(lead_partners=[partner])
    PledgeAssessmentFactory()
    parent = GlobalEstimateFactory()
    GlobalEstimateFactory(part_of=parent)
    pathfinder = PathfinderCountryFactory(focal_points=[partner])
    StageChangeFactory(pathfinder=pathfinder)
    AnnualReportFactory(pathfinder=pathfinder)
    event = EventFactory()
    pathfinder.workshops.add(event)
    ActionGroupFactory().meetings.add(event)
    MilestoneFactory(responsible_partners=[partner])
    PartnershipApplicationFactory(contact_email="private@example.org")
    return partner


def read_csv(client, name: str) -> list[dict]:
    response = client.get(f"/data/{name}.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


@pytest.mark.django_db(transaction=True)
def test_the_package_served_live_is_valid_by_frictionless(live_server):
    some_of_everything()
    report = frictionless.validate(f"{live_server.url}{PACKAGE}")
    errors = [
        (task.name, error.type, error.note) for task in report.tasks for error in task.errors
    ] + [(None, error.type, error.note) for error in report.errors]
    assert report.valid, errors
    # Every resource was read, its foreign keys checked against the others.
    assert {task.name for task in report.tasks} == {table.name for table in datapackage.tables()}
    empty = {task.name for task in report.tasks if not task.stats.get("rows")}
    assert empty == set(), empty


@pytest.mark.django_db
def test_a_partners_row_is_what_the_api_says():
    partner = some_of_everything()
    client = Client()
    row = next(r for r in read_csv(client, "partners") if r["id"] == str(partner.pk))
    api = client.get(f"/api/v1/partners/{partner.slug}/").json()
    for column in ["name", "acronym", "slug", "category", "website", "description", "status"]:
        assert row[column] == (api[column] or ""), column
    assert row["country"] == (api["country"] or "")
    assert json.loads(row["themes"]) == api["themes"]
    assert json.loads(row["relations"]) == api["relations"]
    assert row["joined_on"] == (api["joined_on"] or "")


@pytest.mark.django_db
def test_a_link_and_a_foreign_key_are_the_ids_the_api_shows():
    partner = some_of_everything()
    client = Client()
    term = client.get("/api/v1/seat-terms/").json()["results"][0]
    row = next(r for r in read_csv(client, "seat-terms") if r["id"] == str(term["id"]))
    assert (row["partner"], row["seat"]) == (str(term["partner"]["id"]), str(term["seat"]["id"]))
    links = read_csv(client, "pathfinders-focal-points")
    assert [link["partner"] for link in links] == [str(partner.pk)]


@pytest.mark.django_db
def test_every_public_api_resource_is_a_table_and_private_ones_are_not():
    names = {table.name for table in datapackage.tables()}
    assert {
        "partners",
        "partner-identifiers",
        "constituencies",
        "seats",
        "seat-terms",
        "office-terms",
        "events",
        "pledges",
        "action-groups",
        "memberships",
        "pathfinders",
        "milestones",
    } <= names
    # Applications hold contact details: the API shows them only with a token.
    assert "applications" not in names
    response = Client().get(PACKAGE)
    descriptor = response.json()
    assert "private@example.org" not in json.dumps(descriptor)
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert response["Link"] == LICENSE_LINK
    assert Client().get("/data/partners.csv")["Link"] == LICENSE_LINK


@pytest.mark.django_db
def test_every_table_is_history_tracked_so_its_etag_follows_every_write():
    for table in datapackage.tables():
        assert hasattr(table.queryset.model, "pgh_event_model"), table.name


@pytest.mark.django_db
def test_a_bulk_write_changes_the_etag_and_the_csv():
    partner = PartnerFactory(description="Before")
    client = Client()
    first = client.get("/data/partners.csv")
    etag = first["ETag"]
    assert client.get("/data/partners.csv", HTTP_IF_NONE_MATCH=etag).status_code == 304
    Partner.objects.filter(pk=partner.pk).update(description="After")
    second = client.get("/data/partners.csv", HTTP_IF_NONE_MATCH=etag)
    assert second.status_code == 200 and second["ETag"] != etag
    assert "After" in b"".join(second.streaming_content).decode()


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/fr", "/es"])
def test_the_data_page_lists_every_file_in_each_language(prefix):
    response = Client().get(f"{prefix}/data/")
    assert response.status_code == 200
    page = response.content.decode()
    for table in datapackage.tables():
        assert f'href="{prefix}/data/{table.path}"' in page
    assert f'href="{prefix}/data/datapackage.json"' in page


@pytest.mark.django_db
def test_an_unknown_file_is_a_404():
    assert Client().get("/data/no-such-table.csv").status_code == 404
