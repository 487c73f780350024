"""Facets of the partner directory: each option with the number of partners it would show.

The usual faceting rule: a facet's counts are taken over the result filtered by every other
facet but not by itself, so ticking one category still shows how many the other categories have.

With no other filter, the counts are the margins the database keeps (PartnerMargin: a few hundred
rows). Where the other filters are only category, status, region, country, relation and one
theme, they are sums over the tally it keeps (PartnerTally: tens of thousands of cells at most,
and only those of the filtered values are read). Otherwise (a search, an Action Group, dates,
several themes) they are counted over the matching partners, every facet that shares the same
filters in one query.
"""

import datetime
import functools
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import Count, Exists, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.labels import choice_labels, country_names
from core.models import current_condition, related_model
from core.translation import columns, localized_text

from .models import (
    Category,
    Partner,
    PartnerMargin,
    PartnerStatus,
    PartnerTally,
    Relation,
    Theme,
    holding_a_seat,
)
from .regions import Region, countries_in, region_for
from .tally import ALL_THEMES


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    multiple: bool
    options: list[Option] = field(default_factory=list)
    # The label of the "no filter" choice of a single-choice facet.
    any_label: str = ""

    @property
    def is_active(self) -> bool:
        return any(option.selected for option in self.options)


# How the directory is shown rather than which partners it shows.
DISPLAY_PARAMETERS = {"page", "per_page", "ordering"}
# The filters the tally can answer, and the partner column each facet counts (None: by a query of
# its own).
TALLIED = {"category", "status", "region", "country", "relation", "theme"}
COLUMNS = {
    "category": "category",
    "status": "status",
    "country": "country",
    "relation": "relations",
    "theme": "themes",
}
# The array columns, and the values a facet counts in each.
ARRAYS = {"relations": Relation.values, "themes": Theme.values}


def active_filters(filterset) -> dict:
    """{filter name: value} of the filters `filterset` applies (its valid, non-empty values)."""
    filterset.is_valid()
    return {
        name: value
        for name, value in filterset.form.cleaned_data.items()
        if name != "ordering" and value not in (None, "", [], ())
    }


def partners_filtered(filterset, filters: dict):
    """The partners `filters` (a subset of the filterset's) select, unordered."""
    partners = Partner.objects.all()
    for name, value in filters.items():
        if name == "q":
            search = filterset.search(value)
            partners = partners if search is None else partners.filter(search.condition())
        else:
            partners = filterset.filters[name].filter(partners, value)
    return partners.order_by()


def _tallied(filters: dict) -> bool:
    return set(filters) <= TALLIED and len(filters.get("theme", ())) <= 1


def _tally_cells(filters: dict, *, by_theme: bool = False):
    """The tally's cells of the partners `filters` select: one cell per partner when not
    `by_theme` (the "*" cells, or those of the one theme filtered by), one per partner and theme
    when `by_theme`."""
    cells = PartnerTally.objects.all()
    if by_theme:
        cells = cells.exclude(theme=ALL_THEMES)
    else:
        cells = cells.filter(theme=(filters.get("theme") or [ALL_THEMES])[0])
    if "category" in filters:
        cells = cells.filter(category__in=filters["category"])
    if "status" in filters:
        cells = cells.filter(status__in=filters["status"])
    if "country" in filters:
        cells = cells.filter(country__in=filters["country"])
    if "region" in filters:
        cells = cells.filter(country__in=countries_in(filters["region"]))
    if "relation" in filters:
        cells = cells.filter(relations__overlap=list(filters["relation"]))
    return cells.order_by()


def _grouped(queryset, columns: list[str], weight: str | None) -> dict[str, dict[str, int]]:
    """{column: {value: sum of the `weight` column, or rows}} of `queryset`'s rows for each of
    `columns`, in one query: a GROUP BY per plain column, and one pass for every array column,
    which counts each of its choices with a FILTER (unnesting 66,000 rows' arrays cost twice as
    much: docs/performance.md, "Directory facets and sorting")."""
    if not columns:
        return {}
    read = sorted(set(columns) | ({weight} if weight else set()))
    sql, params = queryset.values(*read).query.sql_with_params()
    params = list(params)
    total = f'sum(rows."{weight}")' if weight else "count(*)"
    parts = [
        f"SELECT '{column}', rows.\"{column}\"::text, {total}::int FROM rows GROUP BY 2"
        for column in columns
        if column not in ARRAYS
    ]
    arrays = [(column, value) for column in columns if column in ARRAYS for value in ARRAYS[column]]
    if arrays:
        sums = ", ".join(
            f'coalesce({total} FILTER (WHERE %s = ANY(rows."{column}")), 0)::int AS n{i}'
            for i, (column, _value) in enumerate(arrays)
        )
        pairs = ", ".join(f"(%s, %s, agg.n{i})" for i in range(len(arrays)))
        parts.append(
            f"SELECT found.* FROM (SELECT {sums} FROM rows) agg, "
            f"LATERAL (VALUES {pairs}) found(column_name, value, n)"
        )
        params += [value for _column, value in arrays]
        params += [item for column, value in arrays for item in (column, value)]
    query = f"WITH rows AS MATERIALIZED ({sql}) " + " UNION ALL ".join(parts)
    found: dict[str, dict[str, int]] = {column: {} for column in columns}
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(query, params)
        for column, value, n in cursor.fetchall():
            found[column][value] = n
    return found


