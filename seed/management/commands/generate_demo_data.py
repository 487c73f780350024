import time

import pghistory
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from seed import demo


class Command(BaseCommand):
    help = gettext_lazy(
        "Fill the database with deterministic demo data for performance work. Demo rows are "
        "marked (slug prefix “demo-”, source “Demo data …”) and --clear deletes them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--partners",
            type=int,
            default=1000,
            help=gettext_lazy("How many demo partners; 0 with --clear only deletes."),
        )
        parser.add_argument(
            "--seed", type=int, default=87, help=gettext_lazy("The same seed gives the same data.")
        )
        parser.add_argument(
            "--clear", action="store_true", help=gettext_lazy("Delete earlier demo data first.")
        )

    def handle(self, *args, partners, seed, clear, verbosity, **options):
        if partners < 0:
            raise CommandError(_("--partners cannot be negative."))
        if not clear and self._already_there(partners, seed):
            return
        started = time.monotonic()
        context = {"command": "generate_demo_data", "seed": seed, "partners": partners}
        with transaction.atomic(), pghistory.context(**context):
            deleted = demo.clear() if clear else {}
            created = {}
            if partners:
                generator = demo.DemoData(partners=partners, seed=seed, progress=verbosity > 0)
                created = generator.generate()
        if clear:
            self.stdout.write(_("Deleted %(count)d demo rows.") % {"count": sum(deleted.values())})
        if verbosity > 1:
            for model, count in created.items():
                self.stdout.write(f"{model._meta.verbose_name_plural}: {count}")
        if partners:
            self.stdout.write(
                _("Created %(count)d demo rows (%(partners)d partners, seed %(seed)d).")
                % {"count": sum(created.values()), "partners": partners, "seed": seed}
            )
        self.stdout.write(_("Took %(seconds).1f s.") % {"seconds": time.monotonic() - started})

    def _already_there(self, partners: int, seed: int) -> bool:
        existing = demo.demo_partners()
        if not existing.exists():
            return False
        if existing.count() == partners and not existing.exclude(source=demo.marker(seed)).exists():
            self.stdout.write(
                _("Demo data with seed %(seed)d and %(count)d partners is already there.")
                % {"seed": seed, "count": partners}
            )
            return True
        raise CommandError(
            _("Other demo data is already there; run again with --clear to replace it.")
        )
