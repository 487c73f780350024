"""A record's text in the page's language, marked `lang="en"` where it falls back to English.

{{ partner|tr:"name" }}             inline text; <span lang="en">…</span> when untranslated
<div{{ event|tr_lang:"description" }}>{{ event|tr_text:"description"|linebreaks }}</div>
<img alt="{{ partner|tr_text:'name' }}">   plain text, for attributes and other filters
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.translation import active_language, localized, localized_text

register = template.Library()


def lang_attribute(text: str, language: str, page: str | None = None) -> str:
    """` lang="en"` for an element holding `text` when `language` is not the page's (`page`,
    the active language's by default)."""
    if language != (page or active_language()) and text:
        return f' lang="{language}"'
    return ""


def marked(text: str, language: str, page: str | None = None) -> str:
    """`text` escaped, inside <span lang="…"> when it is not in the page's language (`page`,
    the active language's by default)."""
    if language != (page or active_language()) and text:
        return f'<span lang="{language}">{escape(text)}</span>'
    return str(escape(text))


@register.filter
def tr(record, field: str):
    if record is None or record == "":
        return ""  # as {{ record.name }} of a missing record shows nothing
    return mark_safe(marked(*localized(record, field)))  # escaped by marked()


@register.filter
def tr_text(record, field: str) -> str:
    if record is None or record == "":
        return ""
    return localized_text(record, field)


@register.filter
def tr_lang(record, field: str):
    """` lang="en"` for the element that holds `field` when the page shows it in English."""
    if record is None or record == "":
        return ""
    return mark_safe(lang_attribute(*localized(record, field)))  # a language code
