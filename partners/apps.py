from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from core.caching import register_derived_table

        # Kept by the partners table's triggers (partners/tally.py, migration 0006_search): a
        # page that reads them changes when partners do.
        register_derived_table("partners_partnertally", source="partners_partner")
        register_derived_table("partners_partnermargin", source="partners_partner")
        register_derived_table("partners_search_word", source="partners_partner")
