"""Deterministic demo volume data for performance work, kept apart from the seed facts.

Every demo row is marked: its `source` starts with "Demo data (generate_demo_data", and the slugs
of partners, constituencies, events and groups start with "demo-". `clear()` deletes just those.
Rows are built in memory from `random.Random` seeded per phase (so one phase's draws never shift
another's) and written with COPY in batches; nothing queries per row.

Every text is written in each language of the registry (English in the field, French and Spanish
beside it) from the triples of demo_words; a text's draws are those of its English alone, so the
English of a seed does not depend on the other languages.
"""

import itertools
import random
import sys
from collections import Counter

from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.text import slugify
from django_countries import countries
from tqdm import tqdm

from action_groups.models import ActionGroup, Activity, Membership, WorkPlan
from governance.models import Constituency, Event, Pledge, PledgeAssessment, Seat, SeatTerm
from partners.models import Category, Partner, PartnerIdentifier, PartnerStatus, Theme
from partners.regions import countries_in, region_for
from pathfinders.models import AnnualReport, Milestone, PathfinderCountry, RoadMap, StageChange

from . import demo_words as words
from .bulk import check_constraints_per_statement, copy_insert, delete_rows
from .demo_governance import ActionGroupDemo, GovernanceDemo
from .demo_pathfinders import PathfinderDemo
from .demo_words import (
    AS_OF,
    BEGINNING,
    LANGUAGES,
    MARKER,
    REGIONS,
    SLUG_PREFIX,
    contracted,
    day_between,
    initials,
    texts,
)

BATCH_SIZE = 5000


def marker(seed: int) -> str:
    return f"{MARKER} --seed {seed})"


def demo_partners():
    return Partner.objects.filter(slug__startswith=SLUG_PREFIX, source__startswith=MARKER)


