"""The OpenAPI schema is valid and complete, and its documentation is served from the project."""

import re

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
    assert "drf_spectacular_sidecar" in html or "/api/v1/redoc/redoc.standalone.js" in html
    assert "https://" not in html.replace("https://testserver", "")


def test_the_redoc_bundle_loads_no_logo_from_redoclys_cdn(client):
    response = client.get("/api/v1/redoc/")
    assert '<script src="/api/v1/redoc/redoc.standalone.js">' in response.content.decode()

    bundle = client.get("/api/v1/redoc/redoc.standalone.js")

    assert bundle.status_code == 200
    assert bundle["Content-Type"].startswith("text/javascript")
    script = bundle.content.decode()
    assert "Redoc" in script
    assert "cdn.redoc.ly" not in script
    # No src= of another host: the bundle's other addresses are links and schema ids, not loads.
    assert not re.search(r'src:"https?://', script)


def test_the_docs_settings_reference_no_external_host(settings):
    docs_settings = {
        name: value
        for name, value in settings.SPECTACULAR_SETTINGS.items()
        if name.startswith(("SWAGGER_UI", "REDOC"))
    }

    assert docs_settings["SWAGGER_UI_SETTINGS"]["validatorUrl"] is None
    assert "://" not in str(docs_settings)


def test_the_schema_says_which_convention_each_end_date_uses(schema):
    components = schema["components"]["schemas"]

    for name in ["SeatTerm", "OfficeTerm", "Membership", "WorkPlan", "RoadMap"]:
        end = components[name]["properties"]["end_date"]
        assert "The day after the last day (half-open)" in end["description"], name
        assert "(inclusive)" in components[name]["properties"]["start_date"]["description"]
    assert components["Event"]["properties"]["end_date"]["description"].startswith("The last day")
