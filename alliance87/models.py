"""Abstract models and query helpers shared by every app."""

import datetime

from django.contrib.postgres.fields import DateRangeField
from django.db import models
from django.db.models import F, Func, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DateRange(Func):
    """`daterange(start, end, '[)')`; a NULL bound is open, so an unknown start is "since ever"."""

    function = "daterange"
    output_field = DateRangeField()

    def __init__(self, start, end, bounds="[)"):
        super().__init__(start, end, models.Value(bounds))


class TimestampedModel(models.Model):
    """A record that knows when it was created and last changed (for sync and "last updated")."""

    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    class Meta:
        abstract = True


class DatedQuerySet(models.QuerySet):
    """Answers "as of" questions over half-open periods `[start_date, end_date)`."""

    def current(self, on: datetime.date | None = None):
        on = on or timezone.localdate()
        return self.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=on),
            Q(end_date__isnull=True) | Q(end_date__gt=on),
        )

    def past(self, on: datetime.date | None = None):
        return self.filter(end_date__lte=on or timezone.localdate())

    def future(self, on: datetime.date | None = None):
        return self.filter(start_date__gt=on or timezone.localdate())


class DatedModel(TimestampedModel):
    """A record that holds over a period; a null start is "not recorded", a null end is ongoing."""

    start_date = models.DateField(
        _("start date"), null=True, blank=True, help_text=_("Empty when the source does not say.")
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Empty while it is ongoing.")
    )

    objects = DatedQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gt=F("start_date")),
                name="%(app_label)s_%(class)s_ends_after_start",
                violation_error_message=_("The end date must be after the start date."),
            )
        ]

    @property
    def period(self) -> DateRange:
        return DateRange(F("start_date"), F("end_date"))

    def is_current(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return (self.start_date is None or self.start_date <= on) and (
            self.end_date is None or self.end_date > on
        )


def period_exclusion(name: str, *same: str, message: str):
    """An exclusion constraint: rows equal on `same` may not have overlapping periods."""
    from django.contrib.postgres.constraints import ExclusionConstraint
    from django.contrib.postgres.fields import RangeOperators

    return ExclusionConstraint(
        name=name,
        expressions=[
            (DateRange("start_date", "end_date"), RangeOperators.OVERLAPS),
            *[(field, RangeOperators.EQUAL) for field in same],
        ],
        violation_error_message=message,
    )


class DatePrecision(models.TextChoices):
    """How much of a date the source gives: "October 2018" is stored as 2018-10-01 with MONTH."""

    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


def format_partial_date(value: datetime.date | None, precision: str) -> str:
    """A date as precisely as it is known, so a month from the source is never shown as a day."""
    from django.utils.formats import date_format

    if value is None:
        return str(_("not recorded"))
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return date_format(value, "YEAR_MONTH_FORMAT")
    return date_format(value, "DATE_FORMAT")


def track_links(field, *, app_label: str, model_name: str) -> None:
    """Keep history of a many-to-many field's links (added and removed), like every other row."""
    import pghistory

    pghistory.track(
        pghistory.InsertEvent("add"),
        pghistory.DeleteEvent("remove"),
        obj_field=pghistory.ObjForeignKey(db_constraint=False),
        app_label=app_label,
        model_name=model_name,
    )(field.through)