def _margins(columns: list[str]) -> dict[str, dict[str, int]]:
    """{column: {value: partners}} over every partner, from the margins the database keeps."""
    found: dict[str, dict[str, int]] = {column: {} for column in columns}
    rows = PartnerMargin.objects.filter(dimension__in=columns).order_by()
    for dimension, value, n in rows.values_list("dimension", "value", "n"):
        found[dimension][value] = n
    return found


def counts(filterset, filters: dict, columns: list[str]) -> dict[str, dict[str, int]]:
    """{column: {value: partners}} over the partners `filters` select, for each of `columns`."""
    if not filters:
        return _margins(columns)
    if not _tallied(filters):
        return _grouped(partners_filtered(filterset, filters), columns, None)
    found = {}
    others = [column for column in columns if column != "themes"]
    found.update(_grouped(_tally_cells(filters), others, "n"))
    if "themes" in columns:
        by_theme = _grouped(_tally_cells(filters, by_theme=True), ["theme"], "n")
        found["themes"] = by_theme["theme"]
    return found


def total(filterset, filters: dict) -> int:
    """The number of partners `filters` select."""
    if not filters:
        everyone = PartnerMargin.objects.filter(dimension=ALL_THEMES, value=ALL_THEMES)
        return everyone.values_list("n", flat=True).first() or 0
    if _tallied(filters):
        return _tally_cells(filters).aggregate(n=Sum("n"))["n"] or 0
    return partners_filtered(filterset, filters).count()


# Up to about this many partners selected, the Action Group counts gather their ids first (a
# hash of them); beyond, each current membership looks its own partner up by id, which costs the
# same whatever the number selected (docs/performance.md, "Directory facets").
GATHERED_MEMBERS = 2_000


# The unfiltered directory's Action Group and seat holder counts depend only on the day: their
# SQL is built by the ORM once a day per process, which cost 1.8 ms a request, twice running it
# (docs/performance.md, "Directory facets and sorting").


@functools.lru_cache(maxsize=2)
def _group_counts_sql(on: datetime.date) -> tuple[str, tuple]:
    """Every Action Group with `n`, its current members on `on`. Each group counts its own
    memberships (an index-only scan of its few hundred) rather than one aggregate over every
    membership: 7.4 to 1.1 ms at 100,000 partners."""
    members = related_model(Partner, "memberships")._base_manager.filter(
        current_condition(on), group=OuterRef("pk")
    )
    counted = members.order_by().values("group").annotate(n=Count("*")).values("n")
    groups = related_model(Partner, "memberships__group").objects.only("slug", *columns("name"))
    return groups.annotate(n=Coalesce(Subquery(counted), 0)).query.sql_with_params()


@functools.lru_cache(maxsize=2)
def _seat_holders_sql(on: datetime.date) -> tuple[str, tuple]:
    """How many partners hold a GCG seat on `on`."""
    holders = Partner.objects.filter(holding_a_seat(on)).order_by().values("pk")
    sql, params = holders.query.sql_with_params()
    return f"SELECT count(*) FROM ({sql}) AS holders", params


def _action_group_counts(filterset, filters: dict, among: int | None) -> list[tuple[str, str, int]]:
    """(slug, name, members among the partners `filters` select today) of every Action Group;
    `among`: how many partners `filters` select, if known (else they are gathered).

    A partner's memberships of one group never overlap (membership_no_overlap): each current
    one is one member.
    """
    groups = related_model(Partner, "memberships__group").objects
    if not filters:
        groups = groups.raw(*_group_counts_sql(timezone.localdate()))
    else:
        members = current_condition(through="memberships")
        selected = partners_filtered(filterset, filters)
        if among is None or among <= GATHERED_MEMBERS:
            members &= Q(memberships__partner__in=selected.values("pk"))
        else:
            members &= Q(Exists(selected.filter(pk=OuterRef("memberships__partner"))))
        groups = groups.only("slug", *columns("name")).annotate(
            n=Count("memberships", filter=members)
        )
    named = [(group.slug, localized_text(group, "name"), group.n) for group in groups]
    # In the page's language's names, as the reader sees them.
    return sorted(named, key=lambda group: (group[1].casefold(), group[0]))


