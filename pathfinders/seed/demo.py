"""Deterministic demo volume data for performance work, kept apart from the seed facts.

Every demo row is marked: its `source` starts with "Demo data (generate_demo_data", and the slugs
of partners, constituencies, events and groups start with "demo-". `clear()` deletes just those.
Rows are built in memory from `random.Random` seeded per phase (so one phase's draws never shift
another's) and written with COPY in batches; nothing queries per row.
"""

import datetime
import itertools
import random
import sys
from collections import Counter, defaultdict

from django.db import connection, models
from django.db.models import Q
from django.utils import translation
from django.utils.text import slugify
from django_countries import countries
from tqdm import tqdm

from action_groups.models import (
    ActionGroup,
    Activity,
    ActivityKind,
    ActivityStatus,
    Membership,
    Role,
    WorkPlan,
    WorkPlanStatus,
)
from alliance87.models import DatePrecision
from governance.models import (
    Constituency,
    Event,
    EventKind,
    Pledge,
    PledgeAssessment,
    PledgeProgress,
    Seat,
    SeatTerm,
)
from partners.models import Category, Partner, PartnerIdentifier, PartnerStatus, Theme
from partners.regions import Region, countries_in, region_for
from pathfinders.models import (
    AnnualReport,
    Milestone,
    PathfinderCountry,
    RoadMap,
    StageChange,
)

from . import demo_words as words
from .copy import copy_insert
from .demo_pathfinders import PathfinderDemo
from .demo_words import AS_OF, BEGINNING, day_between

MARKER = "Demo data (generate_demo_data"
SLUG_PREFIX = "demo-"
BATCH_SIZE = 5000
REGIONS = [r for r in Region if r != Region.ANTARCTICA]

DEMO_CONSTITUENCIES = [
    ("governments", "Governments (demo)", [Category.GOVERNMENT]),
    ("workers", "Workers' organizations (demo)", [Category.WORKERS]),
    ("employers", "Employers' organizations (demo)", [Category.EMPLOYERS]),
    ("civil-society", "Civil society (demo)", [Category.CIVIL_SOCIETY]),
    (
        "intergovernmental",
        "UN and regional intergovernmental organizations (demo)",
        [Category.INTERNATIONAL, Category.REGIONAL],
    ),
]


def marker(seed: int) -> str:
    return f"{MARKER} --seed {seed})"


def demo_partners():
    return Partner.objects.filter(slug__startswith=SLUG_PREFIX, source__startswith=MARKER)


def _days(start: datetime.date, days: int) -> datetime.date:
    return start + datetime.timedelta(days=days)


