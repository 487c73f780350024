"""The registry's public data as a Frictionless data package: datapackage.json and one CSV each.

Built from the API's own resources, so a resource added to the API lands here too: each table is
a resource's model, its columns the model's fields that the resource's serializer shows (a
related record as its id; a translatable field as `name`, in English, and `name_fr`, `name_es`),
plus one table per many-to-many field shown (the pairs of ids). The Table Schemas say each
column's type and constraints, the primary key and the foreign keys.

Nothing is stored: every CSV is read from the database as it is streamed (`values_list()`,
`iterator()`, never a copy in memory), so it is right after any write, bulk ones included. The
ETag is the site's data version (core.caching), which any write of a tracked table changes.
"""

import csv
import datetime
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from hashlib import sha256

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import resolve
from django.utils.text import format_lazy
from django_countries.fields import CountryField

from core.api.resources import resources
from core.caching import site_data_version
from core.licences import DATA_ATTRIBUTION, DATA_LICENCE
from core.translation import with_translations

# The data licence (CC BY 4.0, DATA-LICENSE.md) in the keys of the Data Package specification.
DATA_LICENSE = {
    "name": DATA_LICENCE["id"],
    "path": DATA_LICENCE["url"],
    "title": DATA_LICENCE["name"],
}
# Rows read from the database at a time while a CSV is streamed.
CHUNK_SIZE = 2000


@dataclass(frozen=True)
class Column:
    name: str  # the CSV header and the Table Schema field name
    attname: str  # what values_list() reads
    field: models.Field


@dataclass(frozen=True)
class Table:
    """One resource of the package: a model's table or a many-to-many field's links."""

    name: str  # the API's prefix ("seat-terms"), or "<prefix>-<field>" for links
    title: str  # lazy: translated when the descriptor is written
    queryset: models.QuerySet
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    # column name -> (resource name, its field)
    foreign_keys: tuple[tuple[str, str, str], ...] = ()

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def rows(self) -> Iterator[tuple]:
        attnames = [column.attname for column in self.columns]
        order = [column.attname for column in self.columns if column.name in self.primary_key]
        values = self.queryset.order_by(*order).values_list(*attnames)
        yield from values.iterator(chunk_size=CHUNK_SIZE)


def _public_viewsets():
    """(resource, viewset) for every API resource anyone may read, in the API's order."""
    found = []
    for resource in resources().values():
        viewset = resolve(resource.list_path).func.cls
        if getattr(viewset, "private_reads", False):
            continue
        found.append((resource, viewset))
    return sorted(found, key=lambda pair: pair[0].prefix)


@cache
def tables() -> tuple[Table, ...]:
    """Every table of the package, model tables first, links after."""
    viewsets = _public_viewsets()
    names = {resource.model: resource.prefix for resource, _viewset in viewsets}
    model_tables, link_tables = [], []
    for resource, viewset in viewsets:
        model = resource.model
        # A translatable field the API shows has a column per language: `name`, in English,
        # then `name_fr` and `name_es`, as the model declares them.
        shown = set(with_translations(model, viewset.serializer_class.Meta.fields))
        columns, foreign_keys = [], []
        for field in model._meta.concrete_fields:
            # The primary key is not `serialize`d by Django, but every table has its id.
            if field.name not in shown or not (field.serialize or field.primary_key):
                continue
            columns.append(Column(field.name, field.attname, field))
            if field.is_relation and field.related_model in names:
                foreign_keys.append((field.name, names[field.related_model], "id"))
        model_tables.append(
            Table(
                name=resource.prefix,
                title=model._meta.verbose_name_plural,
                queryset=model._default_manager.all(),
                columns=tuple(columns),
                primary_key=("id",),
                foreign_keys=tuple(foreign_keys),
            )
        )
        for field in model._meta.many_to_many:
            if field.name in shown and field.related_model in names:
                link_tables.append(_links(resource.prefix, field, names))
    return (*model_tables, *link_tables)


def _links(prefix: str, field: models.ManyToManyField, names: dict) -> Table:
    through = field.remote_field.through
    source = field.m2m_field_name()  # the through model's key to the field's model
    target = field.m2m_reverse_field_name()  # its key to the related model
    source_field = through._meta.get_field(source)
    target_field = through._meta.get_field(target)
    # Columns named after the models ("pathfinder_country", "partner"); a link of a model to
    # itself keeps Django's from_/to_ names.
    source_name, target_name = _snake(field.model), _snake(field.related_model)
    if source_name == target_name:
        source_name, target_name = source, target
    columns = (
        Column(source_name, source_field.attname, source_field),
        Column(target_name, target_field.attname, target_field),
    )
    return Table(
        name=f"{prefix}-{field.name.replace('_', '-')}",
        title=format_lazy("{}: {}", field.model._meta.verbose_name_plural, field.verbose_name),
        queryset=through._default_manager.all(),
        columns=columns,
        primary_key=(source_name, target_name),
        foreign_keys=(
            (source_name, prefix, "id"),
            (target_name, names[field.related_model], "id"),
        ),
    )


