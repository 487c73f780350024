from django.apps import AppConfig, apps
from django.db.models.signals import post_init, post_migrate


def updated_trigger():
    """`updated` moves on every UPDATE, however it is made (bulk `update()`, raw SQL, a shell).

    `auto_now` only runs in `save()`; this BEFORE trigger stamps the rows every other write
    changes, so `?updated_since=` never misses them. A write that sets `updated` itself (a
    `save()`, a deliberate back-dating) keeps its value. pghistory's AFTER triggers see the
    stamped row, so the history records it.
    """
    import pgtrigger

    return pgtrigger.Trigger(
        name="set_updated",
        when=pgtrigger.Before,
        operation=pgtrigger.Update,
        # Only `updated` itself: a BEFORE trigger's condition may not read generated columns.
        condition=pgtrigger.Condition("NEW.updated IS NOT DISTINCT FROM OLD.updated"),
        func="NEW.updated = now(); RETURN NEW;",
    )


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Alliance 8.7"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deployment checks)
        from .caching import install_write_triggers, note_record, register_ignored_table
        from .counts import triggers as count_triggers
        from .models import TimestampedModel

        # Abstract Meta.triggers is lost by every subclass that declares its own Meta: the
        # trigger is registered on each concrete model instead (pgtrigger adds it to
        # Meta.triggers, so migrations carry it).
        # Every registry table also keeps its row count (core/counts.py), for the API's lists.
        triggers = [updated_trigger(), *count_triggers()]
        # A count follows the table it counts, which the same page reads (core/counts.py).
        register_ignored_table("core_rowcount")
        # Every table a shared page may read counts its writes (core/writes.py): after each
        # migrate, the tables that lack the triggers get them, a new model's table too.
        post_migrate.connect(install_write_triggers, sender=self, dispatch_uid="core.writes")
        # A shared copy follows the records it shows (core/caching.py).
        post_init.connect(note_record, dispatch_uid="core.note_record")
        for model in apps.get_models():
            if issubclass(model, TimestampedModel) and not model._meta.proxy:
                for trigger in triggers:
                    trigger.register(model)
