"""Every user-facing text field of every record can hold English, French and Spanish."""

import pytest
from django.apps import apps
from django.db import models

from core.translation import OTHER_LANGUAGES, column, translated_fields

APPS = {"core", "partners", "governance", "action_groups", "pathfinders", "portal"}

# Text that is not translated, and why.
UNTRANSLATED = {
    # A citation of where a record's facts come from: the source's own words.
    ("*", "source"): "citation",
    ("core.ApiToken", "name"): "staff's label of a token",
    ("core.ApiToken", "key_prefix"): "secret",
    ("core.ApiToken", "key_hash"): "secret",
    ("core.RowCount", "table_name"): "internal",
    ("core.ColumnWrite", "table_name"): "internal",
    ("core.ColumnWrite", "column_name"): "internal",
    ("partners.PartnerIdentifier", "scheme"): "a code",
    ("partners.PartnerIdentifier", "identifier"): "a code",
    ("partners.PartnerTally", "theme"): "internal",
    ("partners.PartnerMargin", "dimension"): "internal",
    ("partners.PartnerMargin", "value"): "internal",
    ("pathfinders.PathfinderSettings", "delta87_country_url"): "an address pattern",
    ("portal.SecretariatContact", "phone"): "a number",
    # An application is the applicant's own words, in the language it names.
    **{
        ("partners.PartnershipApplication", name): "the applicant's words"
        for name in (
            "organisation_name",
            "acronym",
            "description",
            "contact_name",
            "contact_phone",
            "motivation",
            "decision_reason",
        )
    },
}


def _records():
    for model in apps.get_models():
        # pghistory's event models copy their record's columns, translations included.
        history = model._meta.app_label == "pghistory" or hasattr(model, "pgh_obj")
        if model._meta.app_label in APPS and not history:
            yield model


def _texts(model):
    """The model's own free-text fields: not choices, codes, addresses or another's translation."""
    names = {field.name for field in model._meta.concrete_fields}
    for field in model._meta.concrete_fields:
        if not isinstance(field, (models.CharField, models.TextField)) or field.choices:
            continue
        if isinstance(field, (models.SlugField, models.URLField, models.EmailField)):
            continue
        if any(
            field.name.endswith(f"_{language}") and field.name[: -len(language) - 1] in names
            for language in OTHER_LANGUAGES
        ):
            continue
        yield field


CASES = [(model, field) for model in _records() for field in _texts(model)]


@pytest.mark.parametrize(
    ("model", "field"), CASES, ids=[f"{m._meta.label}.{f.name}" for m, f in CASES]
)
def test_every_user_facing_text_field_has_a_column_per_language_or_a_reason_not_to(model, field):
    if (model._meta.label, field.name) in UNTRANSLATED or ("*", field.name) in UNTRANSLATED:
        assert field.name not in translated_fields(model)
        return

    assert field.name in translated_fields(model), (
        f"{model._meta.label}.{field.name} has no French and Spanish columns: declare "
        f"`{field.name}_fr, {field.name}_es = translations({field.name})`, or list it in "
        "UNTRANSLATED with the reason"
    )


@pytest.mark.parametrize(
    ("model", "field"),
    [(m, f) for m in _records() for f in translated_fields(m)],
    ids=lambda value: getattr(value, "__name__", value),
)
def test_a_translation_is_optional_and_of_the_same_kind_as_the_english(model, field):
    english = model._meta.get_field(field)
    for language in OTHER_LANGUAGES:
        other = model._meta.get_field(column(field, language))

        assert type(other) is type(english)
        assert other.blank and not other.unique and not other.null
        assert getattr(other, "max_length", None) == getattr(english, "max_length", None)


def test_the_history_keeps_every_language_of_a_partner():
    event_model = apps.get_model("partners", "PartnerEvent")

    names = {field.name for field in event_model._meta.concrete_fields}

    assert {"name", "name_fr", "name_es", "description_fr", "description_es"} <= names
