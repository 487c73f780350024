"""Counting the SQL queries of a page, for the tests that keep each page's count fixed."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url) -> int:
    """The queries of a second GET of `url`; the first warms up per-process caches."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)
