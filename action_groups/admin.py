"""Admin for Action Groups, their members, work plans and activities."""

from django.contrib import admin

from core.admin import RegistryAdmin, RegistryInline, RegistryStackedInline

from .models import ActionGroup, Activity, Membership, WorkPlan


class MembershipInline(RegistryInline):
    model = Membership
    fields = ("partner", "role", "start_date", "end_date", "source")
    autocomplete_fields = ("partner",)


@admin.register(ActionGroup)
class ActionGroupAdmin(RegistryAdmin):
    list_display = ("name", "established_on", "closed_on")
    list_filter = (("closed_on", admin.EmptyFieldListFilter),)
    search_fields = ("name", "mandate")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("meetings",)
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(RegistryAdmin):
    list_display = ("partner", "group", "role", "start_date", "last_day")
    list_filter = ("role", "group")
    search_fields = ("partner__name", "partner__acronym", "group__name")
    autocomplete_fields = ("group", "partner")
    list_select_related = ("group", "partner")


class ActivityInline(RegistryStackedInline):
    model = Activity
    fields = (("title", "kind"), ("status", "due_date"), "lead_partners", "source")
    autocomplete_fields = ("lead_partners",)


@admin.register(WorkPlan)
class WorkPlanAdmin(RegistryAdmin):
    list_display = ("title", "group", "status", "start_date", "last_day", "adopted_at")
    list_filter = ("status", "group")
    search_fields = ("title", "group__name")
    autocomplete_fields = ("group", "adopted_at")
    list_select_related = ("group", "adopted_at")
    inlines = [ActivityInline]


@admin.register(Activity)
class ActivityAdmin(RegistryAdmin):
    list_display = ("title", "work_plan", "kind", "status", "due_date")
    list_filter = ("kind", "status", "work_plan__group")
    search_fields = ("title", "work_plan__title", "lead_partners__name")
    autocomplete_fields = ("work_plan", "lead_partners")
    list_select_related = ("work_plan",)
