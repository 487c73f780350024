"""Demo data in every language: each text a demo row has in English it has in French and Spanish,
and the English text of a seed is the one it was before the other languages came."""

import hashlib
import json
import string
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F, Q

from action_groups.models import ActionGroup, Activity, WorkPlan
from core.translation import LANGUAGES, OTHER_LANGUAGES, column, translated_fields
from governance.models import Constituency, Event, Pledge, PledgeAssessment
from partners.models import Partner
from pathfinders.models import Milestone, PathfinderCountry, RoadMap, StageChange
from seed import demo_words as words
from seed.demo_words import contracted, initials, without_article
from tests.history import tracked_models

MARKER = "Demo data (generate_demo_data --seed 7)"

# The English text of seed 7 with 50 partners, field by field, as it was before French and
# Spanish were added; benchmarks compare runs on the strength of it.
ENGLISH_FIELDS = {
    Partner: ["name", "acronym", "description", "status_reason"],
    Constituency: ["name"],
    Event: ["title", "city", "description", "outcome"],
    Pledge: ["title", "description"],
    PledgeAssessment: ["summary"],
    ActionGroup: ["name", "mandate"],
    WorkPlan: ["title"],
    Activity: ["title"],
    PathfinderCountry: ["official_response"],
    StageChange: ["decision"],
    RoadMap: ["title"],
    Milestone: ["title"],
}
ENGLISH_DIGEST = "ffea5789b1862fe5d60c233856249b5df53cd87cfc5a6df1a2e73793f83b506c"


def generate(**options):
    options = {"partners": 50, "seed": 7, "verbosity": 0, **options}
    call_command("generate_demo_data", stdout=StringIO(), **options)


def demo_models():
    """The models of which the demo wrote rows."""
    return [
        model
        for model in tracked_models()
        if any(f.name == "source" for f in model._meta.get_fields())
        and model.objects.filter(source=MARKER).exists()
    ]


def empty(name: str) -> Q:
    return Q(**{name: ""}) | Q(**{f"{name}__isnull": True})


def english_text(model, fields):
    rows = model.objects.filter(source=MARKER).order_by("pk").values_list(*fields)
    return [list(row) for row in rows]


@pytest.mark.django_db
def test_a_demo_partner_has_a_french_and_a_spanish_name_and_description():
    generate()

    for partner in Partner.objects.all():
        for language in OTHER_LANGUAGES:
            name = getattr(partner, column("name", language))
            description = getattr(partner, column("description", language))
            assert name and name != partner.name
            assert description and description != partner.description
            # The suffix tests and the benchmark look for is the same in every language.
            assert name.endswith(partner.name[partner.name.rindex(" (demo ") :])


@pytest.mark.django_db
def test_a_demo_partner_in_french_or_spanish_has_the_acronym_of_its_name_or_the_english_one():
    generate()

    for partner in Partner.objects.all():
        for language in OTHER_LANGUAGES:
            name = getattr(partner, column("name", language))
            base = name[: name.rindex(" (demo ")]
            expected = initials(base) or partner.acronym
            assert getattr(partner, column("acronym", language)) == expected, name


@pytest.mark.django_db
def test_every_translated_field_of_demo_rows_is_filled_in_every_language():
    generate(partners=200)

    models = demo_models()
    assert {Partner, Event, Pledge, PledgeAssessment, Milestone} <= set(models)
    for model in models:
        rows = model.objects.filter(source=MARKER)
        for field in translated_fields(model):
            filled = rows.exclude(empty(field))
            assert filled.exists(), f"demo data leaves {model.__name__}.{field} empty"
            for language in OTHER_LANGUAGES:
                other = column(field, language)
                missing = filled.filter(empty(other))
                assert not missing.exists(), f"{model.__name__}.{other} missing"
                assert filled.exclude(**{other: F(field)}).exists(), (
                    f"{model.__name__}.{other} is only ever the English text"
                )


