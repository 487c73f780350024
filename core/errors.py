"""Errors that services raise and every caller (admin, forms, API) understands."""

from django.core.exceptions import ValidationError


class ConflictError(ValidationError):
    """A write refused because the record changed under it: another write decided first.

    A ValidationError, so the admin and forms show its message; the API answers it with a 409.
    """
