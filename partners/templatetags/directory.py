"""The directory's facet options, rendered in Python: a template loop over some 250 countries,
each with five variables, cost more than the rest of the page (docs/performance.md).

Each value is escaped once by `escape` and the items joined as one string: format_html() per item
checks and escapes every argument again through lazy-aware wrappers, which made this tag a third
of the directory's rendering.
"""

from django import template
from django.template.defaultfilters import slugify
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()

OPTION = (
    '<li><label><input type="{kind}" name="{name}" value="{value}"{checked}> <span>{label}</span> '
    '<span class="facet__count" id="count-{name}-{slug}"><span class="visually-hidden">(</span>'
    '{count}<span class="visually-hidden">)</span></span></label></li>'
)
ANY = (
    '<li><label><input type="radio" name="{name}" value=""{checked}> <span>{label}</span>'
    "</label></li>"
)


@register.simple_tag
def facet_options(facet):
    """The <li> items of one facet: "any" first for a single-choice facet, then each option."""
    kind = "checkbox" if facet.multiple else "radio"
    name = escape(facet.name)
    items = [
        OPTION.format(
            kind=kind,
            name=name,
            value=escape(option.value),
            checked=" checked" if option.selected else "",
            label=escape(option.label),
            slug=escape(slugify(option.value)),
            count=localize(option.count),
        )
        for option in facet.options
    ]
    if not facet.options:
        none = _("None in this result")
        items = [f'<li class="muted">{escape(none)}</li>']
    if not facet.multiple:
        checked = "" if facet.is_active else " checked"
        items.insert(0, ANY.format(name=name, checked=checked, label=escape(facet.any_label)))
    return mark_safe("".join(items))  # every value above is escaped
