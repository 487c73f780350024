import datetime

import pytest
from rest_framework.test import APIClient

from core.testing.api import APIResourceTests, assert_error, token_client
from governance.models import Office, OfficeTerm
from tests.factories import (
    ConstituencyFactory,
    EventFactory,
    GlobalEstimateFactory,
    OfficeTermFactory,
    PartnerFactory,
    PledgeAssessmentFactory,
    PledgeFactory,
    SeatFactory,
    SeatTermFactory,
)


class TestConstituencies(APIResourceTests):
    resource = "constituencies"
    factory = ConstituencyFactory
    update_data = {"position": 7}
    filters = {"slug": ("workers", {"slug": "workers", "name": "Workers"})}

    def create_data(self):
        return {"name": "Employers", "slug": "employers", "position": 3}


class TestSeats(APIResourceTests):
    resource = "seats"
    factory = SeatFactory
    update_data = {"region": "africa"}
    filters = {
        "region": ("asia", {"region": "asia"}),
        "constituency": ("workers", lambda: {"constituency": ConstituencyFactory(slug="workers")}),
    }

    def create_data(self):
        return {"constituency": ConstituencyFactory().pk, "region": "americas", "number": 1}


class TestSeatTerms(APIResourceTests):
    resource = "seat-terms"
    factory = SeatTermFactory
    dated = True
    update_data = {"end_date": "2022-01-01"}
    filters = {
        "partner": ("ilo", lambda: {"partner": PartnerFactory(slug="ilo")}),
        "seat": (4242, lambda: {"seat": SeatFactory(pk=4242)}),
        "constituency": (
            "workers",
            lambda: {"seat": SeatFactory(constituency=ConstituencyFactory(slug="workers"))},
        ),
    }

    def create_data(self):
        return {
            "seat": SeatFactory().pk,
            "partner": PartnerFactory().slug,
            "start_date": "2021-01-01",
        }


class TestOfficeTerms(APIResourceTests):
    resource = "office-terms"
    dated = True
    update_data = {"source": "GCG meeting minutes"}
    filters = {
        "office": ("deputy_chair", {"office": "deputy_chair"}),
        "partner": ("ilo", lambda: {"partner": PartnerFactory(slug="ilo")}),
    }

    def factory(**kwargs):
        # Terms of one office never overlap: each record gets its own year unless told.
        TestOfficeTerms.year += 1
        start = datetime.date(1800 + TestOfficeTerms.year, 1, 1)
        defaults = {
            "office": "secretariat",
            "start_date": start,
            "end_date": start.replace(month=6),
        }
        return OfficeTermFactory(**{**defaults, **kwargs})

    factory._meta = OfficeTermFactory._meta
    factory = staticmethod(factory)
    year = 0

    def create_data(self):
        return {"office": "chair", "partner": PartnerFactory().pk, "start_date": "2024-01-01"}


class TestEvents(APIResourceTests):
    resource = "events"
    factory = EventFactory
    update_data = {"outcome": "A joint statement on supply chains."}
    filters = {
        "kind": ("workshop", {"kind": "workshop"}),
        "country": ("NP", {"country": "NP"}),
        "year": ("2022", {"start_date": datetime.date(2022, 5, 1), "end_date": None}),
        "starts_after": ("2021-01-01", {"start_date": datetime.date(2021, 3, 1), "end_date": None}),
        "starts_before": (
            "2019-01-01",
            {"start_date": datetime.date(2018, 5, 1), "end_date": None},
        ),
    }

    def create_data(self):
        return {
            "kind": "gcg_meeting",
            "title": "Ninth GCG meeting",
            "slug": "ninth-gcg-meeting",
            "start_date": "2021-11-30",
        }