def _seat_counts(filterset, filters: dict, among: int) -> dict[str, int]:
    """{"true": holders of a GCG seat today among the partners `filters` select, "false": the
    others of the `among` it selects}: the few holders counted, the others by difference."""
    if filters:
        holding = partners_filtered(filterset, filters).filter(holding_a_seat()).count()
    else:
        with connections[Partner.objects.db].cursor() as cursor:
            cursor.execute(*_seat_holders_sql(timezone.localdate()))
            holding = cursor.fetchone()[0]
    return {"true": holding, "false": among - holding}


def _options(choices, counts: dict, selected, *, keep_empty: bool = True) -> list[Option]:
    """The options of `choices` (a TextChoices class or (value, label) pairs)."""
    if isinstance(choices, type):
        choices = choice_labels(choices).items()
    selected = {str(value) for value in selected or ()}
    return [
        Option(value, label, counts.get(value, 0), value in selected)
        for value, label in ((str(value), str(label)) for value, label in choices)
        if keep_empty or counts.get(value) or value in selected
    ]


def facets_and_total(filterset) -> tuple[list[Facet], int]:
    """The directory's facets for `filterset` (bound to request.GET), and how many it shows."""
    filters = active_filters(filterset)

    def without(name):
        return {key: value for key, value in filters.items() if key != name}

    # One count per distinct set of other filters: the facets whose own filter is not set share
    # the whole set, and one query.
    wanted: dict[str, list[str]] = {}
    for name in COLUMNS:
        wanted.setdefault(name if name in filters else "", []).append(COLUMNS[name])
    # The region facet counts by country, over the filters but the region.
    region_columns = wanted.setdefault("region" if "region" in filters else "", [])
    if "country" not in region_columns:
        region_columns.append("country")
    counted = {name: counts(filterset, without(name), columns) for name, columns in wanted.items()}

    def counts_of(name):
        column = "country" if name == "region" else COLUMNS[name]
        return counted[name if name in filters else ""][column]

    by_region: dict[str, int] = {}
    for code, n in counts_of("region").items():
        region = region_for(code)
        if region:
            by_region[region] = by_region.get(region, 0) + n
    country_counts = counts_of("country")
    # A blank country (not recorded) is no option: it cannot be filtered on.
    codes = set(country_counts) | set(filters.get("country", ()))
    # The names come sorted in each language: filtered, not sorted again.
    country_choices = [(code, name) for code, name in country_names().items() if code in codes]
    # Every partner has one status: over the whole result, their counts add up to the total.
    shown = (
        sum(counts_of("status").values()) if "status" not in filters else total(filterset, filters)
    )
    seats_among = shown if "gcg_seat_holder" not in filters else None
    if seats_among is None:
        seats_among = total(filterset, without("gcg_seat_holder"))
    seats = _seat_counts(filterset, without("gcg_seat_holder"), seats_among)
    groups_among = shown if "action_group" not in filters else None
    groups = _action_group_counts(filterset, without("action_group"), groups_among)

    facets = [
        Facet(
            "category",
            _("Category"),
            True,
            _options(Category, counts_of("category"), filters.get("category")),
        ),
        Facet(
            "region",
            _("Region"),
            False,
            _options(Region, by_region, [filters.get("region", "")], keep_empty=False),
            any_label=_("All regions"),
        ),
        Facet(
            "country",
            _("Country"),
            True,
            _options(country_choices, country_counts, filters.get("country"), keep_empty=False),
        ),
        Facet(
            "relation",
            _("Relation to the Alliance"),
            True,
            _options(Relation, counts_of("relation"), filters.get("relation")),
        ),
        Facet(
            "theme",
            _("Theme"),
            True,
            _options(Theme, counts_of("theme"), filters.get("theme")),
        ),
        Facet(
            "action_group",
            _("Action Group"),
            False,
            _options(
                [(slug, name) for slug, name, _n in groups],
                {slug: n for slug, _name, n in groups},
                [filters.get("action_group", "")],
            ),
            any_label=_("Any or none"),
        ),
        Facet(
            "gcg_seat_holder",
            _("GCG seat holder"),
            False,
            _options(
                [("true", _("Holds a GCG seat")), ("false", _("Holds no GCG seat"))],
                seats,
                [_boolean(filters.get("gcg_seat_holder"))],
            ),
            any_label=_("Either"),
        ),
        Facet(
            "status",
            _("Status"),
            True,
            _options(PartnerStatus, counts_of("status"), filters.get("status")),
        ),
    ]
    return facets, shown


def _boolean(value) -> str:
    return "" if value is None else str(value).lower()
