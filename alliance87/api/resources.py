"""Which API resource shows each model: its URL name and how an object is looked up in the URL."""

from dataclasses import dataclass
from functools import cache
from urllib.parse import quote

from django.db import models
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import RFC3986_SUBDELIMS
from django_countries.fields import Country


@cache
def _path_around(prefix: str, country: bool, script_prefix: str, urlconf) -> tuple[str, str]:
    """What comes before and after the lookup value in a detail path.

    reverse() for each of 50 rows was a tenth of a list's time; one reverse per resource with
    a sample value that its lookup pattern accepts (ids and slugs take digits, ISO codes two
    letters) gives the rest. The script prefix and URLconf are part of the cache key.
    """
    sample = "zz" if country else "8787878787"
    path = reverse(f"api:{prefix}-detail", args=[sample], urlconf=urlconf)
    head, _sample, tail = path.rpartition(sample)
    return head, tail


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
        country = self.lookup_field == "country"
        if country:
            value = value.lower()
        head, tail = _path_around(self.prefix, country, get_script_prefix(), get_urlconf())
        # Quoted as reverse() quotes.
        return head + quote(value, safe=RFC3986_SUBDELIMS + "/~:@") + tail

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
