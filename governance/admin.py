"""Admin for the Global Coordinating Group, its offices, events, pledges and global estimates."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter

from core.admin import ImportAdmin, RegistryAdmin, RegistryInline

from . import services
from .forms import RotationForm
from .models import (
    Constituency,
    Event,
    GlobalEstimate,
    OfficeTerm,
    Pledge,
    PledgeAssessment,
    Seat,
    SeatTerm,
)
from .resources import EventResource, SeatTermResource


@admin.register(Constituency)
class ConstituencyAdmin(RegistryAdmin):
    list_display = ("name", "position")
    list_editable = ("position",)
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


class SeatTermInline(RegistryInline):
    model = SeatTerm
    fields = ("partner", "start_date", "end_date", "source")
    autocomplete_fields = ("partner",)


@admin.register(Seat)
class SeatAdmin(RegistryAdmin):
    list_display = ("__str__", "constituency", "region", "number")
    list_filter = ("constituency", "region")
    search_fields = ("constituency__name", "terms__partner__name")
    list_select_related = ("constituency",)
    inlines = [SeatTermInline]


@admin.register(SeatTerm)
class SeatTermAdmin(ImportAdmin, RegistryAdmin):
    resource_classes = [SeatTermResource]
    list_display = ("partner", "seat", "start_date", "last_day")
    list_filter = ("seat__constituency", "seat__region")
    search_fields = ("partner__name", "partner__acronym", "seat__constituency__name")
    autocomplete_fields = ("seat", "partner")
    list_select_related = ("partner", "seat__constituency")


@admin.register(OfficeTerm)
class OfficeTermAdmin(RegistryAdmin):
    list_display = ("office", "partner", "start_date", "last_day", "source")
    list_filter = ("office",)
    search_fields = ("partner__name", "partner__acronym")
    autocomplete_fields = ("partner",)
    list_select_related = ("partner",)
    change_list_template = "admin/governance/officeterm/change_list.html"

    def get_urls(self):
        rotate = self.admin_site.admin_view(self.rotate_view)
        return [
            path("rotate/", rotate, name="governance_officeterm_rotate"),
            *super().get_urls(),
        ]

    def rotate_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        data = request.POST if request.method == "POST" else None
        form = RotationForm(data, initial={"on": timezone.localdate()})
        if form.is_valid():
            try:
                services.office_rotate(**form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(request, _("The offices have rotated."), messages.SUCCESS)
                return redirect("admin:governance_officeterm_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Rotate the chair and deputy chair"),
            "opts": self.opts,
            "form": form,
            "media": self.media + form.media,
            "current_terms": OfficeTerm.objects.current().select_related("partner"),
        }
        return TemplateResponse(request, "admin/governance/officeterm/rotate.html", context)


@admin.register(Event)
class EventAdmin(ImportAdmin, RegistryAdmin):
    resource_classes = [EventResource]
    list_display = ("title", "kind", "start_date", "city", "country")
    list_filter = ("kind", ("country", CountryFilter))
    search_fields = ("title", "city", "description")
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ("title",)}


class PledgeAssessmentInline(RegistryInline):
    model = PledgeAssessment
    fields = ("assessed_on", "progress", "summary", "source")


@admin.register(Pledge)
class PledgeAdmin(RegistryAdmin):
    list_display = ("title", "partner", "event", "made_on", "status")
    list_filter = (("event", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("title", "partner__name", "partner__acronym")
    autocomplete_fields = ("partner", "event")
    list_select_related = ("partner", "event")
    inlines = [PledgeAssessmentInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_status()

    @admin.display(description=_("status"), ordering="status")
    def status(self, pledge):
        return pledge.status_label


@admin.register(PledgeAssessment)
class PledgeAssessmentAdmin(RegistryAdmin):
    list_display = ("pledge", "assessed_on", "progress")
    list_filter = ("progress",)
    search_fields = ("pledge__title", "pledge__partner__name")
    autocomplete_fields = ("pledge",)
    list_select_related = ("pledge",)
    date_hierarchy = "assessed_on"


@admin.register(GlobalEstimate)
class GlobalEstimateAdmin(RegistryAdmin):
    list_display = ("label", "value", "part_of", "position")
    search_fields = ("label", "slug")
    autocomplete_fields = ("part_of",)
    list_select_related = ("part_of",)
    prepopulated_fields = {"slug": ("label",)}
