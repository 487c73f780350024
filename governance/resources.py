"""The columns of events and GCG seat terms in the admin's import and export (CSV, xlsx)."""

from import_export import fields

from core.resources import KnownForeignKeyWidget, RegistryResource
from core.translation import with_translations
from partners.models import Partner

from .models import Event, Seat, SeatTerm


class EventResource(RegistryResource):
    """One row an event, found by its slug: a known slug updates it, a new one adds it."""

    class Meta(RegistryResource.Meta):
        model = Event
        import_id_fields = ["slug"]
        fields = with_translations(
            Event,
            [
                "slug",
                "title",
                "kind",
                "start_date",
                "end_date",
                "date_precision",
                "status",
                "city",
                "country",
                "description",
                "outcome",
                "source",
            ],
        )


class SeatTermResource(RegistryResource):
    """One row a term: its id (empty for a new term), the seat's id and the partner's slug.
    `end_date` is the day after the last day, as stored; `seat_name` is for reading only."""

    seat = fields.Field(
        attribute="seat", column_name="seat", widget=KnownForeignKeyWidget(Seat, field="id")
    )
    seat_name = fields.Field(attribute="seat", column_name="seat_name", readonly=True)
    partner = fields.Field(
        attribute="partner",
        column_name="partner",
        widget=KnownForeignKeyWidget(Partner, field="slug"),
    )

    class Meta(RegistryResource.Meta):
        model = SeatTerm
        fields = ["id", "seat", "seat_name", "partner", "start_date", "end_date", "source"]
