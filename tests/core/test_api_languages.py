"""The API answers and takes a record's text in English, French or Spanish."""

import pytest
from rest_framework.test import APIClient

from core.testing.api import assert_error, token_client
from partners.models import Partner
from tests.factories import MembershipFactory, PartnerFactory

pytestmark = pytest.mark.django_db

ILO = "/api/v1/partners/ilo/"


@pytest.fixture
def ilo():
    return PartnerFactory(
        slug="ilo",
        name="International Labour Organization",
        name_fr="Organisation internationale du Travail",
        name_es="Organización Internacional del Trabajo",
        acronym="ILO",
        acronym_fr="OIT",
        description="A UN agency.",
    )


def editor():
    return token_client(
        "partners.add_partner", "partners.change_partner", "partners.add_partneridentifier"
    )


def test_a_record_asked_for_in_french_gives_its_text_in_french_and_in_every_language(ilo):
    response = APIClient().get(ILO, HTTP_ACCEPT_LANGUAGE="fr-CH, fr;q=0.9, en;q=0.5")

    assert response.status_code == 200, response.content
    assert response["Content-Language"] == "fr"
    assert "Accept-Language" in response["Vary"]
    body = response.json()
    assert body["name"] == "Organisation internationale du Travail"
    assert body["acronym"] == "OIT"
    assert body["name_en"] == "International Labour Organization"
    assert body["name_fr"] == "Organisation internationale du Travail"
    assert body["name_es"] == "Organización Internacional del Trabajo"


def test_the_lang_parameter_wins_over_accept_language(ilo):
    response = APIClient().get(ILO, {"lang": "es"}, HTTP_ACCEPT_LANGUAGE="fr")

    assert response["Content-Language"] == "es"
    assert response.json()["name"] == "Organización Internacional del Trabajo"


def test_a_text_without_a_translation_falls_back_to_english(ilo):
    body = APIClient().get(ILO, {"lang": "es"}).json()

    assert body["acronym"] == "ILO"
    assert body["acronym_es"] == ""
    assert body["description"] == "A UN agency."


def test_lang_en_answers_in_english_and_says_so(ilo):
    response = APIClient().get(ILO, {"lang": "en"}, HTTP_ACCEPT_LANGUAGE="fr")

    assert response["Content-Language"] == "en"
    assert "Accept-Language" in response["Vary"]
    assert response.json()["name"] == "International Labour Organization"


@pytest.mark.parametrize(
    ("params", "header"),
    [({"lang": "de"}, "fr"), ({}, "de-DE, ja;q=0.8"), ({"lang": "x" * 600}, "")],
)
def test_an_unknown_language_is_answered_in_english(ilo, params, header):
    response = APIClient().get(ILO, params, HTTP_ACCEPT_LANGUAGE=header)

    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert response.json()["name"] == "International Labour Organization"


def test_a_list_answers_in_the_language_asked_for(ilo):
    rows = APIClient().get("/api/v1/partners/", {"lang": "fr"}).json()["results"]

    assert [row["name"] for row in rows] == ["Organisation internationale du Travail"]


def test_a_patch_of_name_fr_shows_in_french_and_not_in_english():
    PartnerFactory(slug="walk-free", name="Walk Free")

    response = editor().patch("/api/v1/partners/walk-free/", {"name_fr": "Marche libre"})

    assert response.status_code == 200, response.content
    french = APIClient().get("/api/v1/partners/walk-free/", HTTP_ACCEPT_LANGUAGE="fr").json()
    english = APIClient().get("/api/v1/partners/walk-free/").json()
    assert french["name"] == "Marche libre"
    assert english["name"] == "Walk Free"
    assert english["name_fr"] == "Marche libre"


