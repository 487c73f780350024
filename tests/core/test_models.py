"""DatedModel: the end-after-start check on every dated model, and DatedQuerySet's "as of"."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from governance.models import SeatTerm
from tests.factories import (
    MembershipFactory,
    OfficeTermFactory,
    RoadMapFactory,
    SeatTermFactory,
    WorkPlanFactory,
)

D = datetime.date
DATED_FACTORIES = [
    SeatTermFactory,
    OfficeTermFactory,
    MembershipFactory,
    WorkPlanFactory,
    RoadMapFactory,
]


@pytest.mark.django_db
@pytest.mark.parametrize("factory", DATED_FACTORIES)
@pytest.mark.parametrize("end", [D(2019, 12, 31), D(2020, 1, 1)])
def test_a_period_must_end_after_it_starts(factory, end):
    record = factory(start_date=D(2019, 1, 1), end_date=None)
    record.start_date, record.end_date = D(2020, 1, 1), end

    with pytest.raises(ValidationError) as excinfo:
        record.full_clean()
    assert "The end date must be after the start date." in excinfo.value.messages
    with pytest.raises(IntegrityError, match="ends_after_start"), transaction.atomic():
        record.save()


@pytest.mark.django_db
@pytest.mark.parametrize("factory", DATED_FACTORIES)
def test_a_period_with_an_unknown_bound_is_valid(factory):
    factory(start_date=None, end_date=D(2020, 1, 1)).full_clean()
    factory(start_date=D(2020, 1, 1), end_date=None).full_clean()


@pytest.fixture
def terms(db):
    """Terms on separate seats, so their periods may overlap."""
    return {
        "closed": SeatTermFactory(start_date=D(2019, 1, 1), end_date=D(2021, 1, 1)),
        "since_ever": SeatTermFactory(start_date=None, end_date=D(2019, 1, 1)),
        "ongoing": SeatTermFactory(start_date=D(2020, 1, 1), end_date=None),
        "undated": SeatTermFactory(start_date=None, end_date=None),
    }


def names(queryset, terms):
    by_pk = {term.pk: name for name, term in terms.items()}
    return {by_pk[pk] for pk in queryset.values_list("pk", flat=True)}


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(1990, 1, 1), {"since_ever", "undated"}),
        (D(2018, 12, 31), {"since_ever", "undated"}),
        (D(2019, 1, 1), {"closed", "undated"}),
        (D(2020, 1, 1), {"closed", "ongoing", "undated"}),
        (D(2020, 12, 31), {"closed", "ongoing", "undated"}),
        (D(2021, 1, 1), {"ongoing", "undated"}),
    ],
)
def test_current_is_half_open_and_a_null_start_means_since_ever(terms, on, expected):
    assert names(SeatTerm.objects.current(on=on), terms) == expected


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(2019, 1, 1), {"since_ever"}),
        (D(2020, 12, 31), {"since_ever"}),
        (D(2021, 1, 1), {"since_ever", "closed"}),
    ],
)
def test_past_holds_periods_that_ended_on_or_before_the_date(terms, on, expected):
    assert names(SeatTerm.objects.past(on=on), terms) == expected


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(2018, 12, 31), {"closed", "ongoing"}),
        (D(2019, 1, 1), {"ongoing"}),
        (D(2020, 1, 1), set()),
    ],
)
def test_future_holds_periods_that_start_after_the_date(terms, on, expected):
    assert names(SeatTerm.objects.future(on=on), terms) == expected


def test_the_queries_default_to_today(terms):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    upcoming = SeatTermFactory(start_date=tomorrow, end_date=None)
    terms["upcoming"] = upcoming

    assert names(SeatTerm.objects.current(), terms) == {"ongoing", "undated"}
    assert names(SeatTerm.objects.past(), terms) == {"since_ever", "closed"}
    assert names(SeatTerm.objects.future(), terms) == {"upcoming"}


def test_is_current_agrees_with_the_query(terms):
    on = D(2019, 1, 1)
    current = set(SeatTerm.objects.current(on=on).values_list("pk", flat=True))

    assert {t.pk for t in terms.values() if t.is_current(on=on)} == current
