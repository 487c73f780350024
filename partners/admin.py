"""Admin for partners, their identifiers, and the queue of applications to join."""

from django import forms
from django.contrib import admin
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter

from core.admin import ImportAdmin, RegistryAdmin, RegistryInline

from . import services
from .forms import ApprovalForm, RejectionForm
from .models import ApplicationStatus, Partner, PartnerIdentifier, PartnershipApplication, Theme
from .resources import PartnerResource
from .search import PartnerSearch

DECISION_FIELDS = ("status", "decided_by", "decided_at", "decision_reason", "partner")


class ThemesAsCheckboxes:
    """Themes are a short fixed list: tick boxes beat typing comma-separated codes."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "themes":
            return forms.MultipleChoiceField(
                label=db_field.verbose_name.capitalize(),
                choices=Theme.choices,
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class PartnerIdentifierInline(RegistryInline):
    model = PartnerIdentifier
    fields = ("scheme", "identifier")


@admin.register(Partner)
class PartnerAdmin(ThemesAsCheckboxes, ImportAdmin, RegistryAdmin):
    resource_classes = [PartnerResource]
    list_display = ("name", "acronym", "category", "country", "status", "joined_on")
    list_filter = ("category", "status", ("country", CountryFilter))
    # The directory's own search (typos in names tolerated), by get_search_results below.
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    inlines = [PartnerIdentifierInline]

    def get_search_results(self, request, queryset, search_term):
        """The directory's search, plus an exact slug or organisation identifier."""
        term = search_term.strip()
        search = PartnerSearch.of(term)
        if search is None:
            return queryset, False
        exact = Q(slug=term) | Q(
            pk__in=PartnerIdentifier.objects.filter(identifier__iexact=term).values("partner_id")
        )
        return queryset.filter(search.condition() | exact), False

    fieldsets = (
        (None, {"fields": ("name", "acronym", "slug", "category", "country", "website")}),
        (_("Work"), {"fields": ("description", "themes")}),
        (
            _("Partnership"),
            {
                "fields": (
                    "joined_on",
                    "commitment_accepted_on",
                    "status",
                    "status_changed_on",
                    "status_reason",
                )
            },
        ),
        (_("Record"), {"fields": ("source", "created", "updated")}),
    )


@admin.register(PartnerIdentifier)
class PartnerIdentifierAdmin(RegistryAdmin):
    list_display = ("__str__", "partner", "scheme", "identifier")
    list_filter = ("scheme",)
    search_fields = ("identifier", "partner__name", "partner__acronym")
    autocomplete_fields = ("partner",)
    list_select_related = ("partner",)


@admin.register(PartnershipApplication)
class PartnershipApplicationAdmin(ThemesAsCheckboxes, RegistryAdmin):
    list_display = ("organisation_name", "category", "country", "status", "created", "decided_at")
    list_filter = ("status", "category", ("country", CountryFilter))
    search_fields = ("organisation_name", "acronym", "contact_name", "contact_email")
    list_select_related = ("partner",)
    date_hierarchy = "created"
    actions = ["take_under_review", "approve", "reject"]
    fieldsets = (
        (
            _("Organisation"),
            {
                "fields": (
                    "organisation_name",
                    "acronym",
                    "category",
                    "country",
                    "website",
                    "description",
                    "themes",
                )
            },
        ),
        (_("Contact (private)"), {"fields": ("contact_name", "contact_email", "contact_phone")}),
        (_("Application"), {"fields": ("motivation", "commitment_accepted", "language")}),
        (_("Decision"), {"fields": DECISION_FIELDS}),
        (_("Record"), {"fields": ("created", "updated")}),
    )

    def get_queryset(self, request):
        # The queue first: open applications, oldest first, so none waits forgotten.
        open_first = Case(
            When(
                status__in=[ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW],
                then=Value(0),
            ),
            default=Value(1),
            output_field=IntegerField(),
        )
        queryset = self.model._default_manager.annotate(queue=open_first)
        return queryset.order_by(*self.get_ordering(request))

    def get_ordering(self, request):
        return ["queue", "created", "id"]

    def get_readonly_fields(self, request, obj=None):
        # Decisions are made only by the actions; a decided application is closed for edits.
        if obj is not None and not obj.is_open:
            return [f.name for f in self.opts.fields if f.name != "id"]
        return [*DECISION_FIELDS, "created", "updated"]

    @admin.action(description=_("Take under review"), permissions=["change"])
    def take_under_review(self, request, queryset):
        self.call_for_each(
            request,
            queryset,
            lambda a: services.application_start_review(application=a, user=request.user),
            _("%(obj)s is now under review."),
        )

    @admin.action(description=_("Approve (creates the partner)…"), permissions=["change"])
    def approve(self, request, queryset):
        return self.confirm_action(
            request,
            queryset,
            form_class=ApprovalForm,
            title=_("Approve applications"),
            submit=_("Approve"),
            service=lambda a, **data: services.application_approve(
                application=a, user=request.user, **data
            ),
            success=_("%(obj)s is approved and is now a partner."),
        )

    @admin.action(description=_("Reject…"), permissions=["change"])
    def reject(self, request, queryset):
        return self.confirm_action(
            request,
            queryset,
            form_class=RejectionForm,
            title=_("Reject applications"),
            submit=_("Reject"),
            service=lambda a, **data: services.application_reject(
                application=a, user=request.user, **data
            ),
            success=_("%(obj)s is rejected."),
        )
