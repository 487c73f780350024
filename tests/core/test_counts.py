"""Row counts the database keeps (core/counts.py), and how the API's lists are counted and paged."""

import threading

import psycopg2
import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from core.counts import count_rows, kept_count, reads_whole_table
from core.models import ApiToken, RowCount
from governance.models import GlobalEstimate
from partners.models import Category, Partner, PartnerIdentifier
from tests.factories import (
    GlobalEstimateFactory,
    MembershipFactory,
    PartnerFactory,
    PartnerIdentifierFactory,
)

pytestmark = pytest.mark.django_db

LIST = "/api/v1/partners/"


def exact(model) -> int:
    return model.objects.order_by().count()


# ------------------------------------------------------------------ the count the database keeps


def test_the_kept_count_follows_single_inserts_and_deletes():
    first, _second = PartnerFactory.create_batch(2)
    assert kept_count(Partner) == 2

    first.delete()

    assert kept_count(Partner) == 1 == exact(Partner)


def test_the_kept_count_follows_bulk_create_and_a_queryset_delete():
    Partner.objects.bulk_create(PartnerFactory.build_batch(30))
    assert kept_count(Partner) == 30

    Partner.objects.filter(pk__in=Partner.objects.values("pk")[:12]).delete()

    assert kept_count(Partner) == 18 == exact(Partner)


def test_the_kept_count_follows_raw_sql_and_truncate():
    GlobalEstimateFactory.create_batch(2)
    table = GlobalEstimate._meta.db_table
    columns = [f.column for f in GlobalEstimate._meta.concrete_fields if not f.primary_key]
    copied = ", ".join(f"{c} || '-copy'" if c in ("slug", "label") else c for c in columns)
    insert = f'INSERT INTO "{table}" ({", ".join(columns)}) SELECT {copied} FROM "{table}"'
    with connection.cursor() as cursor:
        cursor.execute(insert)
        cursor.execute(f'INSERT INTO "{table}" SELECT * FROM "{table}" WHERE false')
        cursor.execute(f'DELETE FROM "{table}" WHERE id = (SELECT min(id) FROM "{table}")')
        assert kept_count(GlobalEstimate) == 3
        # The deferred foreign key checks of the inserts run first: TRUNCATE refuses to wait.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f'TRUNCATE "{table}" CASCADE')

    assert kept_count(GlobalEstimate) == 0 == exact(GlobalEstimate)
    GlobalEstimateFactory()
    assert kept_count(GlobalEstimate) == 1


def test_a_write_rolled_back_leaves_the_kept_count_as_it_was():
    PartnerFactory.create_batch(2)

    with pytest.raises(RuntimeError), transaction.atomic():
        PartnerFactory.create_batch(3)
        Partner.objects.filter(pk=Partner.objects.first().pk).delete()
        assert kept_count(Partner) == 4
        raise RuntimeError

    assert kept_count(Partner) == 2 == exact(Partner)


def test_a_cascade_is_counted_in_every_table_it_deletes_from():
    partner = PartnerFactory()
    PartnerIdentifierFactory.create_batch(3, partner=partner)
    assert kept_count(PartnerIdentifier) == 3

    partner.delete()

    assert (kept_count(Partner), kept_count(PartnerIdentifier)) == (0, 0)


def test_the_count_of_a_table_stays_one_row_however_many_writes():
    for _ in range(5):
        PartnerFactory()
    Partner.objects.all().delete()

    assert RowCount.objects.filter(table_name=Partner._meta.db_table).count() == 1


def test_a_table_without_counting_triggers_has_no_kept_count():
    assert kept_count(ApiToken) is None


@pytest.mark.django_db(transaction=True)
def test_writers_to_the_same_table_never_wait_for_each_other():
    """A writer that keeps its transaction open does not hold up the next one (lock_timeout
    would fail it), and once both commit the count is exact."""
    GlobalEstimateFactory()
    settings = connection.settings_dict
    dsn = {
        "dbname": settings["NAME"],
        "user": settings["USER"],
        "password": settings["PASSWORD"],
        "host": settings["HOST"],
        "port": settings["PORT"],
    }
    table = GlobalEstimate._meta.db_table
    columns = [f.column for f in GlobalEstimate._meta.concrete_fields if not f.primary_key]
    copied = ", ".join(f"{c} || %(suffix)s" if c in ("slug", "label") else c for c in columns)
    insert = f'INSERT INTO "{table}" ({", ".join(columns)}) SELECT {copied} FROM "{table}" LIMIT 1'
    first, second = psycopg2.connect(**dsn), psycopg2.connect(**dsn)
    errors = []

    def write_second():
        try:
            with second.cursor() as cursor:
                cursor.execute("SET lock_timeout = '2s'")
                cursor.execute(insert, {"suffix": "-second"})
            second.commit()
        except psycopg2.Error as error:  # pragma: no cover (the failure being tested)
            errors.append(error)

    try:
        with first.cursor() as cursor:
            cursor.execute(insert, {"suffix": "-first"})  # open, holding the table's fold
        thread = threading.Thread(target=write_second)
        thread.start()
        thread.join(timeout=10)
        first.commit()
    finally:
        first.close()
        second.close()

    assert errors == []
    assert kept_count(GlobalEstimate) == 3 == exact(GlobalEstimate)


