from pathlib import Path

from django.core.management.base import BaseCommand

from partners import orgid


class Command(BaseCommand):
    help = (
        "Rebuild partners/data/org-id-schemes.json from a checkout (clone or bare git directory) "
        "of github.com/org-id/register."
    )

    def add_arguments(self, parser):
        parser.add_argument("checkout", type=Path)
        parser.add_argument("--revision", default="HEAD")
        parser.add_argument("--output", type=Path, default=orgid.DATA_FILE)

    def handle(self, *args, checkout, revision, output, **options):
        data = orgid.build(checkout, revision)
        orgid.write(data, output)
        register = data["register"]
        self.stdout.write(
            f"{len(data['schemes'])} schemes from {register['commit'][:12]} "
            f"({register['date']}) written to {output}"
        )
