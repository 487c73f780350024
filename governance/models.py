"""The Global Coordinating Group (seats, terms, offices), events, pledges and global estimates."""

import pghistory
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.labels import choice_labels
from core.models import (
    DatedModel,
    DatePrecision,
    RegistryQuerySet,
    TimestampedModel,
    format_partial_date,
    period_exclusion,
)
from core.translation import localized_text, translations
from partners.models import Partner
from partners.regions import Region


@pghistory.track()
class Constituency(TimestampedModel):
    """A group of partners that holds GCG seats: governments, workers, employers, and so on."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    name_fr, name_es = translations(name)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order in which constituencies are listed.")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("constituency")
        verbose_name_plural = _("constituencies")
        ordering = ["position", "name"]

    def __str__(self):
        return localized_text(self, "name")


@pghistory.track()
class Seat(TimestampedModel):
    """A seat on the Global Coordinating Group, allotted to a constituency (and a region)."""

    constituency = models.ForeignKey(
        Constituency, on_delete=models.PROTECT, related_name="seats", verbose_name=_("constituency")
    )
    region = models.CharField(_("region"), max_length=12, choices=Region.choices, blank=True)
    number = models.PositiveSmallIntegerField(
        _("number"), default=1, help_text=_("Tells apart seats of one constituency and region.")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("GCG seat")
        verbose_name_plural = _("GCG seats")
        ordering = ["constituency__position", "constituency__name", "region", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["constituency", "region", "number"],
                name="seat_unique_constituency_region_number",
                violation_error_message=_("This constituency already has that seat in the region."),
            )
        ]

    def __str__(self):
        parts = [str(self.constituency)]
        if self.region:
            parts.append(self.region_label)
        if self.number > 1:
            parts.append(str(self.number))
        return " · ".join(parts)

    @property
    def region_label(self) -> str:
        """The region's name in the active language ("" for a seat of every region)."""
        return choice_labels(Region).get(self.region, "")


