"""Abstract models and query helpers shared by every app."""

import datetime
import hashlib
import secrets

import pghistory
from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateRangeField, RangeOperators
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Func, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class DateRange(Func):
    """`daterange(start, end, '[)')`; a NULL bound is open, so an unknown start is "since ever"."""

    function = "daterange"
    output_field = DateRangeField()

    def __init__(self, start, end, bounds="[)"):
        super().__init__(start, end, models.Value(bounds))


class RegistryQuerySet(models.QuerySet):
    """The base of every registry queryset: a record joined by select_related() leaves out its
    unshown columns too, as a record read alone does (a seat term's partner and its search
    vectors, larger than the rest of its row)."""

    def select_related(self, *fields):
        queryset = super().select_related(*fields)
        if fields == (None,):
            return queryset
        hidden = unshown_columns(self.model, queryset.query.select_related)
        return queryset.defer(*hidden) if hidden else queryset


class TimestampedModel(models.Model):
    """A record that knows when it was created and last changed (for sync and "last updated")."""

    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    objects = RegistryQuerySet.as_manager()

    class Meta:
        abstract = True


def current_condition(on: datetime.date | None = None, *, through: str = "") -> Q:
    """The rows whose period `[start_date, end_date)` holds `on` (today).

    `through` follows a relation first ("memberships"), so a lower app can ask about an upper
    app's dated rows by a lookup string, without importing them.
    """
    on = on or timezone.localdate()
    prefix = f"{through}__" if through else ""
    current = (
        Q(**{f"{prefix}start_date__isnull": True}) | Q(**{f"{prefix}start_date__lte": on})
    ) & (Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gt": on}))
    # Through a relation, a row with no related row at all has null dates too: it is not current.
    return Q(**{f"{through}__isnull": False}) & current if through else current


def related_model(model: type[models.Model], path: str) -> type[models.Model]:
    """The model at the end of the lookup path `path` ("memberships__group") from `model`.

    How a lower app reaches an upper app's rows without importing it: by the names of the
    relations the upper app declared.
    """
    for name in path.split("__"):
        model = model._meta.get_field(name).related_model
    return model


def unshown_columns(model, select_related=False, prefix: str = "") -> list[str]:
    """Columns kept for the database alone (`serialize=False`) of `model` and the rows it joins.

    Such a column (a partner's stored search vector, larger than the rest of its row) is never
    shown: pages and the API defer it, by this one declaration.
    """
    names = [
        prefix + field.attname
        for field in model._meta.concrete_fields
        if not field.serialize and not field.primary_key and not field.is_relation
    ]
    # select_related is True (every relation) or a dict of the joined relations, nested.
    if isinstance(select_related, dict):
        for name, nested in select_related.items():
            related = model._meta.get_field(name).related_model
            names += unshown_columns(related, nested, f"{prefix}{name}__")
    return names


class UnshownColumnsManager(models.Manager):
    """A manager whose rows leave out the model's unshown columns (see unshown_columns)."""

    def get_queryset(self):
        queryset = super().get_queryset()
        hidden = unshown_columns(self.model)
        return queryset.defer(*hidden) if hidden else queryset


# What a stored address must start with to be shown as a link: no javascript: or data: URL,
# whatever wrote it (a form, the API, a shell or a bulk load).
WEB_ADDRESS = r"^https?://"


def web_address_check(field: str, *, name: str) -> models.CheckConstraint:
    """The database's refusal of any address in `field` that is not http(s) (blank allowed)."""
    return models.CheckConstraint(
        condition=Q(**{field: ""}) | Q(**{f"{field}__iregex": WEB_ADDRESS}),
        name=name,
        violation_error_message=_("Give an address that starts with https:// or http://."),
    )


class DatedQuerySet(RegistryQuerySet):
    """Answers "as of" questions over half-open periods `[start_date, end_date)`."""

    def current(self, on: datetime.date | None = None):
        return self.filter(current_condition(on))

    def past(self, on: datetime.date | None = None):
        return self.filter(end_date__lte=on or timezone.localdate())

    def future(self, on: datetime.date | None = None):
        return self.filter(start_date__gt=on or timezone.localdate())


def last_day(end: datetime.date | None) -> datetime.date | None:
    """The last day of a period stored half-open: `end` is the day after it, None is ongoing.

    A term ending on 31 December 2020 is stored ending on 1 January 2021; people read the
    last day, so pages, admin lists and exports show this, never the stored end.
    """
    return end - datetime.timedelta(days=1) if end else None


class DatedModel(TimestampedModel):
    """A record that holds over a period; a null start is "not recorded", a null end is ongoing."""

    start_date = models.DateField(
        _("start date"),
        null=True,
        blank=True,
        help_text=_("The first day (inclusive). Empty when the source does not say."),
    )
    # Stored half-open, so periods compare and chain without gaps; pages, admin lists and
    # exports show `last_day`. The help text is the API schema's description of the field.
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_(
            "The day after the last day (half-open): a period ending on 31 December 2020 is "
            "stored ending on 1 January 2021. Empty while it is ongoing."
        ),
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

    def clean(self):
        super().clean()
        # daterange() raises a DataError on an inverted period, so the overlap constraints must
        # not be checked: an error on end_date makes full_clean() leave them out.
        if self.start_date and self.end_date and self.end_date <= self.start_date:
            raise ValidationError({"end_date": _("The end date must be after the start date.")})

    def _last_day(self) -> datetime.date | None:
        """The period's last day (`end_date` is the day after it); None while ongoing."""
        return last_day(self.end_date)

    # An admin list column too: "last_day" in list_display, sorted by the stored end.
    _last_day.short_description = _("last day")
    _last_day.admin_order_field = "end_date"
    last_day = property(_last_day)

    def is_current(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return (self.start_date is None or self.start_date <= on) and (
            self.end_date is None or self.end_date > on
        )


def period_exclusion(name: str, *same: str, message: str):
    """An exclusion constraint: rows equal on `same` may not have overlapping periods."""

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

    if value is None:
        return str(_("not recorded"))
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return date_format(value, "YEAR_MONTH_FORMAT")
    return date_format(value, "DATE_FORMAT")


# The history labels of a many-to-many link's events.
LINK_ADDED, LINK_REMOVED = "add", "remove"


def track_links(field, *, app_label: str, model_name: str) -> None:
    """Keep history of a many-to-many field's links (added and removed), like every other row."""

    pghistory.track(
        pghistory.InsertEvent(LINK_ADDED),
        pghistory.DeleteEvent(LINK_REMOVED),
        obj_field=pghistory.ObjForeignKey(db_constraint=False),
        app_label=app_label,
        model_name=model_name,
    )(field.through)


class ApiTokenQuerySet(RegistryQuerySet):
    def usable(self):
        """Tokens that authenticate now: not revoked, not expired."""
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now)
        )


