"""Which columns of which tables the writes changed, counted by the database.

A shared page copy (core/caching.py) must go stale when a write changes what it shows, and only
then. A query's result depends only on the columns it names and on which rows the table holds:
an edit of a partner's description cannot change a directory page that never reads the
description. So every table a page may read has statement-level triggers that count, in
`core_columnwrite`, the writes that changed each of its columns (an UPDATE: each column whose
value changed in some row) and the writes that added or removed rows (INSERT, DELETE, TRUNCATE:
the column `*`). Bulk writes, raw SQL and triggers' own writes are counted like any other.

As with the row counts (core/counts.py), a write adds rows (table, column, 1) and never updates
a shared one, so writers never wait for each other; the writer that gets the table's advisory
lock first folds the table's rows into one per column. A column's count is the sum of its rows:
it only grows, and a rolled-back write takes its rows with it. So the sum over the columns a copy
read changes exactly when one of them was written since. A transaction counts each column once
(until a copy reads the counts in it): all its writes become visible together.
"""

import json

from django.db import DEFAULT_DB_ALIAS, connections

TABLE = "core_columnwrite"
# The transaction's setting that lists the columns it has counted ("table.column").
NOTED = "core.noted"
ROWS = "*"
# The name of each trigger, and what it is after: (operation, transition table, function).
TRIGGERS = {
    "core_columnwrite_insert": ("INSERT", "NEW TABLE AS new_rows", "core_note_rows()"),
    "core_columnwrite_delete": ("DELETE", "OLD TABLE AS old_rows", "core_note_rows()"),
    "core_columnwrite_truncate": ("TRUNCATE", "", "core_note_rows()"),
    "core_columnwrite_update": (
        "UPDATE",
        "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "core_note_update('{key}')",
    ),
}

# core_note_writes(table, relid, columns): counts one write of each of `columns` of `table`.
# core_note_update(): the UPDATE trigger; TG_ARGV[0] is the table's primary key column, by which
# the old and new rows are paired (a row whose key changed counts as removed and added).
# core_note_rows(): the trigger of the other writes.
FUNCTIONS_SQL = f"""
CREATE OR REPLACE FUNCTION core_note_writes(tbl text, relid oid, cols text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    -- " table.column table.column ", or a space before the first.
    noted text := coalesce(nullif(current_setting('{NOTED}', true), ''), ' ');
    fresh text[];
BEGIN
    -- A count need only change once per transaction: its other writes become visible with the
    -- first. So each column is counted once per transaction ({NOTED} lists those counted since
    -- a copy last read the counts), and a bulk write of N rows, whose N history rows are N
    -- statements, folds once, not N times over a growing trail of dead rows.
    SELECT array_agg(c) INTO fresh FROM unnest(cols) AS c
    WHERE position(' ' || tbl || '.' || c || ' ' IN noted) = 0;
    IF fresh IS NULL THEN
        RETURN;
    END IF;
    PERFORM set_config(
        '{NOTED}',
        noted || (SELECT string_agg(tbl || '.' || c, ' ') FROM unnest(fresh) AS c) || ' ',
        true
    );
    IF pg_try_advisory_xact_lock('{TABLE}'::regclass::oid::integer, relid::integer) THEN
        WITH folded AS (DELETE FROM {TABLE} WHERE table_name = tbl RETURNING column_name, n),
        added AS (
            SELECT column_name, n FROM folded
            UNION ALL SELECT column_name, 1 FROM unnest(fresh) AS written(column_name)
        )
        INSERT INTO {TABLE} (table_name, column_name, n)
        SELECT tbl, column_name, sum(n) FROM added GROUP BY column_name;
    ELSE
        INSERT INTO {TABLE} (table_name, column_name, n)
        SELECT tbl, column_name, 1 FROM unnest(fresh) AS written(column_name);
    END IF;
END;
$$;

CREATE OR REPLACE FUNCTION core_note_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed text[];
    paired bigint;
BEGIN
    -- The rows paired on the key's own column, which PostgreSQL hashes; paired on an expression
    -- (to_jsonb(row) -> key) they were joined by a nested loop, N x N for a write of N rows.
    -- EXECUTE plans it for this write's row counts.
    EXECUTE format(
        'WITH pairs AS MATERIALIZED ('
        '    SELECT to_jsonb(old_row) AS was, to_jsonb(new_row) AS now'
        '    FROM old_rows old_row JOIN new_rows new_row ON old_row.%1$I = new_row.%1$I'
        ') SELECT'
        '    (SELECT array_agg(DISTINCT field.key) FROM pairs'
        '        CROSS JOIN LATERAL jsonb_each(pairs.was) AS field'
        '        WHERE pairs.now -> field.key IS DISTINCT FROM field.value),'
        '    (SELECT count(*) FROM pairs)',
        TG_ARGV[0]
    ) INTO changed, paired;
    IF paired < (SELECT count(*) FROM old_rows) THEN
        changed := coalesce(changed, ARRAY[]::text[]) || '{ROWS}'::text;
    END IF;
    PERFORM core_note_writes(TG_TABLE_NAME, TG_RELID, changed);
    RETURN NULL;
END;
$$;

-- INSERT, DELETE, TRUNCATE, and an UPDATE of a table whose rows cannot be paired (no single-
-- column key): the rows. An INSERT or DELETE of no row (an upsert that found nothing to do)
-- counts nothing; each names its own transition table only in its own branch.
CREATE OR REPLACE FUNCTION core_note_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NOT EXISTS (SELECT FROM new_rows) THEN
            RETURN NULL;
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT FROM old_rows) THEN
            RETURN NULL;
        END IF;
    END IF;
    PERFORM core_note_writes(TG_TABLE_NAME, TG_RELID, ARRAY['{ROWS}']);
    RETURN NULL;
END;
$$;
"""