@pytest.mark.django_db
def test_the_english_demo_text_of_a_seed_is_what_it_was_before_other_languages():
    generate()

    partner = Partner.objects.get(slug__startswith="demo-000040-")
    assert partner.name == "Ministry of Labour and Social Protection, Albania (demo 40)"
    assert partner.acronym == "MLSPA"
    assert partner.description == (
        "Ministry of Labour and Social Protection, Albania works on child labour and forced "
        "marriage in fisheries in Albania."
    )
    assert partner.status_reason == "Did not submit its annual report for two years."
    event = Event.objects.get(slug="demo-event-000001")
    assert (event.title, event.city) == ("Global conference, Lusaka, 2023 (demo 1)", "Lusaka")
    assert event.description == "Global conference of Alliance 8.7 partners in Lusaka."
    assert event.outcome == "Participants endorsed the draft work plan."
    group = ActionGroup.objects.get(slug="demo-group-0001-child-labour")
    assert group.name == "Child Labour (demo 1)"
    milestones = Milestone.objects.order_by("pk").values_list("title", flat=True)[:2]
    assert list(milestones) == [
        "Amend the labour code on the minimum age of employment",
        "Ratify the Protocol of 2014 to the Forced Labour Convention",
    ]
    text = {model.__name__: english_text(model, fields) for model, fields in ENGLISH_FIELDS.items()}
    digest = json.dumps(text, ensure_ascii=False, sort_keys=True).encode()
    assert hashlib.sha256(digest).hexdigest() == ENGLISH_DIGEST


def test_the_demo_vocabulary_is_written_in_the_registry_languages():
    assert words.LANGUAGES == LANGUAGES


def templates():
    yield from (t for group in words.NAME_TEMPLATES.values() for t in group)
    yield from words.PLEDGES
    yield from words.ACTIVITIES.values()
    yield from words.MILESTONES
    yield from (
        getattr(words, name)
        for name in dir(words)
        if name.isupper()
        and isinstance(getattr(words, name), tuple)
        and all(isinstance(t, str) and "{" in t for t in getattr(words, name))
    )


def placeholders(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("triple", list(templates()), ids=lambda t: t[0][:40])
def test_a_demo_template_takes_in_every_language_what_the_english_one_is_given(triple):
    english, *others = triple

    assert len(triple) == len(LANGUAGES)
    for template in others:
        # {region_f} is {region} agreeing with a feminine noun.
        assert placeholders(template) - {"region_f"} <= placeholders(english) | {"region"}
        assert placeholders(template) - {"region_f"} >= placeholders(english) - {"region"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Université de Le Caire", "fr", "Université du Caire"),
        ("Université de Accra", "fr", "Université d'Accra"),
        ("Atelier à Le Caire", "fr", "Atelier au Caire"),
        ("producteurs de le secteur du cacao", "fr", "producteurs du secteur du cacao"),
        ("Fonds consacré à les enfants soldats", "fr", "Fonds consacré aux enfants soldats"),
        ("plan de travail de la Haye", "fr", "plan de travail de la Haye"),
        ("Fondo dedicado a el trabajo infantil", "es", "Fondo dedicado al trabajo infantil"),
        ("cadenas de el sector del té", "es", "cadenas del sector del té"),
        ("Universidad de El Cairo", "es", "Universidad de El Cairo"),
        ("para el sector", "es", "para el sector"),
        ("University of Le Mans de le", "en", "University of Le Mans de le"),
    ],
)
def test_a_french_or_spanish_phrase_after_a_preposition_is_contracted(text, language, expected):
    assert contracted(text, language) == expected


def test_a_phrase_as_a_heading_loses_its_article():
    assert without_article("le travail des enfants") == "Travail des enfants"
    assert without_article("l'esclavage moderne") == "Esclavage moderne"
    assert without_article("los niños soldados") == "Niños soldados"
