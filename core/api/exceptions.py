"""One error shape for the whole API: {status, code, detail, errors}."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, OperationalError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.permissions import SAFE_METHODS
from rest_framework.views import exception_handler as drf_exception_handler

from core.errors import ConflictError

from .serializers import django_errors

# PostgreSQL's codes for two transactions that collided: the one it rolled back lost the race,
# as a unique or exclusion violation would (two rotations from a vacant chair meet in a deadlock
# while each checks the other's new term against the exclusion constraint).
COLLISION_CODES = {"40P01", "40001"}  # deadlock_detected, serialization_failure


def _collided(exc) -> bool:
    cause = exc.__cause__
    return isinstance(exc, OperationalError) and getattr(cause, "pgcode", None) in COLLISION_CODES


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Other records depend on this one: change or delete them first.")
    default_code = "conflict"


def error_body(status_code: int, code: str, detail: str, errors: dict | None = None) -> dict:
    return {"status": status_code, "code": code, "detail": str(detail), "errors": errors or {}}


class BodyTooLarge(exceptions.APIException):
    status_code = 413
    default_detail = _("The body is too large.")
    default_code = "too_large"


def exception_handler(exc, context):
    if isinstance(exc, RequestDataTooBig):
        # Over settings.DATA_UPLOAD_MAX_MEMORY_SIZE: refused before it is read.
        exc = BodyTooLarge()
    elif isinstance(exc, ConflictError):
        exc = Conflict(" ".join(exc.messages))
    elif isinstance(exc, IntegrityError) or _collided(exc):
        # A database rule that no check before the write could see: another write, at the same
        # moment, took what this one wanted.
        exc = Conflict(_("Another change was saved at the same moment: reload and try again."))
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(django_errors(exc))
    elif isinstance(exc, ProtectedError | RestrictedError):
        exc = Conflict()
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        request = context.get("request")
        if request is not None and request.method in SAFE_METHODS:
            detail = _("Malformed query parameters: %(names)s.") % {"names": ", ".join(errors)}
        else:
            detail = _("The request is invalid: see `errors`.")
        response.data = error_body(response.status_code, "invalid", detail, errors)
    else:
        code = exc.get_codes()
        response.data = error_body(
            response.status_code, code if isinstance(code, str) else "error", exc.detail
        )
    return response
