"""Reads across several apps: what the home page, a partner's profile and an event page show."""

import datetime
import functools

from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import BooleanField, F, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
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


@functools.cache
def _lists_held_sql() -> str:
    """An array telling which of PROFILE_LISTS the partner of the row holds rows of, one EXISTS
    per list, written once from the models' tables and read with the partner's row: the ORM
    built the seven subqueries anew for each profile, at a cost above running them, and a query
    of their own cost a round trip (docs/performance.md, "Pages")."""
    quote = connection.ops.quote_name
    partner_id = f"{quote(Partner._meta.db_table)}.{quote(Partner._meta.pk.column)}"
    held = []
    for relation in PROFILE_LISTS:
        rel = Partner._meta.get_field(relation)
        if rel.many_to_many:
            # A milestone's responsible partners: the link table alone tells.
            table, column = rel.through._meta.db_table, rel.field.m2m_reverse_name()
        else:
            table, column = rel.related_model._meta.db_table, rel.field.column
        held.append(f"EXISTS (SELECT FROM {quote(table)} WHERE {quote(column)} = {partner_id})")
    return "ARRAY[" + ", ".join(held) + "]"


def partner_profile(slug: str) -> dict | None:
    """What the profile of the partner `slug` shows, or None: `partner`, and a list per relation
    of PROFILE_LISTS (`memberships`, `pledges`...).

    Most of the partners a directory may list hold few of the seven (an identifier, rarely a
    membership or a pledge): the partner's row says which ones hold rows, and only those are
    read (docs/performance.md, "Pages").
    """
    held_sql = RawSQL(_lists_held_sql(), (), output_field=ArrayField(BooleanField()))
    partner = Partner.objects.filter(slug=slug).annotate(lists_held=held_sql).first()
    if partner is None:
        return None
    held = dict(zip(PROFILE_LISTS, partner.lists_held, strict=True))
    profile = {"partner": partner}
    for relation, rows in PROFILE_LISTS.items():
        field = Partner._meta.get_field(relation)
        found = rows().filter(**{field.field.name: partner}) if held[relation] else ()
        profile[relation] = list(found)
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
