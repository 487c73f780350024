"""Partners, partner identifiers and partnership applications."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api.schema import error
from core.api.throttling import (
    AnonThrottle,
    ApplicationSubmissionThrottle,
    TokenThrottle,
)
from core.api.viewsets import RegistryViewSet, SlugLookupMixin
from core.translation import active_language
from partners import services
from partners.filters import (
    PartnerFilterSet,
    PartnerIdentifierFilterSet,
    PartnershipApplicationFilterSet,
)
from partners.models import Partner, PartnerIdentifier, PartnershipApplication

from .serializers import (
    ApprovalSerializer,
    PartnerIdentifierSerializer,
    PartnerSerializer,
    PartnershipApplicationSerializer,
    RejectionSerializer,
)


class PartnerViewSet(SlugLookupMixin, RegistryViewSet):
    """The partners of Alliance 8.7: governments, organisations, networks.

    A partner is found by its slug (`/api/v1/partners/international-labour-organization/`).
    Filter as the directory does: `q` (name, acronym, description; typos in names tolerated,
    best match first), `category`, `relation`, `region`, `country` (ISO 3166 code), `theme`,
    `action_group` (slug of a group the partner is a current member of), `gcg_seat_holder`,
    `status`, `joined_after`/`joined_before`, and `ordering` (`name`, `joined`, `country`, with
    `-` for descending). `region` is derived from the country and read-only. Repeat a parameter
    to match any of several values (`?category=government&category=workers`).
    """

    queryset = Partner.objects.all()
    serializer_class = PartnerSerializer
    filterset_class = PartnerFilterSet


class PartnerIdentifierViewSet(RegistryViewSet):
    """Organisation identifiers of partners, in the org-id.guide scheme.

    `scheme` is the registry prefix (`XM-DAC` for OECD DAC codes, `GB-CHC` for the Charity
    Commission for England and Wales) and `identifier` the id in that registry; `org_id` joins
    them (`XM-DAC-41302` is the ILO). A scheme and identifier pair belongs to one partner only.
    Filter by `partner` (slug), `scheme` or `identifier`.
    """

    queryset = PartnerIdentifier.objects.select_related("partner")
    serializer_class = PartnerIdentifierSerializer
    filterset_class = PartnerIdentifierFilterSet


class PartnershipApplicationViewSet(RegistryViewSet):
    """Applications to become a partner: the twin of the public "join" form.

    Anyone may `POST` an application, without a token; submissions are throttled per address.
    The contact details are private, so reading applications needs a token whose user has the
    "view partnership application" permission. The decision is made with the `approve` and
    `reject` operations (approving creates the partner in the same transaction); `status` and
    the decision fields cannot be written directly.
    """

    queryset = PartnershipApplication.objects.select_related("decided_by", "partner")
    serializer_class = PartnershipApplicationSerializer
    filterset_class = PartnershipApplicationFilterSet
    throttle_classes = [AnonThrottle, TokenThrottle, ApplicationSubmissionThrottle]
    private_reads = True
    anonymous_create = True
    action_permissions = {
        "approve": ["partners.change_partnershipapplication", "partners.add_partner"],
        "reject": ["partners.change_partnershipapplication"],
        "review": ["partners.change_partnershipapplication"],
    }

    @extend_schema(
        request=ApprovalSerializer,
        responses={200: PartnershipApplicationSerializer, 400: error("400")},
        summary=_("Approve an application, creating its partner"),
    )
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        """Approve the application: the partner is created from it, in one transaction.

        Answers the updated application; its `partner` is the new partner. An application that
        was already decided, or whose organisation is already a partner, is a 400.
        """
        application = self.get_object()
        body = ApprovalSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.application_approve(
            application=application,
            user=request.user,
            joined_on=body.validated_data.get("joined_on"),
            reason=body.validated_data["reason"],
        )
        return self._answer(application)

    @extend_schema(
        request=RejectionSerializer,
        responses={200: PartnershipApplicationSerializer, 400: error("400")},
        summary=_("Reject an application, saying why"),
    )
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        """Reject the application; the reason is required and kept with the decision."""
        application = self.get_object()
        body = RejectionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.application_reject(
            application=application, user=request.user, reason=body.validated_data["reason"]
        )
        return self._answer(application)

    @extend_schema(
        request=None,
        responses={200: PartnershipApplicationSerializer, 400: error("400")},
        summary=_("Take a submitted application under review"),
    )
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        """Mark a submitted application as under review, so colleagues see someone has it."""
        application = self.get_object()
        services.application_start_review(application=application, user=request.user)
        return self._answer(application)

    def perform_create(self, serializer):
        # The twin of the join form: the same service, so an API applicant gets the same mail,
        # in the language the request asks for (`lang` or Accept-Language), as the answer is.
        application = PartnershipApplication(**serializer.validated_data)
        language = active_language()
        services.application_submit(application=application, language=language)
        serializer.instance = self.reloaded(application)

    def _answer(self, application):
        fresh = self.get_queryset().get(pk=application.pk)
        return Response(self.get_serializer(fresh).data, status=status.HTTP_200_OK)
