"""Serializer pieces every resource shares: brief related objects, validation like the admin."""

import copy
import operator
from functools import partial

from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from django_countries.serializers import CountryFieldMixin
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject
from rest_framework.settings import api_settings

from .resources import resource_for

# PostgreSQL's bigint: larger ids cannot exist, and asking for them is an error, not a miss.
MAX_ID = 2**63 - 1


class BriefSerializer(serializers.Serializer):
    """A related record in brief: enough to show it and to follow it."""

    id = serializers.IntegerField()
    url = serializers.URLField(help_text=_("The record in this API."))
    display = serializers.CharField(help_text=_("A human-readable name of the record."))


class BriefRelatedField(serializers.RelatedField):
    """A related record, shown as {id, url, display}; written as its id (or its slug/ISO code).

    Partners, Action Groups and events may also be given by slug, pathfinder countries by ISO
    code, and an object such as the one read ({"id": 3, ...}) is accepted too.
    """

    default_error_messages = {
        # DRF fills messages with str.format().
        "does_not_exist": _("There is no such record: “{value}”."),
        "incorrect_type": _(
            "Give the id of the record (or its slug or ISO code where it has one)."
        ),
    }

    def to_representation(self, value):
        return {"id": value.pk, "url": detail_url(self, value), "display": str(value)}

    def to_internal_value(self, data):
        queryset = self.get_queryset()
        if isinstance(data, dict):
            data = data.get("id")
        if isinstance(data, str) and data.isdigit():
            data = int(data)
        try:
            if isinstance(data, int) and not isinstance(data, bool):
                if not 0 < data <= MAX_ID:
                    raise ObjectDoesNotExist
                return queryset.get(pk=data)
            field = self.alternate_key(queryset.model)
            # PostgreSQL cannot compare a string holding NUL: no record can match it.
            if isinstance(data, str) and data and "\x00" not in data and field:
                return queryset.get(**{field: data.upper() if field == "country" else data})
        except ObjectDoesNotExist:
            self.fail("does_not_exist", value=data)
        self.fail("incorrect_type")

    @staticmethod
    def alternate_key(model) -> str | None:
        """The field a record may be named by instead of its id (slug, ISO code), if any."""
        names = {f.name: f for f in model._meta.fields}
        if "slug" in names:
            return "slug"
        if isinstance(names.get("country"), CountryField) and names["country"].unique:
            return "country"
        return None


class BriefUserField(serializers.Field):
    """A user of the registry (who decided an application): id and username only."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return {"id": value.pk, "display": value.get_username()}


@extend_schema_field(OpenApiTypes.URI)
class ResourceUrlField(serializers.Field):
    """The record's own address in this API."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, source="*")
        kwargs.setdefault("help_text", _("This record in the API."))
        super().__init__(**kwargs)

    def to_representation(self, value):
        return detail_url(self, value)


def detail_url(field: serializers.Field, obj) -> str | None:
    """The record's address in this API, as a field of the request's serializer shows it."""
    # A field is bound to one request: the URL builder of each model is made once per field.
    builders = field.__dict__.setdefault("_detail_urls", {})
    model = type(obj)
    if model not in builders:
        resource = resource_for(model)
        request = field.context.get("request")
        builders[model] = resource.detail_urls(request) if resource else None
    build = builders[model]
    return build(obj) if build else None


def django_errors(error: DjangoValidationError) -> dict:
    """A Django ValidationError as DRF field errors; model-wide ones under non_field_errors."""
    detail = serializers.as_serializer_error(error)
    if "__all__" in detail:
        detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop("__all__")
    return detail


# Validates like the admin: the model's full_clean() (fields, clean(), every constraint). A
# database error that slips through (a race on a unique constraint) is still a 400. (Comments,
# not docstrings: the schema would show a docstring as every resource's description.)
class ValidatedModelSerializer(serializers.ModelSerializer):
    serializer_related_field = BriefRelatedField

    def get_validators(self):
        # full_clean() checks unique and exclusion constraints with the model's own messages.
        return []

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        many = {field.name for field in model._meta.many_to_many}
        instance = copy.copy(self.instance) if self.instance is not None else model()
        for name, value in attrs.items():
            if name not in many:
                setattr(instance, name, value)
        try:
            instance.full_clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(django_errors(error)) from error
        return attrs

    def save(self, **kwargs):
        try:
            # A savepoint, so a failed write leaves the surrounding transaction usable.
            with transaction.atomic():
                return super().save(**kwargs)
        except DjangoValidationError as error:
            raise serializers.ValidationError(django_errors(error)) from error
        except IntegrityError as error:
            raise serializers.ValidationError(
                {
                    api_settings.NON_FIELD_ERRORS_KEY: [
                        _("The database refused this change: %(reason)s")
                        % {"reason": str(error).splitlines()[0]}
                    ]
                }
            ) from error


