from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionGroupsConfig(AppConfig):
    name = "action_groups"
    verbose_name = _("Action Groups")
