"""What the secretariat sets for the public pages."""

import pghistory
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TimestampedModel
from core.translation import translations


@pghistory.track()
class SecretariatContact(TimestampedModel):
    """How visitors reach the secretariat, shown on the contact page: one row, edited in the
    admin. Nothing is shown that the secretariat has not written here."""

    email = models.EmailField(_("e-mail address"), blank=True)
    postal_address = models.TextField(
        _("postal address"), blank=True, help_text=_("As it goes on an envelope, line by line.")
    )
    postal_address_fr, postal_address_es = translations(postal_address)
    phone = models.CharField(
        _("telephone"),
        max_length=40,
        blank=True,
        help_text=_("Optional, in international form, such as +41 22 799 61 11."),
    )
    note = models.TextField(
        _("note"),
        blank=True,
        help_text=_(
            "Optional: what to write about, office hours, who answers. Shown as written in "
            "every language."
        ),
    )
    note_fr, note_es = translations(note)

    class Meta:
        verbose_name = _("secretariat contact")
        verbose_name_plural = _("secretariat contact")
        constraints = [
            models.CheckConstraint(
                condition=Q(pk=1),
                name="secretariatcontact_single_row",
                violation_error_message=_("There is one secretariat contact."),
            ),
        ]

    def __str__(self):
        return str(_("Secretariat contact"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> "SecretariatContact | None":
        """The one row, or None until the secretariat first saves it."""
        return cls.objects.filter(pk=1).first()

    @property
    def is_empty(self) -> bool:
        return not (self.email or self.postal_address.strip() or self.phone or self.note.strip())