# Built fields of each serializer class and language, for reads (see get_fields).
_read_fields: dict[tuple[type, str | None], dict | None] = {}


def _shareable(fields: dict) -> bool:
    # A nested serializer or a many-related field holds bound children: a shallow copy would
    # share them (and their parent) between requests.
    return not any(
        isinstance(field, serializers.BaseSerializer | serializers.ManyRelatedField)
        for field in fields.values()
    )


def stored(record, attname: str):
    """A column's value as loaded, without its descriptor: a country field's descriptor builds a
    Country (three code lookups) on every access."""
    values = record.__dict__
    return values[attname] if attname in values else getattr(record, attname)


def _reader(field: serializers.Field, columns: dict):
    """How `field` gets its value from a record: what field.get_attribute(record) returns."""
    if type(field).get_attribute is not serializers.Field.get_attribute:
        return field.get_attribute
    if len(field.source_attrs) != 1 or field.source_attrs[0] not in columns:
        return field.get_attribute
    column = columns[field.source_attrs[0]]
    if column.is_relation:
        return field.get_attribute
    if isinstance(column, CountryField) and not column.multiple:
        # The stored code, which the serializer field reads as it reads a Country.
        return partial(stored, attname=column.attname)
    # A column's value is never callable: a plain attribute read is what get_attribute does.
    return operator.attrgetter(column.attname)


# What every resource shows first; a serializer's `fields` start with them.
REGISTRY_FIELDS = ("id", "url", "display", "created", "updated")


# The base of every resource: its `url`, a `display` name, `created` and `updated`.
class RegistrySerializer(CountryFieldMixin, ValidatedModelSerializer):
    def get_fields(self):
        # ModelSerializer builds every field from the model on each request, the bulk of a
        # detail's work. A read reuses shallow copies of the fields built once (bind() then sets
        # each copy's own name and parent); a write builds them afresh, as validation keeps state.
        request = self.context.get("request")
        if request is None or request.method not in ("GET", "HEAD"):
            return super().get_fields()
        key = (type(self), get_language())
        if key not in _read_fields:
            fields = super().get_fields()
            _read_fields[key] = fields if _shareable(fields) else None
        prototypes = _read_fields[key]
        if prototypes is None:
            return super().get_fields()
        fields = {name: copy.copy(field) for name, field in prototypes.items()}
        for field in fields.values():
            if isinstance(field, serializers.DateTimeField) and not hasattr(field, "timezone"):
                # What DateTimeField asks for each value (the current time zone, a context
                # variable), asked once per request.
                field.timezone = field.default_timezone()
        return fields

    def to_representation(self, instance):
        # DRF's Serializer.to_representation, with how each field reads its value worked out
        # once per serializer rather than for every field of every row (DRF's generic lookup,
        # and a Country built for each row).
        ret = {}
        for name, read, represent in self._read_plan():
            try:
                attribute = read(instance)
            except SkipField:
                continue
            if isinstance(attribute, PKOnlyObject):
                ret[name] = None if attribute.pk is None else represent(attribute)
            else:
                ret[name] = None if attribute is None else represent(attribute)
        return ret

    def _read_plan(self) -> list[tuple]:
        plan = self.__dict__.get("_read_plan_cache")
        if plan is None:
            columns = {f.name: f for f in self.Meta.model._meta.concrete_fields}
            plan = self.__dict__["_read_plan_cache"] = [
                (field.field_name, _reader(field, columns), field.to_representation)
                for field in self._readable_fields
            ]
        return plan

    url = ResourceUrlField()
    # The record itself, shown by CharField as str(record): source="__str__" would make DRF
    # inspect the method's signature for every row.
    display = serializers.CharField(source="*", read_only=True)


@extend_schema_serializer(many=False)
class ErrorSerializer(serializers.Serializer):
    """Every error has this shape, whatever the status."""

    status = serializers.IntegerField(help_text=_("The HTTP status code."))
    code = serializers.CharField(help_text=_("A stable, machine-readable error code."))
    detail = serializers.CharField(help_text=_("What went wrong, for a person."))
    errors = serializers.DictField(
        child=serializers.JSONField(),
        help_text=_(
            "For a 400: the message(s) for each body field or query parameter at fault; "
            "errors about the record as a whole are under `non_field_errors`. Empty otherwise."
        ),
    )
