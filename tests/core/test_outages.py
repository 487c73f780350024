"""The cache is an accelerator, never a dependency: with Redis down the site serves."""

import logging

import pytest
from django.core.cache import cache

from core.testing.api import token_client
from tests.factories import PartnerFactory
from tests.partners.test_views import JOIN, application

# A port nothing listens on: connections are refused at once, as with Redis stopped.
CLOSED = "redis://127.0.0.1:1/0"
OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": CLOSED,
            "OPTIONS": OPTIONS,
        }
    }
    yield
    cache.local.clear()


@pytest.fixture
def redis_up(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "OPTIONS": OPTIONS,
        }
    }
    if not cache.ping():
        pytest.skip("no Redis answers on 127.0.0.1:6379")
    yield
    cache.clear()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/", "/partners/", "/fr/partners/", "/governance/", "/api/v1/partners/", "/events/"]
)
def test_pages_and_the_api_answer_while_redis_is_down(client, redis_down, path):
    PartnerFactory()

    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_an_api_write_goes_through_while_redis_is_down(redis_down):
    client = token_client("partners.add_partner")

    response = client.post(
        "/api/v1/partners/",
        {"name": "Walk Free", "slug": "walk-free", "category": "civil_society"},
        format="json",
    )

    assert response.status_code == 201


@pytest.mark.django_db
def test_an_outage_is_logged_once_not_for_every_request(client, redis_down, caplog):
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        for _ in range(5):
            client.get("/partners/")

    warnings = [r for r in caplog.records if r.name == "core.cache"]
    assert len(warnings) == 1
    assert "Cache unavailable" in warnings[0].getMessage()
    assert warnings[0].exc_info is None


@pytest.mark.django_db
def test_healthz_says_the_cache_is_unavailable_and_still_answers_200(client, redis_down):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "unavailable"}


@pytest.mark.django_db
def test_healthz_says_the_cache_is_ok_when_redis_answers(client, redis_up):
    assert client.get("/healthz").json()["cache"] == "ok"


@pytest.mark.django_db
def test_the_join_limit_still_counts_in_local_memory_while_redis_is_down(client, redis_down):
    for n in range(5):
        assert client.post(JOIN, application(organisation_name=f"Org {n}")).status_code == 302

    assert client.post(JOIN, application(organisation_name="Sixth")).status_code == 429


@pytest.mark.django_db
def test_the_cache_comes_back_to_redis_after_an_outage(redis_up, monkeypatch):
    from core import cache as resilient

    cache.went_down(OSError("down for a moment"))
    monkeypatch.setattr(resilient, "RETRY_SECONDS", 0)
    cache._down_until = 0.000001  # the outage's wait is over

    cache.set("k", "from redis", 30)

    assert cache._down_until == 0.0
    assert cache.local.get("k") is None
    assert cache.get("k") == "from redis"


def test_the_cache_builds_one_redis_client_per_connection_pool_and_uses_it(redis_up):
    from core.cache import ReusedRedisClient

    # RedisCache makes its client from `_class`, a private attribute of Django's: if Django
    # stops doing so, this fails rather than every call building a redis.Redis again.
    assert isinstance(cache._cache, ReusedRedisClient)
    assert cache._cache.get_client(write=True) is cache._cache.get_client(write=True)
    cache.set("reused", "yes", 30)
    assert cache.get("reused") == "yes"


@pytest.fixture
def database_down(client, monkeypatch):
    from django.db import OperationalError, connection

    def unreachable(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    # The connection itself fails, as with PostgreSQL stopped; no result is faked.
    monkeypatch.setattr(connection, "cursor", unreachable)
    client.raise_request_exception = False
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/", "Back in a moment"),
        ("/partners/", "Back in a moment"),
        ("/fr/governance/", "De retour dans un instant"),
        ("/es/events/", "Volvemos en un momento"),
    ],
)
def test_a_page_answers_503_with_retry_after_while_the_database_is_down(database_down, path, text):
    response = database_down.get(path)

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert text in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/partners/", "/api/v1/changes/?since=2020-01-01T00:00Z"])
def test_the_api_answers_503_in_its_error_shape_while_the_database_is_down(database_down, path):
    response = database_down.get(path)

    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "10"
    assert response.json()["code"] == "unavailable"
    assert set(response.json()) == {"status", "code", "detail", "errors"}


@pytest.mark.django_db
def test_another_server_error_on_the_api_is_a_json_500(client, monkeypatch):
    from partners.api import views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views.PartnerViewSet, "list", broken)
    client.raise_request_exception = False

    response = client.get("/api/v1/partners/")

    assert response.status_code == 500
    assert response.json()["code"] == "server_error"
    assert "Retry-After" not in response


def test_a_database_outage_logs_one_traceback_then_a_line_per_request():
    import logging

    from django.db import OperationalError

    from core.logs import DatabaseOutageFilter

    outage = DatabaseOutageFilter()

    def record():
        try:
            raise OperationalError("could not connect to server")
        except OperationalError:
            import sys

            exc_info = sys.exc_info()
        return logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Service Unavailable: %s",
            ("/",),
            exc_info,
        )

    first, second, third = record(), record(), record()
    assert all(outage.filter(r) for r in (first, second, third))

    assert first.exc_info is not None
    assert second.exc_info is None and third.exc_info is None
    assert second.getMessage() == "Service Unavailable: /"
