"""Malformed input of any kind, on every write operation of the API: never a 5xx, and every
refusal in the API's error shape."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from core.models import ApiToken

ERROR_KEYS = {"status", "code", "detail", "errors"}
BAD_TEXT = {"lone surrogate": "\\ud800", "NUL": "\\u0000"}


# Over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB).
HUGE = '{"name": "' + "x" * 3_000_000 + '"}'


def _deep(levels: int) -> str:
    return '{"name": ' + "[" * levels + "]" * levels + "}"


BODIES = {
    "nested 1,000 deep": _deep(1000),
    "nested 30 deep": _deep(30),
    "not JSON": "{name: 'x'",
    "a list": "[1, 2, 3]",
    "a number out of range": '{"value": 1e400, "name": "x"}',
    "overlong": '{"name": "' + "x" * 200_000 + '", "title": "' + "x" * 200_000 + '"}',
    **{
        f"{what} in {field}": json.dumps({field: "TEXT"}).replace('"TEXT"', f'"{text}"')
        for what, text in BAD_TEXT.items()
        for field in ("name", "category", "themes", "country", "organisation_name", "partner")
    },
    "a lone surrogate in a key": '{"\\ud800": 1}',
    "lone surrogates in a list": '{"themes": ["\\udfff"]}',
}


def write_operations():
    """(method, path template) of every write the schema documents."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return sorted(
        (method.upper(), path)
        for path, item in schema["paths"].items()
        for method in item
        if method in {"post", "put", "patch"}
    )


@pytest.fixture
def superuser_client(db):
    call_command("load_alliance87", verbosity=0)
    user = get_user_model().objects.create_superuser("root-token-holder", password=None)
    token = ApiToken(name="malformed input", user=user)
    key = token.set_new_key()
    token.save()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def concrete(client, path: str) -> str:
    """`path` with a real record in each placeholder: the API's own list gives one."""
    list_path = re.sub(r"\{[^}]+\}/.*$", "", path)
    records = client.get(list_path).json().get("results") or [{"id": 1}]
    lookup = re.search(r"\{([^}]+)\}", path).group(1)
    value = records[0].get(lookup) or records[0]["id"]
    return re.sub(r"\{[^}]+\}", str(value).lower() if lookup == "country" else str(value), path)


@pytest.mark.django_db
def test_every_write_operation_answers_malformed_bodies_with_a_4xx_in_the_error_shape(
    superuser_client,
):
    failures = []
    for method, template in write_operations():
        path = concrete(superuser_client, template) if "{" in template else template
        cases = [(name, body, "application/json") for name, body in BODIES.items()]
        if method == "POST":
            cases.append(("huge", HUGE, "application/json"))
        cases += [
            ("text/plain", "name=x", "text/plain"),
            ("XML", "<partner><name>x</name></partner>", "application/xml"),
        ]
        for name, body, content_type in cases:
            response = superuser_client.generic(method, path, body, content_type=content_type)
            shaped = (
                response.get("Content-Type", "").startswith("application/json")
                and set(response.json()) == ERROR_KEYS
            )
            # A field the resource does not have is ignored, as DRF does: a 2xx is fine then.
            if response.status_code >= 500 or (response.status_code >= 400 and not shaped):
                failures.append((method, path, name, response.status_code))
    assert failures == [], "\n".join(map(str, failures))


@pytest.mark.django_db
def test_an_anonymous_application_with_a_lone_surrogate_is_a_400():
    body = '{"organisation_name": "Org", "category": "\\ud800", "contact_name": "A",'
    body += ' "contact_email": "a@example.org", "motivation": "m", "commitment_accepted": true}'

    response = APIClient().post("/api/v1/applications/", body, content_type="application/json")

    assert response.status_code == 400
    assert "lone surrogate" in response.json()["detail"]
