import datetime

import pytest
from rest_framework.test import APIClient

from core.testing.api import APIResourceTests, assert_error, token_client
from partners.models import ApplicationStatus, Partner, PartnershipApplication
from tests.factories import (
    ActionGroupFactory,
    MembershipFactory,
    PartnerFactory,
    PartnerIdentifierFactory,
    PartnershipApplicationFactory,
    SeatTermFactory,
)


class TestPartners(APIResourceTests):
    resource = "partners"
    factory = PartnerFactory
    update_data = {"acronym": "ILO", "status": "active"}
    filters = {
        "q": ("Walk Free", {"name": "Walk Free Foundation"}),
        "category": ("workers", {"category": "workers"}),
        "country": ("BR", {"country": "BR"}),
        "region": ("europe", {"country": "FR"}),
        "theme": ("child_soldiers", {"themes": ["child_soldiers"]}),
        "relation": ("development_partner", {"relations": ["development_partner"]}),
        "status": ("suspended", {"status": "suspended", "status_reason": "No report."}),
        "joined_after": ("2020-01-01", {"joined_on": "2021-01-01"}),
        "joined_before": ("2010-01-01", {"joined_on": "2009-01-01"}),
        "gcg_seat_holder": ("true", {"holds_a_seat": True}),
        "action_group": ("migration", {"member_of": "migration"}),
    }

    def make(self, holds_a_seat=False, member_of=None, **kwargs):
        partner = PartnerFactory(**kwargs)
        if holds_a_seat:
            SeatTermFactory(partner=partner, start_date=datetime.date(2020, 1, 1), end_date=None)
        if member_of:
            MembershipFactory(partner=partner, group=ActionGroupFactory(slug=member_of))
        return partner

    def create_data(self):
        return {
            "name": "International Trade Union Confederation",
            "acronym": "ITUC",
            "slug": "ituc",
            "category": "workers",
            "country": "BE",
            "themes": ["forced_labour"],
        }


class TestPartnerIdentifiers(APIResourceTests):
    resource = "partner-identifiers"
    factory = PartnerIdentifierFactory
    update_data = {"identifier": "41302"}
    filters = {
        "scheme": ("GB-CHC", {"scheme": "GB-CHC"}),
        "identifier": ("99999", {"identifier": "99999"}),
        "partner": ("ilo", lambda: {"partner": PartnerFactory(slug="ilo")}),
    }

    def create_data(self):
        return {"partner": PartnerFactory().slug, "scheme": "XM-DAC", "identifier": "41302"}


@pytest.mark.django_db
def test_the_search_parameter_ranks_name_matches_first_and_tolerates_a_typo_in_a_name():
    PartnerFactory(
        name="Anti-Slavery International", acronym="ASI", description="Works with migrants."
    )
    PartnerFactory(name="Migrant Forum in Asia", acronym="MFA", description="A network.")

    exact = APIClient().get("/api/v1/partners/", {"q": "migrants"})
    typo = APIClient().get("/api/v1/partners/", {"q": "Migrnt"})

    assert exact.status_code == 200, exact.content
    assert [row["name"] for row in exact.json()["results"]] == [
        "Migrant Forum in Asia",
        "Anti-Slavery International",
    ]
    # A typo is read as a word of names: it finds the name, not the description.
    assert [row["name"] for row in typo.json()["results"]] == ["Migrant Forum in Asia"]


@pytest.mark.django_db
@pytest.mark.parametrize("value", ['"forced labour', "labour:* & !", "a'b\\c (<->)"])
def test_the_search_parameter_answers_punctuation_and_operators(value):
    PartnerFactory(name="Forced Labour Observatory")

    response = APIClient().get("/api/v1/partners/", {"q": value})

    assert response.status_code == 200, response.content


@pytest.mark.django_db
def test_a_partner_in_the_api_shows_no_search_vector():
    partner = PartnerFactory()

    row = APIClient().get(f"/api/v1/partners/{partner.slug}/").json()

    assert "search_vector" not in row
    assert row["name"] == partner.name


def names(url: str) -> list[str]:
    return [row["name"] for row in APIClient().get(url).json()["results"]]


@pytest.mark.django_db
def test_sorting_by_country_breaks_ties_by_name_so_pages_never_overlap():
    for name in ["Delta", "Alpha", "Echo", "Charlie", "Bravo"]:
        PartnerFactory(name=name, country="KE")
    PartnerFactory(name="Zulu", country="BR")

    pages = [names(f"/api/v1/partners/?ordering=country&page_size=2&page={n}") for n in (1, 2, 3)]

    assert pages == [["Zulu", "Alpha"], ["Bravo", "Charlie"], ["Delta", "Echo"]]


