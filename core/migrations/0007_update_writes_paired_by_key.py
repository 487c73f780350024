from django.db import migrations

from core.writes import FUNCTIONS_SQL


class Migration(migrations.Migration):
    """core_note_update() pairs a write's old and new rows on the key column, by a hash join:
    paired on an expression it took a nested loop, 18 s for an upsert of 2,190 rows."""

    dependencies = [
        ("core", "0006_copy_reading_functions"),
    ]

    operations = [
        # CREATE OR REPLACE: the functions as core/writes.py has them now. Nothing to undo: the
        # functions before this one gave the same counts, only slower.
        migrations.RunSQL(FUNCTIONS_SQL, migrations.RunSQL.noop),
    ]
