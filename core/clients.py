"""Who is asking: the client's address, behind as many proxies as settings.TRUSTED_PROXIES says.

With no trusted proxy (the default) X-Forwarded-For is ignored: anyone can write it. With a
count N, the address is the one the Nth proxy from us saw; with a list, the rightmost address of
the chain that is not one of the listed proxies. Throttles, the join form's limit, admin log-in
lock-outs and the logs all ask here.
"""

from django.conf import settings


def _forwarded_chain(request) -> list[str]:
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return [hop.strip() for hop in header.split(",") if hop.strip()]


def client_address(request) -> str:
    """The client's address, as far as the trusted proxies vouch for it."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXIES
    if not trusted:
        return remote
    chain = [*_forwarded_chain(request), remote]
    if isinstance(trusted, int):
        # The last `trusted` hops are our proxies; the hop before them is the client.
        return chain[-trusted - 1] if len(chain) > trusted else chain[0]
    if remote not in trusted:
        return remote
    for hop in reversed(chain):
        if hop not in trusted:
            return hop
    return chain[0]


class LockoutRetryAfterMiddleware:
    """Says when a locked-out log-in may try again: django-axes answers 429 without it."""

    def __init__(self, get_response):
        # Imported here: logging, configured before the apps are ready, imports this module.
        from axes.helpers import get_cool_off

        self.get_response = get_response
        self.get_cool_off = get_cool_off

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "axes_locked_out", False) and response.status_code == 429:
            cool_off = self.get_cool_off(request)
            if cool_off:
                response["Retry-After"] = str(int(cool_off.total_seconds()))
        return response
