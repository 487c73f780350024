import pghistory
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pathfinders.seed.loader import load_all


class Command(BaseCommand):
    help = gettext_lazy(
        "Load the facts of the Alliance 8.7 progress report (partners, governance, events, "
        "Action Groups, pathfinders, global estimates). Running it again changes nothing."
    )

    def handle(self, *args, **options):
        with transaction.atomic(), pghistory.context(command="load_alliance87"):
            tally = load_all()
        if options["verbosity"] >= 1:
            for model in tally.models:
                self.stdout.write(
                    _(
                        "%(model)s: %(created)d created, %(updated)d updated, %(unchanged)d unchanged"
                    )
                    % {
                        "model": model._meta.verbose_name_plural,
                        "created": tally.created[model],
                        "updated": tally.updated[model],
                        "unchanged": tally.unchanged[model],
                    }
                )
        self.stdout.write(
            _(
                "Alliance 8.7 seed: %(created)d created, %(updated)d updated, %(unchanged)d unchanged."
            )
            % {
                "created": sum(tally.created.values()),
                "updated": sum(tally.updated.values()),
                "unchanged": sum(tally.unchanged.values()),
            }
        )
