"""The OpenAPI schema is valid and complete, and its documentation is served from the project."""

import pytest
from openapi_spec_validator import validate
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema():
    response = APIClient().get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def test_the_schema_is_valid_openapi_3(schema):
    validate(schema)
    assert schema["openapi"].startswith("3.")


def test_every_resource_and_operation_is_in_the_schema(schema):
    paths = schema["paths"]
    for resource in ("partners", "seat-terms", "office-terms", "road-maps", "annual-reports"):
        assert {"get", "post"} <= set(paths[f"/api/v1/{resource}/"])
    for operation in (
        "/api/v1/offices/rotate/",
        "/api/v1/applications/{id}/approve/",
        "/api/v1/applications/{id}/reject/",
        "/api/v1/pathfinders/{country}/advance/",
        "/api/v1/road-maps/{id}/adopt/",
    ):
        assert "post" in paths[operation]
    assert "/api/v1/changes/" in paths and "/api/v1/popolo/" in paths


def test_every_operation_describes_its_errors(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert "429" in codes, (method, path)
            anonymous = (method, path) == ("post", "/api/v1/applications/")
            if method in ("post", "put", "patch", "delete") and not anonymous:
                assert {"401", "403"} <= codes, (method, path)
            if method == "get" and "{" in path:
                assert "404" in codes, path


def test_list_parameters_are_described_with_their_enums(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/partners/"]["get"]["parameters"]}
    assert {"q", "category", "country", "updated_since", "ordering", "cursor", "format"} <= set(
        parameters
    )
    assert "workers" in parameters["category"]["schema"]["items"]["enum"]
    as_of = schema["paths"]["/api/v1/seat-terms/"]["get"]["parameters"]
    assert any(p["name"] == "as_of" for p in as_of)


@pytest.mark.parametrize("page", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_the_docs_are_served_without_a_cdn(client, page):
    response = client.get(page)
    assert response.status_code == 200
    html = response.content.decode()
    assert "drf_spectacular_sidecar" in html
    assert "https://" not in html.replace("https://testserver", "")
