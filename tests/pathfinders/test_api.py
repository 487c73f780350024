import datetime

import pytest
from rest_framework.test import APIClient

from core.testing.api import APIResourceTests, assert_error, token_client
from partners.regions import Region, region_for
from pathfinders.models import PathfinderCountry, RoadMapStatus, StageChange
from tests.factories import (
    COUNTRY_CODES,
    AnnualReportFactory,
    MilestoneFactory,
    PartnerFactory,
    PathfinderCountryFactory,
    RoadMapFactory,
    StageChangeFactory,
)


class TestPathfinders(APIResourceTests):
    resource = "pathfinders"
    update_data = {"official_response": "The government adopted its road map in 2019."}
    filters = {
        "stage": ("implementing", lambda: {"stage": "implementing"}),
        "region": ("oceania", {"country": "FJ"}),
    }

    def make(self, **kwargs):
        # The factory's country sequence is shared by the whole run; an unnamed pathfinder must
        # fall outside Oceania, the region filter's case, or that test depends on test order.
        kwargs.setdefault(
            "country",
            next(
                code
                for code in COUNTRY_CODES
                if region_for(code) != Region.OCEANIA
                and not PathfinderCountry.objects.filter(country=code).exists()
            ),
        )
        stage = kwargs.pop("stage", "requested")
        pathfinder = PathfinderCountryFactory(**kwargs, focal_points=[PartnerFactory()])
        StageChangeFactory(pathfinder=pathfinder, stage=stage)
        return pathfinder

    factory = PathfinderCountryFactory

    def create_data(self):
        return {"country": "NP", "government": PartnerFactory(country="NP").slug}

    def test_a_pathfinder_is_found_by_its_iso_code_in_either_case(self):
        pathfinder = self.make(country="NP")
        lower = self.reader().get("/api/v1/pathfinders/np/")
        upper = self.reader().get("/api/v1/pathfinders/NP/")
        assert lower.json()["id"] == upper.json()["id"] == pathfinder.pk
        assert lower.json()["url"] == "http://testserver/api/v1/pathfinders/np/"
        assert lower.json()["stage"] == "requested"

    answers_as_of = True

    def test_as_of_gives_each_country_the_stage_it_had_on_that_date(self):
        nepal = self.make(country="NP")  # requested on 2018-02-01
        StageChangeFactory(pathfinder=nepal, stage="workshop_held", changed_on="2019-05-01")
        later = self.make(country="MG")
        StageChange.objects.filter(pathfinder=later).update(changed_on="2020-01-01")

        def stages(**params):
            rows = self.results(self.reader().get(self.list_url, params), key="stage")
            return sorted(rows)

        assert stages() == ["requested", "workshop_held"]
        assert stages(as_of="2018-06-30") == ["requested"]
        assert stages(as_of="2019-06-30") == ["workshop_held"]
        assert stages(as_of="2020-06-30") == ["requested", "workshop_held"]
        assert stages(as_of="2018-06-30", stage="requested") == ["requested"]
        assert stages(as_of="2019-06-30", stage="requested") == []
        detail = self.reader().get("/api/v1/pathfinders/np/", {"as_of": "2018-06-30"})
        assert detail.json()["stage"] == "requested"
        body = assert_error(self.reader().get(self.list_url, {"as_of": "30/06/2020"}), 400)
        assert "as_of" in body["errors"]


@pytest.mark.django_db
def test_the_pathfinder_resource_carries_its_report_light_grey_when_never_reported():
    today = datetime.date.today()
    never = PathfinderCountryFactory(country="GH")
    overdue = RoadMapFactory(
        pathfinder=PathfinderCountryFactory(country="NP"),
        status=RoadMapStatus.ADOPTED,
        adopted_on=today - datetime.timedelta(days=400),
    ).pathfinder
    reported = PathfinderCountryFactory(country="FJ")
    AnnualReportFactory(pathfinder=reported, submitted_on=today - datetime.timedelta(days=30))

    rows = APIClient().get("/api/v1/pathfinders/").json()["results"]

    lights = {row["country"]: row["report_light"] for row in rows}
    assert lights == {never.country.code: "grey", overdue.country.code: "red", "FJ": "green"}


