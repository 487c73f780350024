"""A reusable test base for FilterSets, in the spirit of NetBox's BaseFilterSetTests.

A FilterSet's tests are a subclass with a few lines of data::

    class TestEventFilters(FilterSetTests):
        filterset = EventFilterSet
        factory = EventFactory
        api_url = "/api/v1/events/"
        filters = {
            "kind": ("global_conference", {"kind": "global_conference"}),
            "year": ("2021", {"start_date": datetime.date(2021, 5, 1)}),
        }

Each subclass then checks: every filter it declares has a case; each case keeps the record
made to match (kwargs for the factory, or a callable returning them or the record) and leaves
out a record the factory makes by default; and a bad value of each choice, date, date-time or
number filter makes the form invalid, naming the filter, and is a 400 from the API.
"""

from urllib.parse import urlencode

import django_filters
import pytest
from django import forms
from django.db import models
from django.http import QueryDict

# A value no filter of that form field accepts.
BAD_VALUES = (
    (forms.ChoiceField, "not-a-choice"),  # MultipleChoiceField is a ChoiceField
    (forms.DateTimeField, "yesterday"),
    (forms.DateField, "2020-13-45"),
    (forms.DecimalField, "many"),
)


def bad_value(filter_) -> str | None:
    for field_class, value in BAD_VALUES:
        if issubclass(filter_.field_class, field_class):
            return value
    return None


def query(data: dict) -> QueryDict:
    """Data as a request brings it, so that multiple-choice filters get lists."""
    return QueryDict(urlencode(data, doseq=True))


@pytest.mark.django_db
class FilterSetTests:
    """Subclass with `filterset`, `factory` and `filters`; `api_url` for the API's answer."""

    filterset: type[django_filters.FilterSet]
    factory = None
    # Keyword arguments for every record the tests make.
    defaults: dict = {}
    # {filter name: (value, kwargs for a record that matches, or a callable returning them or
    # the record itself)}
    filters: dict = {}
    # {filter name: a bad value}, beside those found from the form field of each filter.
    invalid: dict = {}
    # Filters with no narrowing case here: the API's tests cover as_of and updated_since.
    exempt: tuple = ("as_of", "updated_since")
    # The API list that uses this FilterSet, to check that a bad value is a 400 there.
    api_url: str | None = None

    # ------------------------------------------------------------------ helpers

    @property
    def model(self):
        return self.filterset._meta.model

    def make(self, **kwargs):
        return self.factory(**{**self.defaults, **kwargs})

    def queryset(self):
        return self.model._default_manager.all()

    def filtered(self, data: dict):
        filterset = self.filterset(query(data), queryset=self.queryset())
        assert filterset.is_valid(), filterset.errors
        return set(filterset.qs.values_list("pk", flat=True))

    @classmethod
    def invalid_cases(cls) -> dict:
        cases = {
            name: bad_value(filter_)
            for name, filter_ in cls.filterset.base_filters.items()
            if bad_value(filter_) is not None
        }
        return {**cases, **cls.invalid}

    @classmethod
    def needs_a_case(cls, name, filter_) -> bool:
        return not (
            name in cls.exempt
            or isinstance(filter_, django_filters.OrderingFilter)
            or filter_.method == "filter_search"  # the generic ?q= of every list
        )

    def pytest_generate_tests(self, metafunc):
        for fixture, cases in (
            ("filter_case", list(metafunc.cls.filters.items())),
            ("invalid_case", list(metafunc.cls.invalid_cases().items())),
        ):
            if fixture not in metafunc.fixturenames:
                continue
            if not cases:
                metafunc.parametrize(fixture, [pytest.param(None, marks=pytest.mark.skip)])
            else:
                metafunc.parametrize(fixture, cases, ids=[name for name, _ in cases])

    # ------------------------------------------------------------------ tests

    def test_every_declared_filter_has_a_case(self):
        declared = {
            name
            for name, filter_ in self.filterset.base_filters.items()
            if self.needs_a_case(name, filter_)
        }

        assert declared - set(self.filters) == set()
        assert set(self.filters) - set(self.filterset.base_filters) == set()

    def test_the_filter_keeps_the_matching_records_only(self, filter_case):
        name, (value, match) = filter_case
        made = match() if callable(match) else match
        wanted = made if isinstance(made, models.Model) else self.make(**made)
        other = self.make()

        found = self.filtered({name: value})

        assert wanted.pk in found
        assert other.pk not in found

    def test_a_bad_value_is_an_invalid_form_and_a_400(self, client, invalid_case):
        name, value = invalid_case
        filterset = self.filterset(query({name: value}), queryset=self.queryset())

        assert not filterset.is_valid()
        assert name in filterset.errors
        if self.api_url:
            response = client.get(self.api_url, {name: value})
            assert response.status_code == 400, response.content
            assert name in response.json()["errors"]
