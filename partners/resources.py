"""The columns of partners in the admin's import and export (CSV, xlsx)."""

from core.resources import RegistryResource
from core.translation import with_translations

from .models import Partner


class PartnerResource(RegistryResource):
    """One row a partner, found by its slug: a known slug updates it, a new one adds it.
    Themes and relations are comma-separated codes (forced_labour,child_labour)."""

    class Meta(RegistryResource.Meta):
        model = Partner
        import_id_fields = ["slug"]
        fields = with_translations(
            Partner,
            [
                "slug",
                "name",
                "acronym",
                "category",
                "country",
                "website",
                "description",
                "themes",
                "relations",
                "joined_on",
                "status",
                "status_changed_on",
                "status_reason",
                "commitment_accepted_on",
                "source",
            ],
        )
