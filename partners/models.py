"""Partners of Alliance 8.7, their organisation identifiers and the applications to join."""

import datetime

import pghistory
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import connections, models
from django.db.models import F, Func, Q, Value
from django.db.models.functions import Coalesce, NullIf, Upper
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.labels import choice_labels
from core.models import (
    RegistryQuerySet,
    TimestampedModel,
    UnshownColumnsManager,
    related_model,
    web_address_check,
)
from core.translation import (
    DEFAULT_LANGUAGE,
    OTHER_LANGUAGES,
    active_language,
    column,
    columns,
    localized_text,
    translations,
)

from . import orgid, tally
from .regions import countries_in, region_for

# The shape of every code in the register: a country (with subdivision) or XI/XM, then the list.
ORG_ID_SCHEME = r"^[A-Z]{2}(_[A-Z0-9]{2,3})?-[A-Z0-9]+([_-][A-Z0-9]+)*$"

# The directory's search (partners/search.py): each language's text search configuration, and
# the SQL functions (migration 0006_search) that give a partner's text and a query the same words.
SEARCH_CONFIG = "english"
SEARCH_CONFIGS = {"en": "english", "fr": "french", "es": "spanish"}


def search_text(*expressions, function="partners_search_document"):
    """`function` of the expressions' texts joined by a blank."""
    return Func(
        *expressions, function=function, arg_joiner=" || ' ' || ", output_field=models.TextField()
    )


_COUNTRY = search_text(Func("country", function="partners_country_name"))


def _in_each_language(*fields, weight=None):
    """The words of `fields` in every language, each stemmed by its language's configuration."""
    vectors = [
        SearchVector(
            search_text(*(column(field, language) for field in fields)),
            weight=weight,
            config=config,
        )
        for language, config in SEARCH_CONFIGS.items()
    ]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined = combined + vector
    return combined


# A partner's words for the full-text search, in each language's text: its name and acronym weigh
# more than its country, and that more than its description, when results are ranked.
SEARCH_VECTOR = (
    _in_each_language("name", "acronym", weight="A")
    + SearchVector(_COUNTRY, weight="B", config=SEARCH_CONFIG)
    + _in_each_language("description", weight="C")
)
# Those of its names, acronyms and country alone: what a corrected typo must match, and what ranks
# a partner before those that match by their description only.
SEARCH_NAME_VECTOR = _in_each_language("name", "acronym") + SearchVector(
    _COUNTRY, config=SEARCH_CONFIG
)
# The words of its English name and acronym: the table of words typos are looked up in is made
# of them, and an exact match of the whole name ranks first.
SEARCH_NAME = search_text("name", "acronym", function="partners_search_readings")
# Those of its French and Spanish names and acronyms: typos are looked up among them too.
SEARCH_OTHER_NAMES = search_text(
    *(column(field, language) for language in OTHER_LANGUAGES for field in ("name", "acronym")),
    function="partners_search_readings",
)


