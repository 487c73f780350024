import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

APPS = ("partners", "governance", "action_groups", "pathfinders")
migration = importlib.import_module("portal.migrations.0001_secretariat_groups")


def codenames(group_name):
    group = Group.objects.get(name=group_name)
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def registry_models():
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            if not hasattr(model, "pgh_id"):
                yield model


@pytest.mark.django_db
def test_editors_may_add_change_delete_and_view_every_registry_model():
    granted = codenames("Secretariat editors")

    for model in registry_models():
        for action in ("add", "change", "delete", "view"):
            assert (model._meta.app_label, f"{action}_{model._meta.model_name}") in granted


@pytest.mark.django_db
def test_viewers_may_only_view():
    granted = codenames("Secretariat viewers")

    expected = {(m._meta.app_label, f"view_{m._meta.model_name}") for m in registry_models()}
    assert expected <= granted
    assert {codename.split("_")[0] for _app, codename in granted} == {"view"}


@pytest.mark.django_db
@pytest.mark.parametrize("group_name", ["Secretariat editors", "Secretariat viewers"])
def test_both_groups_may_read_history_but_never_edit_it(group_name):
    granted = codenames(group_name)

    assert ("pghistory", "view_events") in granted
    assert ("partners", "view_partnerevent") in granted
    assert ("partners", "change_partnerevent") not in granted


@pytest.mark.django_db
def test_the_groups_migration_can_run_again_and_be_reversed():
    state_apps = (
        MigrationExecutor(connection)
        .loader.project_state(("portal", "0001_secretariat_groups"))
        .apps
    )
    before = codenames("Secretariat editors")

    migration.create_groups(state_apps, None)
    assert codenames("Secretariat editors") == before

    migration.delete_groups(state_apps, None)
    assert not Group.objects.filter(name__startswith="Secretariat").exists()