def test_writing_name_in_french_writes_the_french_text_and_keeps_the_english(ilo):
    response = editor().patch(ILO, {"name": "OIT (Genève)"}, HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 200, response.content
    assert response.json()["name"] == "OIT (Genève)"
    ilo.refresh_from_db()
    assert (ilo.name, ilo.name_fr) == ("International Labour Organization", "OIT (Genève)")


def test_a_get_then_put_round_trip_in_spanish_keeps_every_language(ilo):
    client = editor()
    read = client.get(ILO, {"lang": "es"}).json()
    # No Spanish acronym: the read shows the English one, which the write must not copy.
    assert read["acronym"] == "ILO"

    response = client.put(ILO + "?lang=es", read)

    assert response.status_code == 200, response.content
    ilo.refresh_from_db()
    assert (ilo.acronym, ilo.acronym_fr, ilo.acronym_es) == ("ILO", "OIT", "")
    assert ilo.name_es == "Organización Internacional del Trabajo"


def test_a_record_sent_back_with_its_name_changed_keeps_the_change(ilo):
    client = editor()
    read = client.get(ILO, HTTP_ACCEPT_LANGUAGE="fr").json()
    read["acronym"] = "OIT-BIT"

    response = client.put(ILO, read, HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 200, response.content
    ilo.refresh_from_db()
    assert (ilo.acronym, ilo.acronym_fr) == ("ILO", "OIT-BIT")


def test_an_english_client_reads_and_writes_name_as_before():
    response = editor().post(
        "/api/v1/partners/",
        {"name": "Walk Free", "slug": "walk-free", "category": "civil_society", "country": "AU"},
    )

    assert response.status_code == 201, response.content
    assert response["Content-Language"] == "en"
    assert Partner.objects.get(slug="walk-free").name == "Walk Free"
    missing = editor().post(
        "/api/v1/partners/", {"slug": "x", "category": "civil_society", "country": "AU"}
    )
    assert "name" in assert_error(missing, 400)["errors"]


def test_a_create_in_english_may_give_the_name_as_name_en():
    response = editor().post(
        "/api/v1/partners/",
        {"name_en": "Walk Free", "slug": "walk-free", "category": "civil_society", "country": "AU"},
    )

    assert response.status_code == 201, response.content
    assert response.json()["name"] == "Walk Free"


def test_a_create_in_french_without_the_english_name_is_a_400_naming_name_en():
    response = editor().post(
        "/api/v1/partners/",
        {"name": "Marche libre", "slug": "walk-free", "category": "civil_society", "country": "AU"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )

    errors = assert_error(response, 400)["errors"]
    assert errors == {"name_en": ["Ce champ est obligatoire."]}
    assert not Partner.objects.exists()


def test_a_create_in_french_with_the_english_name_saves_both():
    response = editor().post(
        "/api/v1/partners/?lang=fr",
        {
            "name": "Marche libre",
            "name_en": "Walk Free",
            "slug": "walk-free",
            "category": "civil_society",
            "country": "AU",
        },
    )

    assert response.status_code == 201, response.content
    partner = Partner.objects.get(slug="walk-free")
    assert (partner.name, partner.name_fr) == ("Walk Free", "Marche libre")


def test_validation_messages_answer_in_french(ilo):
    invalid = editor().patch(ILO, {"category": "ngo"}, HTTP_ACCEPT_LANGUAGE="fr")
    unknown = editor().post(
        "/api/v1/partner-identifiers/",
        {"partner": "nobody", "scheme": "XM-DAC", "identifier": "1"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    taken = editor().post(
        "/api/v1/partners/",
        {"name_en": ilo.name, "slug": "ilo-2", "category": "civil_society", "country": "CH"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )

    # DRF's own messages, and the registry's from its catalogue.
    [choice] = assert_error(invalid, 400)["errors"]["category"]
    [partner] = assert_error(unknown, 400)["errors"]["partner"]
    assert choice.replace("\xa0", " ") == "« ngo » n'est pas un choix valide."
    assert partner.replace("\xa0", " ") == "Cette fiche n'existe pas : « nobody »."
    # The English column's error is under the English field's name, in French.
    [message] = assert_error(taken, 400)["errors"]["name_en"]
    assert "existe déjà" in message


def test_a_french_answer_is_never_served_to_an_english_reader(ilo):
    english = APIClient().get(ILO)
    french = APIClient().get(ILO, HTTP_ACCEPT_LANGUAGE="fr")
    english_again = APIClient().get(ILO)
    revalidated = APIClient().get(
        ILO, HTTP_ACCEPT_LANGUAGE="fr", HTTP_IF_NONE_MATCH=english["ETag"]
    )

    assert english_again.json()["name"] == english.json()["name"] == ilo.name
    assert french.json()["name"] == ilo.name_fr
    assert english["ETag"] != french["ETag"]
    assert revalidated.status_code == 200


def test_the_schema_documents_every_language_of_a_text_field_and_the_lang_parameter():
    schema = APIClient().get("/api/v1/schema/", {"format": "json"}).json()

    partner = schema["components"]["schemas"]["Partner"]["properties"]
    request = schema["components"]["schemas"]["PartnerRequest"]
    assert {"name", "name_en", "name_fr", "name_es"} <= set(partner)
    assert "French" in partner["name_fr"]["description"]
    assert "Accept-Language" in partner["name"]["description"]
    assert "name" in request["required"]
    assert "name_fr" not in request["required"]
    parameters = schema["paths"]["/api/v1/partners/"]["get"]["parameters"]
    [lang] = [p for p in parameters if p["name"] == "lang"]
    assert set(lang["schema"]["enum"]) == {"en", "fr", "es"}


def test_a_list_is_searched_in_every_language_of_its_own_and_its_partners_text(client):
    membership = MembershipFactory(partner__name="Walk Free", partner__name_fr="Marche libre")

    found = client.get("/api/v1/memberships/", {"q": "marche libre"}).json()["results"]

    assert [row["id"] for row in found] == [membership.pk]
