"""GCG operations that span several rows: rotating the chair and deputy chair."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from core.errors import ConflictError
from partners.models import Partner

from .models import Office, OfficeTerm


def _close(term: OfficeTerm | None, on: datetime.date) -> None:
    if term is None:
        return
    term.end_date = on
    term.full_clean()
    term.save()


def _open(office: str, partner: Partner, on: datetime.date, source: str) -> OfficeTerm:
    term = OfficeTerm(office=office, partner=partner, start_date=on, source=source)
    term.full_clean()
    term.save()
    return term


@transaction.atomic
def office_rotate(
    *,
    on: datetime.date,
    chair: Partner | None = None,
    deputy_chair: Partner | None = None,
    promote_deputy: bool = False,
    source: str = "",
) -> tuple[OfficeTerm, OfficeTerm | None]:
    """Close the current chair and deputy chair terms on `on` and open the next ones.

    With `promote_deputy`, the current deputy chair becomes chair and `chair` must be omitted.
    Returns the new (chair term, deputy chair term); the deputy term is None when none is named.
    """
    current = {
        term.office: term
        for term in OfficeTerm.objects.select_for_update()
        .filter(office__in=[Office.CHAIR, Office.DEPUTY_CHAIR])
        .current(on=on)
    }
    if promote_deputy:
        if chair is not None:
            raise ValidationError(_("Name a new chair or promote the deputy chair, not both."))
        if Office.DEPUTY_CHAIR not in current:
            raise ValidationError(_("There is no current deputy chair to promote."))
        chair = current[Office.DEPUTY_CHAIR].partner
    if chair is None:
        raise ValidationError(_("A rotation names the next chair."))
    if deputy_chair is not None and deputy_chair.pk == chair.pk:
        raise ValidationError(_("The chair and the deputy chair must be different partners."))
    later = (
        OfficeTerm.objects.filter(
            office__in=[Office.CHAIR, Office.DEPUTY_CHAIR], start_date__gte=on
        )
        .order_by("-start_date")
        .first()
    )
    if later is not None:
        raise ValidationError(
            _("The rotation date must be after the current %(office)s term began (%(start)s).")
            % {"office": later.get_office_display().lower(), "start": later.start_date}
        )
    try:
        _close(current.get(Office.CHAIR), on)
        _close(current.get(Office.DEPUTY_CHAIR), on)
        chair_term = _open(Office.CHAIR, chair, on, source)
        deputy_term = _open(Office.DEPUTY_CHAIR, deputy_chair, on, source) if deputy_chair else None
    except IntegrityError as error:
        # A vacant office has no row to lock: a rotation at the same moment can open its term
        # first, and the no-overlap constraint then refuses this one.
        raise ConflictError(
            _("Another rotation of the offices was recorded at the same moment: reload and check.")
        ) from error
    return chair_term, deputy_term
