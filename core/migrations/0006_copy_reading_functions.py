from django.db import migrations

from core.writes import DROP_READING_SQL, READING_SQL


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_column_writes"),
    ]

    operations = [
        # What a shared page copy asks of the writes counted (core/writes.py).
        migrations.RunSQL(READING_SQL, DROP_READING_SQL),
    ]
