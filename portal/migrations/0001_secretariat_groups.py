"""The secretariat's two groups: editors keep the records, viewers read them and their history."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Secretariat editors"
VIEWERS = "Secretariat viewers"
REGISTRY_APPS = ["partners", "governance", "action_groups", "pathfinders"]
HISTORY_PERMISSIONS = ["view_events", "view_middlewareevents"]


def _is_history(model) -> bool:
    # pghistory's event models (PartnerEvent, ...) carry pgh_id; history is never edited by hand.
    return any(field.name == "pgh_id" for field in model._meta.fields)


def create_groups(apps, schema_editor):
    # Permissions are normally created after migrate (post_migrate): create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    edit, view = [], []
    for label in REGISTRY_APPS:
        for model in apps.get_app_config(label).get_models():
            permissions = Permission.objects.filter(
                content_type__app_label=label, content_type__model=model._meta.model_name
            )
            view.extend(permissions.filter(codename__startswith="view_"))
            edit.extend(permissions if not _is_history(model) else [])
    history = Permission.objects.filter(
        content_type__app_label="pghistory", codename__in=HISTORY_PERMISSIONS
    )
    view.extend(history)

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(*edit, *view)
    viewers, _ = Group.objects.get_or_create(name=VIEWERS)
    viewers.permissions.add(*view)


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, VIEWERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("pghistory", "0007_auto_20250421_0444"),
        ("partners", "0001_initial"),
        ("governance", "0002_initial"),
        ("action_groups", "0003_initial"),
        ("pathfinders", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
