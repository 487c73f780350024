"""CSV exports, the data package, the Popolo export and the change feed carry every language."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from core.testing.api import token_client
from tests.factories import ActionGroupFactory, MembershipFactory, PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ilo():
    return PartnerFactory(
        slug="ilo",
        name="International Labour Organization",
        name_fr="Organisation internationale du Travail",
        name_es="Organización Internacional del Trabajo",
        acronym="ILO",
        acronym_fr="OIT",
        acronym_es="OIT",
    )


def rows(response) -> list[dict]:
    assert response.status_code == 200, response
    content = response.content if not response.streaming else b"".join(response.streaming_content)
    return list(csv.DictReader(io.StringIO(content.decode())))


def test_the_api_csv_has_name_in_english_beside_a_column_per_other_language(ilo):
    response = APIClient().get("/api/v1/partners/", {"format": "csv"}, HTTP_ACCEPT_LANGUAGE="fr")

    [row] = rows(response)
    assert row["name"] == "International Labour Organization"
    assert row["name_fr"] == "Organisation internationale du Travail"
    assert row["name_es"] == "Organización Internacional del Trabajo"
    assert row["acronym_fr"] == "OIT"
    assert "name_en" not in row


def test_the_data_package_has_a_column_per_language_of_each_text_field(client, ilo):
    [row] = rows(client.get("/data/partners.csv"))
    descriptor = client.get("/data/datapackage.json").json()

    assert (row["name"], row["name_fr"]) == (ilo.name, ilo.name_fr)
    partners = next(r for r in descriptor["resources"] if r["name"] == "partners")
    fields = {field["name"]: field for field in partners["schema"]["fields"]}
    assert {"name", "name_fr", "name_es", "description_fr"} <= set(fields)
    assert "required" not in fields["name_fr"].get("constraints", {})


def test_the_directory_csv_has_the_name_and_acronym_in_every_language(client, ilo):
    [row] = rows(client.get(reverse("partners:partner_export")))

    assert row["Name"] == "International Labour Organization"
    assert row["Name (français)"] == "Organisation internationale du Travail"
    assert row["Name (español)"] == "Organización Internacional del Trabajo"
    assert row["Acronym (français)"] == "OIT"


def test_popolo_names_stay_english_with_the_other_languages_among_other_names(ilo):
    group = ActionGroupFactory(name="Action Group on Migration", name_fr="Groupe sur la migration")
    MembershipFactory(partner=ilo, group=group)

    response = APIClient().get("/api/v1/popolo/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response["Content-Language"] == "en"
    organizations = {o["id"]: o for o in response.json()["organizations"]}
    partner = organizations["partner-ilo"]
    assert partner["name"] == "International Labour Organization"
    assert partner["other_names"] == [
        {"name": "ILO"},
        {"name": "Organisation internationale du Travail", "lang": "fr", "note": "multilingual"},
        {"name": "Organización Internacional del Trabajo", "lang": "es", "note": "multilingual"},
        {"name": "OIT", "lang": "fr", "note": "acronym"},
        {"name": "OIT", "lang": "es", "note": "acronym"},
    ]
    migration = organizations[f"action-group-{group.slug}"]
    assert migration["name"] == "Action Group on Migration"
    assert migration["other_names"] == [
        {"name": "Groupe sur la migration", "lang": "fr", "note": "multilingual"}
    ]
    gcg = organizations["alliance87-gcg"]
    assert gcg["name"] == "Global Coordinating Group"
    assert {"name": "Groupe de coordination mondial", "lang": "fr", "note": "multilingual"} in (
        gcg["other_names"]
    )


def test_a_change_of_only_a_translation_is_in_the_change_feed_and_its_url_reads_it():
    # Before the test's first query: the history's time is its transaction's.
    since = timezone.now().isoformat()
    PartnerFactory(slug="walk-free", name="Walk Free")

    token_client("partners.change_partner").patch(
        "/api/v1/partners/walk-free/", {"name_fr": "Marche libre"}
    )

    feed = APIClient().get("/api/v1/changes/", {"since": since}, HTTP_ACCEPT_LANGUAGE="fr")
    assert feed["Content-Language"] == "fr"
    actions = [(c["type"], c["action"]) for c in feed.json()["results"]]
    assert actions == [("partners", "insert"), ("partners", "update")]
    url = feed.json()["results"][-1]["url"]
    assert APIClient().get(url, HTTP_ACCEPT_LANGUAGE="fr").json()["name"] == "Marche libre"
