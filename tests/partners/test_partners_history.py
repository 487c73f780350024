import pghistory
import pytest
from pghistory.models import Events

from partners.models import Partner
from tests.factories import PartnerFactory, UserFactory

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
