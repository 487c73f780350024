"""Separate rates for anonymous callers, token holders and application submissions, and the
RateLimit headers that tell a caller where it stands.

Each throttle that counts a request records its limit, what is left and when a slot frees on the
request (`RateLimitState`); `RateLimitHeadersMiddleware` writes the headers from that record, so
the headers and the 429 come from the same count.
"""

import math
from dataclasses import dataclass

from rest_framework import throttling
from rest_framework.settings import api_settings

from core.clients import client_address

# The attribute of the Django request holding the states of the throttles that counted it.
STATES_ATTRIBUTE = "rate_limit_states"


@dataclass(frozen=True)
class RateLimitState:
    """Where one client stands against one throttle, just after this request was counted."""

    scope: str
    limit: int
    window: int  # seconds
    remaining: int
    reset: int  # seconds until the oldest counted request leaves the window

    @property
    def policy(self) -> str:
        return f"{self.limit};w={self.window}"


class SettingsRateMixin:
    """Reads the rate when asked, so a change of settings (a test, an override) takes effect,
    counts by the client's address as settings.TRUSTED_PROXIES finds it, and records the count
    on the request for the RateLimit headers."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return client_address(request)

    def allow_request(self, request, view):
        allowed = super().allow_request(request, view)
        if self.rate is not None and getattr(self, "key", None) is not None:
            self._record(request, allowed)
        return allowed

    def _record(self, request, allowed: bool) -> None:
        # After a success the history holds this request; the oldest entry is the last one.
        reset = self.duration - (self.now - self.history[-1]) if self.history else self.duration
        state = RateLimitState(
            scope=self.scope,
            limit=self.num_requests,
            window=self.duration,
            remaining=max(self.num_requests - len(self.history), 0) if allowed else 0,
            reset=max(math.ceil(reset), 0),
        )
        django_request = getattr(request, "_request", request)
        states = getattr(django_request, STATES_ATTRIBUTE, None)
        if states is None:
            states = []
            setattr(django_request, STATES_ATTRIBUTE, states)
        states.append(state)


class AnonThrottle(SettingsRateMixin, throttling.AnonRateThrottle):
    scope = "anon"


class TokenThrottle(SettingsRateMixin, throttling.UserRateThrottle):
    """Authenticated callers (API tokens, staff sessions), counted per user."""

    scope = "token"

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)


class ApplicationSubmissionThrottle(SettingsRateMixin, throttling.SimpleRateThrottle):
    """New partnership applications, per address: the public form's twin invites spam."""

    scope = "applications"

    def get_cache_key(self, request, view):
        if getattr(view, "action", None) != "create":
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def rate_limit_headers(states: list[RateLimitState]) -> dict[str, str]:
    """The headers of the IETF draft (draft-ietf-httpapi-ratelimit-headers) for `states`.

    Limit, Remaining and Reset are those of the throttle nearest to refusing (the least
    remaining, then the longest wait); Policy lists every throttle that counted the request.
    """
    if not states:
        return {}
    nearest = min(states, key=lambda state: (state.remaining, -state.reset))
    return {
        "RateLimit-Limit": str(nearest.limit),
        "RateLimit-Remaining": str(nearest.remaining),
        "RateLimit-Reset": str(nearest.reset),
        "RateLimit-Policy": ", ".join(state.policy for state in states),
    }


class RateLimitHeadersMiddleware:
    """Writes the RateLimit headers on every API response whose request a throttle counted.

    A middleware, not a view's finalize_response, so every API view (the feeds, the schema, the
    root, a 304) carries them; it stands above ConditionalGetMiddleware so a 304 keeps them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in rate_limit_headers(getattr(request, STATES_ATTRIBUTE, [])).items():
            response[name] = value
        if response.status_code == 429 and "RateLimit-Reset" in response:
            response.setdefault("Retry-After", response["RateLimit-Reset"])
        return response
