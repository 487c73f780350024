"""A list's page links, rendered in Python: a dozen links, each built by the {% querystring %}
tag's function with two translations, were a twentieth of the directory's time as a template
(docs/performance.md, "Pages")."""

from django import template
from django.template.defaulttags import querystring
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def pagination(context, page_obj, page_range=None) -> str:
    """The <nav> of `page_obj`'s pages, each link keeping every other query parameter; the pages
    of `page_range` (paginator.get_elided_page_range(...)), every page by default."""
    if not page_obj.has_other_pages():
        return ""

    def address(number) -> str:
        return escape(querystring(context, page=number))

    page = escape(_("Page"))
    items = []
    if page_obj.has_previous():
        label = _('Previous<span class="visually-hidden"> page</span>')
        items.append(
            f'<li><a href="{address(page_obj.previous_page_number())}" rel="prev">{label}</a></li>'
        )
    for number in page_range or page_obj.paginator.page_range:
        if number == page_obj.number:
            items.append(
                f'<li><span aria-current="page"><span class="visually-hidden">{page} </span>'
                f"{number}</span></li>"
            )
        elif number == page_obj.paginator.ELLIPSIS:
            items.append(f'<li><span class="pagination__gap">{escape(number)}</span></li>')
        else:
            items.append(
                f'<li><a href="{address(number)}"><span class="visually-hidden">{page} </span>'
                f"{number}</a></li>"
            )
    if page_obj.has_next():
        label = _('Next<span class="visually-hidden"> page</span>')
        items.append(
            f'<li><a href="{address(page_obj.next_page_number())}" rel="next">{label}</a></li>'
        )
    nav = escape(_("Pages"))
    # The labels are the catalogue's own markup; every value is escaped.
    return mark_safe(f'<nav class="pagination" aria-label="{nav}"><ul>{"".join(items)}</ul></nav>')
