"""CORS: any site's scripts may read the API anonymously; nothing else is offered cross-origin."""

import pytest

from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

ORIGIN = "https://integrator.example"


def preflight(client, path: str, method: str, headers: str = ""):
    extra = {"HTTP_ACCESS_CONTROL_REQUEST_HEADERS": headers} if headers else {}
    return client.options(
        path, HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD=method, **extra
    )


def test_an_api_read_from_another_origin_is_allowed_to_anyone(client):
    PartnerFactory()
    response = client.get("/api/v1/partners/", HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_the_headers_integrators_need_are_exposed(client):
    response = client.get("/api/v1/partners/", HTTP_ORIGIN=ORIGIN)
    exposed = {
        name.strip().lower() for name in response["Access-Control-Expose-Headers"].split(",")
    }
    assert {
        "etag",
        "link",
        "ratelimit-limit",
        "ratelimit-remaining",
        "ratelimit-reset",
        "retry-after",
        "deprecation",
        "sunset",
    } <= exposed


def test_a_preflight_for_a_read_is_answered_with_the_read_methods_only(client):
    response = preflight(client, "/api/v1/partners/", "GET")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    methods = {m.strip() for m in response["Access-Control-Allow-Methods"].split(",")}
    assert methods == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("method", ["POST", "PATCH", "PUT", "DELETE"])
def test_a_preflight_for_a_write_gets_no_allow_for_that_method(client, method):
    response = preflight(client, "/api/v1/partners/", method)
    allowed = {m.strip() for m in response.get("Access-Control-Allow-Methods", "").split(",")}
    assert method not in allowed


def test_a_preflight_never_allows_a_token_or_cookies_cross_origin(client):
    response = preflight(client, "/api/v1/partners/", "GET", headers="authorization")
    allowed = {h.strip() for h in response["Access-Control-Allow-Headers"].split(",")}
    assert "authorization" not in allowed
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.parametrize("path", ["/", "/partners/", "/fr/", "/admin/login/"])
def test_pages_and_the_admin_get_no_cors_headers(client, path):
    response = client.get(path, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert not [name for name in response.headers if name.lower().startswith("access-control-")]
    preflighted = preflight(client, path, "GET")
    assert not [name for name in preflighted.headers if name.lower().startswith("access-control-")]
