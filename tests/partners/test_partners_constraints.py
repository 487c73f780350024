import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from partners.models import PartnerIdentifier, PartnershipApplication
from tests.factories import (
    MembershipFactory,
    OfficeTermFactory,
    PartnerFactory,
    PartnerIdentifierFactory,
    PartnershipApplicationFactory,
    PledgeFactory,
    SeatTermFactory,
)


def assert_clean_refuses(obj, message):
    with pytest.raises(ValidationError) as excinfo:
        obj.full_clean()
    assert str(message) in excinfo.value.messages


def assert_insert_refused(obj):
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()


@pytest.mark.django_db
def test_an_identifier_is_registered_to_one_partner_only():
    PartnerIdentifierFactory(scheme="XM-DAC", identifier="41302")
    twin = PartnerIdentifier(partner=PartnerFactory(), scheme="XM-DAC", identifier="41302")

    assert_clean_refuses(twin, "This identifier is already registered to a partner.")
    assert_insert_refused(twin)


@pytest.mark.django_db
def test_the_same_identifier_in_another_scheme_is_allowed():
    PartnerIdentifierFactory(scheme="XM-DAC", identifier="41302")
    other = PartnerIdentifier(partner=PartnerFactory(), scheme="GB-CHC", identifier="41302")

    other.full_clean()
    other.save()


@pytest.mark.django_db
@pytest.mark.parametrize("scheme", ["XM-DAC", "GB-CHC", "US-EIN", "XI-IATI"])
def test_org_id_guide_prefixes_are_accepted(scheme):
    identifier = PartnerIdentifierFactory.build(partner=PartnerFactory(), scheme=scheme)

    identifier.full_clean()
    identifier.save()


@pytest.mark.django_db
@pytest.mark.parametrize("scheme", ["xm-dac", "XMDAC", "X-DAC", "XM-"])
def test_a_scheme_that_is_not_an_org_id_guide_prefix_is_refused(scheme):
    identifier = PartnerIdentifierFactory.build(partner=PartnerFactory(), scheme=scheme)

    with pytest.raises(ValidationError) as excinfo:
        identifier.full_clean()
    assert "scheme" in excinfo.value.message_dict
    # The field validator speaks first in full_clean(); the constraint says the same thing.
    with pytest.raises(ValidationError) as excinfo:
        identifier.validate_constraints()
    assert "The scheme is not an org-id.guide prefix." in excinfo.value.messages
    assert_insert_refused(identifier)


@pytest.mark.django_db
def test_a_blank_identifier_is_refused_by_the_database():
    identifier = PartnerIdentifierFactory.build(partner=PartnerFactory(), identifier="")

    assert_insert_refused(identifier)


@pytest.mark.django_db
def test_an_application_must_accept_the_commitment():
    application = PartnershipApplicationFactory.build(commitment_accepted=False)

    assert_clean_refuses(
        application,
        "The commitment to human rights and international labour standards must be accepted.",
    )
    assert_insert_refused(application)
    assert not PartnershipApplication.objects.exists()


@pytest.mark.django_db
def test_an_active_partner_has_no_status_reason():
    partner = PartnerFactory.build(status="active", status_reason="Did not report for two years.")

    assert_clean_refuses(partner, "An active partner has no reason for a status change.")
    assert_insert_refused(partner)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "holding", [SeatTermFactory, OfficeTermFactory, MembershipFactory, PledgeFactory]
)
def test_a_partner_with_a_record_in_the_registry_cannot_be_deleted(holding):
    partner = holding().partner

    with pytest.raises(ProtectedError):
        partner.delete()
    partner.refresh_from_db()


@pytest.mark.django_db
def test_a_partner_with_only_identifiers_can_be_deleted_with_them():
    identifier = PartnerIdentifierFactory()

    identifier.partner.delete()

    assert not PartnerIdentifier.objects.exists()
