import pghistory
import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from pghistory.models import Events

from core.testing.constraints import assert_insert_refused, assert_refused
from partners.models import Partner, PartnerIdentifier, PartnershipApplication
from tests.factories import (
    MembershipFactory,
    OfficeTermFactory,
    PartnerFactory,
    PartnerIdentifierFactory,
    PartnershipApplicationFactory,
    PledgeFactory,
    SeatTermFactory,
    UserFactory,
)

# ---------------------------------------------------------------- constraints


@pytest.mark.django_db
def test_an_identifier_is_registered_to_one_partner_only():
    PartnerIdentifierFactory(scheme="XM-DAC", identifier="41302")
    twin = PartnerIdentifier(partner=PartnerFactory(), scheme="XM-DAC", identifier="41302")

    assert_refused(twin, "This identifier is already registered to a partner.")


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

    assert_refused(
        application,
        "The commitment to human rights and international labour standards must be accepted.",
    )
    assert not PartnershipApplication.objects.exists()


@pytest.mark.django_db
def test_an_active_partner_has_no_status_reason():
    partner = PartnerFactory.build(status="active", status_reason="Did not report for two years.")

    assert_refused(partner, "An active partner has no reason for a status change.")


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


# ---------------------------------------------------------------- history


PartnerEvent = Partner.pgh_event_model


def labels(partner_pk):
    return list(
        PartnerEvent.objects.filter(pgh_obj_id=partner_pk)
        .order_by("pgh_id")
        .values_list("pgh_label", flat=True)
    )


@pytest.mark.django_db
def test_creating_a_partner_is_recorded():
    partner = PartnerFactory(name="Global Fund to End Modern Slavery")

    event = PartnerEvent.objects.get(pgh_obj=partner)
    assert event.pgh_label == "insert"
    assert event.name == "Global Fund to End Modern Slavery"


@pytest.mark.django_db
def test_updating_a_partner_records_the_new_values():
    partner = PartnerFactory(acronym="")

    partner.acronym = "GFEMS"
    partner.save()

    assert labels(partner.pk) == ["insert", "update"]
    assert PartnerEvent.objects.filter(pgh_label="update").get().acronym == "GFEMS"


@pytest.mark.django_db
def test_saving_without_a_change_of_values_still_records_the_new_timestamp():
    partner = PartnerFactory()

    partner.save()

    # `updated` is auto_now, so every save changes the row and is kept.
    assert labels(partner.pk) == ["insert", "update"]


@pytest.mark.django_db
def test_a_bulk_update_is_recorded_for_every_row():
    first, second = PartnerFactory(), PartnerFactory()

    Partner.objects.filter(pk__in=[first.pk, second.pk]).update(status="suspended")

    assert labels(first.pk) == labels(second.pk) == ["insert", "update"]
    assert set(
        PartnerEvent.objects.filter(pgh_label="update").values_list("status", flat=True)
    ) == {"suspended"}


@pytest.mark.django_db
def test_deleting_a_partner_is_recorded():
    partner = PartnerFactory()
    pk = partner.pk

    partner.delete()

    assert labels(pk) == ["insert", "delete"]


@pytest.mark.django_db
def test_the_history_context_records_who_made_the_change():
    user = UserFactory()
    partner = PartnerFactory()

    with pghistory.context(user=user.pk):
        partner.description = "Corrected after the GCG meeting."
        partner.save()

    update = PartnerEvent.objects.get(pgh_obj=partner, pgh_label="update")
    assert update.pgh_context.metadata["user"] == user.pk
    assert PartnerEvent.objects.get(pgh_obj=partner, pgh_label="insert").pgh_context is None


@pytest.mark.django_db
def test_the_events_view_lists_a_partners_history():
    partner = PartnerFactory()
    partner.website = "https://www.alliance87.org/"
    partner.save()

    events = Events.objects.tracks(partner)

    assert sorted(event.pgh_label for event in events) == ["insert", "update"]
    update = events.get(pgh_label="update")
    assert update.pgh_diff["website"][1] == "https://www.alliance87.org/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("scheme", "identifier"),
    [("ZZ-NOTAREGISTRY", "41302"), ("XM-NOTALIST", "41302"), ("GB-XYZ", "1")],
)
def test_a_scheme_missing_from_the_org_id_register_is_refused_with_its_code(scheme, identifier):
    candidate = PartnerIdentifierFactory.build(
        partner=PartnerFactory(), scheme=scheme, identifier=identifier
    )

    with pytest.raises(ValidationError) as excinfo:
        candidate.full_clean()
    (message,) = excinfo.value.message_dict["scheme"]
    assert f"“{scheme}” is not a scheme of the org-id.guide register" in message


@pytest.mark.django_db
@pytest.mark.parametrize("identifier", ["not a number!!", "41302 ", "a/b", "#1"])
def test_an_identifier_with_characters_org_ids_do_not_allow_is_refused(identifier):
    candidate = PartnerIdentifierFactory.build(
        partner=PartnerFactory(), scheme="XM-DAC", identifier=identifier
    )

    with pytest.raises(ValidationError) as excinfo:
        candidate.full_clean()
    assert "identifier" in excinfo.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("scheme", "identifier"),
    [("US-CA_CR", "C0806592"), ("CA_BC-BRC_CBR", "BC0123"), ("XM-DAC", "1-8")],
)
def test_register_schemes_of_every_shape_are_accepted(scheme, identifier):
    candidate = PartnerIdentifierFactory.build(
        partner=PartnerFactory(), scheme=scheme, identifier=identifier
    )

    candidate.full_clean()
    candidate.save()


def test_an_identifier_is_checked_against_its_schemes_pattern_where_the_register_gives_one(
    monkeypatch,
):
    from partners import orgid

    schemes = {**orgid.register()["schemes"], "GB-CHC": {"name": "Charity", "pattern": r"\d{6,8}"}}
    monkeypatch.setattr(orgid, "register", lambda: {"register": {"date": "x"}, "schemes": schemes})

    orgid.validate_identifier("GB-CHC", "1090095")
    with pytest.raises(ValidationError, match="not a GB-CHC identifier"):
        orgid.validate_identifier("GB-CHC", "A123")


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://x"])
def test_the_database_refuses_a_website_that_is_no_web_address_however_it_is_written(address):
    from django.db import IntegrityError, transaction

    partner = PartnerFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        type(partner).objects.filter(pk=partner.pk).update(website=address)
    with pytest.raises(ValidationError) as refused:
        PartnerFactory.build(website=address).full_clean()
    assert "website" in refused.value.message_dict


@pytest.mark.parametrize(
    ("value", "link"),
    [
        ("https://www.ilo.org/", "https://www.ilo.org/"),
        ("HTTP://example.org", "HTTP://example.org"),
        ("javascript:alert(1)", ""),
        (" javascript:alert(1)", ""),
        ("data:text/html,x", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_only_web_addresses_become_links(value, link):
    from core.templatetags.links import web_url

    assert web_url(value) == link
