"""API tokens: `Authorization: Token <key>` (or `Bearer <key>`), checked against a stored hash."""

import pghistory
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from core.models import ApiToken


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """Authenticates as the token's user, so that user's model permissions decide the writes."""

    keywords = ("token", "bearer")

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].decode("latin-1").lower() not in self.keywords:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("Malformed Authorization header: send “Token <key>”.")
            )
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError as error:
            raise exceptions.AuthenticationFailed(
                _("The token contains invalid characters.")
            ) from error
        token = (
            ApiToken.objects.usable()
            .select_related("user")
            .filter(key_hash=ApiToken.hash_key(key))
            .first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Unknown, expired or revoked token."))
        # History records which integrator made the change, beside the user.
        pghistory.context(api_token=token.name)
        return token.user, token

    def authenticate_header(self, request):
        # Makes DRF answer 401 (not 403) to an anonymous write, and says how to authenticate.
        return 'Token realm="api"'


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "core.api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": str(
                _(
                    "An API token issued by the secretariat, sent as `Authorization: Token <key>`. "
                    "Needed for writes only: reads are open."
                )
            ),
        }