def _snake(model) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", model.__name__).lower()


def table_named(name: str) -> Table | None:
    return next((table for table in tables() if table.name == name), None)


# ---------------------------------------------------------------- Table Schema


def _field_schema(column: Column) -> dict:
    field = column.field
    schema: dict = {"name": column.name}
    if field.verbose_name and not field.is_relation:
        schema["title"] = str(field.verbose_name)
    if field.help_text:
        schema["description"] = str(field.help_text)
    constraints: dict = {}
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    if isinstance(field, ArrayField):
        # Written as a JSON array, as Table Schema's array type reads it.
        schema["type"] = "array"
    elif isinstance(field, models.BooleanField):
        schema["type"] = "boolean"
    elif isinstance(field, models.IntegerField | models.AutoField):
        schema["type"] = "integer"
        positive = models.PositiveIntegerField | models.PositiveSmallIntegerField
        if isinstance(field, positive | models.PositiveBigIntegerField | models.AutoField):
            constraints["minimum"] = 0
    elif isinstance(field, models.DateTimeField):
        schema["type"] = "datetime"
    elif isinstance(field, models.DateField):
        schema["type"] = "date"
    else:
        schema["type"] = "string"
        if isinstance(field, CountryField):
            schema["description"] = "ISO 3166-1 alpha-2 country code"
            constraints["pattern"] = "[A-Z]{2}"
        elif field.choices:
            constraints["enum"] = [str(value) for value, _label in field.flatchoices]
        if getattr(field, "max_length", None):
            constraints["maxLength"] = field.max_length
    field = column.field
    # A blank text is written as an empty cell, which Table Schema reads as missing.
    if not field.null and not (field.blank and schema["type"] == "string"):
        constraints["required"] = True
    if field.unique and not field.primary_key:
        constraints["unique"] = True
    if constraints:
        schema["constraints"] = constraints
    return schema


def table_schema(table: Table) -> dict:
    schema = {
        "fields": [_field_schema(column) for column in table.columns],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": column,
                # Table Schema names a table's reference to itself with an empty resource.
                "reference": {
                    "resource": "" if resource == table.name else resource,
                    "fields": key,
                },
            }
            for column, resource, key in table.foreign_keys
        ]
    return schema


def descriptor() -> dict:
    """The datapackage.json: the package's metadata and every table with its schema."""
    return {
        "profile": "tabular-data-package",
        "name": "alliance87-registry",
        "title": "Alliance 8.7 partnership registry",
        "description": (
            "Partners, the Global Coordinating Group, Action Groups and pathfinder countries of "
            "Alliance 8.7: every public record of the registry's API, one CSV per resource."
        ),
        "version": "1.0.0",
        "licenses": [DATA_LICENSE],
        "contributors": [{"title": DATA_ATTRIBUTION, "role": "publisher"}],
        "resources": [
            {
                "name": table.name,
                "title": str(table.title),
                "path": table.path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "licenses": [DATA_LICENSE],
                "schema": table_schema(table),
            }
            for table in tables()
        ],
    }


# ---------------------------------------------------------------- CSV


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer in a stream."""

    def write(self, value: str) -> str:
        return value


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)


def csv_lines(table: Table) -> Iterator[str]:
    """The table as CSV (RFC 4180, CRLF), the header first, in chunks of lines.

    Plain data, no spreadsheet-formula escaping: the package is for programs, and a cell must
    read back as it is in the registry (the API's `format=csv` is the one for spreadsheets).
    """
    writer = csv.writer(_Echo())
    yield writer.writerow([column.name for column in table.columns])
    # Lines sent a chunk at a time: one write per row would cost the server more than the row.
    lines = []
    for row in table.rows():
        lines.append(writer.writerow([_cell(value) for value in row]))
        if len(lines) == CHUNK_SIZE:
            yield "".join(lines)
            lines = []
    if lines:
        yield "".join(lines)


def etag() -> str:
    """Changes with any write of a tracked table (the package shows tracked tables only)."""
    return '"' + sha256(site_data_version().encode()).hexdigest()[:32] + '"'
