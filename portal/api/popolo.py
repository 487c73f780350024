"""The GCG and the Action Groups as Popolo JSON: organizations, posts and memberships.

The export is in English. Popolo has one `name` per organization, so a name's French and
Spanish text is an entry of its `other_names`, in EveryPolitician's convention:
`{"name": "Organisation internationale du Travail", "lang": "fr", "note": "multilingual"}`; a
translated acronym is `{"name": "OIT", "lang": "fr", "note": "acronym"}` beside the English
`{"name": "ILO"}`. A translation equal to the English text is left out. Descriptions, post
labels and roles stay English: Popolo has no field for their other languages.
"""

import datetime

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from action_groups.models import ActionGroup, Membership, Role
from core.api.conditional import ConditionalMixin
from core.licences import DATA_ATTRIBUTION, DATA_LICENCE
from core.translation import DEFAULT_LANGUAGE, LANGUAGES, OTHER_LANGUAGES, column
from governance.models import Office, OfficeTerm, Seat, SeatTerm
from partners.models import Partner, PartnerIdentifier

ALLIANCE = "alliance87"
GCG = "alliance87-gcg"


def popolo_date(value: datetime.date | None, *, end: bool = False) -> str | None:
    """Popolo end dates are the last day held; the registry's are the first day not held."""
    if value is None:
        return None
    return (value - datetime.timedelta(days=1) if end else value).isoformat()


def partner_id(partner_pk: int, slugs: dict[int, str]) -> str:
    return f"partner-{slugs[partner_pk]}"


def membership(term, *, id_, organization_id, post_id, role, slugs) -> dict:
    return {
        "id": id_,
        "member": {"@type": "Organization", "id": partner_id(term.partner_id, slugs)},
        "organization_id": organization_id,
        "post_id": post_id,
        "role": role,
        "start_date": popolo_date(term.start_date),
        "end_date": popolo_date(term.end_date, end=True),
    }


def other_languages(record, field: str, note: str = "multilingual") -> list[dict]:
    """`record`'s `field` in each other language that has a text of its own, as other names."""
    english = getattr(record, field)
    return [
        {"name": text, "lang": language, "note": note}
        for language in OTHER_LANGUAGES
        if (text := getattr(record, column(field, language))) and text != english
    ]


def gcg_other_names() -> list[dict]:
    """The GCG's name in each other language, from the catalogues."""
    names = {}
    for language in LANGUAGES:
        with translation.override(language):
            names[language] = _("Global Coordinating Group")
    return [
        {"name": names[language], "lang": language, "note": "multilingual"}
        for language in OTHER_LANGUAGES
        if names[language] != names[DEFAULT_LANGUAGE]
    ]


def office_organization(office: str) -> str:
    """The chair and deputy chair are posts of the GCG; the secretariat (the Office, para. 12)
    serves the whole Alliance."""
    return ALLIANCE if office == Office.SECRETARIAT else GCG


