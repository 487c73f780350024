"""The search vectors kept in the partner's row (storage MAIN), not in its TOAST table.

A partner's row holds three names, acronyms and descriptions and the vectors of all three
languages (about 2 KB): past PostgreSQL's 2 KB threshold, the vectors went out of the row first,
and every search that checks all rows (a broad word) read each vector through the TOAST index.
MAIN moves the descriptions out first, which only a card or a profile reads. VACUUM FULL rewrites
the rows already stored (docs/performance.md, "Search").
"""

from django.db import migrations

VECTORS = ("search_vector", "search_name_vector")


def storage(kind: str) -> str:
    columns = ", ".join(f"ALTER COLUMN {name} SET STORAGE {kind}" for name in VECTORS)
    return f"ALTER TABLE partners_partner {columns}"


class Migration(migrations.Migration):
    # VACUUM cannot run in a transaction.
    atomic = False

    dependencies = [
        ("partners", "0015_filter_columns_beside_ids"),
    ]

    operations = [
        migrations.RunSQL(storage("MAIN"), reverse_sql=storage("EXTENDED")),
        migrations.RunSQL("VACUUM FULL partners_partner", reverse_sql=migrations.RunSQL.noop),
    ]
