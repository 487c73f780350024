"""The partner directory as CSV, written row by row so a large export never sits in memory."""

import csv

from django.utils.translation import gettext as _

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Echo:
    """A file-like object whose write() hands back the line, for a streaming response."""

    def write(self, value):
        return value


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def partner_rows(partners, request):
    writer = csv.writer(_Echo())
    yield writer.writerow(
        [
            _("Name"),
            _("Acronym"),
            _("Category"),
            _("Country code"),
            _("Country"),
            _("Region"),
            _("Themes"),
            _("Joined on"),
            _("Status"),
            _("Website"),
            _("Profile"),
        ]
    )
    for partner in partners.iterator(chunk_size=500):
        region = partner.region
        yield writer.writerow(
            [
                _cell(value)
                for value in (
                    partner.name,
                    partner.acronym,
                    partner.get_category_display(),
                    partner.country.code,
                    partner.country.name,
                    region.label if region else "",
                    "; ".join(str(label) for label in partner.theme_labels),
                    partner.joined_on.isoformat() if partner.joined_on else "",
                    partner.get_status_display(),
                    partner.website,
                    request.build_absolute_uri(partner.get_absolute_url()),
                )
            ]
        )
