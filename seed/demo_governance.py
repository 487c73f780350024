"""Demo governance (GCG seats and terms, events, pledges) and Action Groups, for DemoData."""

import datetime
from collections import defaultdict

from django.utils.text import slugify

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
from core.models import DatePrecision
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
from partners.models import Category, Partner
from partners.regions import region_for

from . import demo_words as words
from .demo_words import (
    AS_OF,
    BEGINNING,
    NO_TEXT,
    REGIONS,
    SLUG_PREFIX,
    day_between,
    fill,
    labels,
    texts,
    texts_of,
    without_article,
)

# Their names are words.CONSTITUENCIES[slug].
DEMO_CONSTITUENCIES = [
    ("governments", [Category.GOVERNMENT]),
    ("workers", [Category.WORKERS]),
    ("employers", [Category.EMPLOYERS]),
    ("civil-society", [Category.CIVIL_SOCIETY]),
    ("intergovernmental", [Category.INTERNATIONAL, Category.REGIONAL]),
]


def _days(start: datetime.date, days: int) -> datetime.date:
    return start + datetime.timedelta(days=days)


class GovernanceDemo:
    """Uses DemoData's rng, insert, count and source."""

    def events(self) -> list[Event]:
        rng = self.rng("events")
        # Conferences are placed below; launches are rare enough to leave out.
        kinds = [k for k in EventKind if k not in (EventKind.GLOBAL_CONFERENCE, EventKind.LAUNCH)]
        kind_labels = labels(EventKind)
        rows = []
        for number in range(1, max(12, self.count // 100) + 1):
            # Every 25th is a global conference, so pledges always have somewhere to be made.
            kind = EventKind.GLOBAL_CONFERENCE if number % 25 == 1 else rng.choice(kinds)
            city, country = rng.choice(words.CITIES)
            start = day_between(rng, BEGINNING, datetime.date(2026, 12, 31))
            precision, end = DatePrecision.DAY, _days(start, rng.choice([0, 1, 1, 2, 3]))
            if rng.random() < 0.15:
                precision, start, end = DatePrecision.MONTH, start.replace(day=1), None
            label = kind_labels[kind]
            rows.append(
                Event(
                    kind=kind,
                    **texts(
                        "title",
                        fill(
                            words.EVENT_TITLE, kind=label, city=city, year=start.year, number=number
                        ),
                    ),
                    slug=f"{SLUG_PREFIX}event-{number:06d}",
                    start_date=start,
                    end_date=end,
                    date_precision=precision,
                    **texts("city", city),
                    country=country,
                    **texts("description", fill(words.EVENT_DESCRIPTION, kind=label, city=city)),
                    **texts(
                        "outcome", rng.choice(words.EVENT_OUTCOMES) if start < AS_OF else NO_TEXT
                    ),
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
                    **texts("name", words.CONSTITUENCIES[slug]),
                    slug=f"{SLUG_PREFIX}{slug}",
                    position=100 + n,
                    source=self.source,
                )
                for n, (slug, _categories) in enumerate(DEMO_CONSTITUENCIES)
            ]
        )
        seats, holders = [], []
        for constituency, (_slug, categories) in zip(
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
            titles = fill(
                rng.choice(words.PLEDGES),
                sector=rng.choice(self.sectors_in_text),
                topic=rng.choice(self.topics_in_text),
                year=event.start_date.year + rng.randint(2, 6),
                n=rng.choice([50, 100, 250, 500, 1000]),
            )
            description = fill(
                words.PLEDGE_DESCRIPTION, title=titles, event=texts_of(event, "title")
            )
            pledges.append(
                Pledge(
                    partner=rng.choice(partners),
                    event=event,
                    **texts("title", titles),
                    **texts("description", description),
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
                        **texts("summary", words.ASSESSMENT_SUMMARY),
                        source=self.source,
                    )
                )
        self.insert(assessments)


class ActionGroupDemo:
    """Uses DemoData's rng, insert, count and source."""

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
            # English names the topic as it is, the other languages as a heading.
            heading = (topic[0], *map(without_article, topic[1:]))
            groups.append(
                ActionGroup(
                    **texts("name", fill(words.GROUP_NAME, topic=heading, number=number)),
                    slug=f"{SLUG_PREFIX}group-{number:04d}-{slugify(topic[0])}",
                    **texts(
                        "mandate",
                        fill(words.GROUP_MANDATE, topic=(topic[0].lower(), *topic[1:])),
                    ),
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
        self._work_plans(
            rng, groups, leads, [e for e in events if e.kind == EventKind.PLANNING_MEETING]
        )

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
                        **texts("title", fill(words.WORK_PLAN_TITLE, start=year, end=year + 1)),
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
                titles = fill(
                    words.ACTIVITIES[kind],
                    topic=rng.choice(self.topics_in_text),
                    sector=rng.choice(self.sectors_in_text),
                )
                activities.append(
                    Activity(
                        work_plan=plan,
                        **texts("title", titles),
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
        self.insert_links(
            Activity.lead_partners,
            (
                (activity, partner)
                for activity, chosen in zip(activities, lead_rows, strict=True)
                for partner in chosen
            ),
        )
