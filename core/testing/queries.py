"""Counting the SQL queries of a page, for the tests that keep each page's count flat."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url, data=None) -> int:
    """The queries of a GET of `url` rendered afresh.

    A first GET warms the per-process caches (content types, the world map); the shared page
    cache is then emptied, so the counted GET renders the page rather than reading its copy.
    """
    client.get(url, data)
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, data)
    assert response.status_code == 200, (url, response.status_code)
    return len(context.captured_queries)
