"""Serializer pieces every resource shares: brief related objects, validation like the admin."""

import copy
from collections.abc import Mapping

from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from django_countries.serializers import CountryFieldMixin
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers
from rest_framework.settings import api_settings

from core.translation import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    OTHER_LANGUAGES,
    active_language,
    column,
    language_label,
    localized_text,
    translated_fields,
)

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
        if isinstance(data, str) and data.isascii() and data.isdigit():
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
    """The record's address in this API, absolute for the request of the field's serializer."""
    # A field serves one request: it finds the resource of each model it shows once.
    found = field.__dict__.setdefault("_resources", {})
    if type(obj) not in found:
        found[type(obj)] = resource_for(type(obj))
    resource = found[type(obj)]
    return resource.detail_url(obj, field.context.get("request")) if resource else None


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
            raise serializers.ValidationError(self.model_errors(error)) from error
        return attrs

    def model_errors(self, error: DjangoValidationError) -> dict:
        """The model's errors under the names this serializer gives its fields."""
        return django_errors(error)

    def save(self, **kwargs):
        try:
            # A savepoint, so a failed write leaves the surrounding transaction usable.
            with transaction.atomic():
                return super().save(**kwargs)
        except DjangoValidationError as error:
            raise serializers.ValidationError(self.model_errors(error)) from error
        except IntegrityError as error:
            raise serializers.ValidationError(
                {
                    api_settings.NON_FIELD_ERRORS_KEY: [
                        _("The database refused this change: %(reason)s")
                        % {"reason": str(error).splitlines()[0]}
                    ]
                }
            ) from error


# What every resource shows first; a serializer's `fields` start with them.
REGISTRY_FIELDS = ("id", "url", "display", "created", "updated")

# The fields of each serializer class, language and set of language columns (see get_fields).
_read_fields: dict[tuple[type, str | None, tuple[str, ...]], dict | None] = {}

LOCALIZED_HELP = _(
    "In the language asked for (`lang` or `Accept-Language`), or in English where it has no "
    "translation; a write sets the text of that language."
)


# The base of every resource: its `url`, a `display` name, `created` and `updated`.
#
# Each translatable field of the model that `fields` lists (core.translation) is shown in the
# request's language as itself (`name`), and in each language as `name_en`, `name_fr`,
# `name_es`; `name_en` is the model's `name`, required on create where the model requires it.
# A CSV has one column per language instead: `name` in English, then `name_fr`, `name_es`.
class RegistrySerializer(CountryFieldMixin, ValidatedModelSerializer):
    def get_fields(self):
        # ModelSerializer builds every field from the model for each request, the bulk of a
        # detail's work. A read copies the fields built once (bind() gives each copy its own name
        # and parent); a write builds them afresh, as validation keeps state in them.
        request = self.context.get("request")
        if request is None or request.method not in ("GET", "HEAD"):
            return super().get_fields()
        key = (type(self), get_language(), self.text_languages()[1])
        if key not in _read_fields:
            fields = super().get_fields()
            # A nested serializer or a many-related field holds bound children, which shallow
            # copies would share between requests.
            shared = (serializers.BaseSerializer, serializers.ManyRelatedField)
            _read_fields[key] = (
                None if any(isinstance(f, shared) for f in fields.values()) else fields
            )
        built = _read_fields[key]
        if built is None:
            return super().get_fields()
        return {name: copy.copy(field) for name, field in built.items()}

    def text_languages(self) -> tuple[str, tuple[str, ...]]:
        """The language a translatable field (`name`) is read and written in, and the languages
        it also has a field of its own in (`name_fr`)."""
        request = self.context.get("request")
        renderer = getattr(request, "accepted_renderer", None)
        if getattr(renderer, "format", None) == "csv":
            return DEFAULT_LANGUAGE, OTHER_LANGUAGES
        return active_language(), LANGUAGES

    def translated_names(self) -> list[str]:
        """The translatable fields this serializer builds from the model."""
        listed = set(getattr(self.Meta, "fields", ()))
        return [
            name
            for name in translated_fields(self.Meta.model)
            if name in listed and name not in self._declared_fields
        ]

    def get_field_names(self, declared_fields, info):
        names = super().get_field_names(declared_fields, info)
        translated = set(self.translated_names())
        languages = self.text_languages()[1]
        with_languages = []
        for name in names:
            with_languages.append(name)
            if name in translated:
                with_languages += [f"{name}_{language}" for language in languages]
        return list(dict.fromkeys(with_languages))

    def get_extra_kwargs(self):
        extra = super().get_extra_kwargs()
        language, languages = self.text_languages()
        for name in self.translated_names():
            own = {k: v for k, v in extra.get(name, {}).items() if k != "source"}
            for code in languages:
                alias = f"{name}_{code}"
                kwargs = {
                    "help_text": format_lazy(
                        _("“{field}” in this language: {language}."),
                        field=name,
                        language=language_label(code),
                    ),
                    **own,
                    **extra.get(alias, {}),
                }
                if column(name, code) != alias:
                    kwargs["source"] = column(name, code)
                if code == language:
                    # Given as `name` already, which is required where the model says.
                    kwargs["required"] = False
                extra[alias] = kwargs
            help_text = self.Meta.model._meta.get_field(name).help_text
            localized = {
                "help_text": format_lazy("{} {}", help_text, LOCALIZED_HELP)
                if help_text
                else LOCALIZED_HELP,
                **own,
            }
            if language != DEFAULT_LANGUAGE:
                localized["source"] = column(name, language)
            extra[name] = localized
        return extra

    def to_internal_value(self, data):
        language = self.text_languages()[0]
        if isinstance(data, Mapping):
            for name in self.translated_names():
                alias = f"{name}_{language}"
                if alias not in data:
                    continue
                # `name` and `name_fr` name the same column, so one is kept. A record read and
                # sent back shows `name` as read (English where the translation is missing):
                # unless `name` changed, `name_fr` says the text; a changed `name` wins.
                unchanged = name not in data or (
                    self.instance is not None
                    and data[name] == localized_text(self.instance, name, language)
                )
                data = data.copy()
                if unchanged:
                    data[name] = data[alias]
                del data[alias]
        return super().to_internal_value(data)

    def to_representation(self, instance):
        data = super().to_representation(instance)
        for name in self.fallbacks():
            if not data[name]:
                data[name] = getattr(instance, name)
        return data

    def fallbacks(self) -> list[str]:
        """The fields read in a language other than English: English where it has no text."""
        if "_fallbacks" not in self.__dict__:
            language = self.text_languages()[0]
            readable = {name for name, field in self.fields.items() if not field.write_only}
            self._fallbacks = [
                name
                for name in self.translated_names()
                if language != DEFAULT_LANGUAGE and name in readable
            ]
        return self._fallbacks

    def model_errors(self, error):
        # In another language `name` is that language's text: the English one is `name_en`.
        detail = super().model_errors(error)
        if self.text_languages()[0] != DEFAULT_LANGUAGE:
            for name in self.translated_names():
                if name in detail:
                    detail[f"{name}_{DEFAULT_LANGUAGE}"] = detail.pop(name)
        return detail

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
