"""The parts of every page's frame that depend on nothing but the language (and, for the main
navigation, the section the page is in): rendered once per process for each, where they cost a
page a millisecond of template work every time (docs/performance.md, "Pages")."""

import functools

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def site_nav(context) -> str:
    """The main navigation, its section marked (includes/nav.html)."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    section = (match.namespace or "", match.url_name or "") if match else ("", "")
    return _rendered("includes/nav.html", get_language(), *section)


@register.simple_tag
def site_footer() -> str:
    """The footer (includes/footer.html)."""
    return _rendered("includes/footer.html", get_language())


@functools.lru_cache(maxsize=512)
def _rendered(template_name: str, language: str, ns: str = "", name: str = "") -> str:
    # Rendered in the language being served (the cache key's), with only what it depends on.
    return mark_safe(render_to_string(template_name, {"ns": ns, "name": name}))
