import datetime

import pytest
from django.core.exceptions import ValidationError

from governance.models import Office, OfficeTerm
from governance.services import office_rotate
from tests.factories import OfficeTermFactory, PartnerFactory

D = datetime.date
ROTATION = D(2022, 1, 1)


@pytest.fixture
def holders(db):
    """A chair and a deputy chair, both in office since 2020."""
    chair = OfficeTermFactory(office=Office.CHAIR, start_date=D(2020, 1, 1))
    deputy = OfficeTermFactory(office=Office.DEPUTY_CHAIR, start_date=D(2020, 1, 1))
    return chair, deputy


def open_terms():
    return {t.office: t.partner for t in OfficeTerm.objects.filter(end_date__isnull=True)}


def test_rotation_closes_the_current_terms_and_opens_the_next(holders):
    chair_term, deputy_term = holders
    new_chair, new_deputy = PartnerFactory(), PartnerFactory()

    chair, deputy = office_rotate(
        on=ROTATION, chair=new_chair, deputy_chair=new_deputy, source="GCG meeting, Dec 2021"
    )

    chair_term.refresh_from_db()
    deputy_term.refresh_from_db()
    assert chair_term.end_date == deputy_term.end_date == ROTATION
    assert (chair.partner, chair.start_date, chair.end_date) == (new_chair, ROTATION, None)
    assert (deputy.partner, deputy.start_date, deputy.office) == (
        new_deputy,
        ROTATION,
        "deputy_chair",
    )
    assert chair.source == "GCG meeting, Dec 2021"
    assert open_terms() == {Office.CHAIR: new_chair, Office.DEPUTY_CHAIR: new_deputy}


def test_rotation_without_a_deputy_leaves_the_deputy_office_vacant(holders):
    new_chair = PartnerFactory()

    chair, deputy = office_rotate(on=ROTATION, chair=new_chair)

    assert deputy is None
    assert open_terms() == {Office.CHAIR: new_chair}


def test_promoting_the_deputy_makes_them_chair(holders):
    _, deputy_term = holders
    new_deputy = PartnerFactory()

    chair, deputy = office_rotate(on=ROTATION, promote_deputy=True, deputy_chair=new_deputy)

    assert chair.partner == deputy_term.partner
    assert open_terms() == {Office.CHAIR: deputy_term.partner, Office.DEPUTY_CHAIR: new_deputy}


@pytest.mark.django_db
def test_the_first_rotation_opens_terms_when_no_one_holds_office():
    first_chair = PartnerFactory()

    chair, _ = office_rotate(on=D(2017, 1, 1), chair=first_chair)

    assert open_terms() == {Office.CHAIR: first_chair}


def test_rotation_requires_a_chair(holders):
    with pytest.raises(ValidationError, match="names the next chair"):
        office_rotate(on=ROTATION, deputy_chair=PartnerFactory())
    assert OfficeTerm.objects.filter(end_date__isnull=False).count() == 0


def test_the_chair_and_deputy_must_be_different_partners(holders):
    partner = PartnerFactory()

    with pytest.raises(ValidationError, match="must be different partners"):
        office_rotate(on=ROTATION, chair=partner, deputy_chair=partner)


def test_promoting_the_deputy_to_chair_and_keeping_them_deputy_is_refused(holders):
    _, deputy_term = holders

    with pytest.raises(ValidationError, match="must be different partners"):
        office_rotate(on=ROTATION, promote_deputy=True, deputy_chair=deputy_term.partner)


def test_the_rotation_date_must_be_after_the_current_term_began(holders):
    chair_term, _ = holders

    with pytest.raises(ValidationError, match="must be after the current chair term began"):
        office_rotate(on=D(2020, 1, 1), chair=PartnerFactory())
    chair_term.refresh_from_db()
    assert chair_term.end_date is None


def test_a_rotation_dated_before_the_current_term_began_is_refused(holders):
    # On that date the current holders were not yet in office, so there is nothing to close.
    with pytest.raises(ValidationError, match="must be after the current chair term began"):
        office_rotate(on=D(2019, 12, 31), chair=PartnerFactory())
    assert OfficeTerm.objects.count() == 2


@pytest.mark.django_db
def test_promoting_is_refused_without_a_deputy():
    OfficeTermFactory(office=Office.CHAIR, start_date=D(2020, 1, 1))

    with pytest.raises(ValidationError, match="no current deputy chair"):
        office_rotate(on=ROTATION, promote_deputy=True)


def test_promoting_and_naming_a_chair_is_refused(holders):
    with pytest.raises(ValidationError, match="not both"):
        office_rotate(on=ROTATION, promote_deputy=True, chair=PartnerFactory())


@pytest.mark.django_db
def test_a_refused_rotation_changes_nothing():
    chair_term = OfficeTermFactory(office=Office.CHAIR, start_date=D(2020, 1, 1))
    OfficeTermFactory(office=Office.DEPUTY_CHAIR, start_date=D(2020, 1, 1))
    unsaved_deputy = PartnerFactory.build()

    # The deputy's term fails validation after the chair's term was closed: all is rolled back.
    with pytest.raises(ValidationError):
        office_rotate(on=ROTATION, chair=PartnerFactory(), deputy_chair=unsaved_deputy)

    chair_term.refresh_from_db()
    assert chair_term.end_date is None
    assert OfficeTerm.objects.count() == 2
