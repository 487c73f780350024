"""What every registry admin shares: read-only timestamps, history from pghistory, service calls."""

import functools
from collections import defaultdict
from collections.abc import Callable

from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin.utils import NotRelationField, flatten_fieldsets, get_fields_from_path
from django.contrib.postgres.constraints import ExclusionConstraint
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q, Value
from django.db.models.constants import LOOKUP_SEP
from django.db.models.functions import Coalesce, NullIf
from django.forms.models import BaseInlineFormSet
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ExportMixin, ImportMixin
from import_export.formats import base_formats
from pghistory import config as pghistory_config
from pghistory.admin import EventsAdmin
from pghistory.models import MiddlewareEvents

from .models import LINK_ADDED, LINK_REMOVED, ApiToken
from .translation import (
    DEFAULT_LANGUAGE,
    OTHER_LANGUAGES,
    active_language,
    column,
    columns,
    language_label,
    localized_text,
    translated_fields,
)

admin.site.site_header = _("Alliance 8.7 registry")
admin.site.site_title = _("Alliance 8.7 registry")
admin.site.index_title = _("Secretariat")


def is_same_site_path(url: str) -> bool:
    """A path of this site ("/admin/…"), not an address elsewhere ("//evil.example", "https:…")."""
    return (
        url.startswith("/")
        and not url.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(url, allowed_hosts=None)
    )


def events_url(obj, *, back: str = "") -> str:
    """The history (pghistory events) of one record in the admin.

    "references": the record's own changes and those of every row that points to it, so the
    links of its many-to-many fields (focal points, responsible partners) are there too.
    """
    model = pghistory_config.admin_queryset().model._meta
    url = reverse(f"admin:{model.app_label}_{model.model_name}_changelist")
    query = {"method": "references", "obj": f"{obj._meta.label}:{obj.pk}"}
    if back:
        query["back"] = back
    return f"{url}?{urlencode(query)}"


def _with_translations(fields, translated) -> list:
    """A `fields` option with each translatable field on a row of its own beside its other
    languages (name, name_fr, name_es), wherever the admin put it; translations listed elsewhere
    (an admin without `fields` lists the form's, in model order) are dropped there."""
    copies = {column(name, language) for name in translated for language in OTHER_LANGUAGES}
    lines = []
    for line in fields:
        names = [name for name in ([line] if isinstance(line, str) else line) if name not in copies]
        lines += [tuple(columns(name)) for name in names if name in translated]
        rest = [name for name in names if name not in translated]
        if rest:
            lines.append(rest[0] if len(rest) == 1 else tuple(rest))
    return lines


class TranslatedFieldsMixin:
    """Every form (change form and inline) shows a translatable field in its three languages in
    one row, driven by core.translation.translated_fields, so no admin has to list the copies."""

    def get_fieldsets(self, request, obj=None):
        translated = translated_fields(self.model)
        if not translated:
            return super().get_fieldsets(request, obj)
        # Read only, a field is labelled by its model ("Name"), beside "Name (French)": the
        # English one is shown by a display labelled with its language, as the form labels it.
        readonly = self._read_only_translated(request, obj)
        return [
            (
                name,
                {
                    **options,
                    "fields": _english_shown(
                        self.model, _with_translations(options["fields"], translated), readonly
                    ),
                },
            )
            for name, options in super().get_fieldsets(request, obj)
        ]

    def get_fields(self, request, obj=None):
        # The English displays stand in for their fields (get_fieldsets), not beside them.
        return [name for name in super().get_fields(request, obj) if not _is_english_display(name)]

    def get_readonly_fields(self, request, obj=None):
        # A field kept read-only (a stage change's decision) keeps its translations read-only,
        # and its English text is shown by its display.
        readonly = list(super().get_readonly_fields(request, obj))
        translated = [name for name in translated_fields(self.model) if name in readonly]
        copies = [column(name, language) for name in translated for language in OTHER_LANGUAGES]
        readonly += [name for name in copies if name not in readonly]
        return readonly + [_english_display(self.model, name) for name in translated]

    def get_formset(self, request, obj=None, **kwargs):
        # An inline's form: the fields, not the displays shown in place of read-only ones.
        if "fields" not in kwargs:
            fields = flatten_fieldsets(self.get_fieldsets(request, obj))
            kwargs["fields"] = [name for name in fields if isinstance(name, str)]
        return super().get_formset(request, obj, **kwargs)

    def _read_only_translated(self, request, obj) -> set[str]:
        """The translatable fields this page shows read only: all of them to a viewer."""
        translated = set(translated_fields(self.model))
        if obj is not None and not self.has_change_permission(request, obj):
            return translated
        readonly = self.get_readonly_fields(request, obj)
        return translated & {name for name in readonly if isinstance(name, str)}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and db_field.name in translated_fields(self.model):
            # Beside "name (French)" and "name (Spanish)", the English one says its language too.
            formfield.label = english_label(db_field)
        return formfield


