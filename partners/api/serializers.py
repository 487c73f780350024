"""Partners, their org-id.guide identifiers and partnership applications, as the API shows them."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api.serializers import REGISTRY_FIELDS, BriefUserField, RegistrySerializer
from partners.models import Partner, PartnerIdentifier, PartnershipApplication
from partners.regions import Region


class PartnerSerializer(RegistrySerializer):
    region = serializers.ChoiceField(
        choices=Region.choices,
        read_only=True,
        allow_null=True,
        help_text=_("Derived from the country."),
    )

    class Meta:
        model = Partner
        fields = [
            *REGISTRY_FIELDS,
            "region",
            "name",
            "acronym",
            "slug",
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
        ]


class PartnerIdentifierSerializer(RegistrySerializer):
    org_id = serializers.CharField(
        source="*", read_only=True, help_text=_("The full org-id.guide identifier.")
    )

    class Meta:
        model = PartnerIdentifier
        fields = [*REGISTRY_FIELDS, "org_id", "scheme", "identifier", "partner", "source"]


class PartnershipApplicationSerializer(RegistrySerializer):
    decided_by = BriefUserField(allow_null=True)

    class Meta:
        model = PartnershipApplication
        fields = [
            *REGISTRY_FIELDS,
            "decided_by",
            "organisation_name",
            "acronym",
            "category",
            "country",
            "website",
            "description",
            "themes",
            "contact_name",
            "contact_email",
            "contact_phone",
            "motivation",
            "commitment_accepted",
            # The language its mails are written in (English unless said).
            "language",
            "status",
            "decided_at",
            "decision_reason",
            "partner",
        ]
        read_only_fields = [
            "status",
            "decided_by",
            "decided_at",
            "decision_reason",
            "partner",
        ]


class ApprovalSerializer(serializers.Serializer):
    joined_on = serializers.DateField(
        required=False,
        allow_null=True,
        help_text=_("When the partner joins; today if omitted."),
    )
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class RejectionSerializer(serializers.Serializer):
    reason = serializers.CharField(help_text=_("Why the application is rejected (required)."))
