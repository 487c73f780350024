"""Admin for pathfinder countries, their stages, road maps, milestones and annual reports."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.admin import ImportAdmin, RegistryAdmin, RegistryInline, RegistryStackedInline

from . import services
from .forms import AdoptionForm, AdvanceForm, CorrectionForm
from .models import (
    AnnualReport,
    Milestone,
    PathfinderCountry,
    PathfinderSettings,
    RoadMap,
    Stage,
    StageChange,
)
from .resources import MilestoneResource


class StageFilter(admin.SimpleListFilter):
    title = _("stage")
    parameter_name = "stage"

    def lookups(self, request, model_admin):
        return Stage.choices

    def queryset(self, request, queryset):
        return queryset.filter(stage=self.value()) if self.value() else queryset


class StageChangeInline(RegistryInline):
    """The stage history, read-only: the "advance" action moves a country on."""

    model = StageChange
    fields = ("stage", "changed_on", "date_precision", "event", "decision", "source")
    readonly_fields = fields
    can_delete = False
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")


class AnnualReportInline(RegistryInline):
    model = AnnualReport
    fields = ("year", "submitted_on", "document_url", "source")


@admin.register(PathfinderCountry)
class PathfinderCountryAdmin(RegistryAdmin):
    list_display = ("country", "government", "stage")
    list_filter = (StageFilter,)
    search_fields = ("country", "government__name")
    autocomplete_fields = ("government", "focal_points", "workshops")
    list_select_related = ("government",)
    inlines = [StageChangeInline, AnnualReportInline]
    actions = ["advance", "correct_stage"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_stage()

    def get_search_results(self, request, queryset, search_term):
        # People type "Nepal", not "NP": match country names as well as codes.
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip().lower()
        codes = [code for code, name in countries if term and term in str(name).lower()]
        if codes:
            results |= queryset.filter(country__in=codes)
        return results, may_have_duplicates

    @admin.display(description=_("stage"), ordering="stage")
    def stage(self, pathfinder):
        return Stage(pathfinder.stage).label if pathfinder.stage else "—"

    @admin.action(description=_("Advance to the next stage…"), permissions=["change"])
    def advance(self, request, queryset):
        return self.confirm_action(
            request,
            queryset,
            form_class=AdvanceForm,
            title=_("Advance to the next stage"),
            submit=_("Advance"),
            service=lambda p, **data: services.pathfinder_advance(pathfinder=p, **data),
            success=_("%(obj)s moved to its next stage."),
        )

    @admin.action(description=_("Correct the stage…"), permissions=["change"])
    def correct_stage(self, request, queryset):
        return self.confirm_action(
            request,
            queryset,
            form_class=CorrectionForm,
            title=_("Correct the stage"),
            submit=_("Record the correction"),
            service=lambda p, **data: services.pathfinder_correct_stage(pathfinder=p, **data),
            success=_("%(obj)s: the correction is recorded."),
        )


@admin.register(StageChange)
class StageChangeAdmin(RegistryAdmin):
    list_display = ("pathfinder", "stage", "changed_on", "event")
    list_filter = ("stage",)
    search_fields = ("pathfinder__country", "decision")
    autocomplete_fields = ("pathfinder", "event")
    list_select_related = ("pathfinder", "event")
    date_hierarchy = "changed_on"


class MilestoneInline(RegistryStackedInline):
    model = Milestone
    fields = (
        ("title", "status"),
        ("due_date", "completed_on"),
        "responsible_partners",
        "evidence_url",
        "source",
    )
    autocomplete_fields = ("responsible_partners",)


@admin.register(RoadMap)
class RoadMapAdmin(RegistryAdmin):
    list_display = ("title", "pathfinder", "status", "adopted_on", "start_date", "last_day")
    list_filter = ("status",)
    search_fields = ("title", "pathfinder__country")
    autocomplete_fields = ("pathfinder",)
    list_select_related = ("pathfinder",)
    # The status moves only through "Adopt", which supersedes the previous road map.
    readonly_fields = ("status", *RegistryAdmin.readonly_fields)
    inlines = [MilestoneInline]
    actions = ["adopt"]

    @admin.action(
        description=_("Adopt (supersedes the country's current road map)…"), permissions=["change"]
    )
    def adopt(self, request, queryset):
        return self.confirm_action(
            request,
            queryset,
            form_class=AdoptionForm,
            title=_("Adopt road maps"),
            submit=_("Adopt"),
            service=lambda r, **data: services.roadmap_adopt(road_map=r, **data),
            success=_("%(obj)s is adopted."),
        )


@admin.register(Milestone)
class MilestoneAdmin(ImportAdmin, RegistryAdmin):
    resource_classes = [MilestoneResource]
    list_display = ("title", "road_map", "status", "due_date", "completed_on")
    list_filter = ("status",)
    search_fields = ("title", "road_map__title")
    autocomplete_fields = ("road_map", "responsible_partners")
    list_select_related = ("road_map",)


@admin.register(AnnualReport)
class AnnualReportAdmin(RegistryAdmin):
    list_display = ("pathfinder", "year", "submitted_on")
    list_filter = ("year",)
    search_fields = ("pathfinder__country",)
    autocomplete_fields = ("pathfinder",)
    list_select_related = ("pathfinder",)


@admin.register(PathfinderSettings)
class PathfinderSettingsAdmin(RegistryAdmin):
    """One row: the address pattern of a country's Delta 8.7 dashboard, linked from its page."""

    fields = ("delta87_country_url",)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not PathfinderSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
