"""The partner directory's filters, shared by the HTML directory and the API."""

import django_filters
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.filters import AnyOfFilter, BaseFilterSet

from .models import (
    ApplicationStatus,
    Category,
    Partner,
    PartnerIdentifier,
    PartnershipApplication,
    PartnerStatus,
    Relation,
    Theme,
    holding_a_seat,
    in_action_group,
)
from .regions import Region
from .search import PartnerSearch


class PartnerOrderingFilter(django_filters.OrderingFilter):
    """Each sort broken by name, then id, and unknown join dates last either way.

    Without the tie-breaks, PostgreSQL may return equal rows (a country's partners) in another
    order for the next page, which would then repeat some and skip others. Each order matches an
    index: (country, name) and partner_newest.
    """

    def get_ordering_value(self, param):
        descending = param.startswith("-")
        field = self.param_map[param.lstrip("-")]
        if field == "joined_on":
            joined = F("joined_on")
            return joined.desc(nulls_last=True) if descending else joined.asc(nulls_last=True)
        return f"-{field}" if descending else field

    def filter(self, qs, value):
        if not value:
            return qs
        qs = super().filter(qs, value)
        ties = ["id"] if self.param_map.get(value[-1].lstrip("-")) == "name" else ["name", "id"]
        return qs.order_by(*qs.query.order_by, *ties)


def country_choices():
    # A callable, so the filter's two deep copies per request copy a function: a copy of
    # `countries` itself would lose its cached, translated and sorted list and build it again.
    return countries


# The orders the directory offers, as values of PartnerFilterSet's `ordering`.
SORT_CHOICES = (
    ("name", _("Name")),
    ("-joined", _("Newest joined")),
    ("country", _("Country")),
)


class PartnerFilterSet(BaseFilterSet):
    q = django_filters.CharFilter(
        method="filter_q",
        label=_("Search"),
        help_text=_("Words in the name, acronym or description; typos in names are tolerated."),
    )
    category = django_filters.MultipleChoiceFilter(
        choices=Category.choices, label=_("Category"), distinct=False
    )
    region = django_filters.ChoiceFilter(
        choices=Region.choices, method="filter_region", label=_("Region")
    )
    country = django_filters.MultipleChoiceFilter(
        choices=country_choices, label=_("Country"), distinct=False
    )
    theme = AnyOfFilter(field_name="themes", choices=Theme.choices, label=_("Theme"))
    relation = AnyOfFilter(
        field_name="relations",
        choices=Relation.choices,
        label=_("Relation to the Alliance"),
        help_text=_("Any of the chosen relations: partner, development partner, collaborating."),
    )
    action_group = django_filters.CharFilter(
        method="filter_action_group",
        label=_("Action Group"),
        help_text=_("The slug of an Action Group the partner currently belongs to."),
    )
    gcg_seat_holder = django_filters.BooleanFilter(
        method="filter_gcg_seat_holder",
        label=_("GCG seat holder"),
        help_text=_("Partners that hold (true) or do not hold (false) a GCG seat today."),
    )
    status = django_filters.MultipleChoiceFilter(
        choices=PartnerStatus.choices, label=_("Status"), distinct=False
    )
    joined_after = django_filters.DateFilter(
        field_name="joined_on", lookup_expr="gte", label=_("Joined on or after")
    )
    joined_before = django_filters.DateFilter(
        field_name="joined_on", lookup_expr="lt", label=_("Joined before")
    )
    ordering = PartnerOrderingFilter(
        fields=(("name", "name"), ("joined_on", "joined"), ("country", "country")),
        field_labels={"name": _("Name"), "joined_on": _("Newest joined"), "country": _("Country")},
        label=_("Sort by"),
    )

    class Meta:
        model = Partner
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._searches: dict[str, PartnerSearch | None] = {}

    def search(self, value: str) -> PartnerSearch | None:
        """The search for `value`, read once per filterset: the directory's facets, total and
        page each filter by it, and reading a search costs a query (its corrections)."""
        if value not in self._searches:
            self._searches[value] = PartnerSearch.of(value)
        return self._searches[value]

    def filter_q(self, queryset, name, value):
        search = self.search(value)
        return queryset if search is None else search.ranked(queryset)

    def filter_region(self, queryset, name, value):
        return queryset.in_region(value)

    def filter_action_group(self, queryset, name, value):
        return queryset.filter(in_action_group(value))

    def filter_gcg_seat_holder(self, queryset, name, value):
        holds = holding_a_seat()
        return queryset.filter(holds if value else ~holds)


class PartnerIdentifierFilterSet(BaseFilterSet):
    partner = django_filters.CharFilter(field_name="partner__slug", label=_("Partner (slug)"))

    class Meta:
        model = PartnerIdentifier
        fields = ["scheme", "identifier"]


class PartnershipApplicationFilterSet(BaseFilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=ApplicationStatus.choices, label=_("Status"), distinct=False
    )
    category = django_filters.MultipleChoiceFilter(
        choices=Category.choices, label=_("Category"), distinct=False
    )

    class Meta:
        model = PartnershipApplication
        fields = ["country"]
