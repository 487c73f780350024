import datetime
import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import parse_http_date, quote_etag
from rest_framework.test import APIClient

from core.models import ApiToken
from core.testing.api import assert_error, make_token, token_client
from tests.factories import (
    PartnerFactory,
    PartnershipApplicationFactory,
    SeatFactory,
    SeatTermFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def write_with(header: str):
    return APIClient().patch(
        f"/api/v1/partners/{PartnerFactory().slug}/",
        {"acronym": "X"},
        format="json",
        HTTP_AUTHORIZATION=header,
    )


def test_a_token_is_stored_only_as_a_hash():
    key, token = make_token()
    assert key not in (token.key_hash, token.key_prefix)
    assert token.key_hash == ApiToken.hash_key(key)
    assert key.startswith(token.key_prefix)


def test_a_token_writes_with_its_users_permissions_as_token_or_bearer():
    key, _token = make_token("partners.change_partner")
    assert write_with(f"Token {key}").status_code == 200
    assert write_with(f"Bearer {key}").status_code == 200


@pytest.mark.parametrize(
    "fields",
    [
        {"revoked_at": timezone.now()},
        {"expires_at": timezone.now() - datetime.timedelta(minutes=1)},
    ],
    ids=["revoked", "expired"],
)
def test_a_revoked_or_expired_token_is_refused_with_401(fields):
    key, _token = make_token("partners.change_partner", **fields)
    assert assert_error(write_with(f"Token {key}"), 401)["code"] == "authentication_failed"


def test_an_unknown_or_malformed_token_is_refused_with_401():
    assert_error(write_with("Token not-a-key"), 401)
    assert_error(write_with("Token two words"), 401)


def test_an_anonymous_write_says_how_to_authenticate():
    response = write_with("")
    assert_error(response, 401)
    assert response["WWW-Authenticate"].startswith("Token")


def test_the_admin_shows_a_new_key_once_and_keeps_its_hash(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.post(
        reverse("admin:core_apitoken_add"), {"name": "Delta 8.7", "user": admin.pk}
    )
    token = ApiToken.objects.get()
    assert response.status_code == 200
    key = response.context["key"]
    assert key.startswith(token.key_prefix) and ApiToken.hash_key(key) == token.key_hash
    assert key in response.content.decode()
    # Not cached, not in a cookie, not in a message that would travel in one.
    assert "no-store" in response["Cache-Control"]
    assert all(key not in morsel.value for morsel in response.cookies.values())
    assert not list(response.context["messages"])
    assert key not in client.get(reverse("admin:core_apitoken_changelist")).content.decode()


def test_issuing_and_revoking_a_token_are_in_its_history_with_who_did_it(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    client.post(reverse("admin:core_apitoken_add"), {"name": "Delta 8.7", "user": admin.pk})
    token = ApiToken.objects.get()
    client.post(
        reverse("admin:core_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [token.pk]},
    )

    events = ApiToken.pgh_event_model.objects.filter(pgh_obj=token).order_by("pgh_id")
    assert [e.pgh_label for e in events] == ["insert", "update"]
    assert events[1].revoked_at is not None
    assert all(e.pgh_context.metadata["user"] == admin.pk for e in events)
    assert not hasattr(events[0], "key_hash")


def test_a_constraint_violation_is_a_400_with_the_models_message():
    seat = SeatFactory()
    SeatTermFactory(seat=seat, start_date=datetime.date(2019, 1, 1), end_date=None)
    client = token_client("governance.add_seatterm")
    response = client.post(
        "/api/v1/seat-terms/",
        {"seat": seat.pk, "partner": PartnerFactory().pk, "start_date": "2020-01-01"},
        format="json",
    )
    body = assert_error(response, 400)
    assert "overlaps" in str(body["errors"])


def test_deleting_a_record_others_depend_on_is_a_409():
    term = SeatTermFactory()
    client = token_client("partners.delete_partner")
    body = assert_error(client.delete(f"/api/v1/partners/{term.partner.slug}/"), 409)
    assert body["code"] == "conflict"


def test_related_records_are_brief_objects_and_accept_a_slug():
    term = SeatTermFactory()
    row = APIClient().get(f"/api/v1/seat-terms/{term.pk}/").json()
    assert row["partner"] == {
        "id": term.partner.pk,
        "url": f"http://testserver/api/v1/partners/{term.partner.slug}/",
        "display": term.partner.name,
    }
    body = assert_error(
        token_client("governance.change_seatterm").patch(
            f"/api/v1/seat-terms/{term.pk}/", {"partner": "no-such-partner"}, format="json"
        ),
        400,
    )
    assert "partner" in body["errors"]


def test_malformed_query_parameters_are_a_400_naming_them():
    body = assert_error(APIClient().get("/api/v1/partners/", {"country": "XX"}), 400)
    assert list(body["errors"]) == ["country"]
    assert "country" in body["detail"]
    for params in (
        {"page_size": 201},
        {"page_size": "ten"},
        {"page": "first"},
        {"cursor": "cD1hYmM="},
    ):
        body = assert_error(APIClient().get("/api/v1/partners/", params), 400)
        assert list(body["errors"]) == list(params)


def test_page_size_goes_up_to_200_and_pages_follow_each_other():
    PartnerFactory.create_batch(3)
    first = APIClient().get("/api/v1/partners/", {"page_size": 2}).json()
    assert first["count"] == 3 and len(first["results"]) == 2
    second = APIClient().get(first["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None


def test_a_cursor_walks_every_record_once_in_a_stable_order():
    partners = PartnerFactory.create_batch(5)
    seen, url = [], "/api/v1/partners/?cursor=&page_size=2"
    while url:
        response = APIClient().get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        assert "count" not in body
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
        if url:
            assert 'rel="next"' in response["Link"]
    assert seen == sorted(p.pk for p in partners)


def test_unknown_endpoints_and_methods_answer_in_the_error_shape():
    assert assert_error(APIClient().get("/api/v1/no-such-thing/"), 404)["code"] == "not_found"
    assert APIClient().get("/api/v1/partners").status_code == 301
    key, _token = make_token()
    response = APIClient().put(
        "/api/v1/offices/rotate/", {}, format="json", HTTP_AUTHORIZATION=f"Token {key}"
    )
    assert assert_error(response, 405)["code"] == "method_not_allowed"


def test_application_submissions_are_throttled_with_retry_after(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100/min", "token": "100/min", "applications": "2/hour"},
    }
    client = APIClient()
    for _ in range(2):
        client.post("/api/v1/applications/", {}, format="json")
    response = client.post("/api/v1/applications/", {}, format="json")
    assert assert_error(response, 429)["code"] == "throttled"
    assert int(response["Retry-After"]) > 0
    assert client.get("/api/v1/partners/").status_code == 200


def test_anonymous_reads_are_throttled_apart_from_token_holders(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/min", "token": "100/min", "applications": "1/hour"},
    }
    for _ in range(2):
        APIClient().get("/api/v1/partners/")
    assert_error(APIClient().get("/api/v1/partners/"), 429)
    assert token_client().get("/api/v1/partners/").status_code == 200


def test_csv_cells_never_start_a_spreadsheet_formula():
    PartnerFactory(name="=HYPERLINK(1)", acronym="+1")
    response = APIClient().get("/api/v1/partners/", {"format": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(1)" in text and "'+1" in text
    assert "themes" in text.splitlines()[0]


def test_a_conditional_get_is_answered_304_with_the_etag_the_middleware_sets():
    partner = PartnerFactory()
    for url in (f"/api/v1/partners/{partner.slug}/", "/api/v1/partners/"):
        first = APIClient().get(url)
        # ConditionalGetMiddleware's ETag: the MD5 of the body.
        assert first["ETag"] == quote_etag(hashlib.md5(first.content).hexdigest())
        assert parse_http_date(first["Last-Modified"]) == int(partner.updated.timestamp())

        by_etag = APIClient().get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        by_date = APIClient().get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

        assert (by_etag.status_code, by_etag["ETag"], by_etag.content) == (304, first["ETag"], b"")
        assert by_date.status_code == 304


def test_a_read_no_cache_may_keep_has_no_etag():
    PartnershipApplicationFactory()
    client = token_client("partners.view_partnershipapplication")

    response = client.get("/api/v1/applications/")

    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert not response.has_header("ETag")


def test_the_etag_changes_when_the_record_changes():
    partner = PartnerFactory()
    url = f"/api/v1/partners/{partner.slug}/"
    etag = APIClient().get(url)["ETag"]
    partner.acronym = "NEW"
    partner.save()
    assert APIClient().get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_the_api_root_lists_the_resources():
    body = APIClient().get("/api/v1/").json()
    assert {"partners", "seat-terms", "pathfinders", "annual-reports"} <= set(body)


def test_every_list_searches_with_q_and_sorts_with_ordering():
    early = SeatTermFactory(partner=PartnerFactory(name="Walk Free"))
    late = SeatTermFactory(start_date=datetime.date(2020, 1, 1), end_date=None)
    found = APIClient().get("/api/v1/seat-terms/", {"q": "walk free"}).json()["results"]
    assert [row["id"] for row in found] == [early.pk]
    newest = APIClient().get("/api/v1/seat-terms/", {"ordering": "-start_date"}).json()
    assert [row["id"] for row in newest["results"]] == [late.pk, early.pk]
    assert_error(APIClient().get("/api/v1/seat-terms/", {"ordering": "colour"}), 400)


# --------------------------------------------------------------- the shared copy of anonymous reads


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
    assert "Walk Free" in b"".join(response.streaming_content).decode()


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


# ---------------------------------------------------------------- issue 10: integrators


def test_rows_changed_by_a_bulk_update_or_raw_sql_are_returned_by_updated_since():
    from django.apps import apps

    from core.models import TimestampedModel
    from core.testing.api import history
    from governance.models import Event
    from tests.factories import EventFactory

    events = EventFactory.create_batch(8)
    month_ago = timezone.now() - datetime.timedelta(days=30)
    Event.objects.update(updated=month_ago)
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    url = "/api/v1/events/"
    assert APIClient().get(url, {"updated_since": since}).json()["count"] == 0

    bulk, raw = [e.pk for e in events[:3]], [e.pk for e in events[3:5]]
    Event.objects.filter(pk__in=bulk).update(outcome="Bulk")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE governance_event SET outcome = 'Raw' WHERE id = ANY(%s)", [raw])

    body = APIClient().get(url, {"updated_since": since}).json()
    assert sorted(row["id"] for row in body["results"]) == sorted(bulk + raw)
    for pk in bulk + raw:
        assert history(Event, pk, "update").count() == 2  # the back-dating and the change
    # Every timestamped model carries the trigger, not only events.
    for model in apps.get_models():
        if issubclass(model, TimestampedModel):
            assert "set_updated" in [t.name for t in model._meta.triggers], model


def test_a_csv_export_is_every_filtered_record_streamed_with_flat_queries():
    from tests.factories import EventFactory

    EventFactory.create_batch(5, kind="workshop")
    EventFactory(kind="gcg_meeting")

    def export(**params):
        with CaptureQueriesContext(connection) as queries:
            response = APIClient().get("/api/v1/events/", {"format": "csv", **params})
            assert response.status_code == 200
            lines = b"".join(response.streaming_content).decode().splitlines()
        return lines, len(queries)

    lines, few = export(kind="workshop")
    assert len(lines) == 1 + 5
    EventFactory.create_batch(245, kind="workshop")
    lines, many = export(kind="workshop")
    assert len(lines) == 1 + 250  # more than a page of 200
    assert many == few
    body = assert_error(APIClient().get("/api/v1/events/", {"format": "csv", "kind": "x"}), 400)
    assert "kind" in body["errors"]


def test_applications_with_their_contact_details_are_never_cached_on_the_way():
    PartnershipApplicationFactory()
    client = token_client("partners.view_partnershipapplication")

    response = client.get("/api/v1/applications/")

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def test_every_answer_carries_a_permissions_policy(client):
    for path in ("/api/v1/partners/", "/partners/", "/healthz"):
        assert "camera=()" in client.get(path)["Permissions-Policy"]
