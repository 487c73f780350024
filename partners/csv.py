"""The partner directory as CSV, written row by row so a large export never sits in memory."""

import csv

from django.utils.translation import gettext as _

from core.translation import OTHER_LANGUAGES, columns, language_name

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Echo:
    """A file-like object whose write() hands back the line, for a streaming response."""

    def write(self, value):
        return value


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _in_every_language(label: str) -> list[str]:
    # The English text keeps the column it always had; each other language follows it.
    return [label, *(f"{label} ({language_name(language)})" for language in OTHER_LANGUAGES)]


def _texts(partner, field: str) -> list[str]:
    return [getattr(partner, name) for name in columns(field)]


def partner_rows(partners, request):
    writer = csv.writer(_Echo())
    yield writer.writerow(
        [
            *_in_every_language(_("Name")),
            *_in_every_language(_("Acronym")),
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
                    *_texts(partner, "name"),
                    *_texts(partner, "acronym"),
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
