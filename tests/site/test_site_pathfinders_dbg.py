import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.factories import PathfinderCountryFactory

@pytest.mark.django_db
def test_dbg(client):
    PathfinderCountryFactory(country="NP")
    client.get("/pathfinders/np/")
    with CaptureQueriesContext(connection) as c:
        client.get("/pathfinders/np/")
    for q in c.captured_queries:
        print(q["sql"][:200])
