"""Versions of the data behind cached results, so that a cache entry dies with its data."""

from functools import wraps

from django.apps import apps
from django.db import connection
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

# A bound on staleness in case two writes commit out of the order of their history ids.
CACHE_SECONDS = 10 * 60


def data_version(*models: str) -> str:
    """A string that changes whenever a row of one of `models` ("app.Model") is written.

    pghistory records every insert, update and delete (bulk and raw ones too, by trigger) as an
    event with an increasing id, so the newest event ids change with the data. Each max() is a
    backward scan of a primary key: one cheap query whatever the size of the tables. The day is
    part of it because what is "current" (memberships, seat terms) changes with it.
    """
    tables = [apps.get_model(label).pgh_event_model._meta.db_table for label in models]
    quote = connection.ops.quote_name
    columns = ", ".join(f"(SELECT max(pgh_id) FROM {quote(table)})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}")
        ids = cursor.fetchone()
    return ":".join([timezone.localdate().isoformat(), *(str(i or 0) for i in ids)])


# Long enough to spare a reader's repeated visits, short enough that an edit shows soon.
PAGE_MAX_AGE = 60


def cacheable_when_anonymous(view):
    """Let a browser keep an anonymous visitor's copy of a public page for a minute.

    `private`, not `public`: every page carries its own CSP nonce, which a shared cache would
    replay to everybody. Nothing is said for signed-in users, error pages or responses that set
    a cookie (a CSRF token, a session), which must never be reused.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not request.user.is_authenticated
            and not response.cookies
            and not response.has_header("Cache-Control")
        ):
            patch_cache_control(response, private=True, max_age=PAGE_MAX_AGE)
            patch_vary_headers(response, ["Cookie", "Accept-Language"])
        return response

    return wrapped
