"""The cached count of page-number lists: reused while nothing changes, exact after any write."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from core.api.counting import data_version
from partners.models import Category, Partner, PartnershipApplication
from tests.factories import MembershipFactory, PartnerFactory

pytestmark = pytest.mark.django_db

# A page of one: the first page alone cannot tell the count, so the cached count is used.
WORKERS = "/api/v1/partners/?category=workers&page_size=1"
ALL_WORKERS = "/api/v1/partners/?category=workers"


def count(url=WORKERS):
    response = APIClient().get(url)
    assert response.status_code == 200
    return response.json()["count"]


def counting_queries(url=WORKERS):
    with CaptureQueriesContext(connection) as queries:
        APIClient().get(url)
    return [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT COUNT")]


def test_a_list_counted_once_is_not_counted_again_while_nothing_changes():
    PartnerFactory.create_batch(3, category=Category.WORKERS)
    assert counting_queries(WORKERS) != []
    assert counting_queries(WORKERS) == []
    assert count(WORKERS) == 3


def test_the_count_follows_a_created_partner():
    PartnerFactory.create_batch(2, category=Category.WORKERS)
    assert count() == 2
    PartnerFactory(category=Category.WORKERS)
    assert count() == 3


def test_the_count_follows_a_deleted_partner():
    first, _second = PartnerFactory.create_batch(2, category=Category.WORKERS)
    assert count() == 2
    first.delete()
    assert count() == 1


def test_the_count_follows_a_partner_changed_out_of_the_filter():
    partner, _other = PartnerFactory.create_batch(2, category=Category.WORKERS)
    assert count() == 2
    partner.category = Category.ACADEMIC
    partner.save()
    assert count() == 1


def test_the_count_follows_a_bulk_update_that_sends_no_signal():
    PartnerFactory.create_batch(3, category=Category.WORKERS)
    assert count() == 3
    Partner.objects.exclude(pk=Partner.objects.first().pk).update(category=Category.ACADEMIC)
    assert count() == 1


def test_the_count_follows_a_change_in_a_joined_table():
    membership = MembershipFactory()
    MembershipFactory(group=membership.group)
    url = f"/api/v1/partners/?action_group={membership.group.slug}&page_size=1"
    assert count(url) == 2
    membership.delete()
    assert count(url) == 1


def test_each_filter_has_its_own_count():
    PartnerFactory(category=Category.WORKERS)
    PartnerFactory.create_batch(2, category=Category.ACADEMIC)
    assert count() == 1
    assert count("/api/v1/partners/?category=academic&page_size=1") == 2


def test_a_query_on_a_table_without_history_is_not_versioned():
    sql = str(get_user_model().objects.all().query)
    assert data_version(sql, "default") is None
    assert data_version(str(Partner.objects.all().query), "default") is not None


def test_a_first_page_that_holds_the_whole_list_is_counted_like_any_other():
    PartnerFactory.create_batch(3, category=Category.WORKERS)
    assert len(counting_queries(ALL_WORKERS + "&page_size=3")) == 1
    assert count(ALL_WORKERS + "&page_size=3") == 3


def test_a_first_page_with_more_after_it_counts_them_all():
    PartnerFactory.create_batch(4, category=Category.WORKERS)
    response = APIClient().get(ALL_WORKERS + "&page_size=3")
    assert response.json()["count"] == 4
    assert len(response.json()["results"]) == 3
    assert response.json()["next"]


def test_a_query_that_also_reads_a_table_without_history_is_not_versioned():
    applications = PartnershipApplication.objects.filter(decided_by__username="secretariat")
    assert data_version(str(applications.query), "default") is None
