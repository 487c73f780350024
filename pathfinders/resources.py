"""The columns of road map milestones in the admin's import and export (CSV, xlsx)."""

from import_export import fields

from core.resources import KnownForeignKeyWidget, KnownManyToManyWidget, RegistryResource
from core.translation import with_translations
from partners.models import Partner

from .models import Milestone, RoadMap


class MilestoneResource(RegistryResource):
    """One row a milestone: its id (empty for a new one), the road map's id, and the responsible
    partners' slugs separated by commas."""

    road_map = fields.Field(
        attribute="road_map",
        column_name="road_map",
        widget=KnownForeignKeyWidget(RoadMap, field="id"),
    )
    responsible_partners = fields.Field(
        attribute="responsible_partners",
        column_name="responsible_partners",
        widget=KnownManyToManyWidget(Partner, field="slug", separator=","),
        m2m_add=False,
    )

    class Meta(RegistryResource.Meta):
        model = Milestone
        fields = with_translations(
            Milestone,
            [
                "id",
                "road_map",
                "title",
                "responsible_partners",
                "due_date",
                "status",
                "completed_on",
                "evidence_url",
                "source",
            ],
        )
