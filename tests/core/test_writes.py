"""The writes the database counts per column (core/writes.py), which shared page copies follow."""

import time

import pytest
from django.db import connection, transaction
from django.db.models import Count, OuterRef, Subquery

from action_groups.models import Membership
from core.caching import _noted_tables, columns_read, split_query
from core.writes import ROWS, TABLE, tables_with_triggers, writes_before
from partners.models import Partner
from tests.factories import MilestoneFactory, PartnerFactory, SeatTermFactory

pytestmark = pytest.mark.django_db

PARTNERS = "partners_partner"


def counted(table=PARTNERS) -> dict[str, int]:
    return {column: n for (_table, column), n in writes_before([table], [])[0].items()}


def difference(before: dict, after: dict) -> dict:
    return {
        column: after.get(column, 0) - before.get(column, 0)
        for column in after
        if after.get(column, 0) != before.get(column, 0)
    }


def test_every_table_a_shared_page_may_read_counts_its_writes():
    with connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))

    assert _noted_tables() & existing <= tables_with_triggers()
    assert {PARTNERS, "partners_partnertally", "pathfinders_milestone"} <= tables_with_triggers()


def test_installing_again_leaves_the_tables_that_have_their_triggers():
    from core.writes import install

    assert install(sorted(_noted_tables())) == []


def test_an_edit_counts_only_the_columns_whose_value_changed():
    partner = PartnerFactory(description="Training for labour inspectors")
    before = counted()

    Partner.objects.filter(pk=partner.pk).update(description="Research on child labour")

    # The stored search vector follows the description; `updated` moves on every update.
    assert difference(before, counted()) == {"description": 1, "search_vector": 1, "updated": 1}


def test_a_bulk_update_counts_once_per_statement_and_column():
    PartnerFactory.create_batch(5, category="academia")
    before = counted()

    Partner.objects.update(category="civil_society")

    assert difference(before, counted()) == {"category": 1, "updated": 1}


def test_a_write_of_thousands_of_rows_is_counted_in_time_linear_in_its_rows():
    # 4,000 rows of a narrow table the triggers keep: paired by a nested loop, as they once
    # were, this update took about a minute (16 million pairs); paired by a hash join, 0.1 s.
    tally = "partners_partnertally"
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {tally} (category, status, country, relations, theme, n)"
            " SELECT 'academic', 'active', 'FR', ARRAY[]::varchar[], 'bench-' || i, 1"
            " FROM generate_series(1, 4000) AS i"
        )
        before = counted(tally)
        started = time.monotonic()
        cursor.execute(f"UPDATE {tally} SET n = n + 1 WHERE theme LIKE 'bench-%%'")
        seconds = time.monotonic() - started

    assert cursor.rowcount == 4000
    assert difference(before, counted(tally)) == {"n": 1}
    assert seconds < 5


