"""Loads the facts of the progress report, idempotently: a second run writes nothing.

A later run creates what is missing and updates only the fields whose last change was the
loader's own (told by the pghistory context `command="load_alliance87"`): what staff changed or
added is kept, and reported as skipped.
"""

from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from action_groups.models import ActionGroup, Membership, WorkPlan
from core.models import DatePrecision
from core.translation import OTHER_LANGUAGES, column
from governance.models import Constituency, Event, EventStatus, GlobalEstimate, OfficeTerm
from partners.models import Partner, PartnerIdentifier, Relation
from pathfinders.models import PathfinderCountry, RoadMap, StageChange

from . import facts

COMMAND = "load_alliance87"


@dataclass(frozen=True)
class Skip:
    """A seeded record the loader left as staff have it: the fields kept, or why it was refused."""

    model: type[models.Model]
    record: str
    fields: tuple[str, ...] = ()
    reason: str = ""


class Tally:
    """How many rows of each model were created, updated or left as they were."""

    def __init__(self):
        self.created, self.updated, self.unchanged = Counter(), Counter(), Counter()
        self.models: list[type[models.Model]] = []
        self.skipped: list[Skip] = []

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


def _stored(obj: models.Model, name: str):
    return getattr(obj, obj._meta.get_field(name).attname)


def _empty(value) -> bool:
    return value is None or value == "" or value == []


def _by_loader(event) -> bool:
    context = event.pgh_context
    return context is not None and context.metadata.get("command") == COMMAND


def loader_owned(obj: models.Model, names) -> set[str]:
    """The fields whose last change (or first value) in the record's history was the loader's."""
    events = obj.pgh_event_model.objects.filter(pgh_obj_id=obj.pk).select_related("pgh_context")
    owner, previous = {}, None
    for event in events.order_by("pgh_id"):
        for name in names:
            if previous is None or _stored(event, name) != _stored(previous, name):
                owner[name] = _by_loader(event)
        previous = event
    if previous is None:
        # No history to tell by: only an empty field is taken to be nobody's.
        return {name for name in names if _empty(_stored(obj, name))}
    return {name for name, loader in owner.items() if loader}


def _save(obj: models.Model, tally: Tally, **kwargs) -> bool:
    """Validate and save; a clash with what staff recorded is reported, never raised."""
    try:
        obj.full_clean()
        with transaction.atomic():
            obj.save(**kwargs)
    except (ValidationError, IntegrityError) as error:
        reason = "; ".join(getattr(error, "messages", None) or [str(error)])
        tally.skipped.append(Skip(type(obj), str(obj), reason=reason))
        return False
    return True


def upsert(model: type[models.Model], lookup: dict, values: dict, tally: Tally):
    """Create what is missing; update only fields the loader still owns, so staff edits stay."""
    obj = model.objects.filter(**lookup).order_by("pk").first()
    if obj is None:
        obj = model(**lookup, **values)
        if _save(obj, tally):
            tally.count(tally.created, model)
            return obj
        return None
    changed = [name for name, value in values.items() if not _same(obj, name, value)]
    owned = loader_owned(obj, changed) if changed else set()
    kept = tuple(name for name in changed if name not in owned)
    if kept:
        tally.skipped.append(Skip(model, str(obj), fields=kept))
    changed = [name for name in changed if name in owned]
    if not changed:
        tally.count(tally.unchanged, model)
        return obj
    for name in changed:
        setattr(obj, name, values[name])
    if not _save(obj, tally, update_fields=[*changed, "updated"]):
        obj.refresh_from_db()
        tally.count(tally.unchanged, model)
        return obj
    tally.count(tally.updated, model)
    return obj


def retract(model: type[models.Model], lookup: dict, tally: Tally) -> None:
    """Delete a row an earlier seed loaded in error, unless staff have changed it since."""
    fields = [f.name for f in model._meta.concrete_fields if f.name not in ("id", "updated")]
    for obj in model.objects.filter(**lookup):
        if set(fields) <= loader_owned(obj, fields):
            obj.delete()
        else:
            tally.skipped.append(Skip(model, str(obj), reason="changed since it was loaded"))