class Category(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    INTERNATIONAL = "international", _("International organization")
    REGIONAL = "regional", _("Regional organization")
    WORKERS = "workers", _("Workers' organization")
    EMPLOYERS = "employers", _("Employers' and business membership organization")
    CIVIL_SOCIETY = "civil_society", _("Civil society organization")
    ACADEMIC = "academic", _("Academic institution")
    OTHER = "other", _("Other stakeholder or network")


class Theme(models.TextChoices):
    FORCED_LABOUR = "forced_labour", _("Forced labour")
    CHILD_LABOUR = "child_labour", _("Child labour")
    HUMAN_TRAFFICKING = "human_trafficking", _("Human trafficking")
    MODERN_SLAVERY = "modern_slavery", _("Modern slavery")
    FORCED_MARRIAGE = "forced_marriage", _("Forced marriage")
    CHILD_SOLDIERS = "child_soldiers", _("Child soldiers")


class Relation(models.TextChoices):
    """How an organisation stands to Alliance 8.7; more than one may hold."""

    PARTNER = "partner", _("Partner")
    DEVELOPMENT_PARTNER = "development_partner", _("Development partner")
    COLLABORATING = "collaborating", _("Collaborating organisation")


def default_relations() -> list[str]:
    return [Relation.PARTNER.value]


class PartnerStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def themes_field():
    return ArrayField(
        models.CharField(max_length=32, choices=Theme.choices),
        verbose_name=_("themes"),
        default=list,
        blank=True,
    )


def holding_a_seat(on: datetime.date | None = None) -> Q:
    """Partners holding a GCG seat on `on` (today), by governance's `seat_terms` relation.

    An IN over the few current terms, which PostgreSQL hashes once; an Exists would run a
    subquery per partner.
    """
    terms = related_model(Partner, "seat_terms").objects.current(on=on)
    return Q(pk__in=terms.values("partner_id"))


def in_action_group(slug: str, on: datetime.date | None = None) -> Q:
    """Partners that belong on `on` (today) to the Action Group `slug`, by `memberships`."""
    members = related_model(Partner, "memberships").objects.current(on=on)
    return Q(pk__in=members.filter(group__slug=slug).values("partner_id"))


def name_order(language: str):
    """Partners' names as a reader of `language` sees them: in that language, English where a
    partner has none. Each language's order has its index (Partner.Meta.indexes)."""
    if language == DEFAULT_LANGUAGE:
        return F("name")
    return Coalesce(NullIf(F(column("name", language)), Value("")), F("name"))


def partner_link_fields() -> list[str]:
    """What a link to a partner shows (its name in each language) and needs (its slug): a
    partner's row is wide (three descriptions), and a seat holder, a focal point or a milestone's
    responsible partner shows only its linked name."""
    return ["slug", *columns("name")]


def partner_columns_beside_link(path: str) -> list[str]:
    """The columns of the partner at `path` beyond partner_link_fields(), for `defer()` on the
    records that join it (`only()` would restrict the joining record too)."""
    shown = {"id", *partner_link_fields()}
    return [
        f"{path}__{field.attname}"
        for field in Partner._meta.concrete_fields
        if field.attname not in shown
    ]


class PartnerQuerySet(RegistryQuerySet):
    def in_readers_order(self, language: str | None = None):
        """The same order, with "by name" meaning by the names the reader sees."""
        language = language or active_language()
        if language == DEFAULT_LANGUAGE:
            return self
        key = name_order(language)
        order = list(self.query.order_by) or list(self.model._meta.ordering)
        names = {"name": key.asc(), "-name": key.desc()}
        return self.order_by(*(names.get(item, item) for item in order))

    def in_region(self, region: str):
        return self.filter(country__in=countries_in(region))

    def counts_by(self, field: str) -> dict[str, int]:
        """{value of `field`: number of partners}, in one GROUP BY query."""
        rows = self.order_by().values_list(field).annotate(n=models.Count("pk"))
        return dict(rows)

    def counts_by_theme(self) -> dict[str, int]:
        """{theme: number of partners working on it}, every theme, in one query."""
        return self._counts_by_element("themes", Theme)

    def counts_by_relation(self) -> dict[str, int]:
        """{relation to the Alliance: number of partners in it}, every relation, in one query."""
        return self._counts_by_element("relations", Relation)

    def _counts_by_element(self, field: str, choices) -> dict[str, int]:
        """{value: number of partners whose array `field` holds it}, for each of `choices`.

        Grouped over the unnested arrays, so each row's array is read once, not once per value
        as a FILTER (field @> ...) per value would.
        """
        sql, params = self.order_by().values(field).query.sql_with_params()
        with connections[self.db].cursor() as cursor:
            cursor.execute(
                f"SELECT element, count(*) FROM ({sql}) AS partners, "
                f'unnest(partners."{field}") element GROUP BY element',
                params,
            )
            counts = dict(cursor.fetchall())
        return {choice.value: counts.get(choice.value, 0) for choice in choices}

    def counts_by_seat_holding(self) -> dict[str, int]:
        """{"true": partners holding a GCG seat today, "false": the others}, in one query."""
        holds = holding_a_seat()
        return self.aggregate(
            true=models.Count("pk", filter=holds), false=models.Count("pk", filter=~holds)
        )


class PartnerManager(UnshownColumnsManager.from_queryset(PartnerQuerySet)):
    pass


# The search columns are derived from the name, acronym, country and description the history
# already keeps.
@pghistory.track(
    exclude=["search_vector", "search_name_vector", "search_name", "search_other_names"]
)
class Partner(TimestampedModel):
    """An organisation or government that is a partner of Alliance 8.7."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    name_fr, name_es = translations(name)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    acronym_fr, acronym_es = translations(acronym)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    country = CountryField(
        _("country"),
        blank=True,
        help_text=_("The country of a government; the seat of any other partner."),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    description_fr, description_es = translations(description)
    themes = themes_field()
    relations = ArrayField(
        models.CharField(max_length=32, choices=Relation.choices),
        verbose_name=_("relation to the Alliance"),
        default=default_relations,
        blank=True,
        help_text=_(
            "Partner, development partner (financial support, para. 19), collaborating "
            "organisation (works with the Alliance, paras. 17 and 22); more than one may hold."
        ),
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PartnerStatus.choices, default=PartnerStatus.ACTIVE
    )
    status_changed_on = models.DateField(_("status changed on"), null=True, blank=True)
    status_reason = models.TextField(_("reason for the status"), blank=True)
    status_reason_fr, status_reason_es = translations(status_reason)
    commitment_accepted_on = models.DateField(
        _("commitment accepted on"),
        null=True,
        blank=True,
        help_text=_(
            "When the partner committed to promote human rights and international labour standards."
        ),
    )
    source = models.CharField(
        _("source"), max_length=300, blank=True, help_text=_("Where this record's facts come from.")
    )
    # What the directory's search matches and ranks by, stored so ranking need not compute it
    # per row. serialize=False: for the database only, so no page, export or fixture loads it.
    # Both vectors are kept in the row, not in its TOAST table (storage MAIN, migration 0016).
    search_vector = models.GeneratedField(
        expression=SEARCH_VECTOR,
        output_field=SearchVectorField(),
        db_persist=True,
        serialize=False,
    )
    search_name_vector = models.GeneratedField(
        expression=SEARCH_NAME_VECTOR,
        output_field=SearchVectorField(),
        db_persist=True,
        serialize=False,
    )
    search_name = models.GeneratedField(
        expression=SEARCH_NAME,
        output_field=models.TextField(),
        db_persist=True,
        serialize=False,
    )
    search_other_names = models.GeneratedField(
        expression=SEARCH_OTHER_NAMES,
        output_field=models.TextField(),
        db_persist=True,
        serialize=False,
    )

    objects = PartnerManager()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name", "id"]
        indexes = [
            GinIndex(name="partner_search_vector", fields=["search_vector"]),
            GinIndex(name="partner_search_name_vector", fields=["search_name_vector"]),
            GinIndex(name="partner_themes", fields=["themes"]),
            GinIndex(name="partner_relations", fields=["relations"]),
            models.Index(name="partner_joined", fields=["-joined_on", "id"]),
            models.Index(name="partner_country_name", fields=["country", "name"]),
            # Other lists' `q` on a partner's name (core.filters: `partner__name__icontains`).
            GinIndex(OpClass(Upper("name"), name="gin_trgm_ops"), name="partner_name_upper_trgm"),
            # The search's acronyms typed (PartnerSearch.of) and its exact acronym ranked first.
            models.Index(Upper("acronym"), name="partner_acronym_upper"),
            # The directory's "newest joined" order (unknown dates last, then by name): without
            # it, every page sorts the whole table.
            models.Index(
                F("joined_on").desc(nulls_last=True), F("name"), F("id"), name="partner_newest"
            ),
            # The category filter and facet: its counts are index-only scans and its pages come
            # in name order.
            models.Index(name="partner_category_name", fields=["category", "name"]),
            # The list in its own order: a deep page's ids are an index-only scan (the API's
            # deferred join, core/api/counting.py).
            models.Index(name="partner_name_id", fields=["name", "id"]),
            # The filters' columns beside each id: a filtered directory's Action Group and seat
            # counts, and its counts the tally does not keep, scan this index (15 MB at 100,000
            # partners) rather than the partners' wide rows (180 MB).
            models.Index(
                fields=["id"],
                include=["category", "country", "status", "relations", "themes", "joined_on"],
                name="partner_filter_columns",
            ),
            # The directory in French and in Spanish, in the names their readers see.
            *(
                models.Index(name_order(language), F("id"), name=f"partner_name_{language}_id")
                for language in OTHER_LANGUAGES
            ),
        ]
        # Keep PartnerTally exact through every write, bulk and raw ones too.
        triggers = tally.triggers()
        constraints = [
            web_address_check("website", name="partner_website_is_web_address"),
            models.CheckConstraint(
                condition=~Q(status="active")
                | Q(status_reason="", status_reason_fr="", status_reason_es=""),
                name="partner_active_has_no_status_reason",
                violation_error_message=_("An active partner has no reason for a status change."),
            ),
        ]

    def __str__(self):
        return localized_text(self, "name")

    def get_absolute_url(self):
        return reverse("portal:partner_detail", kwargs={"slug": self.slug})

    @property
    def region(self):
        return region_for(self.country)

    @property
    def theme_labels(self) -> list[str]:
        labels = choice_labels(Theme)
        return [labels.get(theme, theme) for theme in self.themes]

    @property
    def relation_labels(self) -> list[str]:
        labels = choice_labels(Relation)
        return [labels.get(relation, relation) for relation in self.relations]


@pghistory.track()
class PartnerIdentifier(TimestampedModel):
    """An org-id.guide identifier of a partner: a registry prefix and that registry's id."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="identifiers", verbose_name=_("partner")
    )
    scheme = models.CharField(
        _("scheme"),
        max_length=20,
        validators=[
            RegexValidator(
                ORG_ID_SCHEME,
                _(
                    "An org-id.guide prefix: two capital letters, a hyphen, then capitals or "
                    "digits, such as XM-DAC or GB-CHC."
                ),
            ),
            orgid.validate_scheme,
        ],
        help_text=_("The org-id.guide registry prefix, such as XM-DAC or GB-CHC."),
    )
    identifier = models.CharField(_("identifier"), max_length=100)
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where the identifier comes from, such as the registry's own list."),
    )

    class Meta:
        verbose_name = _("partner identifier")
        verbose_name_plural = _("partner identifiers")
        ordering = ["scheme", "identifier"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "identifier"],
                name="partneridentifier_unique_scheme_identifier",
                violation_error_message=_("This identifier is already registered to a partner."),
            ),
            models.CheckConstraint(
                condition=Q(scheme__regex=ORG_ID_SCHEME),
                name="partneridentifier_scheme_format",
                violation_error_message=_("The scheme is not an org-id.guide prefix."),
            ),
            models.CheckConstraint(
                condition=~Q(identifier=""),
                name="partneridentifier_identifier_not_blank",
                violation_error_message=_("The identifier may not be blank."),
            ),
        ]

    def __str__(self):
        return f"{self.scheme}-{self.identifier}"

    def clean(self):
        super().clean()
        if self.identifier and orgid.scheme(self.scheme) is not None:
            try:
                orgid.validate_identifier(self.scheme, self.identifier)
            except ValidationError as error:
                raise ValidationError({"identifier": error.error_list}) from None


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


