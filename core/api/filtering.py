"""The API's filter backend: django-filter's, without the work that cannot change the answer."""

from django.utils.translation import get_language
from django_filters.filters import QuerySetRequestMixin
from django_filters.rest_framework import DjangoFilterBackend

# The form class of each filter set and language, built from its filters the first time.
_form_classes: dict = {}


class RegistryFilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        # No filter named in the query (a record's address, a plain page of a list): every
        # filter would be empty, so the filter set (its forms, 250 countries) is not built.
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not any(
            name in filterset_class.base_filters for name in request.query_params
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)

    def get_filterset(self, request, queryset, view):
        # django-filter builds a new form class (a new field for each filter) for every request;
        # here it is built once per filter set and language. A filter whose choices depend on
        # the request (a callable queryset) keeps its own class.
        filterset = super().get_filterset(request, queryset, view)
        if filterset is None or any(
            isinstance(f, QuerySetRequestMixin) and callable(f.queryset)
            for f in filterset.filters.values()
        ):
            return filterset
        key = (type(filterset), get_language())
        if key not in _form_classes:
            _form_classes[key] = filterset.get_form_class()
        # What FilterSet.form would build, from the shared class.
        filterset._form = _form_classes[key](filterset.data, prefix=filterset.form_prefix)
        return filterset