def counts_written() -> int:
    """How many rows this transaction has written to the counts' table so far."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_xact_user_tables WHERE relname = %s",
            [TABLE],
        )
        return cursor.fetchone()[0]


def test_a_bulk_insert_of_thousands_of_rows_with_history_writes_the_counts_once_per_table():
    # Each row's history row is a statement of its own, noted by the history table's trigger.
    # Counted for each, the counts were folded anew 4,000 times over the dead rows of the folds
    # before them in the same transaction (5,000 identifiers took 23 s late in the demo load);
    # counted once per transaction, the identifiers and their history write one row each.
    partner = PartnerFactory()
    identifiers = "partners_partneridentifier"
    history = "partners_partneridentifierevent"
    before = counted(identifiers), counted(history)
    written = counts_written()
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {identifiers} (created, updated, partner_id, scheme, identifier, source)"
            " SELECT now(), now(), %s, 'XI-BENCH', 'id-' || i, '' FROM generate_series(1, 4000) i",
            [partner.pk],
        )
    seconds = time.monotonic() - started

    assert counts_written() - written == 2
    assert difference(before[0], counted(identifiers)) == {ROWS: 1}
    assert difference(before[1], counted(history)) == {ROWS: 1}
    assert seconds < 5


def test_a_transaction_counts_a_column_again_after_a_copy_read_the_counts():
    partner = PartnerFactory()
    with transaction.atomic():
        before = counted()
        Partner.objects.filter(pk=partner.pk).update(website="https://one.example.org")
        Partner.objects.filter(pk=partner.pk).update(website="https://two.example.org")
        once = counted()
        # A copy rendered now, in the transaction, holds this count: the next write must move it.
        Partner.objects.filter(pk=partner.pk).update(website="https://three.example.org")
        again = counted()

    assert difference(before, once)["website"] == 1
    assert difference(once, again)["website"] == 1


def test_inserts_and_deletes_count_as_the_rows_of_the_table():
    before = counted()
    partner = PartnerFactory()
    inserted = counted()
    partner.delete()

    assert difference(before, inserted)[ROWS] == 1
    assert difference(inserted, counted())[ROWS] == 1


def test_a_statement_that_writes_no_row_counts_nothing():
    PartnerFactory()
    before = counted()

    Partner.objects.filter(pk=-1).update(name="Nobody")
    Partner.objects.filter(pk=-1).delete()

    assert counted() == before


def test_a_rolled_back_write_is_not_counted():
    partner = PartnerFactory()
    before = counted()

    with pytest.raises(RuntimeError), transaction.atomic():
        Partner.objects.filter(pk=partner.pk).update(name="Never committed")
        raise RuntimeError

    assert counted() == before


def test_the_counts_survive_being_folded():
    partner = PartnerFactory()
    before = counted()
    for n in range(5):
        Partner.objects.filter(pk=partner.pk).update(website=f"https://example.org/{n}")
        # As a copy reads them between requests (the test is one transaction, in which each
        # column is otherwise counted once).
        counted()

    # Each write folds the table's rows into one per column (it holds the advisory lock).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM core_columnwrite WHERE table_name = %s AND column_name = %s",
            [PARTNERS, "website"],
        )
        assert cursor.fetchone()[0] == 1
    assert difference(before, counted())["website"] == 5


def test_a_seat_term_and_a_milestone_count_in_their_own_tables():
    term, milestone = SeatTermFactory(), MilestoneFactory()
    seats, milestones = counted("governance_seatterm"), counted("pathfinders_milestone")

    type(term).objects.filter(pk=term.pk).update(source="A new source")
    type(milestone).objects.filter(pk=milestone.pk).update(title="A new title")

    assert difference(seats, counted("governance_seatterm")) == {"source": 1, "updated": 1}
    assert difference(milestones, counted("pathfinders_milestone")) == {"title": 1, "updated": 1}


def test_a_query_chooses_by_the_columns_after_its_select_list_and_shows_the_others():
    partners = Partner.objects.only("name", "description").filter(category="academia")

    chosen, shown = columns_read(str(partners.order_by("name").query))

    assert {(PARTNERS, ROWS), (PARTNERS, "category"), (PARTNERS, "name")} <= chosen
    assert (PARTNERS, "description") in shown
    assert (PARTNERS, "website") not in chosen | shown


def test_a_subquery_of_the_select_list_chooses():
    members = (
        Membership.objects.filter(partner=OuterRef("pk"))
        .values("partner")
        .annotate(n=Count("*"))
        .values("n")
    )
    partners = Partner.objects.annotate(members=Subquery(members)).only("name")
    sql = str(partners.order_by("pk").query)

    chosen, shown = columns_read(sql)

    assert ("action_groups_membership", "partner_id") in chosen
    assert (PARTNERS, "name") in shown


def test_the_select_list_ends_at_its_own_from_not_a_quoted_one():
    shown, chosen = split_query(
        """SELECT "t"."a", 'FROM here' AS "b", (SELECT x FROM u) FROM "t" WHERE "t"."c" = 1"""
    )

    assert shown == """SELECT "t"."a", 'FROM here' AS "b", """ + " "
    assert chosen.startswith("(SELECT x FROM u)") and 'WHERE "t"."c" = 1' in chosen


@pytest.mark.parametrize(
    "sql",
    [
        'SELECT "t"."a", ROW_NUMBER() OVER (ORDER BY "t"."b") FROM "t"',
        'SELECT DISTINCT ON ("t"."b") "t"."a" FROM "t" ORDER BY "t"."b"',
        'WITH "w" AS (SELECT "t"."a" FROM "t") SELECT "w"."a" FROM "w"',
    ],
)
def test_a_select_list_that_reads_other_rows_than_its_own_chooses(sql):
    assert split_query(sql) == ("", sql)


def test_a_column_named_by_its_table_is_that_tables_only():
    partner = f'"{PARTNERS}"'
    sql = (
        f'SELECT {partner}."id", {partner}."source", ARRAY[EXISTS (SELECT FROM '
        f'"governance_seatterm" WHERE "partner_id" = {partner}."id")] FROM {partner} '
        f'WHERE {partner}."slug" = %s'
    )

    chosen, shown = columns_read(sql)

    assert (PARTNERS, "source") in shown
    assert ("governance_seatterm", "source") not in chosen | shown
    assert ("governance_seatterm", "partner_id") in chosen
    assert (PARTNERS, "slug") in chosen
