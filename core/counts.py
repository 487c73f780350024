"""Row counts the database keeps: how many rows a table holds, without COUNT(*).

COUNT(*) reads every row (or every index entry) of a table: 25 ms for 100,000 partners, more than
the rest of an API page. Statement-level triggers with transition tables keep each registry
table's count in `core_rowcount` instead, so a bulk write of 100,000 rows adds one row there and
the count of a whole table is one indexed read.

A write adds its change as a new row (table, delta) and never updates a shared one, so writers
never wait for each other; the writer that gets the table's advisory lock first also folds the
table's rows into one. The count of a table is the sum of its rows, exact in every transaction
(a rolled-back write takes its delta with it). A table without a row is not kept: its triggers
leave it alone, and kept_count() answers None.

Every TimestampedModel's table is kept (core/apps.py registers the triggers); the migration that
adds a table's triggers also counts its rows once.
"""

from django.db import DEFAULT_DB_ALIAS
from django.db.models import Sum
from django.db.models.sql.constants import LOUTER
from django.db.models.sql.datastructures import BaseTable

TABLE = "core_rowcount"
TRIGGERS = ("count_insert", "count_delete", "count_truncate")

# Adds `delta` (a number of rows, negative for a delete) to the table's count. The advisory lock
# (in the space of core_rowcount's oid, keyed by the table's oid) admits one folder at a time; a
# writer that does not get it appends its delta, which the next folder takes in. Only a kept
# table (one that has a row) is counted.
_ADD = f"""
    IF delta <> 0 THEN
        IF pg_try_advisory_xact_lock('{TABLE}'::regclass::oid::integer, TG_RELID::integer) THEN
            WITH folded AS (DELETE FROM {TABLE} WHERE table_name = TG_TABLE_NAME RETURNING n)
            INSERT INTO {TABLE} (table_name, n)
            SELECT TG_TABLE_NAME, sum(n) + delta FROM folded HAVING count(*) > 0;
        ELSE
            INSERT INTO {TABLE} (table_name, n)
            SELECT TG_TABLE_NAME, delta
            WHERE EXISTS (SELECT FROM {TABLE} WHERE table_name = TG_TABLE_NAME);
        END IF;
    END IF;
    RETURN NULL;
"""


def triggers() -> list:
    """The triggers that keep a table's count: after each INSERT, DELETE and TRUNCATE statement."""
    import pgtrigger

    return [
        pgtrigger.Trigger(
            name="count_insert",
            level=pgtrigger.Statement,
            when=pgtrigger.After,
            operation=pgtrigger.Insert,
            referencing=pgtrigger.Referencing(new="new_rows"),
            declare=[("delta", "bigint")],
            func=f"SELECT count(*) INTO delta FROM new_rows; {_ADD}",
        ),
        pgtrigger.Trigger(
            name="count_delete",
            level=pgtrigger.Statement,
            when=pgtrigger.After,
            operation=pgtrigger.Delete,
            referencing=pgtrigger.Referencing(old="old_rows"),
            declare=[("delta", "bigint")],
            func=f"SELECT -count(*) INTO delta FROM old_rows; {_ADD}",
        ),
        # TRUNCATE holds the table exclusively: no writer of it is still open.
        pgtrigger.Trigger(
            name="count_truncate",
            level=pgtrigger.Statement,
            when=pgtrigger.After,
            operation=pgtrigger.Truncate,
            func=(
                f"DELETE FROM {TABLE} WHERE table_name = TG_TABLE_NAME; "
                f"INSERT INTO {TABLE} (table_name, n) VALUES (TG_TABLE_NAME, 0); "
                "RETURN NULL;"
            ),
        ),
    ]


def recount_sql(*tables: str) -> str:
    """SQL that counts `tables` afresh: what a migration adding their triggers runs once."""
    statements = [f"DELETE FROM {TABLE} WHERE table_name IN ({', '.join(map(_literal, tables))});"]
    statements += [
        f'INSERT INTO {TABLE} (table_name, n) SELECT {_literal(table)}, count(*) FROM "{table}";'
        for table in tables
    ]
    return "\n".join(statements)


def _literal(table: str) -> str:
    assert table.replace("_", "").isalnum(), table
    return f"'{table}'"


def is_kept(model) -> bool:
    """Whether `model`'s table has the counting triggers."""
    registered = {trigger.name for trigger in getattr(model._meta, "triggers", ())}
    return set(TRIGGERS) <= registered


def kept_count(model, using: str = DEFAULT_DB_ALIAS) -> int | None:
    """How many rows `model`'s table holds, as the database keeps it; None if it is not kept.

    One indexed read, whatever the size of the table, and exact: the count includes this
    transaction's own writes and no one else's uncommitted ones, as COUNT(*) would.
    """
    from core.models import RowCount

    model = model._meta.concrete_model
    if not is_kept(model):
        return None
    rows = RowCount.objects.using(using).filter(table_name=model._meta.db_table)
    return rows.aggregate(n=Sum("n"))["n"]


def reads_whole_table(queryset) -> bool:
    """Whether `queryset` finds every row of its model's table, once: no condition, no grouping,
    no DISTINCT, no slice, and joins that can neither drop nor repeat a row: to one related row at
    most, outer or along a non-null foreign key, as select_related makes."""
    query = queryset.query
    if (
        query.where
        or query.combinator
        or query.distinct
        or query.group_by is not None
        or query.extra
        or query.extra_tables
        or query.low_mark
        or query.high_mark is not None
    ):
        return False
    return all(
        isinstance(join, BaseTable) or _to_one_at_most(join) for join in query.alias_map.values()
    )


def _to_one_at_most(join) -> bool:
    field = join.join_field
    if not (field.many_to_one or field.one_to_one) or join.filtered_relation is not None:
        return False
    return join.join_type == LOUTER or (field.many_to_one and not join.nullable)


def count_rows(queryset) -> int:
    """How many rows `queryset` finds: the kept count when it reads a whole kept table, an exact
    COUNT(*) otherwise (a filtered count over an index)."""
    if reads_whole_table(queryset):
        kept = kept_count(queryset.model, queryset.db)
        if kept is not None:
            return kept
    return queryset.count()
