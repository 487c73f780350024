from django.contrib.postgres.operations import BtreeGistExtension, TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    """PostgreSQL extensions the apps rely on: exclusion constraints and trigram search."""

    initial = True
    dependencies = []
    operations = [BtreeGistExtension(), TrigramExtension()]