@pghistory.track()
class PartnershipApplication(TimestampedModel):
    """An organisation's request to become a partner, from the public form, and its decision."""

    organisation_name = models.CharField(_("organisation name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("what the organisation does"), blank=True)
    themes = themes_field()
    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_email = models.EmailField(_("contact email"))
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    motivation = models.TextField(_("why the organisation wants to join"))
    # The language the applicant used the site in: their acknowledgement and decision are in it.
    language = models.CharField(
        _("language"), max_length=7, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    commitment_accepted = models.BooleanField(
        _("commitment accepted"),
        default=False,
        help_text=_(
            "The organisation commits to promote or realize international human rights standards, "
            "including applicable international labour standards."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    partner = models.OneToOneField(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="application",
        verbose_name=_("partner created"),
    )

    class Meta:
        verbose_name = _("partnership application")
        verbose_name_plural = _("partnership applications")
        ordering = ["-created", "-id"]
        constraints = [
            web_address_check("website", name="application_website_is_web_address"),
            models.CheckConstraint(
                condition=Q(commitment_accepted=True),
                name="application_commitment_accepted",
                violation_error_message=_(
                    "The commitment to human rights and international labour standards "
                    "must be accepted."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["approved", "rejected"]) | Q(decided_at__isnull=False),
                name="application_decision_is_dated",
                violation_error_message=_("A decided application records when it was decided."),
            ),
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(partner__isnull=False),
                name="application_approval_has_partner",
                violation_error_message=_("An approved application names the partner it created."),
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(decision_reason=""),
                name="application_rejection_has_reason",
                violation_error_message=_("A rejection gives its reason."),
            ),
        ]

    def __str__(self):
        return self.organisation_name

    @property
    def is_open(self) -> bool:
        return self.status in {ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW}


class PartnerTally(models.Model):
    """How many partners share one cell of the directory's filters, kept by the partners table's
    triggers (partners/tally.py): the facet counts and totals without reading every partner.

    `theme` is one of the partner's themes, or "*" for the cell that counts every partner once.
    """

    category = models.CharField(max_length=20, choices=Category.choices)
    status = models.CharField(max_length=10, choices=PartnerStatus.choices)
    country = CountryField(blank=True)
    relations = ArrayField(models.CharField(max_length=32, choices=Relation.choices))
    theme = models.CharField(max_length=32)
    n = models.IntegerField()

    class Meta:
        verbose_name = _("partner tally")
        verbose_name_plural = _("partner tallies")
        ordering = ["theme", "category", "status", "country", "id"]
        constraints = [
            models.UniqueConstraint(fields=tally.CELL, name="partner_tally_cell"),
        ]
        indexes = [models.Index(fields=["theme", "category", "status"], name="partner_tally_theme")]

    def __str__(self):
        return f"{self.theme}/{self.category}/{self.status}/{self.country}: {self.n}"


class PartnerMargin(models.Model):
    """How many partners have one value of one of the directory's filter columns, kept by the
    partners table's triggers with PartnerTally (partners/tally.py): the unfiltered directory's
    facets in a few hundred rows.

    `dimension` is a partner column (category, status, country, relations, themes), or "*" for
    the row that counts every partner once.
    """

    dimension = models.CharField(max_length=16)
    value = models.CharField(max_length=64)
    n = models.IntegerField()

    class Meta:
        verbose_name = _("partner margin")
        verbose_name_plural = _("partner margins")
        ordering = ["dimension", "value"]
        constraints = [
            models.UniqueConstraint(fields=tally.MARGIN, name="partner_margin_value"),
        ]

    def __str__(self):
        return f"{self.dimension}={self.value}: {self.n}"
