"""OpenAPI: the error responses, `format` and validators every operation shares."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from core.translation import LANGUAGES

from .serializers import BriefRelatedField, BriefSerializer, ErrorSerializer

ERRORS = {
    "400": _("Invalid: the `errors` name each body field or query parameter at fault and why."),
    "401": _("Not authenticated: this needs an API token (`Authorization: Token <key>`)."),
    "403": _("Forbidden: the token's user lacks the permission this needs."),
    "404": _("Not found: no such record (or page)."),
    "409": _(
        "Conflict: another change made at the same moment came first (reload and try again), "
        "or other records depend on this one."
    ),
    "413": _("Too large: the body is over the upload limit."),
    "415": _("Unsupported media type: send JSON."),
    "429": _("Too many requests: wait the seconds in the `Retry-After` header."),
}


# Every operation answers in the language asked for (core.middleware.api_language).
LANGUAGE_PARAMETER = OpenApiParameter(
    "lang",
    str,
    OpenApiParameter.QUERY,
    enum=list(LANGUAGES),
    description=_(
        "The language of the text fields and of the messages (`en`, `fr` or `es`); without it, "
        "the `Accept-Language` header says which. Any other language is answered in English, "
        "as is a text not yet translated."
    ),
)


def error(code: str) -> OpenApiResponse:
    return OpenApiResponse(response=ErrorSerializer, description=str(ERRORS[code]))


class RegistryAutoSchema(AutoSchema):
    def get_override_parameters(self):
        return [*super().get_override_parameters(), LANGUAGE_PARAMETER]

    def get_auth(self):
        # Reads are open to anyone (and the application form's twin): `{}` says a request
        # without credentials is accepted, so generated clients need no token for them.
        auth = super().get_auth()
        anonymous = (
            self.method.upper() in ("GET", "HEAD")
            and not getattr(self.view, "private_reads", False)
        ) or (getattr(self.view, "anonymous_create", False) and self._is_create_operation())
        if anonymous and {} not in auth:
            auth.append({})
        return auth

    def is_deprecated(self):
        # A view marked `deprecation` (core.api.viewsets.DeprecationMixin) is deprecated here too.
        return super().is_deprecated() or bool(getattr(self.view, "deprecation", None))

    def _error_codes(self) -> list[str]:
        method = self.method.upper()
        view = self.view
        detail = bool(self.path_regex and "{" in self.path)
        # 400 everywhere: a malformed query parameter (an unknown `format`) is one.
        codes = ["400", "429"]
        if method in ("GET", "HEAD"):
            codes.append("404")
            if getattr(view, "private_reads", False):
                codes += ["401", "403"]
        else:
            anonymous = getattr(view, "anonymous_create", False) and self._is_create_operation()
            # Any write may meet another at the same moment (409); a body may be too large.
            codes += ["409"] + (["413", "415"] if method != "DELETE" else [])
            if not anonymous:
                codes += ["401", "403"]
            if detail:
                codes.append("404")
        return codes

    def _get_response_bodies(self, direction="response"):
        bodies = super()._get_response_bodies(direction)
        if self.method.upper() == "GET":
            bodies["304"] = {
                "description": str(_("Not modified: the If-None-Match ETag still matches."))
            }
        for code in self._error_codes():
            bodies.setdefault(
                code, self._get_response_for_code(error(code), code, direction=direction)
            )
        return bodies

    def _get_format_parameters(self):
        parameters = super()._get_format_parameters()
        for parameter in parameters:
            parameter["description"] = str(
                _(
                    "`csv` for a spreadsheet of the same records (of a list: the same page); "
                    "JSON otherwise."
                )
            )
        return parameters


class BriefRelatedFieldExtension(OpenApiSerializerFieldExtension):
    """Related records: {id, url, display} when read; an id (or slug, ISO code) when written."""

    target_class = "core.api.serializers.BriefRelatedField"

    def map_serializer_field(self, auto_schema, direction):
        if direction == "response":
            return auto_schema.resolve_serializer(BriefSerializer, direction).ref
        queryset = self.target.get_queryset()
        key = BriefRelatedField.alternate_key(queryset.model) if queryset is not None else None
        as_id = {"type": "integer", "minimum": 1, "description": str(_("The record's id."))}
        if key is None:
            return as_id
        named = {
            "type": "string",
            "description": str(
                _("The record's slug.") if key == "slug" else _("An ISO 3166 code.")
            ),
        }
        return {"oneOf": [as_id, named]}


class BriefUserFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "core.api.serializers.BriefUserField"

    def map_serializer_field(self, auto_schema, direction):
        return {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "display": {"type": "string"}},
            "required": ["id", "display"],
        }