# What a shared copy asks (core/caching.py), as functions so that PostgreSQL keeps their plans
# for the connection: written as plain queries, planning them cost 0.9 ms of each 1.2.
#
# core_writes_before(tables, histories): the writes counted of each column of `tables`, and a
# row (history, NULL, newest event id) for each of `histories`.
# core_copy_is_current(...): whether a copy still holds (core.caching.Versions): no new write
# of its choosing columns, and either none of its shown columns or none of its rows shown
# (`ids`: a JSON array of id arrays, one per history) newer than `newest`. It answers the
# writes of the shown columns now, or NULL when the copy is stale.
READING_SQL = f"""
CREATE OR REPLACE FUNCTION core_writes_before(tables text[], histories text[])
RETURNS TABLE (table_name text, column_name text, n bigint)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    history text;
BEGIN
    -- What this transaction writes next is counted again: a copy rendered now must see it.
    PERFORM set_config('{NOTED}', '', true);
    RETURN QUERY
        SELECT w.table_name::text, w.column_name::text, sum(w.n)::bigint
        FROM {TABLE} w WHERE w.table_name = ANY(tables) GROUP BY 1, 2;
    FOREACH history IN ARRAY coalesce(histories, ARRAY[]::text[]) LOOP
        RETURN QUERY EXECUTE format(
            'SELECT %L::text, NULL::text, max(pgh_id)::bigint FROM %I', history, history
        );
    END LOOP;
END;
$$;

DROP FUNCTION IF EXISTS core_copy_is_current(
    text[], text[], bigint, text[], text[], bigint, text[], jsonb, bigint[]
);
CREATE FUNCTION core_copy_is_current(
    tables text[], columns text[], counted bigint,
    shown_tables text[], shown_columns text[], shown_counted bigint,
    histories text[], ids jsonb, newest bigint[]
) RETURNS bigint LANGUAGE plpgsql STABLE AS $$
DECLARE
    shown_now bigint;
    found bigint;
BEGIN
    PERFORM set_config('{NOTED}', '', true);
    IF (SELECT coalesce(sum(w.n), 0) FROM {TABLE} w WHERE (w.table_name, w.column_name) IN
            (SELECT * FROM unnest(tables, columns))) <> counted THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(sum(w.n), 0) INTO shown_now FROM {TABLE} w
    WHERE (w.table_name, w.column_name) IN (SELECT * FROM unnest(shown_tables, shown_columns));
    IF shown_now = shown_counted THEN
        RETURN shown_now;
    END IF;
    FOR i IN 1 .. coalesce(cardinality(histories), 0) LOOP
        EXECUTE format('SELECT max(pgh_id) FROM %I WHERE pgh_obj_id = ANY($1)', histories[i])
            INTO found
            USING ARRAY(SELECT jsonb_array_elements_text(ids -> (i - 1))::bigint);
        IF found IS NOT NULL AND (newest[i] IS NULL OR found > newest[i]) THEN
            RETURN NULL;
        END IF;
    END LOOP;
    RETURN shown_now;
END;
$$;
"""

