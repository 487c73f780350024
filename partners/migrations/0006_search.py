"""The directory's search by PostgreSQL's own machinery: unaccent, and (added as the search lands)
the normalising function, the stored search column and its trigram indexes."""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0005_web_addresses_only"),
    ]

    operations = [
        UnaccentExtension(),
    ]
