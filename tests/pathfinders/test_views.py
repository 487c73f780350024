"""The pathfinder pages: the world map with its table, and each country's page."""

import datetime
import gzip
import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.testing.pages import PublicPageTests
from core.testing.queries import count_queries
from pathfinders.models import MilestoneStatus, PathfinderSettings, RoadMapStatus, Stage
from pathfinders.worldmap import world
from tests.factories import (
    AnnualReportFactory,
    EventFactory,
    MilestoneFactory,
    PartnerFactory,
    PathfinderCountryFactory,
    RoadMapFactory,
    StageChangeFactory,
)

pytestmark = pytest.mark.django_db


LIST = "/pathfinders/"


def adopted_road_map(pathfinder, **kwargs):
    return RoadMapFactory(
        pathfinder=pathfinder,
        status=RoadMapStatus.ADOPTED,
        adopted_on=datetime.date(2019, 3, 1),
        **kwargs,
    )


def test_the_map_links_each_pathfinder_with_its_name_and_stage(client):
    nepal = PathfinderCountryFactory(country="NP")
    StageChangeFactory(pathfinder=nepal, stage=Stage.REQUESTED, changed_on=None)
    StageChangeFactory(
        pathfinder=nepal, stage=Stage.WORKSHOP_HELD, changed_on=datetime.date(2019, 5, 1)
    )

    html = client.get(LIST).content.decode()

    assert 'class="world-map__country stage--workshop_held" href="/pathfinders/np/"' in html
    assert "<title>Nepal: Workshop held</title>" in html


def test_countries_that_are_not_pathfinders_are_drawn_but_not_linked(client):
    PathfinderCountryFactory(country="NP")

    html = client.get(LIST).content.decode()

    assert 'href="/pathfinders/fr/"' not in html
    assert html.count("<path ") > 150  # the rest of the world is there, as plain land


def test_the_table_gives_the_same_facts_as_the_map(client):
    chile = PathfinderCountryFactory(country="CL")
    StageChangeFactory(
        pathfinder=chile, stage=Stage.IMPLEMENTING, changed_on=datetime.date(2020, 2, 3)
    )

    response = client.get(LIST)

    html = response.content.decode()
    assert '<th scope="row"><a href="/pathfinders/cl/">Chile</a></th>' in html
    assert '<span class="badge badge--implementing">Implementing</span>' in html
    assert chile.government.name in html


def test_the_page_counts_the_pathfinders_in_each_stage(client):
    for code in ["NP", "GH"]:
        StageChangeFactory(pathfinder=PathfinderCountryFactory(country=code), stage=Stage.LAPSED)
    PathfinderCountryFactory(country="PE")

    response = client.get(LIST)

    stages = {value: count for value, _label, count in response.context["stages"]}
    assert stages[Stage.LAPSED] == 2
    assert stages[Stage.IMPLEMENTING] == 0
    assert stages["none"] == 1
    assert "No stage recorded" in response.content.decode()


def test_a_page_with_no_pathfinder_says_so(client):
    response = client.get(LIST)

    assert "No pathfinder country is recorded yet." in response.content.decode()


def test_the_map_page_stays_under_150_kb_compressed_with_every_country_a_pathfinder(client):
    for code in world().paths:
        pathfinder = PathfinderCountryFactory(country=code, government=None)
        StageChangeFactory(pathfinder=pathfinder, stage=Stage.IMPLEMENTING)

    response = client.get(LIST)

    assert response.status_code == 200
    assert len(gzip.compress(response.content)) < 150_000


def test_the_map_page_runs_the_same_queries_for_5_and_200_pathfinders(client):
    def add(count):
        for _ in range(count):
            pathfinder = PathfinderCountryFactory()
            StageChangeFactory(pathfinder=pathfinder)

    add(5)
    few = count_queries(client, LIST)
    add(195)
    assert count_queries(client, LIST) == few