@pytest.mark.django_db
def test_sorting_by_join_date_puts_unknown_dates_last_either_way():
    PartnerFactory(name="Unknown", joined_on=None)
    PartnerFactory(name="Early", joined_on=datetime.date(2016, 1, 1))
    PartnerFactory(name="Late B", joined_on=datetime.date(2020, 1, 1))
    PartnerFactory(name="Late A", joined_on=datetime.date(2020, 1, 1))

    assert names("/api/v1/partners/?ordering=-joined") == ["Late A", "Late B", "Early", "Unknown"]
    assert names("/api/v1/partners/?ordering=joined") == ["Early", "Late A", "Late B", "Unknown"]


# ---------------------------------------------------------------- applications


APPLICATION = {
    "organisation_name": "Anti-Slavery International",
    "category": "civil_society",
    "country": "GB",
    "contact_name": "A. Person",
    "contact_email": "a.person@example.org",
    "motivation": "We work on forced labour.",
    "commitment_accepted": True,
}


@pytest.mark.django_db
def test_anyone_can_submit_an_application_without_a_token():
    response = APIClient().post("/api/v1/applications/", APPLICATION, format="json")
    assert response.status_code == 201, response.content
    application = PartnershipApplication.objects.get()
    assert application.status == ApplicationStatus.SUBMITTED


@pytest.mark.django_db
def test_an_application_without_the_commitment_is_a_400():
    body = assert_error(
        APIClient().post(
            "/api/v1/applications/", {**APPLICATION, "commitment_accepted": False}, format="json"
        ),
        400,
    )
    assert "non_field_errors" in body["errors"]


@pytest.mark.django_db
def test_anonymous_callers_cannot_read_applications():
    application = PartnershipApplicationFactory()
    assert_error(APIClient().get("/api/v1/applications/"), 401)
    assert_error(APIClient().get(f"/api/v1/applications/{application.pk}/"), 401)
    assert_error(token_client().get("/api/v1/applications/"), 403)
    reader = token_client("partners.view_partnershipapplication")
    assert reader.get("/api/v1/applications/").json()["results"][0]["contact_email"]


@pytest.mark.django_db
def test_approving_an_application_creates_the_partner():
    application = PartnershipApplicationFactory(organisation_name="Walk Free")
    client = token_client("partners.change_partnershipapplication", "partners.add_partner")
    response = client.post(f"/api/v1/applications/{application.pk}/approve/", {}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "approved"
    assert response.json()["partner"]["display"] == "Walk Free"
    assert Partner.objects.filter(name="Walk Free").exists()


@pytest.mark.django_db
def test_approving_twice_is_a_409_and_needs_the_permission():
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
    body = assert_error(again, 409)
    assert body["code"] == "conflict"
    assert body["detail"] == "This application was already approved."


@pytest.mark.django_db
def test_rejecting_an_application_needs_a_reason():
    application = PartnershipApplicationFactory()
    client = token_client("partners.change_partnershipapplication")
    url = f"/api/v1/applications/{application.pk}/reject/"
    assert "reason" in assert_error(client.post(url, {}, format="json"), 400)["errors"]
    response = client.post(url, {"reason": "Not an organisation."}, format="json")
    assert response.json()["status"] == "rejected"
    assert response.json()["decided_by"]["id"] == client.token.user_id


@pytest.mark.django_db
def test_an_application_can_be_taken_under_review():
    application = PartnershipApplicationFactory()
    client = token_client("partners.change_partnershipapplication")
    response = client.post(f"/api/v1/applications/{application.pk}/review/")
    assert response.json()["status"] == "under_review"


@pytest.mark.django_db(transaction=True)
def test_the_loser_of_two_simultaneous_approvals_gets_a_409_and_one_partner_is_made():
    from core.testing.concurrency import race

    application = PartnershipApplicationFactory(organisation_name="Walk Free")
    header = token_client(
        "partners.change_partnershipapplication", "partners.add_partner"
    )._credentials["HTTP_AUTHORIZATION"]

    def approve():
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=header)
        return client.post(f"/api/v1/applications/{application.pk}/approve/", {}, format="json")

    responses = race([approve, approve], hold=["partners_partner"])

    assert sorted(r.status_code for r in responses) == [200, 409], [r.content for r in responses]
    loser = next(r for r in responses if r.status_code == 409)
    assert assert_error(loser, 409)["detail"] == "This application was already approved."
    assert Partner.objects.filter(name="Walk Free").count() == 1
