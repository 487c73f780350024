"""FilterSet bases shared by the HTML lists and the API: incremental sync and "as of" dates."""

import datetime

import django_filters
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .translation import columns


class UtcIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    """An ISO 8601 date and time, compared in UTC: PostgreSQL refuses offsets beyond ±15:59."""

    def filter(self, qs, value):
        if value is not None:
            try:
                value = value.astimezone(datetime.UTC)
            except OverflowError:
                return qs.none()
        return super().filter(qs, value)


class AnyOfFilter(django_filters.MultipleChoiceFilter):
    """Records whose array field holds any of the chosen values: one overlap (&&), which the
    field's GIN index serves."""

    def filter(self, qs, value):
        return qs.filter(**{f"{self.field_name}__overlap": list(value)}) if value else qs


class BaseFilterSet(django_filters.FilterSet):
    """Every list can be synced incrementally: `?updated_since=<ISO datetime>`."""

    updated_since = UtcIsoDateTimeFilter(
        field_name="updated",
        lookup_expr="gte",
        label=_("Updated since"),
        help_text=_("Only records changed at or after this ISO 8601 date and time."),
    )

    # Every list answers `?q=` and `?ordering=`; a subclass that declares its own keeps it.
    @classmethod
    def get_filters(cls):
        filters = super().get_filters()
        model = cls._meta.model
        if model is None:
            return filters
        if "q" not in filters:
            filters["q"] = django_filters.CharFilter(
                method="filter_search",
                label=_("Search"),
                help_text=_("Words in the record's text or in the name of what it refers to."),
            )
        if "ordering" not in filters:
            filters["ordering"] = StableOrderingFilter(
                fields=sortable_fields(model),
                label=_("Sort by"),
                help_text=_("A field to sort by; prefix it with - for descending order."),
            )
        return filters

    def filter_search(self, queryset, name, value):
        fields = search_fields(queryset.model)
        if not value.strip() or not fields:
            return queryset
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": value.strip()})
        return queryset.filter(condition)


class DatedFilterSet(BaseFilterSet):
    """Lists of dated records answer "as of" questions: `?as_of=YYYY-MM-DD`."""

    as_of = django_filters.DateFilter(
        method="filter_as_of",
        label=_("As of"),
        help_text=_("Only records current on this date (YYYY-MM-DD)."),
    )

    def filter_as_of(self, queryset, name, value):
        return queryset.current(on=value)


# ---------------------------------------------------------------- the fields `q` and `ordering` use

SEARCHABLE = (models.CharField, models.TextField)
SORTABLE = (
    models.CharField,
    models.DateField,
    models.DateTimeField,
    models.IntegerField,
    models.BigAutoField,
    models.AutoField,
)


def search_fields(model) -> list[str]:
    """Free text of a record: its own text fields (every language's) and the name or title of
    what it points to."""
    names = [
        f.name
        for f in model._meta.fields
        if isinstance(f, SEARCHABLE) and not f.choices and not f.name.startswith("pgh_")
    ]
    for field in model._meta.fields:
        if field.is_relation and field.related_model is not None:
            related = {f.name for f in field.related_model._meta.fields}
            # In every language: a seat term is found by its partner's French name too.
            names += [
                f"{field.name}__{column_name}"
                for n in ("name", "title")
                for column_name in columns(n)
                if column_name in related
            ]
    return names


def sortable_fields(model) -> list[str]:
    return [
        f.name
        for f in model._meta.fields
        if isinstance(f, SORTABLE) and not f.is_relation and f.name != "key_hash"
    ]


class StableOrderingFilter(django_filters.OrderingFilter):
    """Sorting with the id as the last key, so equal values never swap between pages."""

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        return qs.order_by(*qs.query.order_by, "pk") if value else qs


def validate_country_code(value: str) -> None:
    """A two-letter ISO 3166 code, in either case."""
    if value.upper() not in dict(countries):
        raise ValidationError(
            _("“%(value)s” is not an ISO 3166 country code."), params={"value": value}
        )


class CountryCodeFilter(django_filters.CharFilter):
    """An ISO 3166 code in either case, matched against `field_name` (a country field)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [validate_country_code])
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        return super().filter(qs, value.upper() if value else value)
