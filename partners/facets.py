"""Facets of the partner directory: each option with the number of partners it would show.

The usual faceting rule: a facet's counts are taken over the result filtered by every other
facet but not by itself, so ticking one category still shows how many the other categories have.
Each facet costs one aggregate query at most, whatever the number of partners or options; the
total and the region and country facets share theirs when they count over the same partners.
"""

from dataclasses import dataclass, field
from hashlib import sha256
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Count, Q
from django.http import QueryDict
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.caching import CACHE_SECONDS, data_version
from core.models import current_condition, related_model

from .filters import PartnerFilterSet
from .models import Category, Partner, PartnerStatus, Relation, Theme
from .regions import Region, region_for
from .search import PartnerSearch


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


# What the facets depend on: a write to any of these changes their counts or labels.
FACET_MODELS = (
    "partners.Partner",
    "action_groups.ActionGroup",
    "action_groups.Membership",
    "governance.SeatTerm",
)
# How the directory is shown rather than which partners it shows: no part of the cache key.
DISPLAY_PARAMETERS = {"page", "per_page", "ordering"}


def _without(data: QueryDict, name: str) -> QueryDict:
    others = data.copy()
    others.pop(name, None)
    others.pop("page", None)
    return others


def _search(data: QueryDict) -> PartnerSearch | None:
    """The search of `data`'s `q` as the directory's filters read it, or None without one.

    Built once for all the facets, which then filter by its condition in their own queries:
    passing each a list of the matching ids, found first, costs more for a broad search.
    """
    form = PartnerFilterSet(data, queryset=Partner.objects.none()).form
    # An invalid `q` (a NUL) is ignored by the directory's list: the counts ignore it too.
    form.is_valid()
    return PartnerSearch.of(form.cleaned_data.get("q") or "")


def _partners_filtered_except(data: QueryDict, name: str, search: PartnerSearch | None):
    """The partners `data` shows when its filter `name` is left out; the search as `search`."""
    others = _without(data, name)
    others.pop("q", None)
    filtered = PartnerFilterSet(others, queryset=Partner.objects.all()).qs.order_by()
    return filtered if search is None else filtered.filter(search.condition())


def _options(choices, counts: dict, selected: list[str], *, keep_empty: bool = True):
    return [
        Option(str(value), str(label), counts.get(value, 0), str(value) in selected)
        for value, label in choices
        if keep_empty or counts.get(value) or str(value) in selected
    ]


def _action_group_counts(partners) -> list[tuple[str, str, int]]:
    """(slug, name, members among `partners` today) of every Action Group, by name."""
    groups = related_model(Partner, "memberships__group").objects
    current = current_condition(through="memberships")
    groups = groups.annotate(
        n=Count(
            "memberships__partner",
            filter=current & Q(memberships__partner__in=partners.values("pk")),
            distinct=True,
        )
    ).order_by("name", "id")
    return [(group.slug, group.name, group.n) for group in groups]


def _cache_key(data: QueryDict) -> str:
    pairs = sorted(
        (name, value)
        for name, values in data.lists()
        if name not in DISPLAY_PARAMETERS
        for value in values
        if value
    )
    query = sha256(urlencode(pairs).encode()).hexdigest()
    version = data_version(*FACET_MODELS)
    return f"partners:facets:{translation.get_language()}:{version}:{query}"


def cached_facets(data: QueryDict) -> tuple[list[Facet], int]:
    """(the facets of `data`, the number of partners it shows), from the cache.

    Counting costs an aggregate over every matching partner per facet, which grows with the
    table. The key holds a version of the data the counts come from, so
    any write makes a new entry; an unchanged page costs one cheap query.
    """
    key = _cache_key(data)
    found = cache.get(key)
    if found is None:
        found = facets_and_total(data)
        cache.set(key, found, CACHE_SECONDS)
    return found


def facets_and_total(data: QueryDict) -> tuple[list[Facet], int]:
    """The directory's facets for the query `data` (request.GET), and the number it shows."""
    search = _search(data)

    def selected(name):
        return data.getlist(name)

    def left_out(name):
        # A filter that is not set leaves out nothing: its facet counts over the whole result,
        # as the facets of the other filters not set do, and one query serves them all.
        return name if name in data else ""

    def base(name):
        return _partners_filtered_except(data, left_out(name), search)

    counted: dict[tuple[str, str], dict[str, int]] = {}

    def counts_by(name, field):
        key = (left_out(name), field)
        if key not in counted:
            counted[key] = base(name).counts_by(field)
        return counted[key]

    by_country = counts_by("region", "country")
    by_region: dict[str, int] = {}
    for code, n in by_country.items():
        region = region_for(code)
        if region:
            by_region[region] = by_region.get(region, 0) + n
    country_counts = counts_by("country", "country")
    # A blank country (not recorded) is no option: it cannot be filtered on.
    codes = {code for code in set(country_counts) | set(selected("country")) if code}
    country_choices = sorted(
        ((code, countries.name(code)) for code in codes), key=lambda choice: str(choice[1])
    )
    seats = base("gcg_seat_holder").counts_by_seat_holding()
    groups = _action_group_counts(base("action_group"))
    category_counts = counts_by("category", "category")
    status_counts = counts_by("status", "status")
    # Every partner has one category and one status: counted over the whole result, either adds
    # up to the total, which then costs no COUNT of its own.
    if not left_out("status"):
        total = sum(status_counts.values())
    elif not left_out("category"):
        total = sum(category_counts.values())
    else:
        total = base("").count()

    facets = [
        Facet(
            "category",
            _("Category"),
            True,
            _options(Category.choices, category_counts, selected("category")),
        ),
        Facet(
            "region",
            _("Region"),
            False,
            _options(Region.choices, by_region, selected("region"), keep_empty=False),
            any_label=_("All regions"),
        ),
        Facet(
            "country",
            _("Country"),
            True,
            _options(country_choices, country_counts, selected("country"), keep_empty=False),
        ),
        Facet(
            "relation",
            _("Relation to the Alliance"),
            True,
            _options(Relation.choices, base("relation").counts_by_relation(), selected("relation")),
        ),
        Facet(
            "theme",
            _("Theme"),
            True,
            _options(Theme.choices, base("theme").counts_by_theme(), selected("theme")),
        ),
        Facet(
            "action_group",
            _("Action Group"),
            False,
            _options(
                [(slug, name) for slug, name, _n in groups],
                {slug: n for slug, _name, n in groups},
                selected("action_group"),
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
                selected("gcg_seat_holder"),
            ),
            any_label=_("Either"),
        ),
        Facet(
            "status",
            _("Status"),
            True,
            _options(PartnerStatus.choices, status_counts, selected("status")),
        ),
    ]
    return facets, total
