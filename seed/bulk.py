"""Writing and deleting many rows fast: COPY in, one DELETE statement out.

bulk_create spends much of its time building the SQL of a large INSERT in Python; COPY takes
tab-separated text instead. Ids are drawn from the table's sequence first, so the objects get their
primary keys as they would from bulk_create, and rows that refer to them can follow. Row triggers,
pghistory's among them, fire for COPY as for INSERT.

Values are written as Python holds them, without Django's per-field preparation (a large share
of the cost): this suits the plain strings, numbers, dates, lists and countries of demo data.
"""

import datetime
import io

from django.db import connection, models
from django.utils import timezone

ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _array(values) -> str:
    quoted = (str(v).replace("\\", "\\\\").replace('"', '\\"') for v in values)
    return "{" + ",".join(f'"{v}"' for v in quoted) + "}"


def _text(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime.date):  # datetimes too
        return value.isoformat()
    if isinstance(value, list | tuple):
        value = _array(value)
    return str(value).translate(ESCAPES)


def _link_saved_relations(obj: models.Model, relations: list[models.ForeignKey]) -> None:
    """Take the id of a related object saved after it was assigned, as bulk_create does."""
    for field in relations:
        if getattr(obj, field.attname) is None and field.is_cached(obj):
            related = getattr(obj, field.name)
            if related is not None:
                setattr(obj, field.attname, related.pk)


def copy_insert(objs: list[models.Model]) -> None:
    """Insert objects of one model, setting their primary keys."""
    model = type(objs[0])
    meta = model._meta
    # A generated column (the partner's search vector) is the database's to write: COPY refuses
    # it, and reading it from an unsaved object would query for the row.
    fields = [f for f in meta.concrete_fields if not f.primary_key and not f.generated]
    relations = [f for f in fields if f.is_relation]
    stamped = [
        f.attname
        for f in fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    attnames = [f.attname for f in fields]
    now = timezone.now()
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in [meta.pk, *fields])
    with connection.cursor() as cursor:
        # A WITH statement, not a SELECT: pghistory then sets its (transaction-local) context
        # ahead of it, and the COPY, which no execute wrapper sees, is recorded under it.
        cursor.execute(
            "WITH ids AS (SELECT nextval(pg_get_serial_sequence(%s, %s)) AS id "
            "FROM generate_series(1, %s)) SELECT id FROM ids",
            [meta.db_table, meta.pk.column, len(objs)],
        )
        ids = [row[0] for row in cursor.fetchall()]
        buffer = io.StringIO()
        for obj, pk in zip(objs, ids, strict=True):
            _link_saved_relations(obj, relations)
            obj.pk = pk
            for attname in stamped:
                setattr(obj, attname, now)
            values = [pk] + [getattr(obj, attname) for attname in attnames]
            buffer.write("\t".join(map(_text, values)))
            buffer.write("\n")
        buffer.seek(0)
        cursor.copy_expert(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN", buffer)
    alias = connection.alias
    for obj in objs:
        obj._state.adding, obj._state.db = False, alias


def check_constraints_per_statement() -> None:
    """Check foreign keys at the end of each statement rather than at commit, in this transaction.

    Our foreign keys are deferred, so every row written queues a check until commit; PostgreSQL
    then fires each row's history trigger more slowly the longer that queue is.
    """
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def delete_rows(queryset) -> int:
    """One DELETE statement; QuerySet.delete() would load every row and delete 100 at a time."""
    meta = queryset.model._meta
    quote = connection.ops.quote_name
    sql, params = queryset.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(meta.db_table)} WHERE {quote(meta.pk.column)} IN ({sql})", params
        )
        return cursor.rowcount
