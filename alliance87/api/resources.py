"""Which API resource shows each model: its URL name and how an object is looked up in the URL."""

from dataclasses import dataclass
from functools import cache

from django.db import models
from django.urls import reverse
from django_countries.fields import Country


@dataclass(frozen=True)
class Resource:
    prefix: str  # the URL segment and router basename, such as "seat-terms"
    model: type[models.Model]
    lookup_field: str

    def lookup_value(self, obj) -> str:
        value = getattr(obj, self.lookup_field)
        # Pathfinder URLs carry the ISO code in lower case, like the pages.
        return value.code.lower() if isinstance(value, Country) else str(value)

    def path_for(self, value: str) -> str:
        if self.lookup_field == "country":
            value = value.lower()
        return reverse(f"api:{self.prefix}-detail", args=[value])

    def detail_url(self, obj, request=None) -> str:
        path = self.path_for(self.lookup_value(obj))
        return request.build_absolute_uri(path) if request is not None else path


@cache
def resources() -> dict[type[models.Model], Resource]:
    # Imported late: the router is built from every app's api/urls.py.
    from .urls import router

    found = {}
    for prefix, viewset, _basename in router.registry:
        queryset = getattr(viewset, "queryset", None)
        if queryset is not None:
            found[queryset.model] = Resource(prefix, queryset.model, viewset.lookup_field)
    return found


def resource_for(model: type[models.Model]) -> Resource | None:
    return resources().get(model._meta.concrete_model)
