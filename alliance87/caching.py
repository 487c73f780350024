"""Versions of the data behind cached results, so that a cache entry dies with its data."""

from django.apps import apps
from django.db import connection
from django.utils import timezone

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
