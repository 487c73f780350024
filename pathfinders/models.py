"""Pathfinder countries: their stage, road maps, milestones and annual reports."""

import datetime

import pghistory
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.models import (
    DatedModel,
    DatePrecision,
    RegistryQuerySet,
    TimestampedModel,
    format_partial_date,
    track_links,
    web_address_check,
)
from core.translation import localized_text, translations
from governance.models import Event
from partners.models import Partner


class Stage(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    WORKSHOP_HELD = "workshop_held", _("Workshop held")
    ROAD_MAP_ADOPTED = "road_map_adopted", _("Road map adopted")
    IMPLEMENTING = "implementing", _("Implementing")
    LAPSED = "lapsed", _("Lapsed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Which stages each stage may move to; a withdrawn country starts again with a new request.
# Anything else, a move back included, is a correction (StageChange.is_correction).
ALLOWED_STAGES = {
    None: {Stage.REQUESTED},
    Stage.REQUESTED: {Stage.WORKSHOP_HELD, Stage.LAPSED, Stage.WITHDRAWN},
    Stage.WORKSHOP_HELD: {Stage.ROAD_MAP_ADOPTED, Stage.LAPSED, Stage.WITHDRAWN},
    Stage.ROAD_MAP_ADOPTED: {Stage.IMPLEMENTING, Stage.LAPSED, Stage.WITHDRAWN},
    Stage.IMPLEMENTING: {Stage.LAPSED, Stage.WITHDRAWN},
    Stage.LAPSED: {Stage.IMPLEMENTING, Stage.WITHDRAWN},
    Stage.WITHDRAWN: {Stage.REQUESTED},
}


class PathfinderQuerySet(RegistryQuerySet):
    def with_report_dates(self, on: datetime.date | None = None):
        """Annotate what the report light needs on `on` (today), so a list costs no query a row.

        `last_report_on` (the latest report submitted by then), `first_adopted_on` (the first
        road map adopted by then) and `report_dates_on`.
        """
        on = on or timezone.localdate()
        reports = AnnualReport.objects.filter(
            pathfinder=OuterRef("pk"), submitted_on__isnull=False, submitted_on__lte=on
        ).order_by("-submitted_on")
        adoptions = RoadMap.objects.filter(
            pathfinder=OuterRef("pk"), adopted_on__isnull=False, adopted_on__lte=on
        ).order_by("adopted_on")
        return self.annotate(
            last_report_on=Subquery(reports.values("submitted_on")[:1]),
            first_adopted_on=Subquery(adoptions.values("adopted_on")[:1]),
            report_dates_on=Value(on, output_field=models.DateField()),
        )

    def as_of(self, on: datetime.date, *, dated: bool = False):
        """The countries as they stood on `on`: each with the stage it had reached by then
        (see with_stage); a country with no stage by then is left out."""
        return self.with_stage(on=on, dated=dated).filter(stage__isnull=False)

    def with_stage(self, *, dated: bool = False, on: datetime.date | None = None):
        """Annotate the current stage, from the latest StageChange (null before the first).

        `stage` and `stage_change_id`; with `dated`, also `stage_on` and `stage_precision`, when
        it was reached and how precisely the source dates it. With `on`, the stage as it stood
        on that date: the latest change made by then (an undated one counts as the oldest).
        """
        latest = StageChange.objects.filter(pathfinder=OuterRef("pk")).latest_first()
        if on is not None:
            latest = latest.filter(Q(changed_on__lte=on) | Q(changed_on__isnull=True))
        columns = {"stage": "stage", "stage_change_id": "id"}
        if dated:
            columns |= {"stage_on": "changed_on", "stage_precision": "date_precision"}
        return self.annotate(
            **{name: Subquery(latest.values(column)[:1]) for name, column in columns.items()}
        )


@pghistory.track()
class PathfinderCountry(TimestampedModel):
    """A country that committed to go further or faster towards target 8.7."""

    country = CountryField(_("country"), unique=True)
    government = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pathfinders",
        verbose_name=_("government partner"),
    )
    focal_points = models.ManyToManyField(
        Partner,
        blank=True,
        related_name="pathfinder_focal_points",
        verbose_name=_("national focal-point organisations"),
    )
    workshops = models.ManyToManyField(
        Event, blank=True, related_name="pathfinders", verbose_name=_("workshops")
    )
    official_response = models.TextField(
        _("official response"), blank=True, help_text=_("The government's published response.")
    )
    official_response_fr, official_response_es = translations(official_response)
    source = models.CharField(_("source"), max_length=300, blank=True)

    objects = PathfinderQuerySet.as_manager()

    class Meta:
        verbose_name = _("pathfinder country")
        verbose_name_plural = _("pathfinder countries")
        ordering = ["country"]

    def __str__(self):
        return str(self.country.name)

    def get_absolute_url(self):
        return reverse("pathfinders:pathfinder_detail", kwargs={"iso2": self.country.code.lower()})

    def report_light(self, on: datetime.date | None = None) -> str:
        """The annual-report traffic light on `on` (today): see `light_for()`.

        Read from `with_report_dates()`'s annotations when the row has them (a list computes
        every row's light in its one query), else by that query for this row alone.
        """
        on = on or timezone.localdate()
        row = self
        if getattr(self, "report_dates_on", None) != on:
            row = type(self).objects.with_report_dates(on).only("pk").get(pk=self.pk)
        return light_for(row.last_report_on, row.first_adopted_on, on)


# A report is due a year after the last one (or after the road map's adoption), overdue three
# months later.
REPORT_DUE_DAYS = 365
REPORT_OVERDUE_DAYS = 456


def light_for(
    last_report: datetime.date | None, adopted: datetime.date | None, on: datetime.date
) -> str:
    """The traffic light of a country whose last report is `last_report`, road map `adopted`.

    Green: a report submitted within the last year; yellow: the last one is 12 to 15 months
    old (due); red: older than that. A country that has never reported is grey ("no report
    yet") until a report is due, a year after its first road map's adoption, and red after.
    """
    if last_report is None:
        if adopted is not None and (on - adopted).days > REPORT_DUE_DAYS:
            return TrafficLight.RED
        return TrafficLight.GREY
    age = (on - last_report).days
    if age <= REPORT_DUE_DAYS:
        return TrafficLight.GREEN
    if age <= REPORT_OVERDUE_DAYS:
        return TrafficLight.YELLOW
    return TrafficLight.RED


class TrafficLight(models.TextChoices):
    GREEN = "green", _("Reported within a year")
    YELLOW = "yellow", _("Report due")
    RED = "red", _("Report overdue")
    GREY = "grey", _("No report yet")


class StageChangeQuerySet(RegistryQuerySet):
    def latest_first(self):
        """The current stage first: undated changes count as the oldest."""
        return self.order_by(F("changed_on").desc(nulls_last=True), "-id")


@pghistory.track()
class StageChange(TimestampedModel):
    """A pathfinder country reaching a stage, with the date and the event or decision behind it."""

    pathfinder = models.ForeignKey(
        PathfinderCountry,
        on_delete=models.CASCADE,
        related_name="stage_changes",
        verbose_name=_("pathfinder country"),
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    changed_on = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    event = models.ForeignKey(
        Event,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stage_changes",
        verbose_name=_("event"),
    )
    decision = models.TextField(_("decision"), blank=True)
    decision_fr, decision_es = translations(decision)
    is_correction = models.BooleanField(
        _("correction"),
        default=False,
        help_text=_(
            "A correction of the recorded stage, which may go to any stage, back included; "
            "the decision says why."
        ),
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    objects = StageChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["pathfinder", F("changed_on").asc(nulls_first=True), "id"]
        indexes = [models.Index(name="stagechange_latest", fields=["pathfinder", "changed_on"])]

    def __str__(self):
        return f"{self.pathfinder}: {self.get_stage_display()}"

    def clean(self):
        super().clean()
        if not self._state.adding or self.pathfinder_id is None:
            return
        latest = StageChange.objects.filter(pathfinder=self.pathfinder_id).latest_first().first()
        current = Stage(latest.stage) if latest else None
        if self.is_correction:
            if not self.decision.strip():
                raise ValidationError({"decision": _("A correction says why it is made.")})
        elif self.stage and Stage(self.stage) not in ALLOWED_STAGES[current]:
            allowed = ", ".join(
                f"“{stage.label}”" for stage in Stage if stage in ALLOWED_STAGES[current]
            )
            raise ValidationError(
                {
                    "stage": _(
                        "%(country)s cannot move from “%(current)s” to “%(target)s”: it may "
                        "move to %(allowed)s. To go back, record a correction."
                    )
                    % {
                        "country": self.pathfinder,
                        "current": current.label if current else _("no stage"),
                        "target": Stage(self.stage).label,
                        "allowed": allowed,
                    }
                }
            )
        if latest and latest.changed_on and self.changed_on and self.changed_on < latest.changed_on:
            raise ValidationError(
                {
                    "changed_on": _("The date cannot be before the current stage began (%(date)s).")
                    % {"date": latest.changed_on}
                }
            )

    @property
    def when(self) -> str:
        return format_partial_date(self.changed_on, self.date_precision)


class RoadMapStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ADOPTED = "adopted", _("Adopted")
    SUPERSEDED = "superseded", _("Superseded")


@pghistory.track()
class RoadMap(DatedModel):
    """A pathfinder country's joint plan of action towards target 8.7, over a period."""

    pathfinder = models.ForeignKey(
        PathfinderCountry,
        on_delete=models.PROTECT,
        related_name="road_maps",
        verbose_name=_("pathfinder country"),
    )
    title = models.CharField(_("title"), max_length=300)
    title_fr, title_es = translations(title)
    status = models.CharField(
        _("status"), max_length=10, choices=RoadMapStatus.choices, default=RoadMapStatus.DRAFT
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adoption_precision = models.CharField(
        _("adoption date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    document_url = models.URLField(_("document"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta(DatedModel.Meta):
        verbose_name = _("road map")
        verbose_name_plural = _("road maps")
        ordering = ["pathfinder", F("adopted_on").asc(nulls_last=True), "id"]
        constraints = [
            web_address_check("document_url", name="roadmap_document_is_web_address"),
            *DatedModel.Meta.constraints,
            models.UniqueConstraint(
                fields=["pathfinder"],
                condition=Q(status="adopted"),
                name="roadmap_one_adopted_per_country",
                violation_error_message=_("This country already has an adopted road map."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(adopted_on__isnull=False),
                name="roadmap_adopted_is_dated",
                violation_error_message=_("An adopted road map records when it was adopted."),
            ),
        ]

    def __str__(self):
        return localized_text(self, "title")

    @property
    def adopted(self) -> str:
        return format_partial_date(self.adopted_on, self.adoption_precision)

    def progress(self) -> tuple[int, int]:
        """(done, counted): milestones done over all that are not cancelled (uses a prefetch)."""
        counted = [m for m in self.milestones.all() if m.status != MilestoneStatus.CANCELLED]
        return sum(m.status == MilestoneStatus.DONE for m in counted), len(counted)


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")
    CANCELLED = "cancelled", _("Cancelled")


@pghistory.track()
class Milestone(TimestampedModel):
    """Something a road map commits to do by a date, and who answers for it."""

    road_map = models.ForeignKey(
        RoadMap, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("road map")
    )
    title = models.CharField(_("title"), max_length=300)
    title_fr, title_es = translations(title)
    responsible_partners = models.ManyToManyField(
        Partner,
        blank=True,
        related_name="milestones",
        verbose_name=_("responsible partners"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=MilestoneStatus.choices, default=MilestoneStatus.PLANNED
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    evidence_url = models.URLField(_("evidence"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["road_map", F("due_date").asc(nulls_last=True), "id"]
        constraints = [
            web_address_check("evidence_url", name="milestone_evidence_is_web_address"),
            models.CheckConstraint(
                condition=Q(status="done", completed_on__isnull=False)
                | (~Q(status="done") & Q(completed_on__isnull=True)),
                name="milestone_done_iff_completed",
                violation_error_message=_(
                    "A milestone has a completion date exactly when it is done."
                ),
            ),
        ]

    def __str__(self):
        return localized_text(self, "title")


@pghistory.track()
class AnnualReport(TimestampedModel):
    """A pathfinder country's yearly report on its road map; its date drives the traffic light."""

    pathfinder = models.ForeignKey(
        PathfinderCountry,
        on_delete=models.CASCADE,
        related_name="annual_reports",
        verbose_name=_("pathfinder country"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    document_url = models.URLField(_("document"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["pathfinder", "-year"]
        constraints = [
            web_address_check("document_url", name="annualreport_document_is_web_address"),
            models.UniqueConstraint(
                fields=["pathfinder", "year"],
                name="annualreport_one_per_year",
                violation_error_message=_("This country already has a report for that year."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2016) & Q(year__lte=2100),
                name="annualreport_year_in_range",
                violation_error_message=_("The year must be between 2016 and 2100."),
            ),
        ]

    def __str__(self):
        return f"{self.pathfinder} {self.year}"


track_links(
    PathfinderCountry.focal_points, app_label="pathfinders", model_name="FocalPointLinkEvent"
)
track_links(PathfinderCountry.workshops, app_label="pathfinders", model_name="WorkshopLinkEvent")
track_links(
    Milestone.responsible_partners,
    app_label="pathfinders",
    model_name="MilestoneResponsibleLinkEvent",
)


DELTA87_PLACEHOLDERS = ("{iso3}", "{iso2}")


def validate_country_url(pattern: str) -> None:
    """A country-dashboard address must name the country: {iso3} or {iso2}, nothing else."""
    if not any(placeholder in pattern for placeholder in DELTA87_PLACEHOLDERS):
        raise ValidationError(
            _("The address must contain {iso3} or {iso2}, where the country's code goes.")
        )
    try:
        pattern.format(iso3="XXX", iso2="XX")
    except (KeyError, IndexError, ValueError):
        raise ValidationError(
            _("The address may contain no braces other than {iso3} and {iso2}.")
        ) from None


@pghistory.track()
class PathfinderSettings(TimestampedModel):
    """What the secretariat sets for every country page: one row, edited in the admin."""

    delta87_country_url = models.CharField(
        _("Delta 8.7 country dashboard address"),
        max_length=300,
        default="https://delta87.org/dashboards/country/{iso3}/",
        validators=[validate_country_url],
        help_text=_(
            "The address of a country's dashboard on the Delta 8.7 Knowledge Platform (progress "
            "report, para. 23), with {iso3} (or {iso2}) where the country's ISO code goes; "
            "empty to show no link."
        ),
        blank=True,
    )

    class Meta:
        verbose_name = _("pathfinder page settings")
        verbose_name_plural = _("pathfinder page settings")
        constraints = [
            web_address_check(
                "delta87_country_url", name="pathfindersettings_delta87_is_web_address"
            ),
            models.CheckConstraint(
                condition=Q(pk=1),
                name="pathfindersettings_single_row",
                violation_error_message=_("There is one set of pathfinder page settings."),
            ),
        ]

    def __str__(self):
        return str(_("Pathfinder page settings"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> "PathfinderSettings":
        """The one row, or its defaults (unsaved) until the secretariat first saves it."""
        return cls.objects.filter(pk=1).first() or cls()

    def delta87_url(self, country) -> str:
        """The Delta 8.7 dashboard address of `country` (a django-countries Country), or ""."""
        if not self.delta87_country_url:
            return ""
        return self.delta87_country_url.format(iso3=country.alpha3, iso2=country.code)
