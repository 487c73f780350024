from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _cache_status() -> str:
    ping = getattr(cache, "ping", None)
    # A cache without a server of its own (local memory) is always there.
    return "ok" if ping is None or ping() else "unavailable"


@never_cache
@require_GET
def healthz(request):
    """Each dependency's state; 503 only when the database does not answer (the cache is an
    accelerator: the site serves without it)."""
    body = {"status": "ok", "database": "ok", "cache": _cache_status()}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        body |= {"status": "error", "database": "unavailable"}
        return JsonResponse(body, status=503)
    return JsonResponse(body)
