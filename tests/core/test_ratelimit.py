"""RateLimit headers from the throttles' own count, Retry-After on a 429, and deprecations."""

import datetime

import pytest
from django.urls import path
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient, APIRequestFactory

from core.testing.api import token_client
from partners.api.views import PartnerViewSet
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

PARTNERS = "/api/v1/partners/"


@pytest.fixture
def rates(settings):
    def set_rates(anon="5/min", token="50/min", applications="2/hour"):
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {"anon": anon, "token": token, "applications": applications},
        }

    set_rates()
    return set_rates


def limits(response) -> tuple[int, int, int]:
    return tuple(int(response[f"RateLimit-{name}"]) for name in ("Limit", "Remaining", "Reset"))


def test_every_api_answer_says_the_limit_and_what_remains(rates):
    client = APIClient()
    answers = [client.get(PARTNERS) for _ in range(3)]
    assert [limits(r)[:2] for r in answers] == [(5, 4), (5, 3), (5, 2)]
    assert all(0 < limits(r)[2] <= 60 for r in answers)
    assert answers[0]["RateLimit-Policy"] == "5;w=60"


def test_a_throttled_request_gets_429_with_the_headers_and_retry_after(rates):
    client = APIClient()
    for _ in range(5):
        assert client.get(PARTNERS).status_code == 200
    response = client.get(PARTNERS)
    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    limit, remaining, reset = limits(response)
    assert (limit, remaining) == (5, 0)
    assert 0 < reset <= 60
    assert 0 < int(response["Retry-After"]) <= 60


def test_anonymous_callers_and_token_holders_each_see_their_own_limit(rates):
    anonymous = APIClient()
    anonymous.get(PARTNERS)
    holder = token_client()
    assert limits(holder.get(PARTNERS))[:2] == (50, 49)
    assert limits(holder.get(PARTNERS))[:2] == (50, 48)
    # The token holder's requests are not counted against the address's anonymous limit.
    assert limits(anonymous.get(PARTNERS))[:2] == (5, 3)


def test_an_application_shows_the_tighter_of_its_limits_and_lists_both(rates):
    response = APIClient().post("/api/v1/applications/", {}, format="json")
    assert limits(response)[:2] == (2, 1)
    assert response["RateLimit-Policy"] == "5;w=60, 2;w=3600"


@pytest.mark.parametrize(
    "address", ["/api/v1/", "/api/v1/changes/?since=2020-01-01T00:00:00Z", "/api/v1/popolo/"]
)
def test_views_besides_the_resources_carry_the_headers_too(rates, address):
    response = APIClient().get(address)
    assert response.status_code == 200
    assert limits(response)[:2] == (5, 4)


def test_a_not_modified_answer_keeps_the_headers(rates):
    client = APIClient()
    etag = client.get(PARTNERS)["ETag"]
    response = client.get(PARTNERS, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert limits(response)[:2] == (5, 3)


def test_pages_carry_no_ratelimit_headers(client):
    response = client.get("/partners/")
    assert response.status_code == 200
    assert "RateLimit-Limit" not in response


class DeprecatedPartners(PartnerViewSet):
    deprecation = {
        "date": datetime.date(2026, 1, 1),
        "sunset": datetime.date(2027, 1, 1),
        "link": "https://example.org/README#api-versioning-and-deprecation",
    }


def test_a_deprecated_resource_says_so_with_deprecation_sunset_and_link():
    PartnerFactory.create_batch(2)
    view = DeprecatedPartners.as_view({"get": "list"})
    response = view(APIRequestFactory().get(PARTNERS, {"page_size": 1}))
    assert response.status_code == 200
    assert response["Deprecation"] == "@1767225600"
    assert response["Sunset"] == "Fri, 01 Jan 2027 00:00:00 GMT"
    links = response["Link"]
    # The pagination's link stays beside the deprecation's.
    assert 'rel="next"' in links
    assert '<https://example.org/README#api-versioning-and-deprecation>; rel="deprecation"' in links


def test_no_resource_of_today_is_deprecated():
    response = APIClient().get(PARTNERS)
    assert "Deprecation" not in response and "Sunset" not in response
    schema = APIClient().get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    operations = [op for path in schema.json()["paths"].values() for op in path.values()]
    assert not [op["operationId"] for op in operations if op.get("deprecated")]


def test_the_schema_marks_a_deprecated_view_deprecated():
    patterns = [path("api/v1/old/", DeprecatedPartners.as_view({"get": "list"}))]
    schema = SchemaGenerator(patterns=patterns).get_schema(request=None, public=True)
    assert schema["paths"]["/api/v1/old/"]["get"]["deprecated"] is True
