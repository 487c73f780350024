"""Property-based tests generated from our own OpenAPI schema, in process, on the test database.

Schemathesis builds requests for every operation of /api/v1/schema/ (valid ones and, for the
parameters and bodies the schema constrains, invalid ones) and checks that none is a server
error and that every answer (status, content type, body) is one the schema describes. Writes
carry a superuser's token, so they reach validation rather than stopping at 401.
"""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from alliance87.wsgi import application
from core.testing.api import make_token

# Enough to reach every branch of validation of each operation; the run stays at a few minutes.
EXAMPLES = 10
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


# Loaded once, at collection: generating the schema needs no database. The coverage phase (every
# boundary value of every parameter) is off: it is unbounded, and max_examples bounds the rest.
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/schema/?format=json",
    application,
    config=schemathesis.Config.from_dict({"phases": {"coverage": {"enabled": False}}}),
)


CALLS: dict[str, int] = {}


@pytest.fixture(scope="module", autouse=True)
def _report_figures():
    yield
    # Shown with `pytest -s`: the figures of the run, for the closing note.
    print(f"SCHEMATHESIS operations={len(CALLS)} examples={sum(CALLS.values())}")


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    # As Django's test client does: the WSGI handler would otherwise close the connection that
    # holds the test transaction at the end of each request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(db):
    key, token = make_token(name="schemathesis")
    token.user.is_superuser = True
    token.user.save()
    return key


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_every_operation_answers_as_its_schema_says(case, token):
    key = f"{case.operation.method.upper()} {case.operation.path}"
    CALLS[key] = CALLS.get(key, 0) + 1
    case.call_and_validate(headers={"Authorization": f"Token {token}"}, checks=CHECKS)
