"""A record's text in the registry's languages: English in the field itself, the others beside it.

A translatable field keeps its English text in its own column (`name`), required where the field
is, and gains one optional column per other language (`name_fr`, `name_es`), declared in the
model's body with `name_fr, name_es = translations(name)`. The columns are ordinary fields, so
queries, constraints, the history triggers, the stored search vectors and the API see them as
they are. django-modeltranslation would instead rewrite every query by the active language (a
French page's `filter(name=...)` silently reads `name_fr`) and keep the original column beside a
second English one; docs/architecture.md, "Languages", says more.

Reading: `localized(record, "name")` is the text in the active language and the language it is
in; a field without a translation falls back to English, and a page marks that text `lang="en"`
(core/templatetags/translated.py).
"""

import functools

from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import get_language, get_language_info

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
# The languages a record's text may be translated into: every interface language but English.
OTHER_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES if code != DEFAULT_LANGUAGE)
LANGUAGES = (DEFAULT_LANGUAGE, *OTHER_LANGUAGES)


def translations(field):
    """One optional copy of `field` per other language, in the order of `OTHER_LANGUAGES`.

    A copy is never unique nor indexed (the English text is the record's key), and its label
    names its language: "name (French)".
    """
    _name, path, args, kwargs = field.deconstruct()
    for option in ("unique", "db_index", "help_text", "default", "null"):
        kwargs.pop(option, None)
    kwargs["blank"] = True
    copies = []
    for language in OTHER_LANGUAGES:
        label = format_lazy("{} ({})", kwargs.get("verbose_name", ""), language_label(language))
        copies.append(type(field)(*args, **{**kwargs, "verbose_name": label}))
    return tuple(copies)


def language_label(code: str):
    """A language's name in the interface's language ("French", "français" on a French page):
    settings.LANGUAGES holds them lazily."""
    return dict(settings.LANGUAGES)[code]


def column(field: str, language: str) -> str:
    """The attribute that holds `field` in `language`: `name` for English, `name_fr` for French."""
    return field if language == DEFAULT_LANGUAGE else f"{field}_{language}"


def columns(field: str) -> list[str]:
    """Every language's attribute of `field`, English first."""
    return [column(field, language) for language in LANGUAGES]


def active_language() -> str:
    """The active language if it is one a record may be written in, else English."""
    language = (get_language() or DEFAULT_LANGUAGE).split("-")[0]
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def localized(record, field: str, language: str | None = None) -> tuple[str, str]:
    """`record`'s `field` in `language` (the active one) and the language of the text given:
    English when that language has none."""
    language = language or active_language()
    if language != DEFAULT_LANGUAGE:
        text = getattr(record, column(field, language))
        if text:
            return text, language
    return getattr(record, field), DEFAULT_LANGUAGE


def localized_text(record, field: str, language: str | None = None) -> str:
    """`record`'s `field` in `language` (the active one), or in English."""
    return localized(record, field, language)[0]


@functools.cache
def translated_fields(model) -> tuple[str, ...]:
    """The fields of `model` that have a column for every other language (models do not change
    while a process runs: the forms, serializers and filters that ask are built per request)."""
    names = {field.name for field in model._meta.concrete_fields}
    return tuple(
        field.name
        for field in model._meta.concrete_fields
        if OTHER_LANGUAGES
        and all(column(field.name, language) in names for language in OTHER_LANGUAGES)
    )


def with_translations(model, names: list[str]) -> list[str]:
    """`names` with each translatable field of `model` followed by its other languages' columns:
    the columns of an import or export file."""
    translated = set(translated_fields(model))
    return [
        column_name
        for name in names
        for column_name in (columns(name) if name in translated else [name])
    ]


def language_name(code: str) -> str:
    """A language's name in that language ("français"), for labels that name a column's language."""
    return get_language_info(code)["name_local"]