class DemoData(PathfinderDemo):
    """Builds and writes the demo rows; `created` counts them per model."""

    def __init__(self, *, partners: int, seed: int, progress: bool = True):
        self.count, self.seed, self.source = partners, seed, marker(seed)
        self.created: Counter = Counter()
        self.bar = tqdm(unit=" rows", file=sys.stderr, disable=not progress, smoothing=0.1)
        with translation.override("en"):
            self.country_names = {code: str(name) for code, name in countries}
            # Worked out once: lazy labels cost a translation lookup at every use.
            self.theme_words = {theme: str(theme.label).lower() for theme in Theme}
        self.codes = sorted(self.country_names)
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
        template = rng.choice(words.NAME_TEMPLATES[category])
        city, country = "", ""
        if category == Category.GOVERNMENT:
            # Round-robin, so that 249 governments or more give every country one.
            country = self.codes[government_index % len(self.codes)]
        elif "{city}" in template:
            city, country = rng.choice(words.CITIES)
        elif "{region}" in template:
            region = rng.choice(REGIONS)
            country = rng.choice(self.region_codes[region])
        elif category not in (Category.INTERNATIONAL, Category.OTHER) or rng.random() < 0.5:
            country = rng.choice(self.codes)
        region = region_for(country)
        name = template.format(
            country=self.country_names.get(country, "Global"),
            city=city,
            sector=rng.choice(words.SECTORS),
            topic=rng.choice(words.TOPICS),
            region=words.REGIONS.get(region, "Global"),
        )
        return name, country

    def partners(self) -> list[Partner]:
        rng = self.rng("partners")
        categories = list(words.CATEGORY_WEIGHTS)
        cum_weights = list(itertools.accumulate(words.CATEGORY_WEIGHTS.values()))
        themes = list(Theme)
        partners, batch, governments = [], [], 0
        for number in range(1, self.count + 1):
            category = rng.choices(categories, cum_weights=cum_weights)[0]
            base, country = self._partner_name(rng, category, governments)
            governments += category == Category.GOVERNMENT
            chosen = sorted(rng.sample(range(len(themes)), rng.choice([1, 1, 2, 2, 3])))
            partner_themes = [themes[t] for t in chosen]
            joined = day_between(rng, BEGINNING, AS_OF)
            status, changed, reason = PartnerStatus.ACTIVE, None, ""
            roll = rng.random()
            if roll < 0.07:
                status = PartnerStatus.SUSPENDED if roll < 0.04 else PartnerStatus.WITHDRAWN
                changed = day_between(rng, joined, AS_OF)
                reason = rng.choice(words.STATUS_REASONS)
            initials = "".join(w[0] for w in base.split() if w[0].isupper())
            where = f" in {self.country_names[country]}" if country else " worldwide"
            batch.append(
                Partner(
                    name=f"{base} (demo {number})",
                    acronym=initials[:8] if len(initials) > 1 else "",
                    slug=f"{SLUG_PREFIX}{number:06d}-{slugify(base)}"[:200],
                    category=category,
                    country=country,
                    website=f"https://demo{number}.example.org/",
                    description=(
                        f"{base} works on "
                        f"{' and '.join(self.theme_words[t] for t in partner_themes)} in "
                        f"{rng.choice(words.WORK_AREAS)}{where}."
                    ),
                    themes=[t.value for t in partner_themes],
                    joined_on=joined,
                    commitment_accepted_on=joined,
                    status=status,
                    status_changed_on=changed,
                    status_reason=reason,
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
            rows.append(PartnerIdentifier(partner=partner, scheme=scheme, identifier=value))
            if scheme != "XI-IATI" and rng.random() < 0.1:
                rows.append(
                    PartnerIdentifier(
                        partner=partner, scheme="XI-IATI", identifier=f"D{number:06d}"
                    )
                )
        self.insert(rows)

    # ------------------------------------------------------------------ governance

    def events(self) -> list[Event]:
        rng = self.rng("events")
        kinds = [k for k in EventKind if k != EventKind.GLOBAL_CONFERENCE]
        rows = []
        with translation.override("en"):
            for number in range(1, max(12, self.count // 100) + 1):
                # Every 25th is a global conference, so pledges always have somewhere to be made.
                kind = EventKind.GLOBAL_CONFERENCE if number % 25 == 1 else rng.choice(kinds)
                city, country = rng.choice(words.CITIES)
                start = day_between(rng, BEGINNING, datetime.date(2026, 12, 31))
                precision, end = DatePrecision.DAY, _days(start, rng.choice([0, 1, 1, 2, 3]))
                if rng.random() < 0.15:
                    precision, start, end = DatePrecision.MONTH, start.replace(day=1), None
                rows.append(
                    Event(
                        kind=kind,
                        title=f"{kind.label}, {city}, {start.year} (demo {number})",
                        slug=f"{SLUG_PREFIX}event-{number:06d}",
                        start_date=start,
                        end_date=end,
                        date_precision=precision,
                        city=city,
                        country=country,
                        description=f"{kind.label} of Alliance 8.7 partners in {city}.",
                        outcome=rng.choice(words.EVENT_OUTCOMES) if start < AS_OF else "",
                        source=self.source,
                    )
                )
        return self.insert(rows)

    def seats(self, partners: list[Partner]) -> None:
        rng = self.rng("seats")
        per_constituency = max(1, min(5, self.count // 20_000))
        pools = defaultdict(list)
        for partner in partners:
            pools[partner.category, region_for(partner.country) or ""].append(partner)
            pools[partner.category, None].append(partner)
        constituencies = self.insert(
            [
                Constituency(
                    name=name, slug=f"{SLUG_PREFIX}{slug}", position=100 + n, source=self.source
                )
                for n, (slug, name, _categories) in enumerate(DEMO_CONSTITUENCIES)
            ]
        )
        seats, holders = [], []
        for constituency, (_slug, _name, categories) in zip(
            constituencies, DEMO_CONSTITUENCIES, strict=True
        ):
            by_region = categories == [Category.GOVERNMENT]
            for region in REGIONS if by_region else [""]:
                pool = [p for c in categories for p in pools[c, region if by_region else None]]
                for number in range(1, per_constituency + 1):
                    seats.append(
                        Seat(
                            constituency=constituency,
                            region=region,
                            number=number,
                            source=self.source,
                        )
                    )
                    holders.append(pool)
        self.insert(seats)
        terms = []
        for seat, pool in zip(seats, holders, strict=True):
            if not pool:
                continue
            # Two-year terms since 2017; the last one is open (current).
            for year in range(2017, 2026, 2):
                terms.append(
                    SeatTerm(
                        seat=seat,
                        partner=rng.choice(pool),
                        start_date=datetime.date(year, 1, 1),
                        end_date=datetime.date(year + 2, 1, 1) if year < 2025 else None,
                        source=self.source,
                    )
                )
        self.insert(terms)

    def pledges(self, partners: list[Partner], events: list[Event]) -> None:
        rng = self.rng("pledges")
        conferences = [e for e in events if e.kind == EventKind.GLOBAL_CONFERENCE]
        pledges = []
        for _number in range(max(5, self.count // 20)):
            event = rng.choice(conferences)
            title = rng.choice(words.PLEDGES).format(
                sector=rng.choice(words.SECTORS).lower(),
                topic=rng.choice(words.TOPICS).lower(),
                year=event.start_date.year + rng.randint(2, 6),
                n=rng.choice([50, 100, 250, 500, 1000]),
            )
            pledges.append(
                Pledge(
                    partner=rng.choice(partners),
                    event=event,
                    title=title,
                    description=f"{title}, as pledged at the {event.title}.",
                    made_on=event.start_date,
                    source=self.source,
                )
            )
        self.insert(pledges)
        progress = [p for p in PledgeProgress if p != PledgeProgress.NOT_ASSESSED]
        assessments = []
        for pledge in pledges:
            for year in range(1, rng.randint(0, 3) + 1):
                on = _days(pledge.made_on, 365 * year + rng.randrange(60))
                if on > AS_OF:
                    break
                assessments.append(
                    PledgeAssessment(
                        pledge=pledge,
                        assessed_on=on,
                        progress=rng.choice(progress),
                        summary="Assessed from the partner's own report.",
                        source=self.source,
                    )
                )
        self.insert(assessments)

    # ------------------------------------------------------------------ Action Groups

    def action_groups(self, partners: list[Partner], events: list[Event]) -> None:
        rng = self.rng("action-groups")
        topics = words.TOPICS + words.SECTORS
        groups = []
        for number in range(1, max(2, self.count // 5000) + 1):
            topic = topics[(number - 1) % len(topics)]
            established = day_between(rng, datetime.date(2017, 1, 1), datetime.date(2020, 12, 31))
            closed = (
                day_between(rng, datetime.date(2023, 1, 1), AS_OF) if number % 10 == 0 else None
            )
            groups.append(
                ActionGroup(
                    name=f"{topic} (demo {number})",
                    slug=f"{SLUG_PREFIX}group-{number:04d}-{slugify(topic)}",
                    mandate=f"Supports country-level action on {topic.lower()} through research, "
                    "knowledge sharing, tools and resource mobilisation.",
                    established_on=established,
                    closed_on=closed,
                    source=self.source,
                )
            )
        self.insert(groups)
        members_per_group = min(len(partners), max(3, self.count // 200))
        memberships, leads = [], {}
        for group in groups:
            chosen = rng.sample(partners, members_per_group)
            leads[group] = chosen[:10]
            for index, partner in enumerate(chosen):
                role = Role.CHAIR if index == 0 else Role.CO_CHAIR if index == 1 else Role.MEMBER
                start = day_between(rng, group.established_on, AS_OF)
                end = group.closed_on
                if end is None and role == Role.MEMBER and rng.random() < 0.15:
                    end = _days(start, rng.randint(200, 1000))
                if end is not None and end <= start:
                    start, end = group.established_on, max(end, _days(group.established_on, 1))
                memberships.append(
                    Membership(
                        group=group,
                        partner=partner,
                        role=role,
                        start_date=start,
                        end_date=end,
                        source=self.source,
                    )
                )
        self.insert(memberships)
        self._work_plans(rng, groups, leads, [e for e in events if e.kind == "planning_meeting"])

    def _work_plans(self, rng, groups, leads, meetings) -> None:
        plans = []
        for group in groups:
            for year in (2018, 2020, 2022):
                status = (
                    WorkPlanStatus.COMPLETED
                    if year + 2 <= AS_OF.year
                    else (rng.choice([WorkPlanStatus.ADOPTED, WorkPlanStatus.DRAFT]))
                )
                plans.append(
                    WorkPlan(
                        group=group,
                        title=f"Work plan {year}–{year + 1}",
                        status=status,
                        start_date=datetime.date(year, 1, 1),
                        end_date=datetime.date(year + 2, 1, 1),
                        adopted_at=rng.choice(meetings)
                        if meetings and status != WorkPlanStatus.DRAFT
                        else None,
                        source=self.source,
                    )
                )
        self.insert(plans)
        activities, lead_rows = [], []
        for plan in plans:
            for _number in range(rng.randint(4, 10)):
                kind = rng.choice(list(ActivityKind))
                due = day_between(rng, plan.start_date, plan.end_date)
                if due < AS_OF:
                    status = rng.choices(
                        [ActivityStatus.DONE, ActivityStatus.CANCELLED, ActivityStatus.IN_PROGRESS],
                        [8, 1, 1],
                    )[0]
                else:
                    status = rng.choice([ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS])
                title = words.ACTIVITIES[kind].format(
                    topic=rng.choice(words.TOPICS).lower(), sector=rng.choice(words.SECTORS).lower()
                )
                activities.append(
                    Activity(
                        work_plan=plan,
                        title=title,
                        kind=kind,
                        status=status,
                        due_date=due,
                        source=self.source,
                    )
                )
                lead_rows.append(
                    rng.sample(leads[plan.group], min(len(leads[plan.group]), rng.randint(1, 2)))
                )
        self.insert(activities)
        through = Activity.lead_partners.through
        self.insert(
            [
                through(activity_id=activity.pk, partner_id=partner.pk)
                for activity, chosen in zip(activities, lead_rows, strict=True)
                for partner in chosen
            ]
        )


def check_constraints_per_statement() -> None:
    """Check foreign keys at the end of each statement rather than at commit, in this transaction.

    Our foreign keys are deferred, so every row written queues a check until commit; PostgreSQL
    then fires each row's history trigger more slowly the longer that queue is (deleting 8,000
    partners took 9 s with the queue and 2.4 s without).
    """
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _delete(queryset) -> int:
    """One DELETE statement; QuerySet.delete() would load every row and delete 100 at a time."""
    meta = queryset.model._meta
    quote = connection.ops.quote_name
    sql, params = queryset.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(meta.db_table)} WHERE {quote(meta.pk.column)} IN ({sql})", params
        )
        return cursor.rowcount


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
        deleted[queryset.model] += _delete(queryset)
    return deleted
