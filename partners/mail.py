"""The mail of partnership applications: the applicant's acknowledgement and decision, and the
secretariat's notice of each new application.

Each message is rendered at once in its reader's language (the applicant's is kept on the
application) and queued for the worker (partners/tasks.py), in the transaction of the change it
reports: it goes out only once that commits, and is retried while the mail server fails.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import ApplicationStatus, PartnershipApplication
from .tasks import enqueue_with_transaction, send_mail


def _queue(*, template: str, context: dict, subject: str, to: list[str], reply_to: list[str]):
    body = render_to_string(f"partners/email/{template}.txt", context)
    # A subject is one header line, whatever an applicant typed in a name.
    subject = " ".join(str(subject).split())
    enqueue_with_transaction(send_mail, subject=subject, body=body, to=to, reply_to=reply_to)


def _context(application: PartnershipApplication) -> dict:
    return {"application": application, "site_url": settings.ALLIANCE87_SITE_URL}


def application_received(*, application: PartnershipApplication) -> None:
    """Acknowledge a new application to its contact, and tell the secretariat of it."""
    secretariat = list(settings.ALLIANCE87_SECRETARIAT_EMAIL)
    with translation.override(application.language):
        _queue(
            template="acknowledgement",
            context=_context(application),
            subject=_("Your application to join Alliance 8.7 has been received"),
            to=[application.contact_email],
            reply_to=secretariat,
        )
    if not secretariat:
        return
    with translation.override(settings.LANGUAGE_CODE):
        admin_path = reverse("admin:partners_partnershipapplication_change", args=[application.pk])
        _queue(
            template="secretariat_notice",
            context={
                **_context(application),
                "admin_url": settings.ALLIANCE87_SITE_URL + admin_path,
            },
            subject=_("New partnership application: %(name)s")
            % {"name": application.organisation_name},
            to=secretariat,
            reply_to=[application.contact_email],
        )


def application_decided(*, application: PartnershipApplication) -> None:
    """Tell the applicant the decision (approved or rejected), in their language."""
    approved = application.status == ApplicationStatus.APPROVED
    with translation.override(application.language):
        context = _context(application)
        if approved:
            context["partner_url"] = (
                settings.ALLIANCE87_SITE_URL + application.partner.get_absolute_url()
            )
        _queue(
            template="decision_approved" if approved else "decision_rejected",
            context=context,
            subject=_("Your application to join Alliance 8.7 is approved")
            if approved
            else _("Your application to join Alliance 8.7: the decision"),
            to=[application.contact_email],
            reply_to=list(settings.ALLIANCE87_SECRETARIAT_EMAIL),
        )
