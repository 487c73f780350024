"""Operations on partnership applications: submit, review, approve (creating the partner),
reject. Submitting and deciding queue the mail that tells of it (partners/mail.py)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.errors import ConflictError

from . import mail
from .models import ApplicationStatus, Partner, PartnershipApplication


def _locked_open_application(application: PartnershipApplication) -> PartnershipApplication:
    locked = PartnershipApplication.objects.select_for_update().get(pk=application.pk)
    if not locked.is_open:
        # Decided since the caller read it (another tab, another approver): a conflict.
        raise ConflictError(
            _("This application was already %(status)s.")
            % {"status": locked.get_status_display().lower()}
        )
    return locked


def _unique_slug(name: str) -> str:
    base = slugify(name)[:190] or "partner"
    slug, n = base, 2
    while Partner.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def application_submit(
    *, application: PartnershipApplication, language: str
) -> PartnershipApplication:
    """Record a new application (from the public form or the API) in the applicant's language,
    and queue its acknowledgement and the secretariat's notice."""
    code = (language or "").split("-")[0].lower()
    application.language = code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    application.status = ApplicationStatus.SUBMITTED
    application.full_clean()
    application.save()
    mail.application_received(application=application)
    return application


@transaction.atomic
def application_start_review(
    *, application: PartnershipApplication, user
) -> PartnershipApplication:
    """Mark a submitted application as under review, so colleagues see someone has it."""
    locked = _locked_open_application(application)
    if locked.status != ApplicationStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted application can be taken under review."))
    locked.status = ApplicationStatus.UNDER_REVIEW
    locked.full_clean()
    locked.save()
    return locked


@transaction.atomic
def application_approve(
    *,
    application: PartnershipApplication,
    user,
    joined_on: datetime.date | None = None,
    reason: str = "",
) -> Partner:
    """Approve an application and create its partner, in one transaction."""
    locked = _locked_open_application(application)
    if Partner.objects.filter(name__iexact=locked.organisation_name).exists():
        raise ValidationError(
            _("A partner named “%(name)s” already exists.") % {"name": locked.organisation_name}
        )
    decided_at = timezone.now()
    partner = Partner(
        name=locked.organisation_name,
        acronym=locked.acronym,
        slug=_unique_slug(locked.organisation_name),
        category=locked.category,
        country=locked.country,
        website=locked.website,
        description=locked.description,
        themes=locked.themes,
        joined_on=joined_on or timezone.localdate(),
        commitment_accepted_on=timezone.localdate(locked.created or decided_at),
        source=_("Partnership application #%(id)s") % {"id": locked.pk},
    )
    partner.full_clean()
    partner.save()
    locked.status = ApplicationStatus.APPROVED
    locked.partner = partner
    locked.decided_by = user
    locked.decided_at = decided_at
    locked.decision_reason = reason
    locked.full_clean()
    locked.save()
    mail.application_decided(application=locked)
    return partner


@transaction.atomic
def application_reject(
    *, application: PartnershipApplication, user, reason: str
) -> PartnershipApplication:
    """Reject an application, saying why."""
    if not reason.strip():
        raise ValidationError({"decision_reason": _("A rejection gives its reason.")})
    locked = _locked_open_application(application)
    locked.status = ApplicationStatus.REJECTED
    locked.decided_by = user
    locked.decided_at = timezone.now()
    locked.decision_reason = reason.strip()
    locked.full_clean()
    locked.save()
    mail.application_decided(application=locked)
    return locked
