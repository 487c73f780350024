import datetime

import pytest

from core.testing.constraints import assert_refused, assert_valid_and_saved
from governance.models import Office, OfficeTerm, Pledge, PledgeProgress, SeatTerm
from tests.factories import (
    EventFactory,
    OfficeTermFactory,
    PartnerFactory,
    PledgeAssessmentFactory,
    PledgeFactory,
    SeatFactory,
    SeatTermFactory,
)

# ---------------------------------------------------------------- constraints


D = datetime.date
SEAT_OVERLAP = "Another term on this seat overlaps these dates."
OFFICE_OVERLAP = "Another term of this office overlaps these dates."


def seat_term(seat, start, end):
    return SeatTerm(seat=seat, partner=PartnerFactory(), start_date=start, end_date=end)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "end"),
    [(D(2019, 6, 1), D(2020, 6, 1)), (D(2020, 6, 1), None), (None, D(2019, 6, 1)), (None, None)],
)
def test_overlapping_terms_on_one_seat_are_refused(start, end):
    first = SeatTermFactory(start_date=D(2019, 1, 1), end_date=D(2021, 1, 1))
    second = seat_term(first.seat, start, end)

    assert_refused(second, SEAT_OVERLAP)


@pytest.mark.django_db
def test_a_term_with_an_unrecorded_start_overlaps_every_earlier_term():
    first = SeatTermFactory(start_date=None, end_date=D(2020, 1, 1))
    second = seat_term(first.seat, D(2012, 1, 1), D(2013, 1, 1))

    assert_refused(second, SEAT_OVERLAP)


@pytest.mark.django_db
def test_touching_terms_on_one_seat_are_allowed():
    first = SeatTermFactory(start_date=D(2019, 1, 1), end_date=D(2021, 1, 1))
    before = seat_term(first.seat, None, D(2019, 1, 1))
    after = seat_term(first.seat, D(2021, 1, 1), None)

    assert_valid_and_saved(before, after)
    assert SeatTerm.objects.filter(seat=first.seat).count() == 3


@pytest.mark.django_db
def test_overlapping_terms_on_different_seats_are_allowed():
    SeatTermFactory(start_date=D(2019, 1, 1), end_date=D(2021, 1, 1))
    other = seat_term(SeatFactory(), D(2019, 1, 1), D(2021, 1, 1))

    other.full_clean()
    other.save()


@pytest.mark.django_db
def test_a_seat_is_numbered_once_per_constituency_and_region():
    seat = SeatFactory(region="africa", number=1)
    twin = SeatFactory.build(constituency=seat.constituency, region="africa", number=1)

    assert_refused(twin, "This constituency already has that seat in the region.")


@pytest.mark.django_db
def test_overlapping_terms_of_one_office_are_refused():
    OfficeTermFactory(office=Office.CHAIR, start_date=D(2019, 1, 1), end_date=D(2021, 1, 1))
    second = OfficeTerm(
        office=Office.CHAIR,
        partner=PartnerFactory(),
        start_date=D(2020, 1, 1),
        end_date=D(2022, 1, 1),
    )

    assert_refused(second, OFFICE_OVERLAP)


@pytest.mark.django_db
def test_touching_terms_of_one_office_and_overlapping_terms_of_two_offices_are_allowed():
    OfficeTermFactory(office=Office.CHAIR, start_date=D(2019, 1, 1), end_date=D(2021, 1, 1))
    next_chair = OfficeTermFactory.build(
        office=Office.CHAIR, partner=PartnerFactory(), start_date=D(2021, 1, 1), end_date=None
    )
    deputy = OfficeTermFactory.build(
        office=Office.DEPUTY_CHAIR, partner=PartnerFactory(), start_date=D(2019, 1, 1)
    )

    assert_valid_and_saved(next_chair, deputy)


@pytest.mark.django_db
def test_an_office_has_one_open_term():
    OfficeTermFactory(office=Office.SECRETARIAT, start_date=None, end_date=None)
    second = OfficeTerm(
        office=Office.SECRETARIAT, partner=PartnerFactory(), start_date=D(2030, 1, 1)
    )

    assert_refused(second, "This office already has a current holder.")


@pytest.mark.django_db
def test_an_event_cannot_end_before_it_starts():
    event = EventFactory.build(start_date=D(2019, 11, 13), end_date=D(2019, 11, 12))

    assert_refused(event, "An event cannot end before it starts.")


@pytest.mark.django_db
def test_a_one_day_event_may_end_on_the_day_it_starts():
    event = EventFactory.build(start_date=D(2019, 11, 13), end_date=D(2019, 11, 13))

    event.full_clean()
    event.save()


@pytest.mark.django_db
def test_a_pledge_is_assessed_once_a_day():
    first = PledgeAssessmentFactory(assessed_on=D(2020, 3, 1))
    second = PledgeAssessmentFactory.build(pledge=first.pledge, assessed_on=D(2020, 3, 1))

    assert_refused(second, "This pledge was already assessed on that date.")


# ---------------------------------------------------------------- a pledge's status


D = datetime.date


@pytest.mark.django_db
def test_a_pledge_without_assessments_is_not_assessed():
    PledgeFactory()

    assert Pledge.objects.with_status().get().status == PledgeProgress.NOT_ASSESSED


@pytest.mark.django_db
def test_a_pledges_status_is_its_latest_assessment():
    pledge = PledgeFactory()
    PledgeAssessmentFactory(pledge=pledge, assessed_on=D(2021, 1, 1), progress="achieved")
    PledgeAssessmentFactory(pledge=pledge, assessed_on=D(2019, 1, 1), progress="not_started")
    PledgeAssessmentFactory(pledge=pledge, assessed_on=D(2020, 1, 1), progress="in_progress")

    assert Pledge.objects.with_status().get().status == PledgeProgress.ACHIEVED


@pytest.mark.django_db
def test_each_pledge_has_its_own_status():
    assessed = PledgeAssessmentFactory(progress="not_achieved").pledge
    unassessed = PledgeFactory()

    statuses = dict(Pledge.objects.with_status().values_list("pk", "status"))

    assert statuses == {assessed.pk: "not_achieved", unassessed.pk: "not_assessed"}
