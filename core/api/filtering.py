"""The API's filter backend: django-filter's, without the work that cannot change the answer."""

from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions


class RegistryFilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        # No filter named in the query (a record's address, a plain page of a list): every
        # filter would be empty, so the filter set (its forms, 250 countries) is not built.
        filterset_class = self.get_filterset_class(view, queryset)
        # An unknown parameter is ignored, but `as_of` asks a question: a list that cannot
        # answer it for a date refuses it rather than answer for today.
        if "as_of" in request.query_params and (
            filterset_class is None or "as_of" not in filterset_class.base_filters
        ):
            raise exceptions.ValidationError(
                {
                    "as_of": [
                        _("This resource has no history to answer for a date; leave out as_of.")
                    ]
                }
            )
        if filterset_class is not None and not any(
            name in filterset_class.base_filters for name in request.query_params
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)
