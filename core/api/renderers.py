"""CSV for spreadsheets: `?format=csv` on any list gives the whole filtered list, streamed."""

import csv
import datetime
import io

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.serializers import Serializer

from core.models import DatedModel, last_day

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


class _Echo:
    """A file-like object whose write() hands back the line, for a streaming response."""

    def write(self, value):
        return value


def csv_columns(serializer, prefix: str = "") -> list[str]:
    """The columns of a serializer's rows as `flatten` names them, known before any row."""
    from .serializers import BriefRelatedField, BriefUserField

    columns = []
    for name, field in serializer.fields.items():
        if field.write_only:
            continue
        if isinstance(field, BriefRelatedField):
            columns += [f"{prefix}{name}.{key}" for key in ("id", "url", "display")]
        elif isinstance(field, BriefUserField):
            columns += [f"{prefix}{name}.{key}" for key in ("id", "display")]
        elif isinstance(field, Serializer):
            columns += csv_columns(field, f"{prefix}{name}.")
        else:
            columns.append(prefix + name)
    return columns


def csv_lines(serializer, rows):
    """The CSV lines of `rows` (the serialized records, in chunks): the header, then each row.

    A nested value the columns did not foresee (a method field's object) gets its own column
    only if the first chunk shows it.
    """
    writer = csv.writer(_Echo())
    columns = csv_columns(serializer)
    # A spreadsheet reader takes `end_date` for the last day: the period's last day is added.
    model = getattr(getattr(serializer, "Meta", None), "model", None)
    half_open = model is not None and issubclass(model, DatedModel) and "end_date" in columns
    if half_open:
        columns.insert(columns.index("end_date") + 1, "last_day")
    first = True
    for chunk in rows:
        flat = [flatten(item) for item in chunk]
        if half_open:
            for row in flat:
                end = row.get("end_date")
                row["last_day"] = last_day(datetime.date.fromisoformat(end)) if end else None
        if first:
            known = set(columns)
            columns += [key for row in flat for key in row if key not in known and key]
            # A null relation flattens to its bare name: its own columns stay empty.
            columns = list(dict.fromkeys(columns))
            yield writer.writerow(columns)
            first = False
        for row in flat:
            yield writer.writerow([cell(row.get(column)) for column in columns])
    if first:
        yield writer.writerow(columns)


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
