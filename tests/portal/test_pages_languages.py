"""Public pages show a record's own text in the page's language, and English marked as such."""

import datetime
import re

import pytest

from pathfinders.models import RoadMapStatus
from tests.factories import (
    ActionGroupFactory,
    EventFactory,
    MilestoneFactory,
    PartnerFactory,
    PathfinderCountryFactory,
    PledgeFactory,
    RoadMapFactory,
    SeatTermFactory,
)

pytestmark = pytest.mark.django_db


def _lang_en(html: str) -> list[str]:
    """The text of every element marked lang="en" (but the language switcher's link)."""
    return [
        re.sub(r"<[^>]+>", "", inner).strip()
        for tag, inner in re.findall(r'<(\w+)[^>]* lang="en"[^>]*>(.*?)</\1>', html, re.S)
        if tag != "html" and inner.strip() != "English"
    ]


@pytest.fixture
def event():
    return EventFactory(
        title="Regional consultation for Africa",
        slug="consultation",
        title_fr="Consultation régionale pour l'Afrique",
        city="Geneva",
        city_fr="Genève",
        city_es="Ginebra",
        description="The partners agreed a road map.",
        outcome="A road map.",
        outcome_es="Una hoja de ruta.",
    )


def test_a_profile_shows_the_french_name_and_marks_the_english_description(client):
    PartnerFactory(
        slug="agency",
        name="National Anti-Trafficking Agency",
        name_fr="Agence nationale de lutte contre la traite",
        description="Protects victims.",
    )

    html = client.get("/fr/partners/agency/").text

    assert "<h1>Agence nationale de lutte contre la traite" in html
    assert "<title>Agence nationale de lutte contre la traite" in html
    assert '<p class="lead" lang="en">Protects victims.</p>' in html
    assert "National Anti-Trafficking Agency" not in html
    assert '"name": "Agence nationale de lutte contre la traite"' in html
    assert '"description": "Protects victims."' in html


def test_a_profile_marks_the_english_names_of_its_seat_and_of_a_pledges_event(client):
    partner = PartnerFactory(slug="union", name="Union", name_fr="Syndicat")
    SeatTermFactory(partner=partner, seat__constituency__name="Workers", seat__region="africa")
    PledgeFactory(partner=partner, event__title="IV Global Conference", title="End it")
    SeatTermFactory(
        partner=partner,
        seat__constituency__name="Employers",
        seat__constituency__name_fr="Employeurs",
    )

    html = client.get("/fr/partners/union/").text

    assert '<span lang="en">Workers</span> · Afrique' in html
    assert '<span lang="en">IV Global Conference</span></a>' in html
    assert "Employeurs" in html and '<span lang="en">Employeurs' not in html


def test_an_english_page_marks_nothing_as_english(client, event):
    PartnerFactory(slug="agency", name="Agency", name_fr="Agence")

    for path in ("/partners/agency/", "/events/consultation/"):
        assert _lang_en(client.get(path).text) == []


def test_an_event_in_french_and_in_spanish(client, event):
    french = client.get("/fr/events/consultation/").text
    spanish = client.get("/es/events/consultation/").text

    assert "<h1>Consultation régionale pour l&#x27;Afrique</h1>" in french
    assert "Genève" in french
    assert _lang_en(french) == ["The partners agreed a road map.", "A road map."]
    assert '<span lang="en">Regional consultation for Africa</span>' in spanish
    assert "Ginebra" in spanish
    assert "Una hoja de ruta." in spanish and "A road map." not in spanish


def test_the_event_list_and_the_feeds_follow_the_language(client, event):
    assert "Consultation régionale pour l&#x27;Afrique" in client.get("/fr/events/").text

    rss = client.get("/fr/events/feed.rss").text
    assert "<title>Consultation régionale pour l'Afrique</title>" in rss
    assert "<language>fr</language>" in rss
    assert "<title>Regional consultation for Africa</title>" in client.get("/events/feed.rss").text


def test_an_action_group_shows_its_spanish_mandate_and_name(client):
    ActionGroupFactory(
        slug="supply-chains",
        name="Supply chains",
        name_es="Cadenas de suministro",
        mandate="Works with business.",
        mandate_es="Trabaja con las empresas.",
    )

    detail = client.get("/es/action-groups/supply-chains/").text
    listing = client.get("/es/action-groups/").text

    assert "<h1>Cadenas de suministro</h1>" in detail
    assert "Trabaja con las empresas." in detail and "Works with business." not in detail
    assert "Cadenas de suministro" in listing


def test_a_road_map_and_its_milestones_in_french_with_english_where_untranslated(client):
    pathfinder = PathfinderCountryFactory(
        country="NP",
        government__name="Government of Nepal",
        government__name_fr="Gouvernement du Népal",
    )
    road_map = RoadMapFactory(
        pathfinder=pathfinder,
        title="National road map",
        title_fr="Feuille de route nationale",
        status=RoadMapStatus.ADOPTED,
        adopted_on=datetime.date(2019, 6, 1),
    )
    MilestoneFactory(road_map=road_map, title="Adopt the list", title_fr="Adopter la liste")
    MilestoneFactory(road_map=road_map, title="Train inspectors")

    html = client.get("/fr/pathfinders/np/").text

    assert "Gouvernement du Népal" in html
    assert "Feuille de route nationale" in html
    assert "Adopter la liste" in html
    assert '<span lang="en">Train inspectors</span>' in html
