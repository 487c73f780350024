"""FilterSet bases shared by the HTML lists and the API: incremental sync and "as of" dates."""

import django_filters
from django.utils.translation import gettext_lazy as _


class BaseFilterSet(django_filters.FilterSet):
    """Every list can be synced incrementally: `?updated_since=<ISO datetime>`."""

    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated",
        lookup_expr="gte",
        label=_("Updated since"),
        help_text=_("Only records changed at or after this ISO 8601 date and time."),
    )


class DatedFilterSet(BaseFilterSet):
    """Lists of dated records answer "as of" questions: `?as_of=YYYY-MM-DD`."""

    as_of = django_filters.DateFilter(
        method="filter_as_of",
        label=_("As of"),
        help_text=_("Only records current on this date (YYYY-MM-DD)."),
    )

    def filter_as_of(self, queryset, name, value):
        return queryset.current(on=value)
