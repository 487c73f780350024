"""Label tables follow the active language, each language its own, and escape on demand."""

from django.utils.translation import override

from core.labels import choice_labels, country_names
from partners.models import Category
from partners.regions import Region


def test_choice_labels_are_those_of_the_active_language_each_time_it_changes():
    with override("fr"):
        assert choice_labels(Category)["government"] == "Gouvernement"
    with override("en"):
        assert choice_labels(Category)["government"] == "Government"
    with override("es"):
        assert choice_labels(Category)["government"] == "Gobierno"
    with override("fr"):
        assert choice_labels(Region)["africa"] == "Afrique"


def test_country_names_come_translated_and_sorted_in_the_active_language():
    with override("fr"):
        names = country_names()
        assert names["DE"] == "Allemagne"
        assert list(names.values()).index("Allemagne") < list(names.values()).index("Espagne")
    with override("en"):
        names = country_names()
        assert names["DE"] == "Germany"
        assert list(names.values()).index("Germany") > list(names.values()).index("France")


def test_labels_asked_for_html_are_escaped_and_plain_ones_are_not():
    with override("en"):
        assert choice_labels(Category)["workers"] == "Workers' organization"
        assert choice_labels(Category, html=True)["workers"] == "Workers&#x27; organization"
