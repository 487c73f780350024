"""Loads the facts of the progress report, idempotently: a second run writes nothing."""

from collections import Counter

from django.db import models

from action_groups.models import ActionGroup, Membership
from core.models import DatePrecision
from governance.models import Constituency, Event, GlobalEstimate, OfficeTerm
from partners.models import Partner, PartnerIdentifier, Relation
from pathfinders.models import PathfinderCountry, RoadMap, StageChange

from . import facts


class Tally:
    """How many rows of each model were created, updated or left as they were."""

    def __init__(self):
        self.created, self.updated, self.unchanged = Counter(), Counter(), Counter()
        self.models: list[type[models.Model]] = []

    def count(self, counter: Counter, model: type[models.Model]) -> None:
        if model not in self.models:
            self.models.append(model)
        counter[model] += 1

    def counts(self, model: type[models.Model] | None = None) -> dict[str, int]:
        """The counts for one model, or for all of them."""
        counters = {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}
        if model is None:
            return {name: sum(counter.values()) for name, counter in counters.items()}
        return {name: counter[model] for name, counter in counters.items()}


def _same(obj: models.Model, name: str, value) -> bool:
    field = obj._meta.get_field(name)
    if field.is_relation:
        return getattr(obj, field.attname) == (value.pk if value is not None else None)
    return getattr(obj, name) == value


def upsert(model: type[models.Model], lookup: dict, values: dict, tally: Tally):
    """update_or_create that saves only what differs, so `updated` and history stay put."""
    obj = model.objects.filter(**lookup).order_by("pk").first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        tally.count(tally.created, model)
        return obj
    changed = [name for name, value in values.items() if not _same(obj, name, value)]
    if not changed:
        tally.count(tally.unchanged, model)
        return obj
    for name in changed:
        setattr(obj, name, values[name])
    obj.full_clean()
    obj.save(update_fields=[*changed, "updated"])
    tally.count(tally.updated, model)
    return obj


def _partner_values(fact: dict) -> dict:
    return {
        "name": fact["name"],
        "acronym": fact.get("acronym", ""),
        "category": fact["category"],
        "country": fact.get("country", ""),
        "website": fact.get("website", ""),
        "description": fact.get("description", ""),
        "themes": list(fact.get("themes", [])),
        # Para. 17, 19 and 22 name development partners and organisations the Alliance works
        # with, not partners; the others are partners (para. 14).
        "relations": list(fact.get("relations", [Relation.PARTNER])),
        "source": fact["source"],
    }


def load_partners(tally: Tally) -> dict[str, Partner]:
    partners = {}
    for fact in facts.PARTNERS:
        partner = upsert(Partner, {"slug": fact["slug"]}, _partner_values(fact), tally)
        for scheme, identifier in fact.get("identifiers", []):
            upsert(
                PartnerIdentifier,
                {"scheme": scheme, "identifier": identifier},
                {"partner": partner},
                tally,
            )
        partners[fact["slug"]] = partner
    return partners


def load_governance(partners: dict[str, Partner], tally: Tally) -> dict[str, Event]:
    for fact in facts.CONSTITUENCIES:
        values = {k: v for k, v in fact.items() if k != "slug"}
        upsert(Constituency, {"slug": fact["slug"]}, values, tally)
    for fact in facts.OFFICE_TERMS:
        # Keyed with the empty start date: a later rotation closes these terms, not replaces them.
        lookup = {
            "office": fact["office"],
            "partner": partners[fact["partner"]],
            "start_date": None,
        }
        upsert(OfficeTerm, lookup, {"source": fact["source"]}, tally)
    events = {}
    for fact in facts.EVENTS:
        values = {
            "kind": fact["kind"],
            "title": fact["title"],
            "start_date": fact["start_date"],
            "date_precision": DatePrecision.MONTH,
            "city": fact.get("city", ""),
            "country": fact.get("country", ""),
            "description": fact.get("description", ""),
            "outcome": fact.get("outcome", ""),
            "source": fact["source"],
        }
        events[fact["slug"]] = upsert(Event, {"slug": fact["slug"]}, values, tally)
    estimates = {}
    for position, (slug, label, value, part_of) in enumerate(facts.GLOBAL_ESTIMATES, start=1):
        values = {
            "label": label,
            "value": value,
            "part_of": estimates.get(part_of),
            "position": position,
            "source": facts.para(1),
        }
        estimates[slug] = upsert(GlobalEstimate, {"slug": slug}, values, tally)
    return events


def load_action_groups(partners: dict[str, Partner], tally: Tally) -> None:
    groups = {}
    for fact in facts.ACTION_GROUPS:
        values = {k: v for k, v in fact.items() if k != "slug"}
        groups[fact["slug"]] = upsert(ActionGroup, {"slug": fact["slug"]}, values, tally)
    for group, partner, role, source in facts.MEMBERSHIPS:
        lookup = {"group": groups[group], "partner": partners[partner]}
        upsert(Membership, lookup, {"role": role, "source": source}, tally)


def load_pathfinders(partners: dict[str, Partner], events: dict[str, Event], tally: Tally) -> None:
    for code, name in facts.PATHFINDER_COUNTRIES:
        values = {"government": partners[facts.government_slug(name)], "source": facts.para(21)}
        pathfinder = upsert(PathfinderCountry, {"country": code}, values, tally)
        lookup = {"pathfinder": pathfinder, "stage": facts.REQUESTED["stage"], "changed_on": None}
        values = {"decision": facts.REQUESTED["decision"], "source": facts.REQUESTED["source"]}
        upsert(StageChange, lookup, values, tally)
    madagascar = PathfinderCountry.objects.get(country="MG")
    workshop = events[facts.MADAGASCAR_WORKSHOP]
    # M2M rows carry no timestamps or history; add() skips a link that is already there.
    madagascar.workshops.add(workshop)
    for fact in facts.MADAGASCAR_STAGES:
        lookup = {
            "pathfinder": madagascar,
            "stage": fact["stage"],
            "changed_on": fact["changed_on"],
        }
        values = {
            "date_precision": DatePrecision.MONTH,
            "event": events[fact["event"]],
            "decision": fact["decision"],
            "source": fact["source"],
        }
        upsert(StageChange, lookup, values, tally)
    road_map = facts.MADAGASCAR_ROAD_MAP
    values = {
        "status": road_map["status"],
        "adopted_on": road_map["adopted_on"],
        "adoption_precision": DatePrecision.MONTH,
        "source": road_map["source"],
    }
    upsert(RoadMap, {"pathfinder": madagascar, "title": road_map["title"]}, values, tally)


def load_all() -> Tally:
    """Load every fact; the caller provides the transaction and the history context."""
    tally = Tally()
    partners = load_partners(tally)
    events = load_governance(partners, tally)
    load_action_groups(partners, tally)
    load_pathfinders(partners, events, tally)
    return tally
