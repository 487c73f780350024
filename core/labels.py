"""The labels of choices and countries in the active language, translated once per process.

A choice label is a lazy string: each time a page shows one, gettext looks it up again through
the active language's thread-local catalogue. The catalogues are loaded at start and do not
change while the process runs, so a label table per language is the same answer every time; a
directory page asked for some 470 of them (docs/performance.md, "Pages").
"""

import functools

from django.utils.html import escape
from django.utils.translation import get_language, override
from django_countries import countries


def choice_labels(choices, *, html: bool = False) -> dict[str, str]:
    """{value: label} of a TextChoices class in the active language (HTML-escaped if `html`)."""
    return _choice_labels(choices, get_language(), html)


@functools.cache
def _choice_labels(choices, language: str | None, html: bool) -> dict[str, str]:
    with override(language):
        return {str(value): _text(label, html) for value, label in choices.choices}


def country_names(*, html: bool = False) -> dict[str, str]:
    """{code: name} of every country in the active language, in that language's sorted order
    (HTML-escaped if `html`)."""
    return _country_names(get_language(), html)


@functools.cache
def _country_names(language: str | None, html: bool) -> dict[str, str]:
    with override(language):
        return {code: _text(name, html) for code, name in countries}


def _text(label, html: bool) -> str:
    return str(escape(label)) if html else str(label)
