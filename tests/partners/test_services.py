import datetime

import pytest
from django.core.exceptions import ValidationError

from partners.models import ApplicationStatus, Partner
from partners.services import application_approve, application_reject, application_start_review
from tests.factories import PartnerFactory, PartnershipApplicationFactory, UserFactory


@pytest.fixture
def reviewer(db):
    return UserFactory(is_staff=True)


@pytest.mark.django_db
def test_starting_a_review_marks_the_application_under_review(reviewer):
    application = PartnershipApplicationFactory()

    reviewed = application_start_review(application=application, user=reviewer)

    application.refresh_from_db()
    assert reviewed.status == application.status == ApplicationStatus.UNDER_REVIEW


@pytest.mark.django_db
def test_an_application_under_review_cannot_be_taken_under_review_again(reviewer):
    application = PartnershipApplicationFactory(status=ApplicationStatus.UNDER_REVIEW)

    with pytest.raises(ValidationError, match="Only a submitted application"):
        application_start_review(application=application, user=reviewer)


@pytest.mark.django_db
def test_a_decided_application_cannot_be_taken_under_review(reviewer):
    application = PartnershipApplicationFactory()
    application_reject(application=application, user=reviewer, reason="Not an organisation.")

    with pytest.raises(ValidationError, match="already rejected"):
        application_start_review(application=application, user=reviewer)


@pytest.mark.django_db
def test_approval_creates_the_partner_from_the_application(reviewer):
    application = PartnershipApplicationFactory(
        organisation_name="Anti-Slavery Coalition of Kenya", acronym="ASCK", country="KE"
    )

    partner = application_approve(
        application=application, user=reviewer, joined_on=datetime.date(2021, 5, 3)
    )

    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.partner == partner
    assert application.decided_by == reviewer
    assert application.decided_at is not None
    assert partner.name == "Anti-Slavery Coalition of Kenya"
    assert partner.slug == "anti-slavery-coalition-of-kenya"
    assert (partner.acronym, partner.country.code) == ("ASCK", "KE")
    assert partner.category == application.category
    assert partner.themes == application.themes
    assert partner.joined_on == datetime.date(2021, 5, 3)
    assert partner.commitment_accepted_on is not None


@pytest.mark.django_db
def test_approval_of_an_application_under_review_is_allowed(reviewer):
    application = PartnershipApplicationFactory(status=ApplicationStatus.UNDER_REVIEW)

    partner = application_approve(application=application, user=reviewer)

    assert partner.name == application.organisation_name


@pytest.mark.django_db
def test_approval_gives_the_partner_a_free_slug(reviewer):
    PartnerFactory(name="Walk Free (older record)", slug="walk-free")
    application = PartnershipApplicationFactory(organisation_name="Walk Free")

    partner = application_approve(application=application, user=reviewer)

    assert partner.slug == "walk-free-2"


@pytest.mark.django_db
def test_a_failed_approval_leaves_no_partner_and_the_application_open(reviewer):
    # Saved without validation, as an old import might have: approval validates it and fails
    # after the partner row was written, so the whole operation must roll back.
    application = PartnershipApplicationFactory(contact_email="not-an-email")

    with pytest.raises(ValidationError) as excinfo:
        application_approve(application=application, user=reviewer)

    assert "contact_email" in excinfo.value.message_dict
    assert not Partner.objects.exists()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.partner is None


@pytest.mark.django_db
def test_an_application_cannot_be_approved_twice(reviewer):
    application = PartnershipApplicationFactory()
    application_approve(application=application, user=reviewer)

    with pytest.raises(ValidationError, match="already approved"):
        application_approve(application=application, user=reviewer)
    assert Partner.objects.count() == 1


@pytest.mark.django_db
def test_approval_is_refused_when_a_partner_has_that_name(reviewer):
    PartnerFactory(name="International Labour Organization")
    application = PartnershipApplicationFactory(
        organisation_name="international labour organization"
    )

    with pytest.raises(ValidationError, match="already exists"):
        application_approve(application=application, user=reviewer)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


@pytest.mark.django_db
def test_rejection_records_the_reason_and_who_decided(reviewer):
    application = PartnershipApplicationFactory()

    application_reject(application=application, user=reviewer, reason="  A for-profit recruiter. ")

    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED
    assert application.decision_reason == "A for-profit recruiter."
    assert application.decided_by == reviewer
    assert application.decided_at is not None
    assert application.partner is None


@pytest.mark.django_db
@pytest.mark.parametrize("reason", ["", "   "])
def test_rejection_requires_a_reason(reviewer, reason):
    application = PartnershipApplicationFactory()

    with pytest.raises(ValidationError) as excinfo:
        application_reject(application=application, user=reviewer, reason=reason)

    assert excinfo.value.message_dict == {"decision_reason": ["A rejection gives its reason."]}
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


@pytest.mark.django_db
def test_an_approved_application_cannot_be_rejected(reviewer):
    application = PartnershipApplicationFactory()
    application_approve(application=application, user=reviewer)

    with pytest.raises(ValidationError, match="already approved"):
        application_reject(application=application, user=reviewer, reason="Changed our mind.")
