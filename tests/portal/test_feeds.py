"""The events as Atom, RSS and iCalendar: valid, in the address's language, linked from the page."""

import datetime
import xml.etree.ElementTree as ET

import icalendar
import pytest
from django.urls import reverse

from core.models import DatePrecision
from governance.models import EventKind, EventStatus
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def events():
    return {
        "meeting": EventFactory(
            title="GCG meeting, Geneva",
            start_date=datetime.date(2019, 11, 12),
            end_date=datetime.date(2019, 11, 13),
            city="Geneva",
            country="CH",
        ),
        "one_day": EventFactory(
            title="Launch of the pathfinder",
            kind=EventKind.LAUNCH,
            start_date=datetime.date(2020, 3, 4),
            end_date=None,
            city="",
            country="MG",
            status=EventStatus.PLANNED,
        ),
        "month_only": EventFactory(
            title="Regional consultation, spring",
            kind=EventKind.REGIONAL_CONSULTATION,
            start_date=datetime.date(2018, 5, 1),
            end_date=None,
            date_precision=DatePrecision.MONTH,
            city="",
            country="",
        ),
        "undated": EventFactory(title="Workshop, date unknown", start_date=None, end_date=None),
    }


def atom_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def test_the_atom_feed_is_valid_xml_with_every_event_linked_to_its_page(client, events):
    feed = atom_of(client, reverse("portal:event_feed_atom"))

    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}title").text == "Alliance 8.7 events"
    entries = feed.findall(f"{ATOM}entry")
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    assert set(titles) == {event.title for event in events.values()}
    # Upcoming and recent first; an undated event last.
    assert titles[0] == "Launch of the pathfinder" and titles[-1] == "Workshop, date unknown"
    meeting = entries[titles.index("GCG meeting, Geneva")]
    link = meeting.find(f"{ATOM}link").get("href")
    assert link == "http://testserver" + events["meeting"].get_absolute_url()
    assert meeting.find(f"{ATOM}updated").text
    summary = meeting.find(f"{ATOM}summary").text
    assert "GCG meeting" in summary and "Geneva, Switzerland" in summary
    assert "Nov. 12, 2019 – Nov. 13, 2019" in summary


def test_the_rss_feed_is_valid_xml_with_dates_and_places(client, events):
    response = client.get(reverse("portal:event_feed_rss"))

    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.find("language").text == "en"
    items = {item.find("title").text: item for item in channel.findall("item")}
    assert set(items) == {event.title for event in events.values()}
    launch = items["Launch of the pathfinder"]
    assert "March 4, 2020" in launch.find("description").text
    assert "Madagascar" in launch.find("description").text
    assert launch.find("category").text == "Launch"
    assert launch.find("pubDate").text


def test_the_feeds_under_fr_are_in_french_and_link_to_the_french_pages(client, events):
    feed = atom_of(client, "/fr/events/feed.atom")

    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert feed.find(f"{ATOM}title").text == "Événements de l'Alliance 8.7"
    entry = next(
        e
        for e in feed.findall(f"{ATOM}entry")
        if e.find(f"{ATOM}title").text == "GCG meeting, Geneva"
    )
    assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/fr/events/")
    summary = entry.find(f"{ATOM}summary").text
    assert "Réunion du GCG" in summary and "Suisse" in summary and "novembre 2019" in summary

    rss = ET.fromstring(client.get("/es/events/feed.rss").content).find("channel")
    assert rss.find("language").text == "es"
    assert rss.find("title").text == "Eventos de la Alianza 8.7"


def test_an_empty_feed_is_still_valid(client):
    feed = atom_of(client, reverse("portal:event_feed_atom"))

    assert feed.findall(f"{ATOM}entry") == []


def test_the_calendar_holds_the_events_whose_day_is_known_as_whole_days(client, events):
    response = client.get(reverse("portal:event_calendar"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    entries = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    # A month alone and no date at all cannot be put on a calendar.
    assert set(entries) == {"GCG meeting, Geneva", "Launch of the pathfinder"}
    meeting = entries["GCG meeting, Geneva"]
    assert meeting.decoded("dtstart") == datetime.date(2019, 11, 12)
    # DTEND is exclusive: the day after the last day.
    assert meeting.decoded("dtend") == datetime.date(2019, 11, 14)
    assert str(meeting["location"]) == "Geneva, Switzerland"
    assert str(meeting["url"]) == "http://testserver" + events["meeting"].get_absolute_url()
    assert str(meeting["status"]) == "CONFIRMED"
    assert str(meeting["uid"]) == f"event-{events['meeting'].pk}@testserver"


def test_an_event_without_an_end_date_lasts_one_day_in_the_calendar(client, events):
    calendar = icalendar.Calendar.from_ical(client.get(reverse("portal:event_calendar")).content)

    launch = next(e for e in calendar.walk("VEVENT") if e["summary"] == "Launch of the pathfinder")
    assert launch.decoded("dtstart") == datetime.date(2020, 3, 4)
    assert launch.decoded("dtend") == datetime.date(2020, 3, 5)
    assert str(launch["location"]) == "Madagascar"
    assert str(launch["status"]) == "TENTATIVE"


def test_the_calendar_under_es_is_in_spanish(client, events):
    calendar = icalendar.Calendar.from_ical(client.get("/es/events/calendar.ics").content)

    assert str(calendar["x-wr-calname"]) == "Eventos de la Alianza 8.7"
    meeting = next(e for e in calendar.walk("VEVENT") if e["summary"] == "GCG meeting, Geneva")
    assert "Suiza" in str(meeting["location"])
    assert "/es/events/" in str(meeting["url"])


def test_the_events_page_links_the_feeds_in_its_head_and_visibly(client):
    page = client.get(reverse("portal:event_list")).text
    head = page.split("</head>")[0]

    atom = reverse("portal:event_feed_atom")
    assert '<link rel="alternate" type="application/atom+xml"' in head
    assert f'href="{atom}"' in head
    assert f'href="{reverse("portal:event_feed_rss")}"' in head
    body = page.split("<main")[1]
    assert f'href="{atom}"' in body
    assert f'href="{reverse("portal:event_calendar")}"' in body


def test_the_feeds_are_shared_among_anonymous_readers(client, events):
    for name in ("portal:event_feed_atom", "portal:event_feed_rss", "portal:event_calendar"):
        response = client.get(reverse(name))
        assert "max-age=60" in response["Cache-Control"]
        assert client.get(reverse(name)).content == response.content


def test_a_feed_refuses_a_post(client):
    assert client.post(reverse("portal:event_feed_atom")).status_code == 405
