from django.db import migrations

from core.writes import FUNCTIONS_SQL, READING_SQL


class Migration(migrations.Migration):
    """Counting in time linear in the rows written: core_note_update() pairs a write's old and
    new rows on the key column, by a hash join (paired on an expression it took a nested loop,
    18 s for an upsert of 2,190 rows), and a transaction counts each column once (each of the N
    history rows of a bulk write folded the counts anew, over a growing trail of dead rows)."""

    dependencies = [
        ("core", "0006_copy_reading_functions"),
    ]

    operations = [
        # CREATE OR REPLACE: the functions as core/writes.py has them now. Nothing to undo: the
        # functions before this one counted the same writes, only more often and slower.
        migrations.RunSQL(FUNCTIONS_SQL + READING_SQL, migrations.RunSQL.noop),
    ]
