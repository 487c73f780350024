import pghistory
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from seed.loader import load_all

SUMMARY = gettext_lazy(
    "%(what)s: %(created)d created, %(updated)d updated, %(unchanged)d unchanged"
)
KEPT = gettext_lazy("Skipped %(what)s “%(record)s”: kept %(fields)s as staff changed them")
REFUSED = gettext_lazy("Skipped %(what)s “%(record)s”: %(reason)s")


class Command(BaseCommand):
    help = gettext_lazy(
        "Load the facts of the Alliance 8.7 progress report (partners, governance, events, "
        "Action Groups, pathfinders, global estimates). Running it again creates what is missing "
        "and never overwrites what staff have changed."
    )

    def handle(self, *args, verbosity, **options):
        with transaction.atomic(), pghistory.context(command="load_alliance87"):
            tally = load_all()
        if verbosity >= 1:
            for model in tally.models:
                what = model._meta.verbose_name_plural
                self.stdout.write(SUMMARY % {"what": what, **tally.counts(model)})
        for skip in tally.skipped:
            what = skip.model._meta.verbose_name
            if skip.fields:
                fields = ", ".join(skip.fields)
                self.stdout.write(KEPT % {"what": what, "record": skip.record, "fields": fields})
            else:
                self.stdout.write(
                    REFUSED % {"what": what, "record": skip.record, "reason": skip.reason}
                )
        self.stdout.write(SUMMARY % {"what": _("Alliance 8.7 seed"), **tally.counts()})