def _partner_values(fact: dict) -> dict:
    return {
        "name": fact["name"],
        "acronym": fact.get("acronym", ""),
        # Derived or the organisation's own (facts.GOVERNMENT_OF, OWN_NAMES); else left to staff.
        **{
            column(field, language): fact.get(column(field, language), "")
            for field in ("name", "acronym")
            for language in OTHER_LANGUAGES
        },
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
        if partner is None:
            continue
        for scheme, identifier, source in fact.get("identifiers", []):
            upsert(
                PartnerIdentifier,
                {"scheme": scheme, "identifier": identifier},
                {"partner": partner, "source": source},
                tally,
            )
        partners[fact["slug"]] = partner
    return partners


def load_governance(partners: dict[str, Partner], tally: Tally) -> dict[str, Event]:
    for fact in facts.CONSTITUENCIES:
        values = {k: v for k, v in fact.items() if k != "slug"}
        upsert(Constituency, {"slug": fact["slug"]}, values, tally)
    for fact in facts.OFFICE_TERMS:
        if fact["partner"] not in partners:
            continue
        # Keyed with the empty start date: a later rotation closes these terms, not replaces them.
        lookup = {
            "office": fact["office"],
            "partner": partners[fact["partner"]],
            "start_date": None,
        }
        upsert(OfficeTerm, lookup, {"source": fact["source"]}, tally)
    events = {}
    for fact in [*facts.EVENTS, *facts.PLANNED_EVENTS]:
        values = {
            "kind": fact["kind"],
            "title": fact["title"],
            "start_date": fact["start_date"],
            "date_precision": fact.get("date_precision", DatePrecision.MONTH),
            "status": fact.get("status", EventStatus.HELD),
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
    first = len(facts.GLOBAL_ESTIMATES) + 1
    for position, (slug, label, value, unit) in enumerate(facts.GLOBAL_TRENDS, start=first):
        values = {
            "label": label,
            "value": value,
            "unit": unit,
            "position": position,
            "source": facts.para(1),
        }
        upsert(GlobalEstimate, {"slug": slug}, values, tally)
    return {slug: event for slug, event in events.items() if event is not None}


def load_action_groups(
    partners: dict[str, Partner], events: dict[str, Event], tally: Tally
) -> None:
    groups = {}
    for fact in facts.ACTION_GROUPS:
        values = {k: v for k, v in fact.items() if k != "slug"}
        group = upsert(ActionGroup, {"slug": fact["slug"]}, values, tally)
        if group is not None:
            groups[fact["slug"]] = group
    for group, partner, role, source in facts.MEMBERSHIPS:
        if group not in groups or partner not in partners:
            continue
        lookup = {"group": groups[group], "partner": partners[partner]}
        upsert(Membership, lookup, {"role": role, "source": source}, tally)
    for group, event in facts.GROUP_MEETINGS:
        if group in groups and event in events:
            # add() skips a link that is already there.
            groups[group].meetings.add(events[event])
    for fact in facts.WORK_PLANS:
        if fact["group"] not in groups:
            continue
        lookup = {"group": groups[fact["group"]], "title": fact["title"]}
        values = {k: v for k, v in fact.items() if k not in ("group", "title")}
        upsert(WorkPlan, lookup, values, tally)


def load_pathfinders(partners: dict[str, Partner], events: dict[str, Event], tally: Tally) -> None:
    for code, name in facts.PATHFINDER_COUNTRIES:
        values = {"government": partners[facts.government_slug(name)], "source": facts.para(21)}
        pathfinder = upsert(PathfinderCountry, {"country": code}, values, tally)
        if pathfinder is None:
            continue
        lookup = {"pathfinder": pathfinder, "stage": facts.REQUESTED["stage"], "changed_on": None}
        values = {"decision": facts.REQUESTED["decision"], "source": facts.REQUESTED["source"]}
        upsert(StageChange, lookup, values, tally)
    madagascar = PathfinderCountry.objects.filter(country="MG").first()
    workshop = events.get(facts.MADAGASCAR_WORKSHOP)
    if madagascar is None or workshop is None:
        return
    # add() skips a link that is already there.
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
        "source": road_map["source"],
    }
    upsert(RoadMap, {"pathfinder": madagascar, "title": road_map["title"]}, values, tally)
    # Only while it is still the latest stage: staff's later stages build on it.
    latest = madagascar.stage_changes.order_by(
        models.F("changed_on").desc(nulls_last=True), "-pk"
    ).first()
    retracted = {"pathfinder": madagascar, **facts.RETRACTED_STAGE}
    if latest is not None and StageChange.objects.filter(pk=latest.pk, **retracted).exists():
        retract(StageChange, {"pk": latest.pk}, tally)


def load_all() -> Tally:
    """Load every fact; the caller provides the transaction and the history context."""
    tally = Tally()
    partners = load_partners(tally)
    events = load_governance(partners, tally)
    load_action_groups(partners, events, tally)
    load_pathfinders(partners, events, tally)
    return tally
