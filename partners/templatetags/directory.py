"""The directory's facet options, rendered in Python: a template loop over some 250 countries,
each with five variables, cost more than the rest of the page (docs/performance.md)."""

from django import template
from django.template.defaultfilters import slugify
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

register = template.Library()

OPTION = (
    '<li><label><input type="{}" name="{}" value="{}"{}> <span>{}</span> '
    '<span class="facet__count" id="count-{}-{}"><span class="visually-hidden">(</span>{}'
    '<span class="visually-hidden">)</span></span></label></li>'
)


@register.simple_tag
def facet_options(facet):
    """The <li> items of one facet: "any" first for a single-choice facet, then each option."""
    kind = "checkbox" if facet.multiple else "radio"
    items = format_html_join(
        "",
        OPTION,
        (
            (
                kind,
                facet.name,
                option.value,
                " checked" if option.selected else "",
                option.label,
                facet.name,
                slugify(option.value),
                localize(option.count),
            )
            for option in facet.options
        ),
    )
    if not facet.options:
        items = format_html('<li class="muted">{}</li>', _("None in this result"))
    if facet.multiple:
        return items
    anything = format_html(
        '<li><label><input type="radio" name="{}" value=""{}> <span>{}</span></label></li>',
        facet.name,
        "" if facet.is_active else " checked",
        facet.any_label,
    )
    return anything + items