# Issue and revocation are kept like any other change; the key's hash never leaves its row.
@pghistory.track(exclude=["key_hash"])
class ApiToken(models.Model):
    """A key the secretariat issues to one integrator for writing through the REST API.

    Only a SHA-256 hash of the key is stored: the full key is shown once, when the token is
    created, and cannot be recovered. The token acts as `user`, whose model permissions decide
    what it may change. Revoke a token (or let it expire) to cut an integrator off.
    """

    PREFIX_LENGTH = 8

    name = models.CharField(
        _("name"), max_length=100, help_text=_("Who holds the token, such as “Delta 8.7 sync”.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
        help_text=_("The account whose permissions the token carries."),
    )
    key_prefix = models.CharField(
        _("key prefix"),
        max_length=PREFIX_LENGTH,
        editable=False,
        help_text=_("The first characters of the key, to recognise it."),
    )
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(
        _("expires at"), null=True, blank=True, help_text=_("Empty for a token that never expires.")
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created", "-id"]

    def __str__(self):
        return f"{self.name} ({self.key_prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:

        return hashlib.sha256(key.encode()).hexdigest()

    def set_new_key(self) -> str:
        """Give the token a fresh random key and return it: the only time it is readable."""

        key = secrets.token_urlsafe(32)
        self.key_prefix = key[: self.PREFIX_LENGTH]
        self.key_hash = self.hash_key(key)
        return key

    @property
    def is_usable(self) -> bool:
        now = timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


class RowCount(models.Model):
    """How many rows a table holds, kept by its triggers (core/counts.py): a table's count is the
    sum of its rows here, so counting a whole list reads no row of the list."""

    table_name = models.CharField(max_length=63, db_index=True)
    n = models.BigIntegerField()

    class Meta:
        verbose_name = "row count"
        verbose_name_plural = "row counts"
        ordering = ["table_name", "id"]

    def __str__(self):
        return f"{self.table_name}: {self.n:+d}"


class ColumnWrite(models.Model):
    """How many writes changed a column of a table (`*`: added or removed rows), kept by the
    table's triggers (core/writes.py): a column's count is the sum of its rows here, so a shared
    page copy can tell whether anything it read was written since."""

    table_name = models.CharField(max_length=63)
    column_name = models.CharField(max_length=63)
    n = models.BigIntegerField()

    class Meta:
        verbose_name = "column write"
        verbose_name_plural = "column writes"
        ordering = ["table_name", "column_name", "id"]
        indexes = [models.Index(fields=["table_name", "column_name"], name="column_write_column")]

    def __str__(self):
        return f"{self.table_name}.{self.column_name}: {self.n:+d}"
