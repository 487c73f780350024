"""A reusable test base for API resources, in the spirit of NetBox's APIViewTestCases.

A resource's tests are a subclass with a few lines of data::

    class TestSeatTerms(APIResourceTests):
        resource = "seat-terms"
        factory = SeatTermFactory
        dated = True
        update_data = {"source": "GCG minutes, 2021"}
        filters = {"partner": ("ilo", lambda: {"partner": PartnerFactory(slug="ilo")})}

        def create_data(self):
            return {"seat": SeatFactory().pk, "partner": PartnerFactory().slug}

Each subclass then checks: list, retrieve, create, update and delete for a token with the
permission; 401 for an anonymous write; 403 without the permission; history recorded on each
write, with the user; each filter; `as_of` (dated resources); `updated_since`; CSV; an ETag and
a 304; and that a list runs as many queries for 5 rows as for 200.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pghistory.core import event_models
from rest_framework.test import APIClient

from core.api.resources import resource_for
from core.models import ApiToken

ERROR_KEYS = {"status", "code", "detail", "errors"}


def make_token(*perms: str, name: str = "test integrator", **token_fields) -> tuple[str, ApiToken]:
    """A new user holding `perms` ("app_label.codename"), and a token for it: (key, token)."""
    user = get_user_model().objects.create_user(
        username=f"integrator{ApiToken.objects.count()}-{timezone.now().timestamp()}"
    )
    for perm in perms:
        app_label, codename = perm.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    token = ApiToken(name=name, user=user, **token_fields)
    key = token.set_new_key()
    token.save()
    return key, token


def token_client(*perms: str) -> APIClient:
    key, token = make_token(*perms)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    client.token = token
    return client


def assert_error(response, status: int) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == ERROR_KEYS, body
    assert body["status"] == status
    return body


def history(model, pk, label: str):
    """The pghistory events of one record with one label (insert, update, delete)."""
    return event_models(tracks_model=model)[0].objects.filter(pgh_obj_id=pk, pgh_label=label)


@pytest.mark.django_db
class APIResourceTests:
    """Subclass with `resource`, `factory`, `create_data()`, `update_data` and `filters`."""

    resource: str
    factory = None
    # Not a dated model, but answers `?as_of=` from a history of states (its own test says how).
    answers_as_of = False
    dated = False
    update_data: dict = {}
    # {parameter: (value, kwargs for a record that matches, or a callable returning them)}
    filters: dict = {}

    # ------------------------------------------------------------------ helpers

    @property
    def model(self):
        return self.factory._meta.model

    @property
    def list_url(self) -> str:
        return f"/api/v1/{self.resource}/"

    def make(self, **kwargs):
        return self.factory(**kwargs)

    def create_data(self) -> dict:
        raise NotImplementedError

    def detail_url(self, obj) -> str:
        resource = resource_for(type(obj))
        return resource.path_for(resource.lookup_value(obj))

    def perm(self, action: str) -> str:
        return f"{self.model._meta.app_label}.{action}_{self.model._meta.model_name}"

    def reader(self) -> APIClient:
        return APIClient()

    def results(self, response, key: str = "id") -> list:
        assert response.status_code == 200, response.content
        return [row[key] for row in response.json()["results"]]

    # ------------------------------------------------------------------ reads

    def test_list_shows_every_record_with_url_created_and_updated(self):
        objs = [self.make(), self.make()]
        response = self.reader().get(self.list_url)
        assert response.status_code == 200, response.content
        body = response.json()
        assert body["count"] == 2
        assert {row["id"] for row in body["results"]} == {obj.pk for obj in objs}
        for row in body["results"]:
            assert {"url", "created", "updated", "display"} <= set(row)
            assert row["url"].startswith("http://testserver/api/v1/")

    def test_retrieve_answers_the_record_at_its_url(self):
        obj = self.make()
        url = self.detail_url(obj)
        response = self.reader().get(url)
        assert response.status_code == 200, response.content
        assert response.json()["id"] == obj.pk
        assert response.json()["url"] == f"http://testserver{url}"

    def test_an_unknown_record_is_a_404_in_the_error_shape(self):
        obj = self.make()
        url = self.detail_url(obj)
        obj.delete()
        assert_error(self.reader().get(url), 404)

    # ------------------------------------------------------------------ writes

    def test_create_with_permission_saves_and_records_history(self):
        client = token_client(self.perm("add"))
        response = client.post(self.list_url, self.create_data(), format="json")
        assert response.status_code == 201, response.content
        pk = response.json()["id"]
        assert self.model.objects.filter(pk=pk).exists()
        event = history(self.model, pk, "insert").select_related("pgh_context").get()
        assert event.pgh_context.metadata["user"] == client.token.user_id
        assert event.pgh_context.metadata["api_token"] == client.token.name

    def test_update_with_permission_saves_and_records_history(self):
        obj = self.make()
        client = token_client(self.perm("change"))
        response = client.patch(self.detail_url(obj), self.update_data, format="json")
        assert response.status_code == 200, response.content
        for field, value in self.update_data.items():
            assert response.json()[field] == value
        assert history(self.model, obj.pk, "update").exists()

    def test_delete_with_permission_removes_and_records_history(self):
        obj = self.make()
        client = token_client(self.perm("delete"))
        response = client.delete(self.detail_url(obj))
        assert response.status_code == 204, response.content
        assert not self.model.objects.filter(pk=obj.pk).exists()
        assert history(self.model, obj.pk, "delete").exists()

    def test_anonymous_writes_are_401(self):
        obj = self.make()
        client = APIClient()
        body = assert_error(
            client.patch(self.detail_url(obj), self.update_data, format="json"), 401
        )
        assert body["code"] == "not_authenticated"
        assert_error(client.delete(self.detail_url(obj)), 401)
        assert self.model.objects.filter(pk=obj.pk).exists()

    def test_writes_without_the_permission_are_403(self):
        obj = self.make()
        client = token_client(self.perm("view"))
        assert_error(client.post(self.list_url, self.create_data(), format="json"), 403)
        assert_error(client.patch(self.detail_url(obj), self.update_data, format="json"), 403)
        assert_error(client.delete(self.detail_url(obj)), 403)

    def test_an_invalid_body_is_a_400_naming_the_field(self):
        client = token_client(self.perm("add"))
        body = assert_error(client.post(self.list_url, {"created": "x"}, format="json"), 400)
        assert body["errors"]

    # ------------------------------------------------------------------ filters

    def pytest_generate_tests(self, metafunc):
        if "filter_case" in metafunc.fixturenames:
            cases = list(metafunc.cls.filters.items())
            if not cases:
                metafunc.parametrize("filter_case", [pytest.param(None, marks=pytest.mark.skip)])
            else:
                metafunc.parametrize("filter_case", cases, ids=[name for name, _ in cases])

    def test_filter_keeps_the_matching_records(self, filter_case):
        parameter, (value, match) = filter_case
        kwargs = match() if callable(match) else match
        wanted = self.make(**kwargs)
        other = self.make()
        found = self.results(self.reader().get(self.list_url, {parameter: value}))
        assert wanted.pk in found
        assert other.pk not in found

    def test_as_of_is_refused_with_a_400_where_the_resource_cannot_answer_it(self):
        if self.dated or self.answers_as_of:
            pytest.skip("answers as_of")
        self.make()
        body = assert_error(self.reader().get(self.list_url, {"as_of": "2020-06-30"}), 400)
        assert "as_of" in body["errors"]

    def test_as_of_keeps_the_records_current_on_that_date(self):
        if not self.dated:
            pytest.skip("not a dated resource")
        past = self.make(start_date=datetime.date(2016, 1, 1), end_date=datetime.date(2018, 1, 1))
        later = self.make(start_date=datetime.date(2019, 1, 1), end_date=None)
        assert self.results(self.reader().get(self.list_url, {"as_of": "2017-06-30"})) == [past.pk]
        assert self.results(self.reader().get(self.list_url, {"as_of": "2020-06-30"})) == [later.pk]
        body = assert_error(self.reader().get(self.list_url, {"as_of": "30/06/2020"}), 400)
        assert "as_of" in body["errors"]

    def test_updated_since_keeps_the_records_changed_since(self):
        old = self.make()
        self.model.objects.filter(pk=old.pk).update(
            updated=timezone.now() - datetime.timedelta(days=30)
        )
        new = self.make()
        since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
        assert self.results(self.reader().get(self.list_url, {"updated_since": since})) == [new.pk]
        body = assert_error(self.reader().get(self.list_url, {"updated_since": "yesterday"}), 400)
        assert "updated_since" in body["errors"]

    def test_unknown_query_parameters_are_ignored(self):
        self.make()
        assert len(self.results(self.reader().get(self.list_url, {"colour": "blue"}))) == 1

    # ------------------------------------------------------------------ formats and caching

    def test_csv_lists_the_same_records(self):
        objs = [self.make(), self.make()]
        response = self.reader().get(self.list_url, {"format": "csv"})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        lines = b"".join(response.streaming_content).decode().splitlines()
        assert lines[0].split(",")[:3] == ["id", "url", "display"]
        assert len(lines) == 1 + len(objs)

    def test_csv_is_the_whole_filtered_list_streamed_and_refuses_an_invalid_filter(self):
        objs = [self.make() for _ in range(3)]
        response = self.reader().get(self.list_url, {"format": "csv", "page_size": 1})
        assert response.streaming
        lines = b"".join(response.streaming_content).decode().splitlines()
        assert len(lines) == 1 + len(objs)
        body = assert_error(
            self.reader().get(self.list_url, {"format": "csv", "updated_since": "yesterday"}), 400
        )
        assert "updated_since" in body["errors"]

    def test_a_matching_etag_answers_304(self):
        obj = self.make()
        for url in (self.list_url, self.detail_url(obj)):
            first = self.reader().get(url)
            assert first.status_code == 200
            assert first["ETag"] and first["Last-Modified"]
            again = self.reader().get(url, HTTP_IF_NONE_MATCH=first["ETag"])
            assert again.status_code == 304
            assert again.content == b""

    def test_a_list_runs_as_many_queries_for_5_as_for_200_records(self):
        for _ in range(5):
            self.make()
        client = self.reader()
        with CaptureQueriesContext(connection) as five:
            assert len(self.results(client.get(self.list_url, {"page_size": 200}))) == 5
        for _ in range(195):
            self.make()
        cache.clear()  # the list's own queries, not also a stale shared copy's check
        with CaptureQueriesContext(connection) as two_hundred:
            assert len(self.results(client.get(self.list_url, {"page_size": 200}))) == 200
        assert len(five) == len(two_hundred), [q["sql"] for q in two_hundred.captured_queries]
        print(f"QUERIES {self.resource}: {len(two_hundred)}")  # shown with pytest -s
