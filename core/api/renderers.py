"""CSV for spreadsheets: `?format=csv` on any list, with the same filters and pagination."""

import csv
import io

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer

# A cell starting with one of these is a formula to a spreadsheet: quote it (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def flatten(value, prefix="") -> dict:
    """One CSV row: nested objects become `partner.display` columns, lists are joined by "; "."""
    if isinstance(value, dict):
        row = {}
        for key, item in value.items():
            row.update(flatten(item, f"{prefix}{key}."))
        return row
    if isinstance(value, list):
        parts = [
            item.get("display", item.get("id")) if isinstance(item, dict) else item
            for item in value
        ]
        value = "; ".join("" if part is None else str(part) for part in parts)
    return {prefix.rstrip("."): value}


def cell(value):
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, dict) and isinstance(data.get("results"), list):
            data = data["results"]
        rows = [flatten(item) for item in (data if isinstance(data, list) else [data])]
        columns = list(dict.fromkeys(key for row in rows for key in row))
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell(row.get(column)) for column in columns])
        return out.getvalue().encode(self.charset)


class RegistryContentNegotiation(DefaultContentNegotiation):
    """An unknown `?format=` is a malformed parameter (400), not a missing page (404)."""

    def filter_renderers(self, renderers, format):
        found = [renderer for renderer in renderers if renderer.format == format]
        if not found:
            known = ", ".join(renderer.format for renderer in renderers)
            raise exceptions.ValidationError(
                {"format": [_("Unknown format; use one of: %(known)s.") % {"known": known}]}
            )
        return found
