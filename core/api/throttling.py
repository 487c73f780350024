"""Separate rates for anonymous callers, token holders and application submissions."""

from rest_framework import throttling
from rest_framework.settings import api_settings

from core.clients import client_address


class SettingsRateMixin:
    """Reads the rate when asked, so a change of settings (a test, an override) takes effect,
    and counts by the client's address as settings.TRUSTED_PROXIES finds it."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return client_address(request)


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
