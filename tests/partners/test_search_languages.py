"""The directory's search finds a partner by its text in any of the three languages."""

import pytest

from partners.models import Partner
from partners.search import search_partners
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

LIST = "/partners/"


def _found(value):
    return list(search_partners(Partner.objects.all(), value).values_list("slug", flat=True))


@pytest.fixture
def agency():
    return PartnerFactory(
        name="National Anti-Trafficking Agency",
        slug="agency",
        name_fr="Agence nationale de lutte contre la traite",
        name_es="Agencia Nacional contra la Trata de Personas",
        description_fr="Elle protège les victimes et forme les inspecteurs du travail.",
        description_es="Protege a las víctimas y capacita a los inspectores laborales.",
    )


@pytest.mark.parametrize("prefix", ["", "/fr", "/es"])
def test_a_partner_is_found_by_its_french_name_from_every_page_language(client, agency, prefix):
    html = client.get(f"{prefix}{LIST}", {"q": "lutte contre la traite"}).text

    assert f'href="{prefix}/partners/agency/"' in html


def test_french_words_are_stemmed_by_french_rules_and_accents_do_not_matter(agency):
    assert _found("luttes") == ["agency"]
    assert _found("protege victimes") == ["agency"]
    assert _found("formés inspecteurs") == ["agency"]


def test_spanish_words_are_stemmed_by_spanish_rules(agency):
    assert _found("trata de personas") == ["agency"]
    assert _found("agencias nacionales") == ["agency"]
    assert _found("víctimas inspector") == ["agency"]


def test_a_french_acronym_finds_its_partner_first():
    ilo = PartnerFactory(
        name="International Labour Organization",
        acronym="ILO",
        name_fr="Organisation internationale du Travail",
        acronym_fr="OIT",
    )
    PartnerFactory(name="Oitavo Institute", description="Mentions OIT once.")

    assert _found("OIT")[0] == ilo.slug


def test_a_partner_without_translations_is_still_found_by_its_english_name(agency):
    PartnerFactory(name="Fair Recruitment Alliance", slug="fair")

    assert _found("recruitment") == ["fair"]
    assert _found("anti-trafficking agency") == ["agency"]


def test_a_french_word_in_no_french_text_finds_nothing(agency):
    PartnerFactory(name="Fair Recruitment Alliance")

    assert _found("esclavage") == []


def test_a_typo_in_a_french_or_spanish_name_is_corrected_as_in_an_english_one(agency):
    PartnerFactory(name="Fair Recruitment Alliance", slug="fair")

    assert _found("lutte contre la triate") == ["agency"]
    assert _found("agencia nacinal") == ["agency"]
    assert _found("recruitmnet") == ["fair"]


def test_the_words_of_a_french_name_are_kept_for_typos_as_it_is_edited(agency):
    agency.name_fr = "Office national de protection"
    agency.save()

    assert _found("protecton nationale") == ["agency"]
    assert _found("lutte contre la triate") == []