def test_a_country_page_shows_its_stage_timeline_with_month_precision(client):
    madagascar = PathfinderCountryFactory(country="MG")
    StageChangeFactory(pathfinder=madagascar, stage=Stage.REQUESTED, changed_on=None)
    workshop = EventFactory(title="National strategy workshop, Madagascar")
    StageChangeFactory(
        pathfinder=madagascar,
        stage=Stage.WORKSHOP_HELD,
        changed_on=datetime.date(2018, 10, 1),
        date_precision="month",
        event=workshop,
    )

    response = client.get("/pathfinders/mg/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Madagascar</h1>" in html
    assert "not recorded" in html
    assert "October 2018" in html
    assert "National strategy workshop, Madagascar" in html
    assert response.context["current_change"].stage == Stage.WORKSHOP_HELD


def test_a_country_page_shows_its_road_map_milestones_and_progress(client):
    pathfinder = PathfinderCountryFactory(country="NP")
    road_map = adopted_road_map(pathfinder, title="Nepal road map towards target 8.7")
    labour = PartnerFactory(name="Ministry of Labour, Nepal")
    MilestoneFactory(
        road_map=road_map,
        title="Adopt the hazardous work list",
        status=MilestoneStatus.DONE,
        completed_on=datetime.date(2020, 1, 1),
        responsible_partners=[labour],
    )
    MilestoneFactory(
        road_map=road_map, status=MilestoneStatus.DONE, completed_on=datetime.date(2020, 2, 1)
    )
    MilestoneFactory(road_map=road_map, status=MilestoneStatus.PLANNED)
    MilestoneFactory(road_map=road_map, status=MilestoneStatus.CANCELLED)

    response = client.get("/pathfinders/np/")

    html = response.content.decode()
    assert "Nepal road map towards target 8.7" in html
    assert "Adopt the hazardous work list" in html
    assert "2 of 3 milestones done (67%)" in html
    assert "progress__bar--65" in html
    assert response.context["responsible"] == [labour]


def test_a_draft_road_map_is_not_shown_as_the_adopted_one(client):
    pathfinder = PathfinderCountryFactory(country="NP")
    RoadMapFactory(pathfinder=pathfinder, title="A draft not yet adopted")

    response = client.get("/pathfinders/np/")

    assert response.context["road_map"] is None
    assert "No road map has been adopted yet." in response.content.decode()


def test_a_country_page_names_its_partners_workshops_and_report_light(client):
    focal = PartnerFactory(name="National Committee on Child Labour")
    pathfinder = PathfinderCountryFactory(country="GH", focal_points=[focal])
    pathfinder.workshops.add(EventFactory(title="Pathfinder workshop, Accra"))
    adopted_road_map(pathfinder)
    AnnualReportFactory(
        pathfinder=pathfinder, year=2025, submitted_on=timezone.localdate() - datetime.timedelta(30)
    )

    html = client.get("/pathfinders/gh/").content.decode()

    assert pathfinder.government.name in html
    assert "National Committee on Child Labour" in html
    assert "Pathfinder workshop, Accra" in html
    assert '<span class="traffic-light--green">Reported within a year</span>' in html
    assert 'aria-current="page">Ghana</li>' in html  # the breadcrumbs


def test_the_report_light_turns_red_when_no_report_follows_adoption(client):
    adopted_road_map(PathfinderCountryFactory(country="GH"))

    html = client.get("/pathfinders/gh/").content.decode()

    assert '<span class="traffic-light--red">Report overdue</span>' in html


def test_a_country_that_never_reported_shows_grey_no_report_yet_not_green(client):
    PathfinderCountryFactory(country="GH")
    RoadMapFactory(
        pathfinder=PathfinderCountryFactory(country="NP"),
        status=RoadMapStatus.ADOPTED,
        adopted_on=timezone.localdate(),
    )

    for code in ["gh", "np"]:
        html = client.get(f"/pathfinders/{code}/").content.decode()

        assert '<span class="traffic-light--grey">No report yet</span>' in html
        assert "Reported within a year" not in html


def test_an_upper_case_code_redirects_to_the_lower_case_address(client):
    PathfinderCountryFactory(country="NP")

    response = client.get("/pathfinders/NP/")

    assert response.status_code == 301
    assert response["Location"] == "/pathfinders/np/"


@pytest.mark.parametrize("code", ["zz", "fr", "nep"])
def test_unknown_codes_and_countries_that_are_not_pathfinders_are_not_found(client, code):
    PathfinderCountryFactory(country="NP")

    assert client.get(f"/pathfinders/{code}/").status_code == 404


# ---------------------------------------------------------------- the suite of every public page


class TestPathfinderMap(PublicPageTests):
    path = LIST
    factory = PathfinderCountryFactory
    text_field = "government__name"


class TestPathfinderPage(PublicPageTests):
    path = "/pathfinders/{}/"
    factory = PathfinderCountryFactory
    defaults = {"country": "NP"}
    text_field = "official_response"
    unknown = "zz"
    rows = (5, 200)

    def url(self, pathfinder):
        return self.path.format(pathfinder.country.code.lower())

    def grow(self, pathfinder, count):
        road_map = pathfinder.road_maps.first() or adopted_road_map(pathfinder)
        for _ in range(count):
            partner = PartnerFactory()
            MilestoneFactory(road_map=road_map, responsible_partners=[partner])
            StageChangeFactory(pathfinder=pathfinder, changed_on=None)
            pathfinder.workshops.add(EventFactory())
            pathfinder.focal_points.add(partner)


def test_a_country_page_links_its_delta_87_dashboard_by_the_pattern_set_in_the_admin(client):
    PathfinderCountryFactory(country="NP")

    html = client.get("/pathfinders/np/").content.decode()
    assert 'href="https://delta87.org/dashboards/country/NPL/"' in html
    assert "Nepal on the Delta 8.7 Knowledge Platform" in html

    PathfinderSettings(delta87_country_url="https://example.org/{iso2}/dashboard").save()
    cache.clear()
    html = client.get("/pathfinders/np/").content.decode()
    assert 'href="https://example.org/NP/dashboard"' in html


@pytest.mark.parametrize("pattern", ["https://delta87.org/dashboards/", "https://d.org/{iso}/"])
def test_a_dashboard_address_without_the_country_placeholder_is_refused(pattern):
    with pytest.raises(ValidationError) as refused:
        PathfinderSettings(delta87_country_url=pattern).full_clean()

    assert "delta87_country_url" in refused.value.message_dict


def test_the_settings_admin_edits_the_one_row_and_refuses_a_pattern_without_placeholder(
    admin_client,
):
    url = "/admin/pathfinders/pathfindersettings/add/"
    response = admin_client.post(url, {"delta87_country_url": "https://delta87.org/"})
    assert response.status_code == 200
    assert "must contain {iso3} or {iso2}" in response.content.decode()

    admin_client.post(url, {"delta87_country_url": "https://delta87.org/c/{iso3}/"})
    assert PathfinderSettings.current().delta87_country_url == "https://delta87.org/c/{iso3}/"
    assert admin_client.get(url).status_code == 403  # one row only


def test_every_cell_of_a_country_pages_tables_is_labelled_for_phones(client):
    pathfinder = PathfinderCountryFactory(country="NP")
    MilestoneFactory(road_map=adopted_road_map(pathfinder))

    html = client.get("/pathfinders/np/").content.decode()

    cells = re.findall(r"<td[^>]*>", html)
    assert cells and all("data-label=" in cell for cell in cells)
