"""Action Groups: their members and chairs, work plans and activities."""

import pghistory
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import DatedModel, TimestampedModel, period_exclusion, track_links
from core.translation import localized_text, translations
from governance.models import Event
from partners.models import Partner


@pghistory.track()
class ActionGroup(TimestampedModel):
    """A thematic group of partners that supports country-level work (research, tools, funds)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    name_fr, name_es = translations(name)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    mandate = models.TextField(_("mandate"), blank=True)
    mandate_fr, mandate_es = translations(mandate)
    established_on = models.DateField(_("established on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    meetings = models.ManyToManyField(
        Event, blank=True, related_name="action_groups", verbose_name=_("meetings")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("Action Group")
        verbose_name_plural = _("Action Groups")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True)
                | Q(established_on__isnull=True)
                | Q(closed_on__gt=F("established_on")),
                name="actiongroup_closes_after_it_is_established",
                violation_error_message=_("A group cannot close before it is established."),
            )
        ]

    def __str__(self):
        return localized_text(self, "name")

    def get_absolute_url(self):
        return reverse("action_groups:actiongroup_detail", kwargs={"slug": self.slug})


class Role(models.TextChoices):
    CHAIR = "chair", _("Chair")
    CO_CHAIR = "co_chair", _("Co-chair")
    MEMBER = "member", _("Member")


@pghistory.track()
class Membership(DatedModel):
    """A partner's membership of an Action Group, in a role, over a period."""

    # Indexed with its members' periods (Meta.indexes), not alone.
    group = models.ForeignKey(
        ActionGroup,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("group"),
        db_index=False,
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("partner")
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta(DatedModel.Meta):
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["group", "role", "partner__name", "id"]
        indexes = [
            # The directory counts each group's current members: an index-only scan of its own
            # entries (2.8 to 1.3 ms for 20 groups at 10,000 memberships, docs/performance.md).
            models.Index(
                fields=["group"],
                include=["partner", "start_date", "end_date"],
                name="membership_group_period",
            ),
        ]
        constraints = [
            *DatedModel.Meta.constraints,
            period_exclusion(
                "membership_no_overlap",
                "group",
                "partner",
                message=_("This partner is already a member of this group over these dates."),
            ),
        ]

    def __str__(self):
        return f"{self.partner} — {self.group} ({self.get_role_display()})"


class WorkPlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ADOPTED = "adopted", _("Adopted")
    COMPLETED = "completed", _("Completed")


@pghistory.track()
class WorkPlan(DatedModel):
    """An Action Group's plan of action for a period, such as 2020 to 2021."""

    group = models.ForeignKey(
        ActionGroup, on_delete=models.CASCADE, related_name="work_plans", verbose_name=_("group")
    )
    title = models.CharField(_("title"), max_length=300)
    title_fr, title_es = translations(title)
    status = models.CharField(
        _("status"), max_length=10, choices=WorkPlanStatus.choices, default=WorkPlanStatus.DRAFT
    )
    adopted_at = models.ForeignKey(
        Event,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="work_plans_adopted",
        verbose_name=_("adopted at"),
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta(DatedModel.Meta):
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["group", F("start_date").asc(nulls_first=True), "id"]

    def __str__(self):
        return localized_text(self, "title")


class ActivityKind(models.TextChoices):
    RESEARCH = "research", _("Research")
    KNOWLEDGE_SHARING = "knowledge_sharing", _("Knowledge sharing")
    TOOLS = "tools", _("Tools")
    RESOURCE_MOBILISATION = "resource_mobilisation", _("Resource mobilisation")
    TECHNICAL_COOPERATION = "technical_cooperation", _("Technical cooperation")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


@pghistory.track()
class Activity(TimestampedModel):
    """One thing a work plan sets out to do, led by some partners, by a due date."""

    work_plan = models.ForeignKey(
        WorkPlan, on_delete=models.CASCADE, related_name="activities", verbose_name=_("work plan")
    )
    title = models.CharField(_("title"), max_length=300)
    title_fr, title_es = translations(title)
    kind = models.CharField(_("kind"), max_length=24, choices=ActivityKind.choices)
    lead_partners = models.ManyToManyField(
        Partner, blank=True, related_name="led_activities", verbose_name=_("lead partners")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["work_plan", F("due_date").asc(nulls_last=True), "id"]

    def __str__(self):
        return localized_text(self, "title")


track_links(ActionGroup.meetings, app_label="action_groups", model_name="MeetingLinkEvent")
track_links(Activity.lead_partners, app_label="action_groups", model_name="LeadPartnerLinkEvent")
