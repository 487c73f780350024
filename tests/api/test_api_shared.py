"""Anonymous API reads come from one shared copy that any write renews."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from core.testing.api import token_client
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/partners/"


def get(client, url, **extra):
    """(the response, whether its partners were read from the database)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    return response, any('FROM "partners_partner"' in q["sql"] for q in captured)


def test_a_repeated_anonymous_read_is_answered_from_the_shared_copy():
    PartnerFactory.create_batch(3)
    first, _ = get(APIClient(), LIST)
    again, read = get(APIClient(), LIST)

    assert again.status_code == 200
    assert not read
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Last-Modified"] == first["Last-Modified"]
    assert again["Content-Type"] == first["Content-Type"]


def test_a_shared_copy_still_answers_304_to_its_etag():
    partner = PartnerFactory()
    url = f"{LIST}{partner.slug}/"
    etag = APIClient().get(url)["ETag"]

    assert APIClient().get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_write_is_seen_by_the_next_anonymous_read():
    partner = PartnerFactory(acronym="OLD")
    url = f"{LIST}{partner.slug}/"
    assert APIClient().get(url).json()["acronym"] == "OLD"

    partner.acronym = "NEW"
    partner.save()

    assert APIClient().get(url).json()["acronym"] == "NEW"


def test_json_and_csv_have_their_own_copies():
    PartnerFactory(name="Walk Free")
    APIClient().get(LIST)

    response = APIClient().get(LIST, {"format": "csv"})

    assert response["Content-Type"].startswith("text/csv")
    assert "Walk Free" in response.content.decode()


def test_token_holders_never_get_the_shared_copy():
    PartnerFactory()
    APIClient().get(LIST)

    _response, read = get(token_client(), LIST)

    assert read


def test_the_browsable_api_is_never_shared():
    PartnerFactory()
    APIClient().get(LIST, HTTP_ACCEPT="text/html")

    response, read = get(APIClient(), LIST, HTTP_ACCEPT="text/html")

    assert response["Content-Type"].startswith("text/html")
    assert read
