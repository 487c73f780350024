"""Exact counts of page-number lists, cached until a table they read changes.

COUNT(*) of a large list costs more than the whole rest of a page, and integrators page through
the same list many times. The count is kept under its SQL and the
data version of the tables that SQL reads: the newest history event of each (pghistory records
every insert, update and delete, bulk and raw writes included, through database triggers).
"""

import hashlib
from functools import cache as memoize

from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.functional import cached_property
from pghistory.core import event_models

from core.caching import newest_event_ids

# Two writes that commit out of order (the later event id first) could leave a count one write
# behind; the timeout bounds how long that can last.
COUNT_TIMEOUT = 60


@memoize
def _history_tables() -> dict[str, set[str]]:
    """Each tracked table (quoted as in SQL), with the tables of its history events."""
    tables = {}
    for event in event_models():
        tracked = f'"{event.pgh_tracked_model._meta.db_table}"'
        tables.setdefault(tracked, set()).add(event._meta.db_table)
    return tables


@memoize
def _untracked_tables() -> list[str]:
    """Tables without history (users, tokens, the history itself), quoted as in SQL."""
    tracked = _history_tables()
    every = {f'"{model._meta.db_table}"' for model in apps.get_models(include_auto_created=True)}
    return sorted(every - tracked.keys())


def data_version(sql: str, using: str) -> tuple | None:
    """The newest history event of each table `sql` reads; None if one of them is untracked."""
    if any(table in sql for table in _untracked_tables()):
        return None
    tables = sorted(
        set().union(*(events for table, events in _history_tables().items() if table in sql))
    )
    if not tables:
        return None
    return newest_event_ids(tables, using)


def cached_count(queryset) -> int:
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return 0
    version = data_version(sql, queryset.db)
    if version is None:
        return queryset.count()
    # Today's date too: "current" records change with it even when no row does.
    key = repr((sql, params, queryset.db, version, timezone.localdate().isoformat()))
    key = "api-count:" + hashlib.sha256(key.encode()).hexdigest()
    count = cache.get(key)
    if count is None:
        count = queryset.count()
        cache.set(key, count, COUNT_TIMEOUT)
    return count


class CachedCountPaginator(Paginator):
    """Every list is counted, its first page too, so a request costs the same number of queries
    however many rows it finds (the benchmark holds the API to that), but rarely counted twice.
    """

    @cached_property
    def count(self):
        if not hasattr(self.object_list, "query"):
            return super().count
        return cached_count(self.object_list)
