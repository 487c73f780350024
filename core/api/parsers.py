"""JSON bodies that PostgreSQL and Python can take, or a 400 that says why.

A lone surrogate ("\\ud800") is valid JSON but no UTF-8 text, so the database refuses it; a NUL
cannot be stored in PostgreSQL text; a body nested a thousand levels deep exhausts Python's
stack. Each is refused here, before any serializer sees it.
"""

import math

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, parsers

# Deeper than any resource's body (a related record given as an object is two levels).
MAX_DEPTH = 20


def _refuse(reason):
    raise exceptions.ParseError(_("JSON parse error - %(reason)s") % {"reason": reason})


def _check(data) -> None:
    """Walks the parsed body without recursion, refusing what cannot be stored."""
    pending = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_DEPTH:
            _refuse(_("the body is nested too deeply."))
        if isinstance(value, dict):
            pending += [(key, depth) for key in value]
            pending += [(item, depth + 1) for item in value.values()]
        elif isinstance(value, list):
            pending += [(item, depth + 1) for item in value]
        elif isinstance(value, str):
            if "\x00" in value:
                _refuse(_("a text holds a NUL character."))
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                _refuse(_("a text holds an invalid character (a lone surrogate)."))
        elif isinstance(value, float) and not math.isfinite(value):
            _refuse(_("a number is out of range."))


class StrictJSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            _refuse(_("the body is nested too deeply."))
        _check(data)
        return data