DROP_READING_SQL = """
DROP FUNCTION IF EXISTS core_copy_is_current(
    text[], text[], bigint, text[], text[], bigint, text[], jsonb, bigint[]
);
DROP FUNCTION IF EXISTS core_writes_before(text[], text[]);
"""

# CASCADE: the tables' triggers go with their functions.
DROP_FUNCTIONS_SQL = """
DROP FUNCTION IF EXISTS core_note_update() CASCADE;
DROP FUNCTION IF EXISTS core_note_rows() CASCADE;
DROP FUNCTION IF EXISTS core_note_writes(text, oid, text[]);
"""


def install(tables: list[str], using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Give each of `tables` that exists and lacks them the counting triggers; the tables given
    them. One query when all have them (after each migrate, and each flush of a test). A table
    without a single-column primary key counts every update as `*`."""
    connection = connections[using]
    quote = connection.ops.quote_name
    installed = []
    done = tables_with_triggers(using)
    with connection.cursor() as cursor:
        # Not before core's migration that creates the functions (or after it is reversed).
        cursor.execute("SELECT to_regprocedure('core_note_update()') IS NOT NULL")
        if not cursor.fetchone()[0]:
            return installed
        existing = set(connection.introspection.table_names(cursor))
        for table in tables:
            if table not in existing or table in done:
                continue
            key = connection.introspection.get_primary_key_column(cursor, table)
            for name, (operation, referencing, function) in TRIGGERS.items():
                if operation == "UPDATE" and not key:
                    referencing, function = "", "core_note_rows()"
                cursor.execute(
                    f"CREATE OR REPLACE TRIGGER {name} AFTER {operation} ON {quote(table)} "
                    f"{'REFERENCING ' + referencing if referencing else ''} FOR EACH STATEMENT "
                    f"EXECUTE FUNCTION {function.format(key=key)}"
                )
            installed.append(table)
    return installed


def tables_with_triggers(using: str = DEFAULT_DB_ALIAS) -> set[str]:
    """The tables that have every counting trigger."""
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname = ANY(%s) "
            "GROUP BY 1 HAVING count(*) = %s",
            [list(TRIGGERS), len(TRIGGERS)],
        )
        return {name.strip('"') for (name,) in cursor.fetchall()}


def writes_before(
    tables: list[str], histories: list[str], using: str = DEFAULT_DB_ALIAS
) -> tuple[dict[tuple[str, str], int], dict[str, int | None]]:
    """({(table, column): writes counted} of `tables`, {history: its newest event}), one query."""
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT * FROM core_writes_before(%s, %s)", [tables, histories])
        counted, newest = {}, {}
        for table, column, n in cursor.fetchall():
            if column is None:
                newest[table] = n
            else:
                counted[(table, column)] = int(n)
    return counted, newest


def copy_is_current(
    columns, counted: int, shown, shown_counted: int, rows, newest, using: str = DEFAULT_DB_ALIAS
) -> int | None:
    """The writes of a copy's shown columns now if nothing it read was written since
    (core.caching.Versions), else None; one query."""

    def split(pairs):
        return ([t for t, _c in pairs], [c for _t, c in pairs])

    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT core_copy_is_current(%s, %s, %s, %s, %s, %s, %s, %s::jsonb, %s::bigint[])",
            [
                *split(columns),
                counted,
                *split(shown),
                shown_counted,
                [history for history, _ids in rows],
                json.dumps([list(ids) for _history, ids in rows]),
                list(newest),
            ],
        )
        return cursor.fetchone()[0]
