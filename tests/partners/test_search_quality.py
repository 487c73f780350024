"""What people type into the directory's search, and the partner that must come first.

Against the real seed (the partners of the progress report, `load_alliance87`), a few partners
with accents and countries the seed lacks, and a few hundred demo partners as noise, loaded once
for the module.
"""

import pytest
from django.core.management import call_command
from django.db import transaction

from partners.models import Partner
from partners.search import search_partners
from tests.factories import PartnerFactory

DEMO_PARTNERS = 300

# Partners the seed lacks, for accents, other names of countries and British spellings.
EXTRA = [
    {"name": "Fundación Renacer, Bogotá", "country": "CO", "description": "Child protection."},
    {"name": "Government of Niger", "country": "NE"},
    {"name": "Government of Côte d'Ivoire", "country": "CI"},
    {"name": "Government of Türkiye", "country": "TR"},
    {"name": "Centre for Children's Rights Programmes", "country": "KE"},
    {"name": "Blue Dragon Children's Foundation", "country": "VN", "description": "Hanoi."},
]


@pytest.fixture(scope="module")
def directory(django_db_setup, django_db_blocker):
    """The seed, EXTRA and the demo partners, in a transaction rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_alliance87", verbosity=0)
        call_command("generate_demo_data", partners=DEMO_PARTNERS, seed=87, verbosity=0)
        for fields in EXTRA:
            PartnerFactory(**fields)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def found(directory, db):
    def found(value: str) -> list[str]:
        return [p.name for p in search_partners(Partner.objects.all(), value)]

    return found


ILO = "International Labour Organization"
IOM = "International Organization for Migration"
OECD = "Organisation for Economic Co-operation and Development"
OSCE = "Organization for Security and Cooperation in Europe"
OHCHR = "Office of the United Nations High Commissioner for Human Rights"

FIRST = [
    # The README's example, and the ILO's name as the British write it.
    ("labour organisaton", ILO),
    ("International Labour Organisation", ILO),
    ("international labor organization", ILO),
    ("ILO", ILO),
    ("ilo", ILO),
    # Abbreviations both ways.
    ("united nations university", "UN University"),
    ("UN University", "UN University"),
    ("UNICEF", "UNICEF"),
    ("united nations children's fund", "UNICEF"),
    ("IOM", IOM),
    ("international organisation for migration", IOM),
    ("OHCHR", OHCHR),
    ("UN high commissioner for human rights", OHCHR),
    ("OECD", OECD),
    ("organization for economic cooperation and development", OECD),
    ("OSCE", OSCE),
    ("organisation for security and co-operation in europe", OSCE),
    ("SAARC", "South Asian Association for Regional Cooperation"),
    ("AU", "African Union"),
    # Typos in one- and two-word queries.
    ("unicf", "UNICEF"),
    ("Internatonal Organisation for Migraton", IOM),
    ("goverment of nigeria", "Government of Nigeria"),
    ("goverment of niger", "Government of Niger"),
    ("knowledge platfrom", "Delta 8.7 Knowledge Platform"),
    ("bali proces", "Bali Process"),
    ("Bali Process", "Bali Process"),
    # Countries and their other names.
    ("Viet Nam", "Government of Viet Nam"),
    ("Vietnam", "Government of Viet Nam"),
    ("government of vietnam", "Government of Viet Nam"),
    ("Holland", "Government of the Netherlands"),
    ("UK government", "Government of the United Kingdom"),
    ("Britain", "Government of the United Kingdom"),
    ("USA", "Government of the United States"),
    ("Turkey", "Government of Türkiye"),
    ("Ivory Coast", "Government of Côte d'Ivoire"),
    ("cote d'ivoire", "Government of Côte d'Ivoire"),
    ("sri lanka", "Government of Sri Lanka"),
    # Accents, word order, hyphens, British and American spellings.
    ("Bogota", "Fundación Renacer, Bogotá"),
    ("fundacion renacer", "Fundación Renacer, Bogotá"),
    ("netherlands government", "Government of the Netherlands"),
    ("forced labour business network ILO", "ILO business network on forced labour"),
    ("center for childrens rights programs", "Centre for Children's Rights Programmes"),
    ("children s rights centre", "Centre for Children's Rights Programmes"),
    (
        "latin america caribbean",
        "Regional Initiative: Latin America and the Caribbean Free of Child Labour",
    ),
    ("global compact", "UN Global Compact"),
    ("G20", "G20"),
]


@pytest.mark.parametrize(("typed", "first"), [pytest.param(*case, id=case[0]) for case in FIRST])
def test_what_people_type_finds_the_partner_they_mean_first(found, typed, first):
    results = found(typed)

    assert results, f"{typed!r} found nothing"
    assert results[0] == first, results[:5]


def test_a_name_match_ranks_above_a_description_match(found):
    # "Knowledge Platform" is the name of Delta 8.7 and a phrase of UN University's description.
    results = found("knowledge platform")

    assert results[:2] == ["Delta 8.7 Knowledge Platform", "UN University"]


def test_a_partner_of_a_country_is_found_by_the_country_name_after_the_named_ones(found):
    results = found("Vietnam")

    assert results[0] == "Government of Viet Nam"
    assert "Blue Dragon Children's Foundation" in results


@pytest.mark.parametrize("typed", ["zyxwvut", "qwxz plorb", "xkcdzz"])
def test_a_nonsense_word_finds_nothing(found, typed):
    assert found(typed) == []


def test_a_word_of_the_description_alone_finds_the_partner(found):
    assert found("child protection") == ["Fundación Renacer, Bogotá"]