class DemoData(GovernanceDemo, ActionGroupDemo, PathfinderDemo):
    """Builds and writes the demo rows; `created` counts them per model."""

    def __init__(self, *, partners: int, seed: int, progress: bool = True):
        self.count, self.seed, self.source = partners, seed, marker(seed)
        self.created: Counter = Counter()
        self.bar = tqdm(unit=" rows", file=sys.stderr, disable=not progress, smoothing=0.1)
        # Worked out once: lazy labels cost a translation lookup at every use.
        names = {}
        for language in LANGUAGES:
            with translation.override(language):
                names[language] = {code: str(name) for code, name in countries}
        with translation.override("en"):
            self.theme_words = {
                theme: (str(theme.label).lower(), *words.THEME_PHRASES[theme]) for theme in Theme
            }
        self.country_names = names["en"]
        # Each country's name in every language, in the order of LANGUAGES.
        self.country_texts = {
            code: tuple(names[language][code] for language in LANGUAGES) for code in names["en"]
        }
        self.codes = sorted(self.country_names)
        # " in Ghana" after a partner's description, in every language.
        self.where = {
            code: tuple(t.format(country=n) for t, n in zip(words.IN_COUNTRY, names, strict=True))
            for code, names in self.country_texts.items()
        }
        self.where[""] = words.WORLDWIDE
        # A sector or topic inside a sentence: lower-case in English, a phrase in the others.
        self.sectors_in_text = [(en.lower(), *others) for en, *others in words.SECTORS]
        self.topics_in_text = [(en.lower(), *others) for en, *others in words.TOPICS]
        self.region_codes = {region: countries_in(region) for region in REGIONS}

    def rng(self, phase: str) -> random.Random:
        return random.Random(f"{self.seed}:{phase}")

    def insert(self, objs: list[models.Model]) -> list[models.Model]:
        if not objs:
            return objs
        model = type(objs[0])
        self.bar.set_description(str(model._meta.verbose_name_plural))
        for start in range(0, len(objs), BATCH_SIZE):
            chunk = objs[start : start + BATCH_SIZE]
            copy_insert(chunk)
            self.bar.update(len(chunk))
        self.created[model] += len(objs)
        return objs

    def insert_links(self, relation, pairs) -> None:
        """The rows of a many-to-many `relation` (Activity.lead_partners) for (record, related)."""
        field = relation.field
        own, other = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        self.insert([relation.through(**{own: a.pk, other: b.pk}) for a, b in pairs])

    def generate(self) -> Counter:
        check_constraints_per_statement()
        partners = self.partners()
        self.identifiers(partners)
        events = self.events()
        self.seats(partners)
        self.pledges(partners, events)
        self.action_groups(partners, events)
        self.pathfinders(partners)
        self.bar.close()
        return self.created

    # ------------------------------------------------------------------ partners

    def _partner_name(self, rng, category, government_index):
        """The partner's name in each language, and its country."""
        template = rng.choice(words.NAME_TEMPLATES[category])
        city, country = ("", "", ""), ""
        if category == Category.GOVERNMENT:
            # Round-robin, so that 249 governments or more give every country one.
            country = self.codes[government_index % len(self.codes)]
        elif "{city}" in template[0]:
            city, country = rng.choice(words.CITIES)
        elif "{region}" in template[0]:
            region = rng.choice(REGIONS)
            country = rng.choice(self.region_codes[region])
        elif category not in (Category.INTERNATIONAL, Category.OTHER) or rng.random() < 0.5:
            country = rng.choice(self.codes)
        region = region_for(country)
        names = self.country_texts.get(country, words.GLOBAL)
        sector, topic = rng.choice(words.SECTORS), rng.choice(words.TOPICS)
        adjective = words.REGION_ADJECTIVES.get(region, words.GLOBAL_ADJECTIVE)
        feminine = words.REGION_ADJECTIVES_FEMININE.get(region, words.GLOBAL_ADJECTIVE_FEMININE)
        bases = tuple(
            contracted(
                text.format(
                    country=names[i],
                    city=city[i],
                    sector=sector[i],
                    topic=topic[i],
                    region=adjective[i],
                    region_f=feminine[i],
                ),
                language,
            )
            for i, (language, text) in enumerate(zip(LANGUAGES, template, strict=True))
        )
        return bases, country

    def _description(self, bases, themes, area, country) -> tuple[str, ...]:
        where = self.where[country]
        return tuple(
            words.DESCRIPTION[i].format(
                name=bases[i],
                themes=words.THEMES_JOINED_BY[i].join(self.theme_words[t][i] for t in themes),
                area=area[i],
                where=where[i],
            )
            for i in range(len(LANGUAGES))
        )

    def partners(self) -> list[Partner]:
        rng = self.rng("partners")
        categories = list(words.CATEGORY_WEIGHTS)
        cum_weights = list(itertools.accumulate(words.CATEGORY_WEIGHTS.values()))
        themes = list(Theme)
        partners, batch, governments = [], [], 0
        for number in range(1, self.count + 1):
            category = rng.choices(categories, cum_weights=cum_weights)[0]
            bases, country = self._partner_name(rng, category, governments)
            governments += category == Category.GOVERNMENT
            chosen = sorted(rng.sample(range(len(themes)), rng.choice([1, 1, 2, 2, 3])))
            partner_themes = [themes[t] for t in chosen]
            joined = day_between(rng, BEGINNING, AS_OF)
            status, changed, reasons = PartnerStatus.ACTIVE, None, words.NO_TEXT
            roll = rng.random()
            if roll < 0.07:
                status = PartnerStatus.SUSPENDED if roll < 0.04 else PartnerStatus.WITHDRAWN
                changed = day_between(rng, joined, AS_OF)
                reasons = rng.choice(words.STATUS_REASONS)
            area = rng.choice(words.WORK_AREAS)
            english_acronym = initials(bases[0])
            batch.append(
                Partner(
                    **texts("name", [f"{base} (demo {number})" for base in bases]),
                    **texts(
                        "acronym",
                        [english_acronym, *(initials(b) or english_acronym for b in bases[1:])],
                    ),
                    slug=f"{SLUG_PREFIX}{number:06d}-{slugify(bases[0])}"[:200],
                    category=category,
                    country=country,
                    website=f"https://demo{number}.example.org/",
                    **texts("description", self._description(bases, partner_themes, area, country)),
                    themes=[t.value for t in partner_themes],
                    joined_on=joined,
                    commitment_accepted_on=joined,
                    status=status,
                    status_changed_on=changed,
                    **texts("status_reason", reasons),
                    source=self.source,
                )
            )
            # Written as they are made, so the progress bar moves from the start.
            if len(batch) == BATCH_SIZE or number == self.count:
                partners += self.insert(batch)
                batch = []
        return partners

    def identifiers(self, partners: list[Partner]) -> None:
        rng = self.rng("identifiers")
        rows = []
        for number, partner in enumerate(partners, start=1):
            if rng.random() < 0.4:
                continue
            if partner.category == Category.INTERNATIONAL:
                scheme, value = "XM-DAC", str(900_000 + number)
            elif partner.country == "GB":
                scheme, value = "GB-CHC", str(1_000_000 + number)
            elif partner.country == "US":
                scheme, value = "US-EIN", f"98-{number:07d}"
            else:
                scheme, value = "XI-IATI", f"D{number:06d}"
            rows.append(
                PartnerIdentifier(
                    partner=partner, scheme=scheme, identifier=value, source=self.source
                )
            )
            if scheme != "XI-IATI" and rng.random() < 0.1:
                rows.append(
                    PartnerIdentifier(
                        partner=partner,
                        scheme="XI-IATI",
                        identifier=f"D{number:06d}",
                        source=self.source,
                    )
                )
        self.insert(rows)


