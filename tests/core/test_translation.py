"""A record's text in the active language, English where it has none."""

import pytest
from django.template import Context, Template
from django.utils import translation

from core.translation import localized, localized_text
from partners.models import Partner


def _partner(**text):
    return Partner(name="Walk Free", description="Ends slavery.", **text)


def _render(source: str, **context) -> str:
    return Template("{% load translated %}" + source).render(Context(context))


def test_a_text_is_given_in_the_active_language_or_in_english():
    partner = _partner(name_fr="Marche libre")

    with translation.override("fr"):
        assert localized(partner, "name") == ("Marche libre", "fr")
        assert localized(partner, "description") == ("Ends slavery.", "en")
    with translation.override("es"):
        assert localized(partner, "name") == ("Walk Free", "en")
    assert localized_text(partner, "name", "fr") == "Marche libre"


def test_an_unknown_or_regional_language_reads_its_base_language_or_english():
    partner = _partner(name_es="Camina Libre")

    with translation.override("es-ar"):
        assert localized_text(partner, "name") == "Camina Libre"
    with translation.override("de"):
        assert localized_text(partner, "name") == "Walk Free"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Walk Free"),
        ("fr", "Marche &lt;libre&gt;"),
        ("es", '<span lang="en">Walk Free</span>'),
    ],
)
def test_tr_marks_english_shown_on_another_language_page_and_escapes(language, expected):
    partner = _partner(name_fr="Marche <libre>")

    with translation.override(language):
        assert _render('{{ partner|tr:"name" }}', partner=partner) == expected


def test_tr_lang_marks_the_element_of_a_block_that_falls_back_to_english():
    partner = _partner(description_es="Acaba con la esclavitud.")

    with translation.override("fr"):
        assert _render('<p{{ p|tr_lang:"description" }}>', p=partner) == '<p lang="en">'
    with translation.override("es"):
        assert _render('<p{{ p|tr_lang:"description" }}>', p=partner) == "<p>"


def test_the_filters_show_nothing_for_a_missing_record():
    assert (
        _render('[{{ none|tr:"name" }}{{ none|tr_text:"name" }}{{ none|tr_lang:"name" }}]') == "[]"
    )
