"""The Global Coordinating Group, its offices, events and pledges."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api.schema import error
from core.api.viewsets import RegistryViewSet
from governance import services
from governance.filters import (
    ConstituencyFilterSet,
    EventFilterSet,
    GlobalEstimateFilterSet,
    OfficeTermFilterSet,
    PledgeAssessmentFilterSet,
    PledgeFilterSet,
    SeatFilterSet,
    SeatTermFilterSet,
)
from governance.models import (
    Constituency,
    Event,
    GlobalEstimate,
    OfficeTerm,
    Pledge,
    PledgeAssessment,
    Seat,
    SeatTerm,
)

from .serializers import (
    ConstituencySerializer,
    EventSerializer,
    GlobalEstimateSerializer,
    OfficeTermSerializer,
    PledgeAssessmentSerializer,
    PledgeSerializer,
    RotationResultSerializer,
    RotationSerializer,
    SeatSerializer,
    SeatTermSerializer,
)


class ConstituencyViewSet(RegistryViewSet):
    """The constituencies that hold GCG seats: governments, workers, employers, civil society…

    Listed in their conventional order (`position`). Filter by `slug`.
    """

    queryset = Constituency.objects.all()
    serializer_class = ConstituencySerializer
    filterset_class = ConstituencyFilterSet


class SeatViewSet(RegistryViewSet):
    """The seats of the Global Coordinating Group, each allotted to a constituency (and region).

    Who held a seat when is in `seat-terms`. Filter by `constituency` (slug) and `region`.
    """

    queryset = Seat.objects.select_related("constituency")
    serializer_class = SeatSerializer
    filterset_class = SeatFilterSet


class SeatTermViewSet(RegistryViewSet):
    """Partners holding GCG seats over periods `[start_date, end_date)`.

    `?as_of=2021-06-30` answers "who held which seat on this date"; terms on one seat never
    overlap (a 400 says so). A null `start_date` means the source does not record it; a null
    `end_date`, that the term is ongoing. Filter by `seat` (id), `partner` (slug) and
    `constituency` (slug).
    """

    queryset = SeatTerm.objects.select_related("seat__constituency", "partner")
    serializer_class = SeatTermSerializer
    filterset_class = SeatTermFilterSet


class OfficeTermViewSet(RegistryViewSet):
    """Terms of the Alliance's offices: chair, deputy chair and secretariat.

    An office has at most one current holder and its terms never overlap. To hand over the chair
    and deputy chair, use `POST /api/v1/offices/rotate/`, which closes and opens the terms in one
    transaction. `?as_of=` gives the holders on a date; filter by `office` and `partner` (slug).
    """

    queryset = OfficeTerm.objects.select_related("partner")
    serializer_class = OfficeTermSerializer
    filterset_class = OfficeTermFilterSet


class OfficeViewSet(viewsets.GenericViewSet):
    """Operations on the offices of the Alliance."""

    serializer_class = RotationSerializer
    action_permissions = {
        "rotate": ["governance.add_officeterm", "governance.change_officeterm"],
    }

    @extend_schema(
        request=RotationSerializer,
        responses={200: RotationResultSerializer, 400: error("400")},
        summary=_("Rotate the chair and the deputy chair"),
    )
    @action(detail=False, methods=["post"])
    def rotate(self, request):
        """Close the current chair and deputy chair terms on `on` and open the next ones.

        Name the next `chair` (a partner id or slug), or set `promote_deputy` to make the
        current deputy chair the chair; `deputy_chair` names the next deputy, if any. Everything
        happens in one transaction: on any error (a 400) nothing changes. Answers the new terms.
        """
        body = RotationSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        chair, deputy = services.office_rotate(**body.validated_data)
        context = self.get_serializer_context()
        return Response(
            {
                "chair": OfficeTermSerializer(chair, context=context).data,
                "deputy_chair": OfficeTermSerializer(deputy, context=context).data
                if deputy
                else None,
            }
        )


class EventViewSet(RegistryViewSet):
    """GCG meetings, regional consultations, workshops, global conferences and launches.

    `start_date` is stored to the day; `date_precision` says how much of it the source gives
    (a `month` event on 2018-10-01 happened some day in October 2018). Filter by `kind`,
    `country`, `year`, `starts_after` and `starts_before`.
    """

    queryset = Event.objects.all()
    serializer_class = EventSerializer
    filterset_class = EventFilterSet


class PledgeViewSet(RegistryViewSet):
    """Partners' public commitments made at events, such as the 96 of the IV Global Conference.

    `status` is the progress found by the latest assessment (`pledge-assessments`), or
    `not_assessed`. Filter by `partner` (slug), `event` (slug) and `status`.
    """

    queryset = Pledge.objects.with_status().select_related("partner", "event")
    serializer_class = PledgeSerializer
    filterset_class = PledgeFilterSet


class PledgeAssessmentViewSet(RegistryViewSet):
    """Dated assessments of the progress made on pledges; one per pledge and day."""

    queryset = PledgeAssessment.objects.select_related("pledge")
    serializer_class = PledgeAssessmentSerializer
    filterset_class = PledgeAssessmentFilterSet


class GlobalEstimateViewSet(RegistryViewSet):
    """Published global figures, such as the number of people in forced labour, with sources.

    An estimate may be `part_of` a larger one (forced marriage is part of modern slavery).
    """

    queryset = GlobalEstimate.objects.select_related("part_of")
    serializer_class = GlobalEstimateSerializer
    filterset_class = GlobalEstimateFilterSet
