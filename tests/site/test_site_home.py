import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from action_groups.models import ActionGroup
from governance.models import Office
from partners.models import PartnerStatus
from tests.factories import (
    ActionGroupFactory,
    EventFactory,
    GlobalEstimateFactory,
    OfficeTermFactory,
    PartnerFactory,
    PathfinderCountryFactory,
)

pytestmark = pytest.mark.django_db


def test_home_page_explains_the_alliance(client):
    response = client.get(reverse("portal:home"))

    assert response.status_code == 200
    assert "target 8.7" in response.text
    assert "<title>Alliance 8.7" in response.text
    assert '<meta name="description"' in response.text


def test_home_page_counts_active_partners_pathfinders_and_open_action_groups(client):
    PartnerFactory.create_batch(3)
    PartnerFactory(status=PartnerStatus.WITHDRAWN, status_reason="Closed down.")
    PathfinderCountryFactory.create_batch(2)  # each with its government partner
    ActionGroupFactory.create_batch(4)
    ActionGroupFactory(
        established_on=datetime.date(2018, 1, 1), closed_on=datetime.date(2020, 1, 1)
    )

    response = client.get(reverse("portal:home"))

    assert response.context["partner_count"] == 5
    assert response.context["pathfinder_count"] == 2
    assert response.context["action_group_count"] == 4
    assert ActionGroup.objects.count() == 5


def test_home_page_names_the_current_chair_and_deputy_chair(client):
    OfficeTermFactory(
        office=Office.CHAIR,
        partner=PartnerFactory(name="Government of Old Chair"),
        start_date=datetime.date(2017, 1, 1),
        end_date=datetime.date(2019, 1, 1),
    )
    OfficeTermFactory(office=Office.CHAIR, partner=PartnerFactory(name="Government of Australia"))
    OfficeTermFactory(
        office=Office.DEPUTY_CHAIR, partner=PartnerFactory(name="Government of Argentina")
    )

    response = client.get(reverse("portal:home"))

    assert "Government of Australia" in response.text
    assert "Government of Argentina" in response.text
    assert "Government of Old Chair" not in response.text


def test_home_page_says_an_office_is_vacant(client):
    response = client.get(reverse("portal:home"))

    assert response.text.count("Vacant") == 2


def test_home_page_lists_recent_and_coming_events(client):
    today = timezone.localdate()
    EventFactory(
        title="Past meeting", start_date=today - datetime.timedelta(days=30), end_date=None
    )
    EventFactory(
        title="Next meeting", start_date=today + datetime.timedelta(days=30), end_date=None
    )

    response = client.get(reverse("portal:home"))

    assert [e.title for e in response.context["recent_events"]] == ["Past meeting"]
    assert [e.title for e in response.context["coming_events"]] == ["Next meeting"]
    assert "Past meeting" in response.text
    assert "Next meeting" in response.text


def test_home_page_nests_the_parts_of_a_global_estimate_with_their_sources(client):
    slavery = GlobalEstimateFactory(
        label="People in modern slavery", value=40_300_000, source="Global Estimates 2017"
    )
    GlobalEstimateFactory(
        label="in forced labour", value=24_900_000, part_of=slavery, source="Global Estimates 2017"
    )
    GlobalEstimateFactory(
        label="Children in child labour",
        value=152_000_000,
        source="Global Estimates of Child Labour",
    )

    response = client.get(reverse("portal:home"))

    assert [e.label for e in response.context["estimates"]] == [
        "People in modern slavery",
        "Children in child labour",
    ]
    assert "40.3 million" in response.text
    assert "24.9 million" in response.text
    assert "152 million" in response.text
    assert "Global Estimates of Child Labour" in response.text


def test_home_page_is_translated(client):
    response = client.get("/fr/")

    assert response.status_code == 200
    assert '<html lang="fr">' in response.text
