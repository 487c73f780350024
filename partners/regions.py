"""UN M49 regions of ISO 3166 countries, read once from the table the project ships."""

from __future__ import annotations

import csv
import functools
from pathlib import Path
from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_countries.fields import Country

# Shipped rather than computed so that no conversion library is needed at run
# time and a change to the mapping shows up as a reviewable diff.
M49_TABLE = Path(__file__).resolve().parent / "data" / "m49.csv"


class Region(models.TextChoices):
    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    OCEANIA = "oceania", _("Oceania")
    # Not an M49 region: without it AQ would be the one code with no answer.
    ANTARCTICA = "antarctica", _("Antarctica")


@functools.cache
def _table() -> dict[str, Region]:
    """The table never changes while the process runs, so it is parsed once."""
    with M49_TABLE.open(newline="", encoding="utf-8") as handle:
        return {row["iso2"]: Region(row["region"]) for row in csv.DictReader(handle)}


def region_for(country_code: str | Country | None) -> Region | None:
    """None rather than an error: a blank or unknown country is a normal value."""
    # str() because a django-countries Country renders as its code.
    code = str(country_code or "").strip().upper()
    return _table().get(code) if code else None


def countries_in(region: str) -> list[str]:
    """Sorted so callers get a stable order for display and comparisons."""
    return sorted(code for code, in_region in _table().items() if in_region == region)
