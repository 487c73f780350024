import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partners.models import Category, Theme
from tests.factories import (
    ActionGroupFactory,
    MembershipFactory,
    PartnerFactory,
    SeatTermFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("partners:partner_list")
EXPORT = reverse("partners:partner_export")


def names(response):
    return [partner.name for partner in response.context["partners"]]


def facet(response, name):
    facets = {facet.name: facet for facet in response.context["facets"]}
    return {option.value: option.count for option in facets[name].options}


def csv_rows(response):
    content = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(content)))


def test_directory_lists_partners_with_their_category_and_country(client):
    PartnerFactory(name="Ministry of Labour of Ghana", country="GH", category=Category.GOVERNMENT)

    response = client.get(LIST)

    assert response.status_code == 200
    assert "Ministry of Labour of Ghana" in response.text
    assert "Government" in response.text
    assert "Ghana" in response.text
    assert "<title>Partners – Alliance 8.7</title>" in response.text


def test_search_tolerates_a_typo_in_a_name(client):
    PartnerFactory(name="International Organization for Migration", acronym="IOM")
    PartnerFactory(name="Walk Free")

    response = client.get(LIST, {"q": "Internatonal Organisation for Migraton"})

    assert names(response) == ["International Organization for Migration"]


def test_search_corrects_a_typo_in_a_name_word_and_its_facets_count_the_same_partners(client):
    PartnerFactory(name="International Labour Organization", acronym="ILO", country="CH")
    PartnerFactory(name="Labour Inspection Network", country="GH")
    PartnerFactory(name="Walk Free", country="AU")

    response = client.get(LIST, {"q": "labour organisaton"})

    assert names(response) == ["International Labour Organization"]
    assert response.context["page_obj"].paginator.count == 1
    assert facet(response, "country") == {"CH": 1}
    assert facet(response, "category")["government"] == 1


def test_search_finds_a_word_found_only_in_descriptions(client):
    PartnerFactory(name="Walk Free", description="Measures modern slavery around the world.")
    PartnerFactory(name="Freedom Fund", description="Funds frontline organisations.")

    response = client.get(LIST, {"q": "frontline"})

    assert names(response) == ["Freedom Fund"]
    assert facet(response, "category")["government"] == 1


def test_search_with_quotes_operators_or_a_nul_is_answered(client):
    PartnerFactory(name="Forced Labour Observatory")

    for value in ['"forced labour', "labour:* & !(", "forced\x00labour"]:
        response = client.get(LIST, {"q": value})

        assert response.status_code == 200, value


def test_category_facet_counts_ignore_the_category_filter_but_apply_the_others(client):
    PartnerFactory.create_batch(3, category=Category.GOVERNMENT, country="GH")
    PartnerFactory.create_batch(2, category=Category.CIVIL_SOCIETY, country="GH")
    PartnerFactory(category=Category.CIVIL_SOCIETY, country="NP")

    response = client.get(LIST, {"category": "government", "country": "GH"})

    assert len(names(response)) == 3
    assert facet(response, "category")["government"] == 3
    assert facet(response, "category")["civil_society"] == 2
    assert facet(response, "country") == {"GH": 3}
    assert facet(response, "status")["active"] == 3


def test_region_and_theme_facets_count_partners(client):
    PartnerFactory(country="GH", themes=[Theme.CHILD_LABOUR])
    PartnerFactory(country="NG", themes=[Theme.CHILD_LABOUR, Theme.FORCED_LABOUR])
    PartnerFactory(country="NP", themes=[Theme.FORCED_MARRIAGE])

    response = client.get(LIST, {"region": "africa"})

    assert len(names(response)) == 2
    assert facet(response, "region") == {"africa": 2, "asia": 1}
    assert facet(response, "theme")["child_labour"] == 2
    assert facet(response, "theme")["forced_labour"] == 1
    assert facet(response, "theme")["forced_marriage"] == 0


def test_action_group_and_seat_holder_facets_count_current_members_and_holders(client):
    group = ActionGroupFactory(name="Supply Chains", slug="supply-chains")
    member, holder, _other = PartnerFactory.create_batch(3)
    MembershipFactory(group=group, partner=member)
    MembershipFactory(group=group, partner=holder, end_date=datetime.date(2019, 1, 1))
    SeatTermFactory(partner=holder, end_date=None)

    response = client.get(LIST)

    assert facet(response, "action_group") == {"supply-chains": 1}
    assert facet(response, "gcg_seat_holder") == {"true": 1, "false": 2}

    response = client.get(LIST, {"action_group": "supply-chains", "gcg_seat_holder": "false"})

    assert names(response) == [member.name]