def english_label(field):
    """ "Name (English)": a translatable field's English column, as it sits beside the others."""
    return format_lazy("{} ({})", capfirst(field.verbose_name), language_label(DEFAULT_LANGUAGE))


@functools.cache
def _english_display(model, name: str) -> Callable:
    """A read-only display of `model`'s translatable field `name` in English, labelled
    english_label() and classed as the field itself."""

    @admin.display(description=english_label(model._meta.get_field(name)))
    def english(obj):
        # A read-only model field shows the site's "-" for no text: so does this.
        return getattr(obj, name) or admin.site.empty_value_display

    english.__name__ = name
    english.english_display = True
    return english


def _is_english_display(field) -> bool:
    return getattr(field, "english_display", False)


def _english_shown(model, fields, readonly: set[str]) -> list:
    """`fields` with each of the `readonly` translatable fields shown by _english_display()."""

    def shown(name):
        return _english_display(model, name) if name in readonly else name

    return [
        shown(line) if isinstance(line, str) else tuple(shown(name) for name in line)
        for line in fields
    ]


class MissingTranslationFilter(admin.SimpleListFilter):
    """Records with English text in some translatable field and none in the chosen language."""

    title = _("missing translation")
    parameter_name = "missing_translation"

    def lookups(self, request, model_admin):
        return [(code, language_label(code)) for code in OTHER_LANGUAGES]

    def queryset(self, request, queryset):
        language = self.value()
        if language not in OTHER_LANGUAGES:
            return queryset
        missing = Q()
        for name in translated_fields(queryset.model):
            # `__gt=""`: English text that is neither empty nor NULL.
            missing |= Q(**{f"{name}__gt": "", column(name, language): ""})
        return queryset.filter(missing)


def _localized_column(model, name: str, language: str):
    """A list column showing `name` in `language`, English where it has none, sorted as shown."""
    ordering = (
        name
        if language == DEFAULT_LANGUAGE
        else Coalesce(NullIf(F(column(name, language)), Value("")), F(name))
    )

    @admin.display(description=model._meta.get_field(name).verbose_name, ordering=ordering)
    def show(obj):
        return localized_text(obj, name, language)

    show.__name__ = name
    show.localizes = name
    return show


