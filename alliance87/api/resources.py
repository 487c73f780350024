"""Which API resource shows each model: its URL name and how an object is looked up in the URL."""

from collections.abc import Callable
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

    def _around(self) -> tuple[str, str]:
        country = self.lookup_field == "country"
        return _path_around(self.prefix, country, get_script_prefix(), get_urlconf())

    def _quoted(self, value: str) -> str:
        if self.lookup_field == "country":
            value = value.lower()
        # Quoted as reverse() quotes.
        return quote(value, safe=RFC3986_SUBDELIMS + "/~:@")

    def path_for(self, value: str) -> str:
        head, tail = self._around()
        return head + self._quoted(value) + tail

    def detail_url(self, obj, request=None) -> str:
        path = self.path_for(self.lookup_value(obj))
        return request.build_absolute_uri(path) if request is not None else path

    def detail_urls(self, request=None) -> Callable[[models.Model], str]:
        """detail_url() for the many records of one request, its address worked out once.

        Per row, looking up the script prefix and URLconf and building an absolute URI was a
        seventh of a list's serialising. build_absolute_uri() puts the same scheme and host
        before every path and leaves a quoted value as it is, except for "." and ".." segments,
        which it resolves: a value with a dot (no slug, id or ISO code has one) takes the long
        way.
        """
        head, tail = self._around()
        if request is not None:
            head = request.build_absolute_uri(head)

        def url(obj) -> str:
            quoted = self._quoted(self.lookup_value(obj))
            if request is not None and "." in quoted:
                return self.detail_url(obj, request)
            return head + quoted + tail

        return url


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