def test_newest_joined_first_puts_unknown_join_dates_last(client):
    PartnerFactory(name="Unknown", joined_on=None)
    PartnerFactory(name="Old", joined_on=datetime.date(2016, 9, 1))
    PartnerFactory(name="New", joined_on=datetime.date(2020, 1, 1))

    response = client.get(LIST, {"ordering": "-joined"})

    assert names(response) == ["New", "Old", "Unknown"]


def test_directory_sorts_by_country_then_name(client):
    PartnerFactory(name="B", country="NP")
    PartnerFactory(name="A", country="NP")
    PartnerFactory(name="C", country="GH")

    response = client.get(LIST, {"ordering": "country"})

    assert names(response) == ["C", "A", "B"]


def test_pages_hold_the_chosen_number_and_links_keep_the_filters(client):
    PartnerFactory.create_batch(12, category=Category.ACADEMIC)
    PartnerFactory(category=Category.GOVERNMENT)

    response = client.get(LIST, {"category": "academic", "per_page": "10"})

    assert len(names(response)) == 10
    assert response.context["page_obj"].paginator.count == 12
    assert "?category=academic&amp;per_page=10&amp;page=2" in response.text

    response = client.get(LIST, {"category": "academic", "per_page": "10", "page": "2"})

    assert len(names(response)) == 2


def test_an_unknown_page_size_falls_back_to_the_default(client):
    PartnerFactory.create_batch(30)

    response = client.get(LIST, {"per_page": "1000"})

    assert len(names(response)) == 25


def test_an_empty_result_says_so_and_offers_to_clear_the_filters(client):
    PartnerFactory(category=Category.GOVERNMENT)

    response = client.get(LIST, {"category": "academic"})

    assert names(response) == []
    assert "No partner matches these filters." in response.text
    assert "Clear all filters" in response.text


def test_a_bad_filter_value_shows_the_error_not_a_server_error(client):
    PartnerFactory(name="Still listed")

    response = client.get(LIST, {"country": "XX", "joined_after": "yesterday", "page": "x"})

    assert response.status_code == 200
    assert "Some filters could not be applied" in response.text
    assert "Select a valid choice" in response.text
    assert names(response) == ["Still listed"]


def test_descriptions_are_escaped_in_the_directory(client):
    PartnerFactory(name="<b>Bold</b> Org", description="<script>alert(1)</script> helps")

    response = client.get(LIST)

    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "&lt;b&gt;Bold&lt;/b&gt; Org" in response.text


def test_csv_holds_every_partner_of_the_filtered_result_not_only_the_page(client):
    PartnerFactory.create_batch(30, category=Category.ACADEMIC)
    PartnerFactory(name="Not academic", category=Category.GOVERNMENT)

    response = client.get(EXPORT, {"category": "academic", "per_page": "10", "page": "2"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0][0] == "Name"
    assert len(rows) == 31
    assert "Not academic" not in {row[0] for row in rows}


def test_csv_follows_the_chosen_order_and_defuses_formulas(client):
    PartnerFactory(name="=HYPERLINK(1)", joined_on=datetime.date(2016, 1, 1))
    PartnerFactory(name="Newest", joined_on=datetime.date(2021, 1, 1))

    rows = csv_rows(client.get(EXPORT, {"ordering": "-joined"}))

    assert [row[0] for row in rows[1:]] == ["Newest", "'=HYPERLINK(1)"]


def test_the_directory_page_links_to_the_csv_of_the_same_filters(client):
    response = client.get(LIST, {"category": "academic", "page": "1"})

    assert f'href="{EXPORT}?category=academic"' in response.text


def test_directory_runs_the_same_number_of_queries_for_5_and_200_partners(client):
    group = ActionGroupFactory()

    def make(count):
        for partner in PartnerFactory.create_batch(count):
            MembershipFactory(group=group, partner=partner)
            SeatTermFactory(partner=partner, end_date=None)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(
                LIST, {"q": "Ministry", "per_page": "50", "theme": "child_labour"}
            )
        assert response.status_code == 200
        return len(captured)

    make(5)
    few = queries()
    make(195)
    assert queries() == few


def test_directory_is_served_in_french_with_french_country_names(client):
    PartnerFactory(country="CH")

    response = client.get("/fr/partners/")

    assert response.status_code == 200
    assert '<html lang="fr">' in response.text
    assert "Suisse" in response.text