def governance_export() -> dict:
    seats = list(Seat.objects.select_related("constituency"))
    seat_terms = list(SeatTerm.objects.all())
    office_terms = list(OfficeTerm.objects.all())
    groups = list(ActionGroup.objects.all())
    memberships = list(Membership.objects.select_related("group"))
    partner_pks = {t.partner_id for t in [*seat_terms, *office_terms, *memberships]}
    partners = list(
        Partner.objects.filter(pk__in=partner_pks).prefetch_related(
            Prefetch("identifiers", queryset=PartnerIdentifier.objects.order_by("scheme"))
        )
    )
    slugs = {p.pk: p.slug for p in partners}

    organizations = [
        {"id": ALLIANCE, "name": "Alliance 8.7", "classification": "partnership"},
        {
            "id": GCG,
            "name": _("Global Coordinating Group"),
            "other_names": gcg_other_names(),
            "classification": "committee",
            "parent_id": ALLIANCE,
        },
        *[
            {
                "id": f"action-group-{group.slug}",
                "name": group.name,
                "other_names": other_languages(group, "name"),
                "classification": "action group",
                "parent_id": ALLIANCE,
                "description": group.mandate or None,
                "founding_date": popolo_date(group.established_on),
                "dissolution_date": popolo_date(group.closed_on),
            }
            for group in groups
        ],
        *[
            {
                "id": partner_id(partner.pk, slugs),
                "name": partner.name,
                "other_names": [
                    *([{"name": partner.acronym}] if partner.acronym else []),
                    *other_languages(partner, "name"),
                    *other_languages(partner, "acronym", note="acronym"),
                ],
                "classification": partner.category,
                "identifiers": [
                    {"scheme": "org-id.guide", "identifier": str(identifier)}
                    for identifier in partner.identifiers.all()
                ],
                "links": [{"url": partner.website}] if partner.website else [],
            }
            for partner in partners
        ],
    ]
    posts = [
        *[
            {
                "id": f"gcg-seat-{seat.pk}",
                "label": str(seat),
                "role": _("GCG member"),
                "organization_id": GCG,
            }
            for seat in seats
        ],
        *[
            {
                "id": f"office-{office}",
                "label": str(label),
                "role": str(label),
                "organization_id": office_organization(office),
            }
            for office, label in Office.choices
        ],
        *[
            {
                "id": f"action-group-{group.slug}-{role}",
                "label": f"{group.name}: {label}",
                "role": str(label),
                "organization_id": f"action-group-{group.slug}",
            }
            for group in groups
            for role, label in Role.choices
            if role != Role.MEMBER
        ],
    ]
    memberships_out = [
        *[
            membership(
                term,
                id_=f"seat-term-{term.pk}",
                organization_id=GCG,
                post_id=f"gcg-seat-{term.seat_id}",
                role=_("GCG member"),
                slugs=slugs,
            )
            for term in seat_terms
        ],
        *[
            membership(
                term,
                id_=f"office-term-{term.pk}",
                organization_id=office_organization(term.office),
                post_id=f"office-{term.office}",
                role=str(term.get_office_display()),
                slugs=slugs,
            )
            for term in office_terms
        ],
        *[
            membership(
                term,
                id_=f"membership-{term.pk}",
                organization_id=f"action-group-{term.group.slug}",
                post_id=None
                if term.role == Role.MEMBER
                else f"action-group-{term.group.slug}-{term.role}",
                role=str(term.get_role_display()),
                slugs=slugs,
            )
            for term in memberships
        ],
    ]
    return {
        "organizations": organizations,
        "posts": posts,
        "memberships": memberships_out,
        # Popolo has no licence field of its own: `meta` says under which terms the data are.
        "meta": {
            "license": DATA_LICENCE["url"],
            "license_id": DATA_LICENCE["id"],
            "license_name": DATA_LICENCE["name"],
            "attribution": DATA_ATTRIBUTION,
        },
    }


class PopoloSerializer(serializers.Serializer):
    organizations = serializers.ListField(
        child=serializers.DictField(), help_text=gettext_lazy("Popolo Organization objects.")
    )
    posts = serializers.ListField(
        child=serializers.DictField(), help_text=gettext_lazy("Popolo Post objects.")
    )
    memberships = serializers.ListField(
        child=serializers.DictField(), help_text=gettext_lazy("Popolo Membership objects.")
    )
    meta = serializers.DictField(
        help_text=gettext_lazy(
            "The data licence (CC BY 4.0): its address, identifier and name, and the attribution."
        )
    )


class PopoloView(ConditionalMixin, APIView):
    """The governance of Alliance 8.7 as Popolo JSON (http://www.popoloproject.com/).

    Organizations: the Alliance, its Global Coordinating Group, each Action Group and every
    partner that holds or held a seat, an office or a membership (with its org-id.guide
    identifiers). Posts: each GCG seat, the chair and the deputy chair of the GCG, the
    secretariat of the Alliance, and the chair and co-chair of each Action Group. Memberships:
    every seat term, office term and Action Group membership, with start and end dates. Popolo
    end dates are the last day held (the registry's own `end_date` is the first day no longer
    held).

    The export is in English whatever the language asked for. An organization's French and
    Spanish names are among its `other_names`, each with its `lang` and the note
    `multilingual` (translated acronyms: the note `acronym`), as EveryPolitician does.
    """

    permission_classes = [AllowAny]

    @extend_schema(responses={200: PopoloSerializer})
    def get(self, request):
        # Popolo has one name and one label per object: English, the other languages beside.
        with translation.override(DEFAULT_LANGUAGE):
            response = Response(governance_export())
        response["Content-Language"] = DEFAULT_LANGUAGE
        return response