class RegistryAdmin(ExportMixin, TranslatedFieldsMixin, admin.ModelAdmin):
    """The base of every registry admin.

    "History" opens the pghistory events of the record rather than Django's admin log: the
    triggers also keep changes made through the API, the shell and bulk updates.

    "Export" (django-import-export) writes the list as it is filtered to CSV or xlsx, for anyone
    who may view it; the columns are the model's resource (the app's resources.py) when it has
    one, else its fields.
    """

    readonly_fields = ("created", "updated")
    list_per_page = 50
    # Import and export formats, in this order (the forms' choices): CSV and Excel.
    formats = [base_formats.CSV, base_formats.XLSX]

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_list_display(self, request):
        """Columns of translatable fields in the staff member's language (English otherwise)."""
        translated = set(translated_fields(self.model)) - set(self.list_editable)
        language = active_language()
        return [
            _localized_column(self.model, item, language)
            if isinstance(item, str) and item in translated
            else item
            for item in super().get_list_display(request)
        ]

    def get_list_display_links(self, request, list_display):
        # A link declared by field name follows its column into the active language.
        links = super().get_list_display_links(request, list_display)
        by_name = {getattr(item, "localizes", None): item for item in list_display}
        return links and [by_name.get(link, link) for link in links]

    def get_search_fields(self, request):
        """Each search field that is translatable (`name`, `partner__name`) searches every
        language's column."""
        fields = []
        for term in super().get_search_fields(request):
            prefix = term[0] if term[0] in "^=@" else ""
            path = term.removeprefix(prefix)
            fields.append(term)
            try:
                last = get_fields_from_path(self.model, path)[-1]
            except (FieldDoesNotExist, NotRelationField):
                continue  # a lookup ("name__exact") rather than a field: left as written
            if last.name in translated_fields(last.model):
                *relations, name = path.split(LOOKUP_SEP)
                fields += [
                    prefix + LOOKUP_SEP.join([*relations, column(name, language)])
                    for language in OTHER_LANGUAGES
                ]
        return fields

    def get_list_filter(self, request):
        list_filter = list(super().get_list_filter(request))
        if translated_fields(self.model):
            list_filter.append(MissingTranslationFilter)
        return list_filter

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, admin.utils.unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        back = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk])
        return redirect(events_url(obj, back=back))

    def confirm_action(
        self, request, queryset, *, form_class, title: str, service, success: str, submit: str
    ):
        """An action that first asks for what happened (a date, the decision or event).

        Shows `form_class` with the selected records; once it is valid, calls
        `service(record, **cleaned_data)` for each of them (see call_for_each).
        """
        form = form_class(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            data = form.cleaned_data
            self.call_for_each(request, queryset, lambda obj: service(obj, **data), success)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.opts,
            "records": queryset,
            "form": form,
            "action": request.POST.get("action", ""),
            "submit": submit,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/registry/confirm_action.html", context)

    def call_for_each(self, request, queryset, service: Callable[[object], object], success: str):
        """Call `service(record)` for each selected record and say how each went.

        The service decides: a ValidationError it raises is shown for that record, and the
        others still go ahead.
        """
        for obj in queryset:
            try:
                # A savepoint: a record refused by the database leaves the others to go ahead.
                with transaction.atomic():
                    service(obj)
            except ValidationError as error:
                self.message_user(
                    request, f"{obj}: {' '.join(error.messages)}", level=messages.ERROR
                )
            except IntegrityError:
                # A race that the service's checks could not see: another change came first.
                self.message_user(
                    request,
                    _("%(obj)s: another change was saved at the same moment; reload and check.")
                    % {"obj": obj},
                    level=messages.ERROR,
                )
            else:
                self.message_user(request, success % {"obj": obj}, level=messages.SUCCESS)


class ImportAdmin(ImportMixin):
    """Import from CSV or xlsx, put before RegistryAdmin: the file is checked row by row with the
    model's rules (core.resources.RegistryResource) and its changes previewed; only a file
    without errors can be confirmed. Editors only: creating and changing records is importing.

    Imported rows get history like any other write (the triggers), with the editor as their
    author: pghistory's middleware sets the context of the confirming request.
    """

    import_export_change_list_template = "admin/import_export/change_list_import_export.html"

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)


def _overlaps(a, b) -> bool:
    """Whether two half-open periods [start_date, end_date) share a day; None is open."""
    return (a.start_date is None or b.end_date is None or a.start_date < b.end_date) and (
        b.start_date is None or a.end_date is None or b.start_date < a.end_date
    )


def _period_rules(model) -> list[tuple[ExclusionConstraint, list]]:
    """The model's no-overlap constraints (period_exclusion), each with the fields it compares."""
    return [
        (
            constraint,
            [model._meta.get_field(e) for e, _op in constraint.expressions if isinstance(e, str)],
        )
        for constraint in model._meta.constraints
        if isinstance(constraint, ExclusionConstraint)
    ]


class RegistryInlineFormSet(BaseInlineFormSet):
    """An inline's rows checked against each other for the model's no-overlap rules.

    Each row is validated against the database by its own form; two rows typed in the same
    submission (two overlapping terms of one seat) meet only here, so the database's exclusion
    constraint never answers an IntegrityError. The error names the other row and keeps the input.
    """

    def clean(self):
        super().clean()
        rules = _period_rules(self.model)
        kept = [
            form
            for form in self.forms
            if form.is_valid() and form.cleaned_data and not self._should_delete_form(form)
        ]
        for index, form in enumerate(kept):
            for earlier in kept[:index]:
                if not (form.has_changed() or earlier.has_changed()):
                    continue
                for constraint, fields in rules:
                    a, b = form.instance, earlier.instance
                    same = all(f.value_from_object(a) == f.value_from_object(b) for f in fields)
                    if same and _overlaps(a, b):
                        form.add_error(
                            None,
                            _("%(rule)s It overlaps the row “%(other)s” (%(start)s to %(end)s).")
                            % {
                                "rule": constraint.get_violation_error_message(),
                                "other": earlier.instance,
                                "start": b.start_date or "…",
                                "end": b.end_date or "…",
                            },
                        )


class RegistryInline(TranslatedFieldsMixin, admin.TabularInline):
    """The base of every tabular inline: rows checked against each other, none shown empty."""

    formset = RegistryInlineFormSet
    extra = 0


class RegistryStackedInline(TranslatedFieldsMixin, admin.StackedInline):
    formset = RegistryInlineFormSet
    extra = 0