class TestPledges(APIResourceTests):
    resource = "pledges"
    factory = PledgeFactory
    update_data = {"title": "Eliminate child labour in cocoa supply chains by 2025"}
    filters = {
        "partner": ("ilo", lambda: {"partner": PartnerFactory(slug="ilo")}),
        "event": ("iv-conference", lambda: {"event": EventFactory(slug="iv-conference")}),
        "status": ("achieved", lambda: {"assessments": None}),
    }

    def make(self, **kwargs):
        achieved = "assessments" in kwargs
        kwargs.pop("assessments", None)
        pledge = PledgeFactory(**kwargs)
        if achieved:
            PledgeAssessmentFactory(pledge=pledge, progress="achieved")
        return pledge

    def create_data(self):
        return {"partner": PartnerFactory().slug, "event": EventFactory().pk, "title": "A pledge"}


class TestPledgeAssessments(APIResourceTests):
    resource = "pledge-assessments"
    factory = PledgeAssessmentFactory
    update_data = {"progress": "achieved"}
    filters = {
        "progress": ("not_started", {"progress": "not_started"}),
        "pledge": (4242, lambda: {"pledge": PledgeFactory(pk=4242)}),
    }

    def create_data(self):
        return {
            "pledge": PledgeFactory().pk,
            "assessed_on": "2022-02-01",
            "progress": "in_progress",
        }


class TestGlobalEstimates(APIResourceTests):
    resource = "global-estimates"
    factory = GlobalEstimateFactory
    update_data = {"value": 27_600_000}
    filters = {"slug": ("forced-labour", {"slug": "forced-labour"})}

    def create_data(self):
        return {
            "slug": "child-labour",
            "label": "Children in child labour",
            "value": 160_000_000,
            "source": "Child Labour: Global estimates 2020",
        }


# ---------------------------------------------------------------- rotation of the offices


@pytest.mark.django_db
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


@pytest.mark.django_db
def test_a_refused_rotation_is_a_400_and_changes_nothing():
    OfficeTermFactory(office=Office.CHAIR, start_date=datetime.date(2020, 1, 1))
    client = token_client("governance.add_officeterm", "governance.change_officeterm")
    response = client.post("/api/v1/offices/rotate/", {"on": "2022-01-01"}, format="json")
    assert_error(response, 400)
    assert OfficeTerm.objects.get().end_date is None
    assert_error(APIClient().post("/api/v1/offices/rotate/", {}, format="json"), 401)


@pytest.mark.django_db
def test_a_missing_related_record_is_named_in_the_message():
    seat = SeatFactory()
    client = token_client("governance.add_seatterm")

    response = client.post(
        "/api/v1/seat-terms/",
        {"seat": seat.pk, "partner": 8787, "start_date": "2020-01-01"},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["errors"]["partner"] == ["There is no such record: “8787”."]


@pytest.mark.django_db(transaction=True)
def test_the_loser_of_two_simultaneous_rotations_from_a_vacant_chair_gets_a_409():
    from core.testing.concurrency import race

    first, second = PartnerFactory(slug="ilo"), PartnerFactory(slug="ituc")
    key_holder = token_client("governance.add_officeterm", "governance.change_officeterm")
    header = key_holder._credentials["HTTP_AUTHORIZATION"]

    def rotate(slug):
        def call():
            client = APIClient()
            client.credentials(HTTP_AUTHORIZATION=header)
            return client.post(
                "/api/v1/offices/rotate/", {"on": "2022-01-01", "chair": slug}, format="json"
            )

        return call

    responses = race([rotate("ilo"), rotate("ituc")], hold=["governance_officeterm"])

    assert sorted(r.status_code for r in responses) == [200, 409], [r.content for r in responses]
    loser = next(r for r in responses if r.status_code == 409)
    body = assert_error(loser, 409)
    assert body["code"] == "conflict"
    assert "same moment" in body["detail"]
    assert OfficeTerm.objects.filter(office=Office.CHAIR).count() == 1
    assert OfficeTerm.objects.get().partner in (first, second)


@pytest.mark.django_db
def test_the_csv_of_seat_terms_gives_each_periods_last_day_beside_its_stored_end():
    import csv
    import io

    SeatTermFactory(start_date=datetime.date(2019, 1, 1), end_date=datetime.date(2021, 1, 1))

    response = APIClient().get("/api/v1/seat-terms/?format=csv")

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert (rows[0]["end_date"], rows[0]["last_day"]) == ("2021-01-01", "2020-12-31")
