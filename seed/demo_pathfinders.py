"""Demo pathfinder countries: every country not already one, with stages, road maps and reports."""

import datetime
from collections import defaultdict

from core.models import DatePrecision
from governance.models import Event, EventKind
from partners.models import Category, Partner
from pathfinders.models import (
    AnnualReport,
    Milestone,
    MilestoneStatus,
    PathfinderCountry,
    RoadMap,
    RoadMapStatus,
    Stage,
    StageChange,
)

from . import demo_words as words
from .demo_words import AS_OF, day_between, fill, labels, texts
from .facts import PATHFINDER_CODES

# How far along the lifecycle countries get, with weights: (stages after "requested", weight).
PATHS = [
    ([], 15),
    ([Stage.WORKSHOP_HELD], 15),
    ([Stage.WORKSHOP_HELD, Stage.ROAD_MAP_ADOPTED], 25),
    ([Stage.WORKSHOP_HELD, Stage.ROAD_MAP_ADOPTED, Stage.IMPLEMENTING], 35),
    ([Stage.WORKSHOP_HELD, Stage.ROAD_MAP_ADOPTED, Stage.IMPLEMENTING, Stage.LAPSED], 5),
    ([Stage.WORKSHOP_HELD, Stage.WITHDRAWN], 5),
]
# Days from one stage to the next, at least and at most.
DELAYS = {
    Stage.WORKSHOP_HELD: (90, 400),
    Stage.ROAD_MAP_ADOPTED: (30, 180),
    Stage.IMPLEMENTING: (60, 200),
    Stage.LAPSED: (365, 800),
    Stage.WITHDRAWN: (100, 500),
}


