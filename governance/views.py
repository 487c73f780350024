"""The public page of the governance: the Global Coordinating Group, as of any date."""

import datetime
from itertools import groupby

from django.db.models import Prefetch
from django.shortcuts import render
from django.utils import timezone

from core.caching import cacheable_when_anonymous
from partners.models import partner_columns_beside_link

from .forms import AsOfForm
from .models import Constituency, Event, EventKind, Office, OfficeTerm, Seat, SeatTerm

# The Alliance was launched in September 2016 (progress report, para. 7): nothing before it.
RECORDS_BEGIN = datetime.date(2016, 9, 1)
# The page shows the latest meetings and links to the events list for all of them: rendering
# every meeting would make the page's time grow with the history.
RECENT_MEETINGS = 10


@cacheable_when_anonymous
def gcg(request):
    form = AsOfForm(request.GET or None)
    as_of = form.cleaned_data["as_of"] if form.is_valid() else None
    today = timezone.localdate()
    out_of_records = as_of if as_of and not RECORDS_BEGIN <= as_of <= today else None
    if out_of_records:
        as_of = None
    on = as_of or today
    offices = {t.office: t for t in _with_holder(OfficeTerm.objects.current(on=on))}
    meetings = Event.objects.filter(kind=EventKind.GCG_MEETING)
    context = {
        "form": form,
        "on": on,
        "as_of": as_of,
        "out_of_records": out_of_records,
        "records_begin": RECORDS_BEGIN,
        "constituencies": _seats_by_constituency(on),
        "chair": offices.get(Office.CHAIR),
        "deputy_chair": offices.get(Office.DEPUTY_CHAIR),
        "secretariat": offices.get(Office.SECRETARIAT),
        "history": _office_history(on),
        "meetings": (meetings.filter(start_date__lte=as_of) if as_of else meetings)[
            :RECENT_MEETINGS
        ],
    }
    return render(request, "governance/gcg.html", context)


def _seats_by_constituency(on: datetime.date) -> list[tuple]:
    """[(constituency, [seat, ...])] for every constituency, even one with no seat yet.

    Each seat has `holders`: its terms current on `on`. The constituencies of paragraph 11 are
    recorded before any seat is: the page names them all, and says where none is recorded.
    """
    holders = _with_holder(SeatTerm.objects.current(on=on))
    seats = Seat.objects.prefetch_related(Prefetch("terms", queryset=holders, to_attr="holders"))
    constituencies = Constituency.objects.prefetch_related(
        Prefetch("seats", queryset=seats, to_attr="listed_seats")
    )
    return [(constituency, constituency.listed_seats) for constituency in constituencies]


def _with_holder(terms):
    """`terms` with the partner each is held by, read only as far as the page links it."""
    return terms.select_related("partner").defer(*partner_columns_beside_link("partner"))


def _office_history(on: datetime.date) -> list[tuple]:
    """[(office label, [term, ...])]: the terms that had ended by `on`, latest first."""
    past = _with_holder(OfficeTerm.objects.past(on=on)).order_by("office", "-end_date")
    return [
        (Office(office).label, list(terms)) for office, terms in groupby(past, lambda t: t.office)
    ]
