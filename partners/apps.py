from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from core.caching import register_kept_table

        # Kept by the partners table's triggers (partners/tally.py, migration 0006_search): pages
        # read them, so their writes are counted too (core/writes.py).
        for table in ("partners_partnertally", "partners_partnermargin", "partners_search_word"):
            register_kept_table(table)
