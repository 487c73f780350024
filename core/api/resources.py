"""Where each model's records live in the API, from its `_meta` and one naming rule.

A model's resource is routed as `api:<model_name>-list` and `api:<model_name>-detail` (each
app's api/urls.py registers its viewsets with `basename=<model_name>`), as NetBox's
`get_viewname` does. Nothing here reads a router, so this rung imports no app.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from urllib.parse import quote

from django.apps import apps
from django.db import models
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, resolve, reverse
from django.utils.http import RFC3986_SUBDELIMS
from django_countries.fields import Country

# Values that a detail route's lookup pattern accepts: ids and slugs take digits, ISO codes two
# letters. The one that reverses tells both the path around the value and the lookup's name.
_SAMPLES = ("8787878787", "zz")


@dataclass(frozen=True)
class Resource:
    prefix: str  # the URL segment of the resource, such as "seat-terms"
    model: type[models.Model]
    lookup_field: str  # "pk", "slug" or "country"
    head: str  # the detail path before the lookup value
    tail: str  # and after it

    def lookup_value(self, obj) -> str:
        value = getattr(obj, self.lookup_field)
        # Pathfinder URLs carry the ISO code in lower case, like the pages.
        return value.code.lower() if isinstance(value, Country) else str(value)

    def _quoted(self, value: str) -> str:
        if self.lookup_field == "country":
            value = value.lower()
        # Quoted as reverse() quotes.
        return quote(value, safe=RFC3986_SUBDELIMS + "/~:@")

    def path_for(self, value: str) -> str:
        return self.head + self._quoted(value) + self.tail

    def detail_url(self, obj, request=None) -> str:
        path = self.path_for(self.lookup_value(obj))
        return request.build_absolute_uri(path) if request is not None else path

    def detail_urls(self, request=None) -> Callable[[models.Model], str]:
        """detail_url() for the many records of one request, the absolute head built once.

        build_absolute_uri() leaves a quoted value as it is except for "." and ".." segments,
        which it resolves: a value with a dot takes the long way.
        """
        head = request.build_absolute_uri(self.head) if request is not None else self.head

        def url(obj) -> str:
            quoted = self._quoted(self.lookup_value(obj))
            if request is not None and "." in quoted:
                return self.detail_url(obj, request)
            return head + quoted + self.tail

        return url


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
    for sample in _SAMPLES:
        try:
            path = reverse(view_name(model, "detail"), args=[sample], urlconf=urlconf)
        except NoReverseMatch:
            continue
        (lookup_field,) = resolve(path, urlconf=urlconf).kwargs
        head, _sample, tail = path.rpartition(sample)
        prefix = listing.rstrip("/").rpartition("/")[2]
        return Resource(prefix, model, lookup_field, head, tail)
    return None


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