@pytest.mark.django_db
def test_the_schema_documents_the_report_light_with_its_choices():
    schema = APIClient().get("/api/v1/schema/", {"format": "json"}).json()

    light = schema["components"]["schemas"]["PathfinderCountry"]["properties"]["report_light"]
    assert light.get("readOnly") is True
    assert "grey" in str(light) and "no report yet and none due" in light["description"]


class TestStageChanges(APIResourceTests):
    resource = "stage-changes"
    factory = StageChangeFactory
    update_data = {"decision": "Cabinet decision of 4 March"}
    filters = {
        "pathfinder": ("fj", lambda: {"pathfinder": PathfinderCountryFactory(country="FJ")}),
        "stage": ("workshop_held", {"stage": "workshop_held"}),
    }

    def create_data(self):
        return {"pathfinder": "pe", "stage": "requested", "changed_on": "2019-01-01"} | {
            "pathfinder": PathfinderCountryFactory(country="PE").pk
        }

    def test_a_bad_iso_code_is_a_400_naming_the_parameter(self):
        body = self.reader().get(self.list_url, {"pathfinder": "xx"}).json()
        assert body["status"] == 400
        assert "pathfinder" in body["errors"]


class TestRoadMaps(APIResourceTests):
    resource = "road-maps"
    factory = RoadMapFactory
    dated = True
    update_data = {"title": "National Action Plan 2022-2026"}
    filters = {
        "pathfinder": ("fj", lambda: {"pathfinder": PathfinderCountryFactory(country="FJ")}),
        "status": ("adopted", {"status": "adopted", "adopted_on": datetime.date(2019, 3, 1)}),
    }

    def make(self, **kwargs):
        road_map = RoadMapFactory(**kwargs)
        MilestoneFactory(road_map=road_map)
        return road_map

    def create_data(self):
        return {"pathfinder": PathfinderCountryFactory(country="MG").pk, "title": "Road map"}


class TestMilestones(APIResourceTests):
    resource = "milestones"
    factory = MilestoneFactory
    update_data = {"status": "delayed"}
    filters = {
        "status": ("in_progress", {"status": "in_progress"}),
        "road_map": (4242, lambda: {"road_map": RoadMapFactory(pk=4242)}),
        "pathfinder": (
            "fj",
            lambda: {"road_map": RoadMapFactory(pathfinder=PathfinderCountryFactory(country="FJ"))},
        ),
        "responsible_partner": (
            "ilo",
            lambda: {"responsible_partners": [PartnerFactory(slug="ilo")]},
        ),
        "due_before": ("2019-01-01", {"due_date": datetime.date(2018, 6, 1)}),
    }

    def make(self, **kwargs):
        kwargs.setdefault("responsible_partners", [PartnerFactory()])
        return MilestoneFactory(**kwargs)

    def create_data(self):
        return {
            "road_map": RoadMapFactory().pk,
            "title": "Adopt the hazardous work list",
            "responsible_partners": [PartnerFactory().slug],
        }


class TestAnnualReports(APIResourceTests):
    resource = "annual-reports"
    factory = AnnualReportFactory
    update_data = {"submitted_on": "2021-04-01"}
    filters = {
        "pathfinder": ("fj", lambda: {"pathfinder": PathfinderCountryFactory(country="FJ")}),
        "year": ("2016", {"year": 2016}),
    }

    def create_data(self):
        return {"pathfinder": PathfinderCountryFactory().pk, "year": 2020}


# ---------------------------------------------------- advancing a country and adopting its road map


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
def test_the_map_as_of_a_date_gives_each_country_the_stage_it_had_then(client):
    nepal = PathfinderCountryFactory(country="NP")
    StageChangeFactory(pathfinder=nepal, stage="requested", changed_on=datetime.date(2018, 2, 1))
    StageChangeFactory(
        pathfinder=nepal, stage="workshop_held", changed_on=datetime.date(2019, 5, 1)
    )
    then = client.get("/pathfinders/", {"as_of": "2018-06-30"})
    now = client.get("/pathfinders/")
    assert [p.stage for p in then.context["pathfinders"]] == ["requested"]
    assert [p.stage for p in now.context["pathfinders"]] == ["workshop_held"]
