"""The registry's models whose history is kept, for tests of what a command writes."""

from django.apps import apps

APPS = ["partners", "governance", "action_groups", "pathfinders"]


def tracked_models():
    return [
        model
        for label in APPS
        for model in apps.get_app_config(label).get_models()
        if hasattr(model, "pgh_event_model")
    ]
