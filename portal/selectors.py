"""Reads across several apps: what the home page, a partner's profile and an event page show."""

import datetime
import functools

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from action_groups.models import ActionGroup, Membership
from governance.models import Event, GlobalEstimate, Office, OfficeTerm, Pledge, SeatTerm
from partners.models import Partner, PartnerIdentifier, PartnerStatus, Relation
from pathfinders.models import Milestone, PathfinderCountry

NEWEST_FIRST = (F("start_date").desc(nulls_last=True), "id")


# What a profile lists besides the partner's own row: for each relation of the partner, the
# rows it shows, in the order shown. Functions, so a profile builds only what it reads.
PROFILE_LISTS = {
    "identifiers": lambda: PartnerIdentifier.objects.all(),
    "pathfinders": lambda: PathfinderCountry.objects.all(),
    "memberships": lambda: Membership.objects.select_related("group").order_by(
        "group__name", *NEWEST_FIRST
    ),
    "seat_terms": lambda: SeatTerm.objects.select_related("seat__constituency").order_by(
        *NEWEST_FIRST
    ),
    "office_terms": lambda: OfficeTerm.objects.order_by(*NEWEST_FIRST),
    "pledges": lambda: (
        Pledge.objects.with_status()
        .select_related("event")
        .order_by(F("made_on").desc(nulls_last=True), "id")
    ),
    # Ordered by road map, so the profile can group the milestones under their road map.
    "milestones": lambda: Milestone.objects.select_related("road_map__pathfinder").order_by(
        "road_map__pathfinder__country", "road_map_id", "due_date", "id"
    ),
}


def _held(relation: str) -> str:
    return f"holds_{relation}"


@functools.cache
def _partners_with_lists_held() -> QuerySet[Partner]:
    """Partners annotated, for each relation a profile lists, with whether it holds a row.

    Built once: it depends on no request, and building its seven subqueries costs more than
    running them.
    """
    flags = {}
    for relation in PROFILE_LISTS:
        field = Partner._meta.get_field(relation)
        rows = field.related_model._base_manager.filter(**{field.field.name: OuterRef("pk")})
        flags[_held(relation)] = Exists(rows)
    return Partner.objects.annotate(**flags)


def partner_profile(slug: str) -> dict | None:
    """What the profile of the partner `slug` shows, or None: `partner`, and a list per relation
    of PROFILE_LISTS (`memberships`, `pledges`...).

    Most of the partners a directory may list hold few of the seven (an identifier, rarely a
    membership or a pledge): the partner's own query tells which ones hold rows, and only those
    are read (docs/performance.md, "Pages").
    """
    partner = _partners_with_lists_held().filter(slug=slug).first()
    if partner is None:
        return None
    profile = {"partner": partner}
    for relation, rows in PROFILE_LISTS.items():
        held = getattr(partner, _held(relation))
        field = Partner._meta.get_field(relation)
        profile[relation] = list(rows().filter(**{field.field.name: partner})) if held else []
    return profile


def event_pages() -> QuerySet[Event]:
    """Events with what an event's page shows: its groups, countries and pledges."""
    pledges = Pledge.objects.with_status().select_related("partner").order_by("partner__name", "id")
    return Event.objects.prefetch_related(
        "action_groups", "pathfinders", Prefetch("pledges", queryset=pledges)
    )


def _with_millions(estimate: GlobalEstimate) -> GlobalEstimate:
    # Shown as "40.3 million": the sources round to a tenth of a million.
    estimate.millions = estimate.value / 1_000_000
    return estimate


def global_estimates() -> list[GlobalEstimate]:
    """The headline estimates, each with its parts, in their order."""
    parts = GlobalEstimate.objects.order_by("position", "id")
    estimates = GlobalEstimate.objects.filter(part_of__isnull=True).prefetch_related(
        Prefetch("parts", parts)
    )
    for estimate in estimates:
        _with_millions(estimate)
        for part in estimate.parts.all():
            _with_millions(part)
    return list(estimates)


def home_summary(*, on: datetime.date | None = None, events_shown: int) -> dict:
    """The home page's live numbers, chairs and latest and coming events on `on` (today)."""
    on = on or timezone.localdate()
    offices = {
        term.office: term
        for term in OfficeTerm.objects.current(on=on)
        .filter(office__in=[Office.CHAIR, Office.DEPUTY_CHAIR])
        .select_related("partner")
    }
    open_groups = ActionGroup.objects.filter(Q(closed_on__isnull=True) | Q(closed_on__gt=on))
    return {
        # Organisations recorded as partners (not development partners or collaborating
        # organisations only): the report counts over 150 (para. 14), the registry fewer.
        "partner_count": Partner.objects.filter(
            status=PartnerStatus.ACTIVE, relations__contains=[Relation.PARTNER]
        ).count(),
        "pathfinder_count": PathfinderCountry.objects.count(),
        "action_group_count": open_groups.count(),
        "chair": offices.get(Office.CHAIR),
        "deputy_chair": offices.get(Office.DEPUTY_CHAIR),
        "recent_events": Event.objects.filter(start_date__lte=on).order_by("-start_date", "-id")[
            :events_shown
        ],
        "coming_events": Event.objects.filter(start_date__gt=on).order_by("start_date", "id")[
            :events_shown
        ],
        "estimates": global_estimates(),
    }
