"""The GCG page's seat table rows, rendered in Python: some 45 rows of five values each, whose
template loop cost a third of the page's time (docs/performance.md, "Pages")."""

from django import template
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.templatetags.translated import marked
from core.translation import localized

register = template.Library()

HELD = (
    '<tr><th scope="row">{seat}</th>'
    '<td data-label="{held_by}"><a href="{url}">{partner}</a></td>'
    '<td data-label="{since}">{start}</td><td data-label="{until}">{end}</td></tr>'
)
VACANT = (
    '<tr><th scope="row">{seat}</th><td colspan="3"><span class="badge badge--grey">{vacant}'
    "</span></td></tr>"
)
NO_SEAT = '<tr><td colspan="4" class="muted">{none}</td></tr>'


@register.simple_tag
def seat_rows(seats):
    """The <tr> rows of one constituency's `seats`: one per holder of each (its `holders`), or
    one saying it is vacant; one saying no seat is recorded if there is none."""
    if not seats:
        return mark_safe(NO_SEAT.format(none=escape(_("No seat recorded"))))
    labels = {
        "held_by": escape(_("Held by")),
        "since": escape(_("Since")),
        "until": escape(_("Until")),
    }
    not_recorded, ongoing = escape(_("not recorded")), escape(_("ongoing"))
    every_region = escape(_("All regions"))
    rows = []
    for seat in seats:
        label = escape(seat.region_label) or every_region
        if seat.number > 1:
            label += f" · {seat.number}"
        if not seat.holders:
            rows.append(VACANT.format(seat=label, vacant=escape(_("Vacant"))))
        for term in seat.holders:
            rows.append(
                HELD.format(
                    seat=label,
                    url=escape(term.partner.get_absolute_url()),
                    partner=marked(*localized(term.partner, "name")),
                    start=_date(term.start_date) or not_recorded,
                    end=_date(term.last_day) or ongoing,
                    **labels,
                )
            )
    return mark_safe("".join(rows))  # every value above is escaped


def _date(value) -> str:
    return escape(date_format(value, "DATE_FORMAT")) if value else ""
