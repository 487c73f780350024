"""The client's address: X-Forwarded-For counts only as far as settings.TRUSTED_PROXIES says."""

import pytest
from django.test import RequestFactory
from rest_framework.test import APIClient

from core.clients import client_address
from tests.partners.test_views import JOIN, application


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "client"),
    [
        ([], "203.0.113.5", "1.2.3.4", "203.0.113.5"),
        (0, "203.0.113.5", "1.2.3.4", "203.0.113.5"),
        (1, "10.0.0.2", "1.2.3.4", "1.2.3.4"),
        (1, "10.0.0.2", "6.6.6.6, 1.2.3.4", "1.2.3.4"),
        (2, "10.0.0.2", "6.6.6.6, 1.2.3.4, 10.0.0.1", "1.2.3.4"),
        (1, "10.0.0.2", None, "10.0.0.2"),
        (["10.0.0.2"], "10.0.0.2", "6.6.6.6, 1.2.3.4", "1.2.3.4"),
        (["10.0.0.2", "10.0.0.1"], "10.0.0.2", "6.6.6.6, 1.2.3.4, 10.0.0.1", "1.2.3.4"),
        (["10.0.0.2"], "203.0.113.5", "1.2.3.4", "203.0.113.5"),
    ],
)
def test_the_client_address_trusts_only_the_configured_proxies(
    settings, trusted, remote, forwarded, client
):
    settings.TRUSTED_PROXIES = trusted

    assert client_address(request_from(remote, forwarded)) == client


@pytest.fixture
def low_rates(settings):
    rates = {"anon": "3/minute", "token": "1000/minute", "applications": "2/hour"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}


@pytest.mark.django_db
def test_rotating_forwarded_for_does_not_dodge_the_anonymous_api_limit(low_rates):
    client = APIClient()
    answers = [
        client.get("/api/v1/partners/", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(6)
    ]

    assert answers == [200, 200, 200, 429, 429, 429]


@pytest.mark.django_db
def test_behind_one_trusted_proxy_each_forwarded_client_has_its_own_limit(settings, low_rates):
    settings.TRUSTED_PROXIES = 1
    client = APIClient()
    answers = [
        client.get("/api/v1/partners/", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(6)
    ]

    assert answers == [200] * 6


@pytest.mark.django_db
def test_rotating_forwarded_for_does_not_dodge_the_application_limit(low_rates):
    client = APIClient()
    body = {
        "organisation_name": "Org",
        "category": "civil_society",
        "contact_name": "A. Person",
        "contact_email": "a@example.org",
        "motivation": "To join.",
        "commitment_accepted": True,
    }
    answers = [
        client.post(
            "/api/v1/applications/",
            {**body, "organisation_name": f"Org {n}"},
            format="json",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).status_code
        for n in range(4)
    ]

    assert answers == [201, 201, 429, 429]


@pytest.mark.django_db
def test_rotating_forwarded_for_does_not_dodge_the_join_form_limit(client):
    answers = [
        client.post(
            JOIN,
            application(organisation_name=f"Org {n}"),
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).status_code
        for n in range(7)
    ]

    assert answers == [302] * 5 + [429] * 2


def test_log_records_name_the_client_as_the_trusted_proxies_find_it(settings):
    import logging

    from core.logs import ClientAddressFilter

    settings.TRUSTED_PROXIES = 1
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found", (), None
    )
    record.request = request_from("10.0.0.2", "1.2.3.4")
    bare = logging.LogRecord("core.cache", logging.WARNING, __file__, 1, "Cache down", (), None)

    ClientAddressFilter().filter(record)
    ClientAddressFilter().filter(bare)

    assert (record.client, bare.client) == ("1.2.3.4", "-")
