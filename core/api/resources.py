"""Where each model's records live in the API, from its `_meta` and one naming rule.

A model's resource is routed as `api:<model_name>-list` and `api:<model_name>-detail` (each
app's api/urls.py registers its viewsets with `basename=<model_name>`), as NetBox's
`get_viewname` does. Nothing here reads a router, so this rung imports no app.

A record's address is its list's address, its lookup value and a slash: the route DRF's routers
give every detail. The list's path is reversed once per resource; a record's URL is then built
without reverse(), which costs more than the rest of a row's serialising.
"""

from dataclasses import dataclass
from functools import cache
from urllib.parse import quote

from django.apps import apps
from django.db import models
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, resolve, reverse
from django_countries.fields import Country


@dataclass(frozen=True)
class Resource:
    prefix: str  # the URL segment of the resource, such as "seat-terms"
    model: type[models.Model]
    lookup_field: str  # the viewset's: "pk", "slug" or "country"
    list_path: str  # the list's path, such as "/api/v1/seat-terms/"

    def lookup_value(self, obj) -> str:
        value = getattr(obj, self.lookup_field)
        return value.code if isinstance(value, Country) else str(value)

    def path_for(self, value: str) -> str:
        # Pathfinder URLs carry the ISO code in lower case, like the pages.
        if self.lookup_field == "country":
            value = value.lower()
        return f"{self.list_path}{quote(value, safe='')}/"

    def detail_url(self, obj, request=None) -> str:
        path = self.path_for(self.lookup_value(obj))
        return request.build_absolute_uri(path) if request is not None else path


def view_name(model: type[models.Model], action: str) -> str:
    """The URL name of `model`'s resource for `action` ("list" or "detail")."""
    return f"api:{model._meta.model_name}-{action}"


@cache
def _resource(model: type[models.Model], script_prefix: str, urlconf) -> Resource | None:
    # The script prefix and URLconf are part of the cache key: reverse() depends on them.
    try:
        listing = reverse(view_name(model, "list"), urlconf=urlconf)
    except NoReverseMatch:
        return None
    # The list's view is the resource's viewset, which names the lookup.
    viewset = resolve("/" + listing.removeprefix(script_prefix), urlconf=urlconf).func.cls
    prefix = listing.rstrip("/").rpartition("/")[2]
    return Resource(prefix, model, viewset.lookup_field, listing)


def resource_for(model: type[models.Model]) -> Resource | None:
    """The API resource showing `model`'s records, or None when the API has none."""
    return _resource(model._meta.concrete_model, get_script_prefix(), get_urlconf())


def resources() -> dict[type[models.Model], Resource]:
    """Every model the API shows, with its resource."""
    found = {}
    for model in apps.get_models():
        resource = resource_for(model)
        if resource is not None:
            found[model] = resource
    return found
