"""The events as feeds: Atom and RSS (django.contrib.syndication) and an iCalendar file.

Every text is in the language of the address (/fr/events/feed.atom is French): the feeds live
under the language prefix like the pages, and their links point to the pages in that language.
"""

import datetime

import icalendar
from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from core.caching import cacheable_when_anonymous
from core.models import DatePrecision
from core.translation import localized_text
from governance.models import Event, EventStatus

# Enough for a reader to see what is coming and what has just happened; the page lists the rest.
FEED_ITEMS = 50
UPCOMING_FIRST = (F("start_date").desc(nulls_last=True), "-id")


def event_dates(event: Event) -> str:
    """ "12 November 2019 – 14 November 2019", as precisely as the source gives the dates."""
    if event.end_date and event.end_date != event.start_date:
        end = Event(start_date=event.end_date, date_precision=event.date_precision).when
        return f"{event.when} – {end}"
    return event.when


def event_place(event: Event) -> str:
    """ "Geneva, Switzerland", the city or the country alone, or "" when neither is recorded."""
    city = localized_text(event, "city")
    return ", ".join(part for part in (city, str(event.country.name or "")) if part)


def event_summary(event: Event) -> str:
    """One line of what, when and where, then the description: the text of a feed entry."""
    facts = [event.get_kind_display(), event_dates(event), event_place(event)]
    parts = [" · ".join(fact for fact in facts if fact), localized_text(event, "description")]
    return "\n\n".join(part for part in parts if part)


class EventRssFeed(Feed):
    feed_type = Rss201rev2Feed
    title = gettext_lazy("Alliance 8.7 events")
    description = gettext_lazy(
        "Meetings, regional consultations, workshops and global conferences of Alliance 8.7 "
        "and its partners."
    )
    feed_url_name = "portal:event_feed_rss"

    def link(self):
        return reverse("portal:event_list")

    def feed_url(self):
        return reverse(self.feed_url_name)

    def items(self):
        return Event.objects.order_by(*UPCOMING_FIRST)[:FEED_ITEMS]

    def item_title(self, item):
        return localized_text(item, "title")

    def item_description(self, item):
        return event_summary(item)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.created

    def item_updateddate(self, item):
        return item.updated

    def item_categories(self, item):
        return [item.get_kind_display()]


class EventAtomFeed(EventRssFeed):
    feed_type = Atom1Feed
    feed_url_name = "portal:event_feed_atom"

    # Atom calls the feed's description its subtitle.
    def subtitle(self):
        return self.description


def event_calendar_file(*, events, host: str, absolute) -> bytes:
    """The events as an iCalendar (RFC 5545) file of whole-day events.

    Only events whose day is known: a calendar has no way to say "some day in March 2019", and
    a month shown as its first day would mislead. An event without an end date lasts one day
    (the model's rule); DTEND is the day after the last, as RFC 5545 counts whole days.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Alliance 8.7//Partnership registry//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Alliance 8.7 events"))
    for event in events:
        if event.start_date is None or event.date_precision != DatePrecision.DAY:
            continue
        entry = icalendar.Event()
        # The id, not the slug: an edited slug must not make the entry a new event.
        entry.add("uid", f"event-{event.pk}@{host}")
        entry.add("dtstamp", event.updated)
        entry.add("created", event.created)
        entry.add("last-modified", event.updated)
        entry.add("summary", localized_text(event, "title"))
        entry.add("dtstart", event.start_date)
        last_day = event.end_date or event.start_date
        entry.add("dtend", last_day + datetime.timedelta(days=1))
        if place := event_place(event):
            entry.add("location", place)
        entry.add("description", event_summary(event))
        entry.add("url", absolute(event.get_absolute_url()))
        entry.add("categories", [event.get_kind_display()])
        # A planned event the sources never confirm as held stays tentative.
        entry.add("status", "TENTATIVE" if event.status == EventStatus.PLANNED else "CONFIRMED")
        calendar.add_component(entry)
    return calendar.to_ical()


@require_safe
@cacheable_when_anonymous
def event_calendar(request):
    body = event_calendar_file(
        events=Event.objects.order_by(*UPCOMING_FIRST),
        host=request.get_host().split(":")[0],
        absolute=request.build_absolute_uri,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="alliance87-events.ics"'
    return response


# The same for every anonymous reader of an address and language: shared like the pages. The
# feeds' language is the page's (Feed uses get_language(), set from the address's prefix).
event_feed_rss = require_safe(cacheable_when_anonymous(EventRssFeed()))
event_feed_atom = require_safe(cacheable_when_anonymous(EventAtomFeed()))