# ------------------------------------------------------------------ which lists use it


def test_only_a_query_that_finds_each_row_of_its_table_once_reads_the_whole_table():
    identifiers = PartnerIdentifier.objects.select_related("partner")

    assert reads_whole_table(Partner.objects.all())
    assert reads_whole_table(identifiers)
    assert reads_whole_table(Partner.objects.order_by("-joined_on"))
    assert not reads_whole_table(Partner.objects.filter(category=Category.WORKERS))
    assert not reads_whole_table(Partner.objects.none())
    assert not reads_whole_table(Partner.objects.distinct())
    assert not reads_whole_table(Partner.objects.all()[:10])


def counting(url: str) -> tuple[int, list[str]]:
    """The list's count, and the counting queries its request ran."""
    with CaptureQueriesContext(connection) as queries:
        response = APIClient().get(url)
    assert response.status_code == 200
    sql = [q["sql"] for q in queries.captured_queries]
    counts = [q for q in sql if q.startswith("SELECT COUNT(*)") or "core_rowcount" in q]
    return response.json()["count"], counts


def test_an_unfiltered_list_takes_its_count_from_the_kept_count_without_counting_rows():
    PartnerFactory.create_batch(3)

    count, queries = counting(LIST + "?page_size=1")

    assert count == 3
    assert len(queries) == 1 and "core_rowcount" in queries[0]


def test_a_filtered_list_is_counted_exactly():
    PartnerFactory.create_batch(2, category=Category.WORKERS)
    PartnerFactory(category=Category.ACADEMIC)

    count, queries = counting(LIST + "?category=workers&page_size=1")

    assert count == 2
    assert len(queries) == 1 and queries[0].startswith("SELECT COUNT(*)")


def test_the_kept_count_is_what_count_rows_gives_for_a_whole_table():
    PartnerFactory.create_batch(2)
    RowCount.objects.create(table_name=Partner._meta.db_table, n=5)  # seen, so it is read

    assert count_rows(Partner.objects.all()) == 7
    assert count_rows(Partner.objects.filter(pk__gt=0)) == 2


def test_a_filtered_count_follows_every_write_that_moves_a_row_in_or_out():
    partner, _other = PartnerFactory.create_batch(2, category=Category.WORKERS)
    url = LIST + "?category=workers&page_size=1"
    assert counting(url)[0] == 2

    partner.category = Category.ACADEMIC
    partner.save()
    assert counting(url)[0] == 1

    Partner.objects.update(category=Category.WORKERS)
    assert counting(url)[0] == 2


def test_a_count_through_a_joined_table_follows_it():
    membership = MembershipFactory()
    MembershipFactory(group=membership.group)
    url = f"{LIST}?action_group={membership.group.slug}&page_size=1"
    assert counting(url)[0] == 2

    membership.delete()

    assert counting(url)[0] == 1


def test_a_first_page_that_holds_the_whole_list_is_counted_like_any_other():
    PartnerFactory.create_batch(3, category=Category.WORKERS)

    count, queries = counting(LIST + "?category=workers&page_size=3")

    assert count == 3 and len(queries) == 1


# ------------------------------------------------------------------ deep pages


@pytest.mark.parametrize(
    "query",
    ["", "&ordering=-joined", "&ordering=country", "&category=workers", "&q=fund"],
)
def test_pages_read_by_their_ids_hold_the_rows_of_one_ordered_list(query):
    for n in range(7):
        PartnerFactory(
            name=f"Fund {n}",
            category=Category.WORKERS if n % 3 else Category.ACADEMIC,
            country="FR" if n % 2 else "BR",
        )
    client = APIClient()
    whole = client.get(f"{LIST}?page_size=200{query}").json()["results"]

    paged = []
    for page in range(1, 5):
        response = client.get(f"{LIST}?page_size=2&page={page}{query}")
        if response.status_code == 404:
            break
        paged += response.json()["results"]

    assert [row["id"] for row in paged] == [row["id"] for row in whole]
    assert paged == whole


def test_a_deep_page_runs_the_queries_of_the_first():
    PartnerFactory.create_batch(5)
    client = APIClient()

    with CaptureQueriesContext(connection) as first:
        client.get(LIST + "?page_size=2&page=1")
    with CaptureQueriesContext(connection) as deep:
        client.get(LIST + "?page_size=2&page=3")

    assert len(deep) == len(first)
    rows = [q["sql"] for q in deep.captured_queries if 'FROM "partners_partner"' in q["sql"]]
    assert len(rows) == 1 and " IN (SELECT " in rows[0] and "OFFSET 4" in rows[0]