def _name_the_linked_records(links) -> None:
    """Gives each many-to-many link event `linked`: (field, the record it names), such as
    ("partner", "UNICEF"); one query per kind of record named, however many links a page has."""
    wanted = defaultdict(set)
    for event in links:
        event.linked_fields = [
            field
            for field in apps.get_model(event.pgh_obj_model)._meta.fields
            if field.is_relation and field.attname in (event.pgh_data or {})
        ]
        for field in event.linked_fields:
            wanted[field.related_model].add(event.pgh_data[field.attname])
    names = {
        (model, record.pk): str(record)
        for model, pks in wanted.items()
        for record in model._base_manager.filter(pk__in=pks)
    }
    for event in links:
        event.linked = [
            (
                field.verbose_name,
                names.get(
                    (field.related_model, event.pgh_data[field.attname]),
                    f"#{event.pgh_data[field.attname]}",
                ),
            )
            for field in event.linked_fields
        ]


class HistoryAdmin(EventsAdmin):
    """pghistory's events list, with who made each change and what changed, readably."""

    list_display = ("pgh_created_at", "who", "pgh_label", "record", "changes")
    list_select_related = ("user",)
    # Counting every option would read every event table of the union on each page.
    show_facets = admin.ShowFacets.NEVER

    def get_list_display(self, request):
        return self.list_display

    def changelist_view(self, request, extra_context=None):
        # "Back" returns to the record's page: only a path on this site, never another site.
        back = request.GET.get("back")
        if back is not None and not is_same_site_path(back):
            request.GET = request.GET.copy()
            del request.GET["back"]
        return super().changelist_view(request, extra_context)

    def get_queryset(self, request):
        # MiddlewareEvents is the same union of event tables plus the user and URL that
        # pghistory's middleware stored in the context, joined in one query.
        queryset = MiddlewareEvents.objects.order_by(*pghistory_config.admin_ordering())
        object_id = request.resolver_match.kwargs.get("object_id")
        if object_id is not None:
            label = admin.utils.unquote(object_id).partition(":")[0]
            queryset = queryset.across(label)
        return queryset

    @admin.display(description=_("who"))
    def who(self, event):
        return event.user or "—"

    @admin.display(description=_("record"))
    def record(self, event):
        return f"{event.pgh_obj_model} #{event.pgh_obj_id}"

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        _name_the_linked_records(
            [e for e in changelist.result_list if e.pgh_label in (LINK_ADDED, LINK_REMOVED)]
        )
        return changelist

    @admin.display(description=_("what changed"))
    def changes(self, event):
        diff = {k: v for k, v in (event.pgh_diff or {}).items() if k != "updated"}
        if not diff and event.pgh_label in (LINK_ADDED, LINK_REMOVED):
            # A many-to-many link has no diff: what was linked is the row itself.
            return format_html_join("", "<div><strong>{}</strong>: {}</div>", event.linked)
        if not diff:
            return "—"
        return format_html_join(
            "",
            "<div><strong>{}</strong>: {} → {}</div>",
            ((field, before, after) for field, (before, after) in sorted(diff.items())),
        )


_events_model = pghistory_config.admin_queryset().model
if admin.site.is_registered(_events_model):
    admin.site.unregister(_events_model)
admin.site.register(_events_model, HistoryAdmin)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """API tokens for integrators: the key is shown once, on creation, and only its hash is kept."""

    list_display = ("name", "user", "key_prefix", "created", "expires_at", "revoked_at")
    list_filter = ("revoked_at", "expires_at")
    search_fields = ("name", "key_prefix", "user__username")
    list_select_related = ("user",)
    readonly_fields = ("key_prefix", "created")
    autocomplete_fields = ("user",)
    actions = ("revoke",)

    def save_model(self, request, obj, form, change):
        if not change:
            # Kept on the instance for response_add only: never stored, never in a cookie.
            obj.new_key = obj.set_new_key()
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        """The key, shown once on a page no cache keeps; then it is gone."""
        context = {
            **self.admin_site.each_context(request),
            "title": _("The key of “%(name)s”") % {"name": obj.name},
            "opts": self.opts,
            "token": obj,
            "key": obj.new_key,
        }
        response = TemplateResponse(request, "admin/core/apitoken/new_key.html", context)
        response["Cache-Control"] = "no-store"
        return response

    @admin.action(description=_("Revoke the selected tokens"), permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        message = ngettext("%(count)d token revoked.", "%(count)d tokens revoked.", count)
        self.message_user(request, message % {"count": count})
