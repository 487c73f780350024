"""Template filters for periods: stored half-open, read with their last day."""

import datetime

from django import template

from core.models import last_day as _last_day

register = template.Library()


@register.filter
def last_day(end: datetime.date | None) -> datetime.date | None:
    """The last day of a half-open period ending on `end` (stored as the day after it)."""
    return _last_day(end)
