"""Versions of the data behind cached results, so that a cache entry dies with its data."""

from dataclasses import dataclass, replace
from functools import cache as cache_function
from functools import wraps
from hashlib import sha256

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from pghistory.core import event_models

# A bound on staleness in case two writes commit out of the order of their history ids.
CACHE_SECONDS = 10 * 60


def newest_event_ids(event_tables: list[str], using: str = DEFAULT_DB_ALIAS) -> tuple:
    """The newest history event id of each of `event_tables` (None for an empty one), in one query.

    pghistory records every insert, update and delete (bulk and raw ones too, by trigger) as an
    event with an increasing id, so the newest event ids change with the data. Each max() is a
    backward scan of a primary key: cheap whatever the size of the tables.
    """
    connection = connections[using]
    quote = connection.ops.quote_name
    columns = ", ".join(f"(SELECT max(pgh_id) FROM {quote(table)})" for table in event_tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}")
        return cursor.fetchone()


def _version(event_tables: list[str]) -> str:
    # The day is part of it because what is "current" (memberships, seat terms) changes with it.
    ids = newest_event_ids(event_tables)
    return ":".join([timezone.localdate().isoformat(), *(str(i or 0) for i in ids)])


def data_version(*models: str) -> str:
    """A string that changes whenever a row of one of `models` ("app.Model") is written."""
    return _version([apps.get_model(label).pgh_event_model._meta.db_table for label in models])


def site_data_version() -> str:
    """A string that changes whenever any row whose history is kept is written: what any public
    page may show."""
    return _version(_every_event_table())


@cache_function
def _every_event_table() -> list[str]:
    return sorted({event._meta.db_table for event in event_models()})


# Long enough to spare a reader's repeated visits, short enough that an edit shows soon.
PAGE_MAX_AGE = 60
# Stands for the CSP nonce in a shared copy of a page. PostgreSQL text cannot hold a NUL, so no
# content from the database can forge it.
NONCE_MARK = b"\x00csp-nonce\x00"


@dataclass(frozen=True)
class SharedPage:
    """A rendered page that every anonymous reader of the same address and language may get."""

    body: bytes
    headers: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, response) -> "SharedPage":
        return cls(response.content, tuple(response.items()))

    def response(self) -> HttpResponse:
        response = HttpResponse(self.body)
        for name, value in self.headers:
            response[name] = value
        return response


def _may_share(request) -> bool:
    """Only a plain GET by an anonymous reader with nothing personal pending (no session)."""
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and not request.user.is_authenticated
    )


def shared_key(request, *parts: str) -> str:
    """The cache key of the shared copy of what `request` asks for, in this data version.

    `parts`: whatever else the answer depends on (the API's format).
    """
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = sha256(address.encode()).hexdigest()
    return ":".join(
        [
            "shared",
            site_data_version(),
            translation.get_language(),
            timezone.get_current_timezone_name(),
            *parts,
            digest,
        ]
    )


def _share(request, response) -> SharedPage | None:
    """The shareable copy of `response`, or None if it holds anything of this request's own."""
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        # A CSRF token in a form is this visitor's own.
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    ):
        return None
    page = SharedPage.of(response)
    # Truthy only once the page has asked for its nonce (django-csp's lazy object).
    if request.csp_nonce:
        page = replace(page, body=page.body.replace(str(request.csp_nonce).encode(), NONCE_MARK))
    return page


def _from_shared(request, page: SharedPage) -> HttpResponse:
    if NONCE_MARK in page.body:
        page = replace(page, body=page.body.replace(NONCE_MARK, str(request.csp_nonce).encode()))
    return page.response()


def cacheable_when_anonymous(view):
    """Share one rendered copy of a public page among anonymous readers, and let browsers keep it.

    The server keeps the page in the cache (Redis when REDIS_URL is set) under a key holding the
    site's data version, so any write serves a fresh page at once. Each copy gets its own CSP
    nonce: the page is stored with NONCE_MARK in its place.

    The browser may keep it a minute: `private`, not `public`, because every response carries
    its own nonce, which a shared proxy would replay to everybody. Nothing is shared or said for
    signed-in users, error pages or responses that set a cookie, which must never be reused.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _may_share(request):
            return view(request, *args, **kwargs)
        key = shared_key(request)
        shared = cache.get(key)
        if shared is not None:
            response = _from_shared(request, shared)
        else:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            shared = _share(request, response)
            if shared is None:
                return response
            cache.set(key, shared, CACHE_SECONDS)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, max_age=PAGE_MAX_AGE)
            patch_vary_headers(response, ["Cookie", "Accept-Language"])
        return response

    return wrapped