def clear() -> Counter:
    """Delete every demo row, children first, and count them per model.

    The database has no cascades (Django emulates them), so link rows go first; a real row that
    refers to a demo row makes the foreign key check fail at commit, and nothing is deleted.
    """
    demo = Q(source__startswith=MARKER)
    demo_slug = demo & Q(slug__startswith=SLUG_PREFIX)
    partners = demo_partners()
    events = Event.objects.filter(demo_slug)
    own = {
        name: Q(**{f"{name}__source__startswith": MARKER})
        for name in ["activity", "milestone", "pathfindercountry", "actiongroup"]
    }
    steps = [
        Activity.lead_partners.through.objects.filter(own["activity"] | Q(partner__in=partners)),
        Milestone.responsible_partners.through.objects.filter(
            own["milestone"] | Q(partner__in=partners)
        ),
        PathfinderCountry.focal_points.through.objects.filter(
            own["pathfindercountry"] | Q(partner__in=partners)
        ),
        PathfinderCountry.workshops.through.objects.filter(
            own["pathfindercountry"] | Q(event__in=events)
        ),
        ActionGroup.meetings.through.objects.filter(own["actiongroup"] | Q(event__in=events)),
        AnnualReport.objects.filter(demo),
        Milestone.objects.filter(demo),
        RoadMap.objects.filter(demo),
        StageChange.objects.filter(demo),
        PathfinderCountry.objects.filter(demo),
        Activity.objects.filter(demo),
        WorkPlan.objects.filter(demo),
        Membership.objects.filter(demo),
        ActionGroup.objects.filter(demo_slug),
        PledgeAssessment.objects.filter(demo),
        Pledge.objects.filter(demo),
        SeatTerm.objects.filter(demo),
        Seat.objects.filter(demo),
        Constituency.objects.filter(demo_slug),
        events,
        PartnerIdentifier.objects.filter(partner__in=partners),
        partners,
    ]
    check_constraints_per_statement()
    deleted: Counter = Counter()
    for queryset in steps:
        deleted[queryset.model] += delete_rows(queryset)
    return deleted
