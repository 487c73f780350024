"""The change feed and the Popolo export."""

import datetime
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from rest_framework.test import APIClient

from core.testing.api import assert_error, token_client
from tests.factories import (
    MembershipFactory,
    OfficeTermFactory,
    PartnerFactory,
    PartnerIdentifierFactory,
    PartnershipApplicationFactory,
    PathfinderCountryFactory,
    SeatTermFactory,
)

pytestmark = pytest.mark.django_db

POPOLO = Path(settings.BASE_DIR).parent / "shared" / "reference" / "popolo"


def changes(client=None, **params):
    response = (client or APIClient()).get("/api/v1/changes/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_change_feed_lists_inserts_updates_and_deletes_in_order():
    since = timezone.now().isoformat()
    partner = PartnerFactory(slug="ilo")
    partner.acronym = "ILO"
    partner.save()
    pathfinder = PathfinderCountryFactory(country="NP")
    pathfinder_pk = pathfinder.pk
    pathfinder.delete()
    rows = changes(since=since)["results"]
    ilo = [r for r in rows if r["type"] == "partners" and r["id"] == partner.pk]
    assert [r["action"] for r in ilo] == ["insert", "update"]
    assert ilo[0]["url"] == "http://testserver/api/v1/partners/ilo/"
    country = [r for r in rows if r["type"] == "pathfinders"]
    assert [r["action"] for r in country] == ["insert", "delete"]
    assert country[-1]["url"] == "http://testserver/api/v1/pathfinders/np/"
    assert country[-1]["id"] == pathfinder_pk


def test_the_change_feed_starts_at_since_and_filters_by_type():
    PartnerFactory()
    later = timezone.now() + datetime.timedelta(seconds=1)
    assert changes(since=later.isoformat())["results"] == []
    since = (timezone.now() - datetime.timedelta(hours=1)).isoformat()
    SeatTermFactory()
    assert {r["type"] for r in changes(since=since, type="seat-terms")["results"]} == {"seat-terms"}


def test_the_change_feed_needs_a_valid_since():
    assert "since" in assert_error(APIClient().get("/api/v1/changes/"), 400)["errors"]
    body = assert_error(APIClient().get("/api/v1/changes/", {"since": "last week"}), 400)
    assert "since" in body["errors"]


def test_application_changes_are_shown_only_to_who_may_read_applications():
    since = (timezone.now() - datetime.timedelta(hours=1)).isoformat()
    PartnershipApplicationFactory()
    assert "applications" not in {r["type"] for r in changes(since=since)["results"]}
    reader = token_client("partners.view_partnershipapplication")
    assert "applications" in {r["type"] for r in changes(reader, since=since)["results"]}


def popolo_validator(name: str):
    jsonschema = pytest.importorskip("jsonschema")
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT3

    if not POPOLO.is_dir():
        pytest.skip(f"The Popolo schemas are not beside the checkout ({POPOLO}).")
    resources = []
    for path in POPOLO.glob("*.json"):
        contents = json.loads(path.read_text())
        resource = Resource.from_contents(contents, default_specification=DRAFT3)
        resources += [(contents["id"], resource), (contents["id"].rstrip("#"), resource)]
    registry = Registry().with_resources(resources)
    schema = json.loads((POPOLO / f"{name}.json").read_text())
    return jsonschema.Draft3Validator(schema, registry=registry)


def test_the_popolo_export_validates_against_the_popolo_schemas():
    partner = PartnerFactory(slug="ilo")
    PartnerIdentifierFactory(partner=partner, scheme="XM-DAC", identifier="41302")
    SeatTermFactory(partner=partner)
    OfficeTermFactory(partner=partner, start_date=datetime.date(2019, 1, 1))
    MembershipFactory(partner=partner, role="chair", end_date=datetime.date(2021, 1, 1))
    response = APIClient().get("/api/v1/popolo/")
    assert response.status_code == 200
    export = response.json()
    for key, schema in (
        ("organizations", "organization"),
        ("posts", "post"),
        ("memberships", "membership"),
    ):
        validator = popolo_validator(schema)
        assert export[key]
        for item in export[key]:
            errors = list(validator.iter_errors(item))
            assert not errors, (item, errors)
    ilo = next(o for o in export["organizations"] if o["id"] == "partner-ilo")
    assert ilo["identifiers"] == [{"scheme": "org-id.guide", "identifier": "XM-DAC-41302"}]
    chair = next(m for m in export["memberships"] if m["post_id"] == "office-chair")
    assert chair["member"] == {"@type": "Organization", "id": "partner-ilo"}
    group_chair = next(m for m in export["memberships"] if m["id"].startswith("membership-"))
    assert group_chair["end_date"] == "2020-12-31"
    assert {p["id"] for p in export["posts"]} >= {"office-chair", "office-deputy_chair"}


def test_the_popolo_export_rejects_an_invalid_document():
    validator = popolo_validator("membership")
    assert list(validator.iter_errors({"start_date": "1 May 2019"}))


def test_every_api_example_in_the_readme_answers_with_the_seeded_records():
    import re

    from django.core.management import call_command

    call_command("load_alliance87", verbosity=0)
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    urls = re.findall(r"'http://127\.0\.0\.1:8000(/api/v1/[^']*)'", readme)
    assert "/api/v1/partners/international-labour-organization/" in urls
    for url in urls:
        response = APIClient().get(url)
        assert response.status_code == 200, (url, response.content)
        body = response.json()
        assert body.get("results") or body.get("id"), url
    ilo = APIClient().get("/api/v1/partners/international-labour-organization/").json()
    assert ilo["acronym"] == "ILO"
    found = APIClient().get("/api/v1/partners/", {"q": "labour organisaton", "page_size": 5})
    assert found.json()["results"][0]["acronym"] == "ILO"


def test_the_popolo_export_names_the_ilo_as_the_alliances_secretariat():
    from django.core.management import call_command

    call_command("load_alliance87", verbosity=0)

    export = APIClient().get("/api/v1/popolo/").json()

    post = next(p for p in export["posts"] if p["id"] == "office-secretariat")
    assert post["organization_id"] == "alliance87"
    held = [m for m in export["memberships"] if m["post_id"] == "office-secretariat"]
    assert [m["member"]["id"] for m in held] == ["partner-international-labour-organization"]
    assert any(
        o["id"] == "partner-international-labour-organization" for o in export["organizations"]
    )
