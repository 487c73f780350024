import pytest

from partners.models import Partner
from partners.search import search_partners
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def found(value):
    return [partner.name for partner in search_partners(Partner.objects.all(), value)]


@pytest.fixture
def ilo(db):
    PartnerFactory(name="Walk Free", acronym="WF", description="Works on modern slavery.")
    return PartnerFactory(
        name="International Labour Organization",
        acronym="ILO",
        description="The UN agency for the world of work.",
    )


def test_search_corrects_a_typo_in_a_name_word(ilo):
    assert found("labour organisaton") == ["International Labour Organization"]
    assert found("Internatonal") == ["International Labour Organization"]


def test_search_corrects_two_neighbour_letters_swapped_in_a_short_word(ilo):
    assert found("Laobur") == ["International Labour Organization"]


def test_search_finds_a_word_found_only_in_a_description(ilo):
    assert found("agency") == ["International Labour Organization"]
    assert found("slavery") == ["Walk Free"]


def test_search_finds_some_words_of_a_name_and_an_acronym(ilo):
    assert found("Labour Organization") == ["International Labour Organization"]
    assert found("ilo") == ["International Labour Organization"]


def test_search_ranks_a_word_in_the_name_above_the_same_word_in_a_description():
    PartnerFactory(name="Anti-Slavery Fund", description="Funds work against forced labour.")
    PartnerFactory(name="Forced Labour Observatory", description="Research.")

    assert found("forced labour") == ["Forced Labour Observatory", "Anti-Slavery Fund"]


def test_search_leaves_out_partners_that_match_only_one_of_two_words(ilo):
    PartnerFactory(name="Labour Inspection Network", description="Inspectors.")

    assert found("labour organization") == ["International Labour Organization"]


@pytest.mark.parametrize(
    "value",
    [
        '"child labour',
        "labour:*",
        "labour & | ! (",
        "' OR 1=1 --",
        "<-> <2> :A",
        "\\",
        "labour\x00organisation",
        "ümlaut çedilla ñ",
        "x" * 3000,
    ],
)
def test_punctuation_quotes_and_operators_in_a_search_do_not_fail(ilo, value):
    results = found(value)

    assert set(results) <= {"International Labour Organization"}


def test_a_search_made_only_of_a_nul_and_blanks_is_no_search(ilo):
    assert len(found(" \x00 ")) == 2


def test_a_search_follows_a_renamed_partner_at_once(ilo):
    assert found("Mekong Fishers") == []

    partner = Partner.objects.get(name="Walk Free")
    partner.name = "Mekong Fishers Network"
    partner.save()

    # A typo in a word no name used before the rename: the table of names' words follows writes.
    assert found("Mekng Fishers") == ["Mekong Fishers Network"]
