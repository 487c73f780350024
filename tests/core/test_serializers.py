"""The cheaper read path gives what DRF's own would: rows, addresses, times, filter errors."""

import datetime

import pytest
from django.test import RequestFactory
from django.urls import reverse, set_script_prefix
from django.utils import timezone
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.test import APIClient

from core.api.resources import resource_for
from core.api.serializers import detail_url
from core.models import unshown_columns
from governance.api.serializers import SeatTermSerializer
from partners.api.serializers import PartnerSerializer
from partners.models import Partner, PartnerIdentifier
from tests.factories import PartnerFactory, SeatTermFactory

pytestmark = pytest.mark.django_db


def read_request():
    return Request(RequestFactory().get("/api/v1/partners/", HTTP_HOST="testserver"))


@pytest.mark.parametrize(
    ("serializer_class", "make"),
    [
        (PartnerSerializer, lambda: PartnerFactory(country="FR")),
        (PartnerSerializer, lambda: PartnerFactory(country="", joined_on=None, themes=[])),
        (SeatTermSerializer, lambda: SeatTermFactory(end_date=None)),
    ],
)
def test_a_row_is_what_drfs_own_serializer_loop_makes(serializer_class, make):
    record = type(obj := make()).objects.get(pk=obj.pk)
    serializer = serializer_class(context={"request": read_request()})

    row = serializer.to_representation(record)

    assert row == serializers.Serializer.to_representation(serializer, record)
    assert list(row) == list(serializer.fields)


@pytest.mark.parametrize(("country", "region"), [("FR", "europe"), ("BR", "americas"), ("", None)])
def test_a_partners_region_is_that_of_its_country(country, region):
    partner = PartnerFactory(country=country)

    row = APIClient().get("/api/v1/partners/").json()["results"][0]

    assert row["region"] == region == partner.region


@pytest.mark.parametrize("slug", ["ilo", "a-b_c", "2021", "A-Z"])
@pytest.mark.parametrize("script_prefix", ["/", "/registry/"])
def test_a_records_address_is_the_one_its_detail_route_reverses_to(slug, script_prefix):
    partner = Partner(slug=slug)
    request = read_request()
    set_script_prefix(script_prefix)
    try:
        expected = reverse("api:partner-detail", kwargs={"slug": slug})
        built = (resource_for(Partner).detail_url(partner), detail_url(UrlField(), partner))
    finally:
        set_script_prefix("/")

    assert built == (expected, request.build_absolute_uri(expected))


class UrlField(serializers.Field):
    context = {"request": read_request()}


def test_times_in_a_list_follow_the_current_time_zone():
    PartnerFactory()
    client = APIClient()

    in_utc = client.get("/api/v1/partners/").json()["results"][0]["created"]
    with timezone.override("Asia/Tokyo"):
        in_tokyo = client.get("/api/v1/partners/").json()["results"][0]["created"]
    again_in_utc = client.get("/api/v1/partners/").json()["results"][0]["created"]

    assert in_utc.endswith("Z") and again_in_utc == in_utc
    assert in_tokyo.endswith("+09:00")
    assert datetime.datetime.fromisoformat(in_tokyo) == datetime.datetime.fromisoformat(in_utc)


def test_one_requests_filter_values_never_reach_the_next():
    PartnerFactory(category="workers")
    PartnerFactory(category="government")
    client = APIClient()

    workers = client.get("/api/v1/partners/", {"category": "workers"}).json()
    refused = client.get("/api/v1/partners/", {"category": "ngo"})
    active = client.get("/api/v1/partners/", {"status": "active"}).json()

    assert [row["category"] for row in workers["results"]] == ["workers"]
    assert refused.status_code == 400
    assert active["count"] == 2


def test_a_filter_given_beside_pagination_still_filters_and_validates():
    PartnerFactory(country="FR")
    PartnerFactory(country="BR")
    client = APIClient()

    unfiltered = client.get("/api/v1/partners/", {"page_size": 1, "ref": "x"}).json()
    filtered = client.get("/api/v1/partners/", {"page_size": 1, "country": "BR"}).json()
    refused = client.get("/api/v1/partners/", {"page": 1, "country": "XX"})

    assert unfiltered["count"] == 2
    assert filtered["count"] == 1 and filtered["results"][0]["country"] == "BR"
    assert refused.status_code == 400 and list(refused.json()["errors"]) == ["country"]


def test_columns_no_resource_shows_are_left_unread_for_joined_records_too(monkeypatch):
    monkeypatch.setattr(Partner._meta.get_field("source"), "serialize", False)

    assert "source" in unshown_columns(Partner, False)
    assert "partner__source" in unshown_columns(PartnerIdentifier, {"partner": {}})
    assert "partner__source" not in unshown_columns(PartnerIdentifier, False)


def test_every_field_of_every_resource_is_in_its_serializer():
    """Serializers list their fields: a field added to a model must be added there too (or
    declared serialize=False, for the database alone)."""
    from django.apps import apps

    from core.api.resources import resource_for
    from core.api.serializers import RegistrySerializer

    missing = []
    for serializer in _all_subclasses(RegistrySerializer):
        meta = getattr(serializer, "Meta", None)
        if meta is None or resource_for(meta.model) is None:
            continue
        fields = {
            f.name
            for f in meta.model._meta.get_fields()
            if (f.concrete or f.many_to_many) and not f.auto_created and f.serialize is not False
        }
        # A translatable field listed brings its other languages (`name_fr`) with it.
        shown = {field.source for field in serializer().fields.values()}
        missing += [f"{meta.model._meta.label}.{name}" for name in fields - shown]
    assert apps.ready
    assert missing == []


def _all_subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_subclasses(sub)
