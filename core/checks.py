"""System checks of a deployment (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches, deploy=True)
def cache_is_shared(app_configs, **kwargs):
    """Throttles, the join limit and shared page copies count per process without Redis."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.DEBUG or backend not in PER_PROCESS_CACHES:
        return []
    return [
        Warning(
            "The cache is kept by each process: throttles and the join form's limit count per "
            "worker, so a client gets several times the limit, and each worker renders its own "
            "page copies.",
            hint="Set REDIS_URL so that every worker shares one cache.",
            id="core.W001",
        )
    ]
