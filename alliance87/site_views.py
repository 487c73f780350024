"""The home page: what Alliance 8.7 is, a few live numbers, its chairs, events and estimates."""

from django.db.models import Prefetch, Q
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from action_groups.models import ActionGroup
from alliance87.caching import cacheable_when_anonymous
from governance.models import Event, GlobalEstimate, Office, OfficeTerm
from partners.models import Partner, PartnerStatus
from pathfinders.models import PathfinderCountry

EVENTS_SHOWN = 3


def _with_millions(estimate: GlobalEstimate) -> GlobalEstimate:
    # Shown as "40.3 million": the sources round to a tenth of a million.
    estimate.millions = estimate.value / 1_000_000
    return estimate


def _global_estimates() -> list[GlobalEstimate]:
    parts = GlobalEstimate.objects.order_by("position", "id")
    estimates = GlobalEstimate.objects.filter(part_of__isnull=True).prefetch_related(
        Prefetch("parts", parts)
    )
    for estimate in estimates:
        _with_millions(estimate)
        for part in estimate.parts.all():
            _with_millions(part)
    return list(estimates)


@require_GET
@cacheable_when_anonymous
def home(request):
    today = timezone.localdate()
    offices = {
        term.office: term
        for term in OfficeTerm.objects.current(on=today)
        .filter(office__in=[Office.CHAIR, Office.DEPUTY_CHAIR])
        .select_related("partner")
    }
    open_groups = ActionGroup.objects.filter(Q(closed_on__isnull=True) | Q(closed_on__gt=today))
    context = {
        "partner_count": Partner.objects.filter(status=PartnerStatus.ACTIVE).count(),
        "pathfinder_count": PathfinderCountry.objects.count(),
        "action_group_count": open_groups.count(),
        "chair": offices.get(Office.CHAIR),
        "deputy_chair": offices.get(Office.DEPUTY_CHAIR),
        "recent_events": Event.objects.filter(start_date__lte=today).order_by("-start_date", "-id")[
            :EVENTS_SHOWN
        ],
        "coming_events": Event.objects.filter(start_date__gt=today).order_by("start_date", "id")[
            :EVENTS_SHOWN
        ],
        "estimates": _global_estimates(),
    }
    return render(request, "home.html", context)
