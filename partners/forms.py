"""Forms of the partners: the directory's display options, the join form, the admin's rejection."""

from django import forms
from django.contrib.admin.widgets import AdminDateWidget
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models import Category, PartnershipApplication, Theme

PAGE_SIZES = (10, 25, 50)
DEFAULT_PAGE_SIZE = 25

COMMITMENT = _(
    "We commit to promote or realize international human rights standards, including "
    "applicable international labour standards."
)


class DirectoryOptionsForm(forms.Form):
    """How the directory shows its result; the filters themselves are PartnerFilterSet's."""

    per_page = forms.TypedChoiceField(
        label=_("Per page"),
        choices=[(size, size) for size in PAGE_SIZES],
        coerce=int,
        required=False,
        empty_value=DEFAULT_PAGE_SIZE,
    )

    def page_size(self) -> int:
        if self.is_valid():
            return self.cleaned_data["per_page"]
        return DEFAULT_PAGE_SIZE


class JoinForm(forms.ModelForm):
    themes = forms.MultipleChoiceField(
        label=_("Themes the organisation works on"),
        choices=Theme.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    commitment_accepted = forms.BooleanField(
        label=COMMITMENT,
        required=True,
        error_messages={"required": _("Partners must accept this commitment to join.")},
    )
    # A trap for robots that fill every field; people never see it (see the template).
    homepage = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = PartnershipApplication
        fields = [
            "organisation_name",
            "acronym",
            "category",
            "country",
            "website",
            "description",
            "themes",
            "contact_name",
            "contact_email",
            "contact_phone",
            "motivation",
            "commitment_accepted",
        ]
        labels = {
            "organisation_name": _("Name of the organisation"),
            "country": _("Country (of a government; the seat of any other organisation)"),
            "description": _("What the organisation does"),
            "contact_name": _("Your name"),
            "contact_email": _("Your email address"),
            "contact_phone": _("Your telephone number"),
            "motivation": _("Why the organisation wants to join Alliance 8.7"),
        }
        help_texts = {
            "website": _("Starting with https://"),
            "contact_email": _(
                "We write to this address about the application; it is not published."
            ),
            "contact_phone": _("Optional; not published."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "motivation": forms.Textarea(attrs={"rows": 5}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "website": forms.URLInput(attrs={"autocomplete": "url"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A prompt instead of Django's "---------", which screen readers spell out.
        self.fields["category"].choices = [("", _("Choose a category")), *Category.choices]
        self.fields["country"].choices = [("", _("Choose a country")), *countries]

    @property
    def is_spam(self) -> bool:
        """True when the honeypot was filled: the answer looks like success, nothing is saved."""
        return bool(self.data.get(self.add_prefix("homepage"), "").strip())


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the rejection"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Recorded with the decision."),
    )


class ApprovalForm(forms.Form):
    joined_on = forms.DateField(
        label=_("Joined on"),
        initial=timezone.localdate,
        widget=AdminDateWidget,
        help_text=_("The day the decision took effect; today unless it was taken earlier."),
    )
    reason = forms.CharField(
        label=_("Decision"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The decision or meeting behind the approval, recorded with it."),
    )
