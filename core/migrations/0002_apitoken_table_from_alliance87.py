from django.db import migrations


class Migration(migrations.Migration):
    """A database migrated before the foundation moved to core keeps its tokens, renamed.

    On a new database the table already has its name and this does nothing.
    """

    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.RunSQL(
            """
            DO $$ BEGIN
                IF to_regclass('alliance87_apitoken') IS NOT NULL
                   AND to_regclass('core_apitoken') IS NULL THEN
                    ALTER TABLE alliance87_apitoken RENAME TO core_apitoken;
                END IF;
            END $$
            """,
            migrations.RunSQL.noop,
        )
    ]