@pghistory.track()
class SeatTerm(DatedModel):
    """A partner holding a GCG seat over a period."""

    seat = models.ForeignKey(
        Seat, on_delete=models.CASCADE, related_name="terms", verbose_name=_("seat")
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="seat_terms", verbose_name=_("partner")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta(DatedModel.Meta):
        verbose_name = _("seat term")
        verbose_name_plural = _("seat terms")
        ordering = ["seat", F("start_date").asc(nulls_first=True), "id"]
        constraints = [
            *DatedModel.Meta.constraints,
            period_exclusion(
                "seatterm_no_overlap",
                "seat",
                message=_("Another term on this seat overlaps these dates."),
            ),
        ]

    def __str__(self):
        return f"{self.partner} — {self.seat}"


class Office(models.TextChoices):
    CHAIR = "chair", _("Chair")
    DEPUTY_CHAIR = "deputy_chair", _("Deputy chair")
    SECRETARIAT = "secretariat", _("Secretariat")


@pghistory.track()
class OfficeTerm(DatedModel):
    """A partner holding an office (chair, deputy chair, secretariat) over a period."""

    office = models.CharField(_("office"), max_length=20, choices=Office.choices)
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="office_terms", verbose_name=_("partner")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta(DatedModel.Meta):
        verbose_name = _("office term")
        verbose_name_plural = _("office terms")
        ordering = ["office", F("start_date").asc(nulls_first=True), "id"]
        constraints = [
            *DatedModel.Meta.constraints,
            period_exclusion(
                "officeterm_no_overlap",
                "office",
                message=_("Another term of this office overlaps these dates."),
            ),
            models.UniqueConstraint(
                fields=["office"],
                condition=Q(end_date__isnull=True),
                name="officeterm_one_open_term",
                violation_error_message=_("This office already has a current holder."),
            ),
        ]

    def __str__(self):
        return f"{self.get_office_display()}: {self.partner}"


class EventKind(models.TextChoices):
    GCG_MEETING = "gcg_meeting", _("GCG meeting")
    REGIONAL_CONSULTATION = "regional_consultation", _("Regional consultation")
    WORKSHOP = "workshop", _("Workshop")
    GLOBAL_CONFERENCE = "global_conference", _("Global conference")
    PLANNING_MEETING = "planning_meeting", _("Planning meeting")
    LAUNCH = "launch", _("Launch")
    PUBLICATION = "publication", _("Publication")
    ASSESSMENT = "assessment", _("Assessment")


class EventStatus(models.TextChoices):
    # The report plans things for 2019 that it cannot say happened: they stay planned.
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")


@pghistory.track()
class Event(TimestampedModel):
    """A meeting, consultation, workshop or conference of the Alliance or its partners."""

    kind = models.CharField(_("kind"), max_length=24, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=300)
    title_fr, title_es = translations(title)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("The last day; empty for one day.")
    )
    date_precision = models.CharField(
        _("date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("How much of the date the source gives: a month is stored as its first day."),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=EventStatus.choices, default=EventStatus.HELD
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    city_fr, city_es = translations(city)
    country = CountryField(_("country"), blank=True)
    description = models.TextField(_("description"), blank=True)
    description_fr, description_es = translations(description)
    outcome = models.TextField(_("outcome"), blank=True)
    outcome_fr, outcome_es = translations(outcome)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = [F("start_date").desc(nulls_last=True), "title", "id"]
        indexes = [models.Index(name="event_kind_start", fields=["kind", "start_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="event_ends_on_or_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return localized_text(self, "title")

    def get_absolute_url(self):
        return reverse("portal:event_detail", kwargs={"slug": self.slug})

    @property
    def when(self) -> str:
        return format_partial_date(self.start_date, self.date_precision)


class PledgeProgress(models.TextChoices):
    NOT_ASSESSED = "not_assessed", _("Not assessed")
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    ACHIEVED = "achieved", _("Achieved")
    NOT_ACHIEVED = "not_achieved", _("Not achieved")


class PledgeQuerySet(RegistryQuerySet):
    def with_status(self):
        """Annotate `status`: the latest assessment's progress, or "not assessed"."""
        latest = PledgeAssessment.objects.filter(pledge=OuterRef("pk")).order_by(
            "-assessed_on", "-id"
        )
        return self.annotate(
            status=Coalesce(
                Subquery(latest.values("progress")[:1]), Value(PledgeProgress.NOT_ASSESSED)
            )
        )


@pghistory.track()
class Pledge(TimestampedModel):
    """A partner's public commitment made at an event, such as the IV Global Conference."""

    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="pledges", verbose_name=_("partner")
    )
    event = models.ForeignKey(
        Event, on_delete=models.PROTECT, related_name="pledges", verbose_name=_("made at")
    )
    title = models.CharField(_("title"), max_length=300)
    title_fr, title_es = translations(title)
    description = models.TextField(_("description"), blank=True)
    description_fr, description_es = translations(description)
    made_on = models.DateField(_("made on"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    objects = PledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["event", "partner", "id"]

    def __str__(self):
        return localized_text(self, "title")

    @property
    def status_label(self) -> str:
        """The label of `status`, which with_status() annotates."""
        return PledgeProgress(self.status).label


@pghistory.track()
class PledgeAssessment(TimestampedModel):
    """A dated assessment of the progress made on a pledge; the latest is the pledge's status."""

    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("pledge")
    )
    assessed_on = models.DateField(_("assessed on"))
    progress = models.CharField(
        _("progress"),
        max_length=16,
        choices=[c for c in PledgeProgress.choices if c[0] != PledgeProgress.NOT_ASSESSED],
    )
    summary = models.TextField(_("summary"), blank=True)
    summary_fr, summary_es = translations(summary)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("pledge assessment")
        verbose_name_plural = _("pledge assessments")
        ordering = ["pledge", "assessed_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["pledge", "assessed_on"],
                name="pledgeassessment_one_per_day",
                violation_error_message=_("This pledge was already assessed on that date."),
            )
        ]

    def __str__(self):
        return f"{self.pledge} ({self.assessed_on})"


class EstimateUnit(models.TextChoices):
    PEOPLE = "people", _("people")
    PERCENT = "percent", _("per cent")


@pghistory.track()
class GlobalEstimate(TimestampedModel):
    """A published global figure on the problem, such as "152 million children in child labour"."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    label = models.CharField(_("label"), max_length=200)
    label_fr, label_es = translations(label)
    value = models.PositiveBigIntegerField(_("value"))
    unit = models.CharField(
        _("unit"), max_length=8, choices=EstimateUnit.choices, default=EstimateUnit.PEOPLE
    )
    part_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="parts",
        verbose_name=_("part of"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        verbose_name = _("global estimate")
        verbose_name_plural = _("global estimates")
        ordering = ["position", "id"]

    def __str__(self):
        return localized_text(self, "label")
