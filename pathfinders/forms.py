"""Forms of the pathfinders: what the admin's actions ask before they record a change."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminDateWidget, AutocompleteSelect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import DatePrecision
from governance.models import Event

from .models import Stage, StageChange


def _on(label):
    return forms.DateField(
        label=label,
        initial=timezone.localdate,
        widget=AdminDateWidget,
        help_text=_("Today unless it happened earlier."),
    )


def _precision():
    return forms.ChoiceField(
        label=_("Date precision"),
        choices=DatePrecision.choices,
        initial=DatePrecision.DAY,
        help_text=_("How much of the date the source gives."),
    )


class AdvanceForm(forms.Form):
    on = _on(_("Date of the new stage"))
    date_precision = _precision()
    event = forms.ModelChoiceField(
        Event.objects.all(),
        label=_("Event"),
        required=False,
        widget=AutocompleteSelect(StageChange._meta.get_field("event"), admin.site),
        help_text=_("The workshop or meeting behind the move, if any."),
    )
    decision = forms.CharField(
        label=_("Decision"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    source = forms.CharField(label=_("Source"), max_length=300, required=False)


class CorrectionForm(forms.Form):
    stage = forms.ChoiceField(label=_("The stage it is in"), choices=Stage.choices)
    on = _on(_("Since"))
    date_precision = _precision()
    reason = forms.CharField(
        label=_("Why the stage is corrected"), widget=forms.Textarea(attrs={"rows": 3})
    )
    source = forms.CharField(label=_("Source"), max_length=300, required=False)


class AdoptionForm(forms.Form):
    on = _on(_("Date of the adoption"))
    date_precision = _precision()
