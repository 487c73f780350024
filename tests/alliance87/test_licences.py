"""The licences: Apache-2.0 for the code, CC BY 4.0 for the data, stated everywhere data leaves."""

from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from rest_framework.test import APIClient

from core.licences import CODE_LICENCE, DATA_LICENCE, LICENSE_LINK
from core.middleware import DataLicenceLinkMiddleware
from tests.factories import PartnerFactory

ROOT = Path(__file__).resolve().parents[2]
LINK = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'


def test_the_code_licence_is_the_whole_apache_2_0_text():
    text = (ROOT / "LICENSE").read_text()

    assert text.strip().startswith("Apache License")
    assert "Version 2.0, January 2004" in text
    assert "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION" in text
    assert "9. Accepting Warranty or Additional Liability." in text
    assert "END OF TERMS AND CONDITIONS" in text
    assert CODE_LICENCE["id"] == "Apache-2.0"


def test_the_data_licence_notice_names_cc_by_4_0_and_the_readme_states_both():
    notice = (ROOT / "DATA-LICENSE.md").read_text()
    readme = (ROOT / "README.md").read_text()

    assert "Creative Commons Attribution 4.0 International" in notice
    assert DATA_LICENCE["url"] in notice
    assert "Apache License 2.0" in readme and "CC BY 4.0" in readme
    assert LICENSE_LINK == LINK


@pytest.mark.django_db
def test_the_openapi_schema_names_the_data_licence():
    schema = APIClient().get("/api/v1/schema/", {"format": "json"}).json()

    assert schema["info"]["license"] == {"name": "CC-BY-4.0", "url": DATA_LICENCE["url"]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Code under the"), ("fr", "Code sous"), ("es", "Código bajo la")],
)
def test_the_footer_links_both_licences_in_each_language(client, language, text):
    response = client.get(f"/{language}/" if language != "en" else "/")

    page = response.content.decode()
    assert response.status_code == 200
    assert text in page
    assert f'<a href="{CODE_LICENCE["url"]}" rel="license">' in page
    assert f'<a href="{DATA_LICENCE["url"]}" rel="license">CC BY 4.0</a>' in page


@pytest.mark.django_db
def test_the_directory_csv_export_names_the_data_licence_in_a_link_header(client):
    PartnerFactory()

    response = client.get(reverse("partners:partner_export"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Link"] == LINK
    assert b"".join(response.streaming_content).startswith(b"Name,")  # still plain CSV


@pytest.mark.django_db
def test_the_api_names_the_data_licence_in_json_and_in_csv():
    PartnerFactory()
    api = APIClient()

    as_json = api.get("/api/v1/partners/")
    as_csv = api.get("/api/v1/partners/", {"format": "csv"})

    assert as_json.status_code == 200
    assert LINK in as_json["Link"]
    assert as_csv["Content-Type"].startswith("text/csv")
    assert LINK in as_csv["Link"]


@pytest.mark.django_db
def test_the_popolo_export_carries_the_data_licence_in_its_meta():
    response = APIClient().get("/api/v1/popolo/")

    assert response.status_code == 200
    assert response.json()["meta"] == {
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "license_id": "CC-BY-4.0",
        "license_name": "Creative Commons Attribution 4.0 International",
        "attribution": "Alliance 8.7 partnership registry",
    }
    assert LINK in response["Link"]


@pytest.mark.django_db
def test_html_pages_carry_no_licence_link_header(client):
    response = client.get("/")

    assert "Link" not in response or LINK not in response["Link"]


def test_the_licence_link_is_added_beside_a_link_the_answer_has_already():
    def view(request):
        response = HttpResponse("a,b\n", content_type="text/csv")
        response["Link"] = '<https://example.org/next>; rel="next"'
        return response

    response = DataLicenceLinkMiddleware(view)(RequestFactory().get("/x.csv"))

    assert response["Link"] == f'<https://example.org/next>; rel="next", {LINK}'
