"""The events: the filtered, paginated list and each event's page."""

import datetime

import pytest

from governance.models import EventKind, PledgeProgress
from tests.factories import (
    ActionGroupFactory,
    EventFactory,
    PartnerFactory,
    PathfinderCountryFactory,
    PledgeAssessmentFactory,
    PledgeFactory,
)
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

LIST = "/events/"


def titles(response):
    return [event.title for event in response.context["page"].object_list]


# ---------------------------------------------------------------- the list


def test_the_list_shows_events_newest_first_with_date_kind_and_place(client):
    EventFactory(title="Older meeting", start_date=datetime.date(2017, 5, 2), end_date=None)
    EventFactory(
        title="Madagascar workshop",
        kind=EventKind.WORKSHOP,
        start_date=datetime.date(2018, 10, 1),
        end_date=None,
        date_precision="month",
        city="Antananarivo",
        country="MG",
    )

    response = client.get(LIST)

    html = response.content.decode()
    assert response.status_code == 200
    assert titles(response) == ["Madagascar workshop", "Older meeting"]
    assert "October 2018" in html
    assert "Antananarivo, Madagascar" in html
    assert "2 events" in html


def test_the_list_filters_by_kind(client):
    EventFactory(title="A GCG meeting")
    EventFactory(title="A workshop", kind=EventKind.WORKSHOP)
    EventFactory(title="A conference", kind=EventKind.GLOBAL_CONFERENCE)

    response = client.get(LIST, {"kind": ["workshop", "global_conference"]})

    assert sorted(titles(response)) == ["A conference", "A workshop"]
    assert 'value="workshop" checked' in response.content.decode()


def test_the_list_filters_by_year(client):
    EventFactory(title="In 2017", start_date=datetime.date(2017, 3, 1), end_date=None)
    EventFactory(title="In 2019", start_date=datetime.date(2019, 3, 1), end_date=None)

    response = client.get(LIST, {"year": "2019"})

    assert titles(response) == ["In 2019"]
    assert response.context["years"] == [2019, 2017]
    assert '<option value="2019" selected>' in response.content.decode()


def test_a_malformed_year_is_reported_and_ignored(client):
    EventFactory()

    response = client.get(LIST, {"year": "last"})

    assert response.status_code == 200
    assert "Enter a number." in response.content.decode()
    assert len(titles(response)) == 1


def test_a_filter_that_matches_nothing_offers_to_clear_it(client):
    EventFactory(start_date=datetime.date(2019, 1, 1), end_date=None)

    html = client.get(LIST, {"year": "2030"}).content.decode()

    assert "No event matches these filters." in html
    assert "Clear the filters" in html


def test_the_list_is_paginated_and_keeps_the_filters_on_every_page(client):
    for day in range(25):
        EventFactory(start_date=datetime.date(2019, 1, 1) + datetime.timedelta(day), end_date=None)

    first = client.get(LIST, {"year": "2019"})
    second = client.get(LIST, {"year": "2019", "page": "2"})

    assert len(titles(first)) == 20
    assert len(titles(second)) == 5
    assert 'href="?year=2019&amp;page=2"' in first.content.decode()


def test_the_list_runs_the_same_queries_for_5_and_200_events(client):
    def add(count):
        for _ in range(count):
            EventFactory()

    add(5)
    few = count_queries(client, LIST)
    add(195)
    assert count_queries(client, LIST) == few
    assert count_queries(client, LIST + "?kind=gcg_meeting&year=2019&page=2") == few


# ---------------------------------------------------------------- an event's page


def test_an_event_page_shows_its_facts_and_outcome(client):
    event = EventFactory(
        title="IV Global Conference on the Sustained Eradication of Child Labour",
        kind=EventKind.GLOBAL_CONFERENCE,
        start_date=datetime.date(2017, 11, 14),
        end_date=datetime.date(2017, 11, 16),
        city="Buenos Aires",
        country="AR",
        outcome="96 pledges were made.",
        source="Progress report, para. 9",
    )

    response = client.get(event.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Global conference" in html
    assert "Nov. 14, 2017 – Nov. 16, 2017" in html
    assert "Buenos Aires, Argentina" in html
    assert "96 pledges were made." in html
    assert "Progress report, para. 9" in html
    assert 'aria-current="page">IV Global Conference' in html  # the breadcrumbs


def test_an_event_page_links_its_action_groups_and_pathfinders(client):
    event = EventFactory()
    ActionGroupFactory(name="Action Group on Migration").meetings.add(event)
    PathfinderCountryFactory(country="NP").workshops.add(event)

    html = client.get(event.get_absolute_url()).content.decode()

    assert "Action Group on Migration" in html
    assert '<a href="/pathfinders/np/">Nepal</a>' in html


def test_an_event_page_lists_the_pledges_made_there_with_their_status(client):
    event = EventFactory(kind=EventKind.GLOBAL_CONFERENCE)
    pledge = PledgeFactory(
        event=event, title="Eliminate child labour in cocoa", partner=PartnerFactory(name="Nestlé")
    )
    PledgeAssessmentFactory(pledge=pledge, progress=PledgeProgress.ACHIEVED)
    PledgeFactory(event=event)

    html = client.get(event.get_absolute_url()).content.decode()

    assert "Eliminate child labour in cocoa" in html
    assert "Nestlé" in html
    assert '<span class="badge badge--achieved">Achieved</span>' in html
    assert '<span class="badge badge--not_assessed">Not assessed</span>' in html
    assert "2 pledges" in html


def test_an_unknown_event_is_not_found(client):
    assert client.get("/events/no-such-event/").status_code == 404


def test_event_text_is_escaped(client):
    event = EventFactory(outcome="<script>alert(1)</script>", title="<b>Bold</b>")

    html = client.get(event.get_absolute_url()).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "<b>Bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_an_event_page_runs_the_same_queries_for_5_and_200_related_rows(client):
    event = EventFactory()

    def add(count):
        for _ in range(count):
            PledgeAssessmentFactory(pledge=PledgeFactory(event=event))
            ActionGroupFactory().meetings.add(event)
            PathfinderCountryFactory().workshops.add(event)

    add(5)
    few = count_queries(client, event.get_absolute_url())
    add(195)
    assert count_queries(client, event.get_absolute_url()) == few
