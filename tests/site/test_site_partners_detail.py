import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from action_groups.models import Role
from governance.models import Office, PledgeProgress
from partners.models import Theme
from tests.factories import (
    ActionGroupFactory,
    MembershipFactory,
    MilestoneFactory,
    OfficeTermFactory,
    PartnerFactory,
    PartnerIdentifierFactory,
    PathfinderCountryFactory,
    PledgeAssessmentFactory,
    PledgeFactory,
    RoadMapFactory,
    SeatTermFactory,
)

pytestmark = pytest.mark.django_db


def test_profile_shows_the_partners_facts(client):
    partner = PartnerFactory(
        name="International Labour Organization",
        acronym="ILO",
        country="CH",
        website="https://www.ilo.org/",
        themes=[Theme.CHILD_LABOUR, Theme.FORCED_LABOUR],
        joined_on=datetime.date(2016, 9, 21),
    )
    PartnerIdentifierFactory(partner=partner, scheme="XM-DAC", identifier="41302")

    response = client.get(partner.get_absolute_url())

    assert response.status_code == 200
    text = response.text
    assert "<title>International Labour Organization – Alliance 8.7</title>" in text
    assert "Switzerland" in text
    assert "Europe" in text
    assert 'href="https://www.ilo.org/"' in text
    assert "XM-DAC-41302" in text
    assert "Child labour, Forced labour" in text
    assert "Sept. 21, 2016" in text
    assert "Record last updated" in text


def test_profile_says_when_the_join_date_is_not_recorded(client):
    partner = PartnerFactory(joined_on=None)

    response = client.get(partner.get_absolute_url())

    assert "not recorded" in response.text


def test_profile_has_breadcrumbs_back_to_the_directory(client):
    partner = PartnerFactory(name="Walk Free")

    response = client.get(partner.get_absolute_url())

    assert '<nav class="breadcrumbs" aria-label="Breadcrumb">' in response.text
    assert 'href="/partners/">Partners</a>' in response.text
    assert '<li aria-current="page">Walk Free</li>' in response.text


def test_profile_lists_action_group_roles_seats_and_offices_current_and_past(client):
    partner = PartnerFactory()
    MembershipFactory(
        partner=partner, group=ActionGroupFactory(name="Migration"), role=Role.CO_CHAIR
    )
    SeatTermFactory(partner=partner, seat__constituency__name="Workers")
    OfficeTermFactory(partner=partner, office=Office.DEPUTY_CHAIR)

    response = client.get(partner.get_absolute_url())

    text = response.text
    assert "Migration" in text
    assert "Co-chair" in text
    assert "GCG seat: Workers" in text
    assert "Deputy chair" in text
    assert "Jan. 1, 2019 – Jan. 1, 2021" in text  # the past seat term
    assert "ongoing" in text  # the current office


def test_profile_lists_the_road_maps_it_answers_for_and_its_pledges(client):
    partner = PartnerFactory()
    road_map = RoadMapFactory(title="Road map of Nepal", pathfinder__country="NP")
    MilestoneFactory(road_map=road_map, title="Adopt the list", responsible_partners=[partner])
    MilestoneFactory(road_map=road_map, title="Train inspectors", responsible_partners=[partner])
    MilestoneFactory(road_map=road_map, title="Someone else's")
    pledge = PledgeFactory(partner=partner, title="End child labour in cocoa")
    PledgeAssessmentFactory(pledge=pledge, progress=PledgeProgress.ACHIEVED)

    response = client.get(partner.get_absolute_url())

    text = response.text
    assert text.count("Road map of Nepal") == 1
    assert "Adopt the list" in text
    assert "Train inspectors" in text
    assert "Someone else&#x27;s" not in text
    assert "Nepal" in text
    assert "End child labour in cocoa" in text
    assert "Achieved" in text


def test_profile_of_a_government_links_its_pathfinder_country(client):
    pathfinder = PathfinderCountryFactory(country="GH")

    response = client.get(pathfinder.government.get_absolute_url())

    assert f'href="{pathfinder.get_absolute_url()}"' in response.text


def test_unknown_partner_is_a_404(client):
    response = client.get("/partners/no-such-partner/")

    assert response.status_code == 404


def test_description_is_escaped_on_the_profile(client):
    partner = PartnerFactory(description="<script>alert(1)</script>")

    response = client.get(partner.get_absolute_url())

    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_profile_runs_the_same_number_of_queries_for_5_and_200_related_rows(client):
    partner = PartnerFactory()
    road_map = RoadMapFactory()

    def add(count):
        for _ in range(count):
            MembershipFactory(partner=partner)
            SeatTermFactory(partner=partner)
            PledgeAssessmentFactory(pledge=PledgeFactory(partner=partner))
            PartnerIdentifierFactory(partner=partner)
            MilestoneFactory(road_map=road_map, responsible_partners=[partner])
            MilestoneFactory(responsible_partners=[partner])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(partner.get_absolute_url())
        assert response.status_code == 200
        return len(captured)

    add(5)
    few = queries()
    add(195)
    assert queries() == few