class PathfinderDemo:
    """The pathfinder part of DemoData (uses its rng, insert, source and country names)."""

    def pathfinders(self, partners: list[Partner]) -> None:
        rng = self.rng("pathfinders")
        # The seed's countries are left out even before the seed is loaded, so the two never meet.
        taken = set(PathfinderCountry.objects.values_list("country", flat=True)) | PATHFINDER_CODES
        codes = [code for code in self.codes if code not in taken]
        governments, local = {}, defaultdict(list)
        for partner in partners:
            if partner.country:
                local[str(partner.country)].append(partner)
                if partner.category == Category.GOVERNMENT:
                    governments.setdefault(str(partner.country), partner)
        pathfinders = self.insert(
            [
                PathfinderCountry(
                    country=code,
                    government=governments.get(code),
                    **texts(
                        "official_response",
                        fill(words.OFFICIAL_RESPONSE, country=self.country_texts[code]),
                    ),
                    source=self.source,
                )
                for code in codes
            ]
        )
        self.stage_labels = labels(Stage)
        stages, workshops, road_maps = [], [], []
        for pathfinder in pathfinders:
            path = rng.choices([p for p, _w in PATHS], [w for _p, w in PATHS])[0]
            on = day_between(rng, datetime.date(2017, 1, 1), datetime.date(2022, 12, 31))
            stages.append(self._stage(pathfinder, Stage.REQUESTED, on, None))
            adopted_on = None
            for stage in path:
                on = on + datetime.timedelta(days=rng.randint(*DELAYS[stage]))
                if on > AS_OF:
                    break
                event = None
                if stage == Stage.WORKSHOP_HELD:
                    event = self._workshop(pathfinder, on, len(workshops) + 1)
                    workshops.append(event)
                if stage == Stage.ROAD_MAP_ADOPTED:
                    adopted_on = on
                stages.append(self._stage(pathfinder, stage, on, event))
            road_maps += self._road_maps(rng, pathfinder, adopted_on)
        self.insert(workshops)
        self.insert(stages)
        self.insert_links(PathfinderCountry.workshops, ((e.pathfinder, e) for e in workshops))
        self.insert_links(
            PathfinderCountry.focal_points,
            (
                (p, partner)
                for p in pathfinders
                for partner in rng.sample(local[p.country.code], min(2, len(local[p.country.code])))
                if partner.category != Category.GOVERNMENT
            ),
        )
        self.insert(road_maps)
        self._milestones(rng, road_maps, local)
        self._annual_reports(rng, road_maps)

    def _stage(self, pathfinder, stage, on, event) -> StageChange:
        return StageChange(
            pathfinder=pathfinder,
            stage=stage,
            changed_on=on,
            date_precision=DatePrecision.DAY,
            event=event,
            **texts("decision", fill(words.STAGE_DECISION, stage=self.stage_labels[stage])),
            source=self.source,
        )

    def _workshop(self, pathfinder, on: datetime.date, number: int) -> Event:
        names = self.country_texts[pathfinder.country.code]
        event = Event(
            kind=EventKind.WORKSHOP,
            **texts("title", fill(words.WORKSHOP_TITLE, country=names, number=number)),
            slug=f"demo-workshop-{pathfinder.country.code.lower()}-{number:04d}",
            start_date=on,
            end_date=on + datetime.timedelta(days=1),
            country=pathfinder.country.code,
            **texts("outcome", words.WORKSHOP_OUTCOME),
            source=self.source,
        )
        # Kept to link the workshop to its country once both have ids.
        event.pathfinder = pathfinder
        return event

    def _road_maps(self, rng, pathfinder, adopted_on) -> list[RoadMap]:
        names = self.country_texts[pathfinder.country.code]
        if adopted_on is None:
            start = datetime.date(AS_OF.year + 1, 1, 1)
            title = fill(words.DRAFT_ROAD_MAP, country=names)
            return [self._road_map(pathfinder, title, RoadMapStatus.DRAFT, None, start)]
        maps, on, number = [], adopted_on, 1
        while True:
            title = fill(words.ROAD_MAP, country=names, number=number)
            maps.append(self._road_map(pathfinder, title, RoadMapStatus.ADOPTED, on, on))
            on = on + datetime.timedelta(days=rng.randint(700, 1200))
            if on > AS_OF or rng.random() < 0.5:
                break
            maps[-1].status, number = RoadMapStatus.SUPERSEDED, number + 1
        if rng.random() < 0.2:
            maps.append(
                self._road_map(
                    pathfinder,
                    fill(words.NEXT_ROAD_MAP_DRAFT, country=names, number=number + 1),
                    RoadMapStatus.DRAFT,
                    None,
                    datetime.date(AS_OF.year + 1, 1, 1),
                )
            )
        return maps

    def _road_map(self, pathfinder, titles, status, adopted_on, start) -> RoadMap:
        return RoadMap(
            pathfinder=pathfinder,
            **texts("title", titles),
            status=status,
            adopted_on=adopted_on,
            adoption_precision=DatePrecision.DAY,
            start_date=start,
            end_date=start.replace(year=start.year + 3, day=min(start.day, 28)),
            document_url=f"https://www.example.org/demo/road-maps/{pathfinder.country.code}.pdf",
            source=self.source,
        )

    def _milestones(self, rng, road_maps, local) -> None:
        milestones, responsible = [], []
        for road_map in road_maps:
            code = road_map.pathfinder.country.code
            pool = local[code]
            for _number in range(rng.randint(4, 9)):
                due = day_between(rng, road_map.start_date, road_map.end_date)
                status = self._milestone_status(rng, road_map.status, due)
                done = status == MilestoneStatus.DONE
                completed = min(due - datetime.timedelta(days=rng.randrange(60)), AS_OF)
                milestones.append(
                    Milestone(
                        road_map=road_map,
                        **texts(
                            "title",
                            fill(
                                rng.choice(words.MILESTONES),
                                sector=rng.choice(self.sectors_in_text),
                            ),
                        ),
                        due_date=due,
                        status=status,
                        completed_on=completed if done else None,
                        evidence_url="https://www.example.org/demo/evidence/" if done else "",
                        source=self.source,
                    )
                )
                responsible.append(rng.sample(pool, min(len(pool), rng.randint(1, 2))))
        self.insert(milestones)
        self.insert_links(
            Milestone.responsible_partners,
            (
                (milestone, partner)
                for milestone, partners in zip(milestones, responsible, strict=True)
                for partner in partners
            ),
        )

    @staticmethod
    def _milestone_status(rng, road_map_status, due) -> str:
        if road_map_status == RoadMapStatus.DRAFT:
            return MilestoneStatus.PLANNED
        if road_map_status == RoadMapStatus.SUPERSEDED or due < AS_OF:
            return rng.choices(
                [
                    MilestoneStatus.DONE,
                    MilestoneStatus.DELAYED,
                    MilestoneStatus.IN_PROGRESS,
                    MilestoneStatus.CANCELLED,
                ],
                [60, 25, 10, 5],
            )[0]
        return rng.choice([MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS])

    def _annual_reports(self, rng, road_maps) -> None:
        first_adoption = {}
        for road_map in road_maps:
            if road_map.adopted_on:
                pathfinder = road_map.pathfinder
                first_adoption[pathfinder] = min(
                    road_map.adopted_on, first_adoption.get(pathfinder, road_map.adopted_on)
                )
        reports = []
        for pathfinder, adopted_on in first_adoption.items():
            for year in range(adopted_on.year, AS_OF.year):
                # Some years are never reported, so every traffic light shows up.
                if rng.random() < 0.15:
                    continue
                submitted = day_between(
                    rng, datetime.date(year + 1, 2, 1), datetime.date(year + 1, 7, 1)
                )
                reports.append(
                    AnnualReport(
                        pathfinder=pathfinder,
                        year=year,
                        submitted_on=submitted if submitted <= AS_OF else None,
                        document_url=f"https://www.example.org/demo/reports/{year}.pdf",
                        source=self.source,
                    )
                )
        self.insert(reports)
