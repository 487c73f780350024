"""Forms of the governance: the GCG page's date and the admin's rotation of the offices."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminDateWidget, AutocompleteSelect
from django.utils.translation import gettext_lazy as _

from partners.models import Partner

from .models import OfficeTerm


class AsOfForm(forms.Form):
    as_of = forms.DateField(
        label=_("Show the GCG as it stood on"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date as YYYY-MM-DD.")},
    )


# The admin's own partner search, so picking among hundreds of partners stays easy.
partner_search = AutocompleteSelect(OfficeTerm._meta.get_field("partner"), admin.site)


class RotationForm(forms.Form):
    on = forms.DateField(label=_("Date of the rotation"), widget=AdminDateWidget)
    chair = forms.ModelChoiceField(
        Partner.objects.all(),
        label=_("Next chair"),
        required=False,
        widget=partner_search,
        help_text=_("Leave empty when the deputy chair is promoted."),
    )
    promote_deputy = forms.BooleanField(
        label=_("Promote the current deputy chair to chair"), required=False
    )
    deputy_chair = forms.ModelChoiceField(
        Partner.objects.all(), label=_("Next deputy chair"), required=False, widget=partner_search
    )
    source = forms.CharField(
        label=_("Source"), max_length=300, required=False, help_text=_("The decision behind it.")
    )
