import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    ActionGroupFactory,
    MembershipFactory,
    PartnerFactory,
    SeatTermFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("partners:partner_list")


def facet(response, name):
    facets = {facet.name: facet for facet in response.context["facets"]}
    return {option.value: option.count for option in facets[name].options}


def queries(client, data):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(LIST, data)
    assert response.status_code == 200
    return len(captured)


def test_a_repeated_directory_query_takes_its_facets_and_total_from_the_cache(client):
    PartnerFactory.create_batch(3, category="government")
    data = {"category": "government", "per_page": "50"}

    first = queries(client, data)
    again = queries(client, {**data, "page": "1", "ordering": "name"})

    # The page's and the facets' data versions, then the page: no facet aggregate, no COUNT.
    assert again == 3 < first


def test_facet_counts_follow_a_partner_that_changes_category(client):
    partner = PartnerFactory(category="government")
    assert facet(client.get(LIST), "category")["government"] == 1

    partner.category = "academic"
    partner.save()
    response = client.get(LIST)

    assert facet(response, "category")["government"] == 0
    assert facet(response, "category")["academic"] == 1


def test_facet_counts_and_total_follow_a_deleted_partner(client):
    kept, deleted = PartnerFactory.create_batch(2, category="workers")
    assert client.get(LIST).context["page_obj"].paginator.count == 2

    deleted.delete()
    response = client.get(LIST)

    assert response.context["page_obj"].paginator.count == 1
    assert facet(response, "category")["workers"] == 1
    assert [p.name for p in response.context["partners"]] == [kept.name]


def test_facet_counts_follow_a_new_membership_and_seat_term(client):
    group = ActionGroupFactory(slug="supply-chains")
    partner = PartnerFactory()
    response = client.get(LIST)
    assert facet(response, "action_group") == {"supply-chains": 0}
    assert facet(response, "gcg_seat_holder") == {"true": 0, "false": 1}

    MembershipFactory(group=group, partner=partner)
    SeatTermFactory(partner=partner, start_date=None, end_date=None)
    response = client.get(LIST)

    assert facet(response, "action_group") == {"supply-chains": 1}
    assert facet(response, "gcg_seat_holder") == {"true": 1, "false": 0}


def test_the_cached_facets_are_kept_apart_by_language(client):
    PartnerFactory(country="CH")
    client.get(LIST)

    response = client.get("/fr" + LIST)

    facets = {facet.name: facet for facet in response.context["facets"]}
    assert [option.label for option in facets["country"].options] == ["Suisse"]


def test_seat_holder_filter_and_facet_agree(client):
    holder = PartnerFactory(name="Holder")
    PartnerFactory(name="Other")
    SeatTermFactory(partner=holder, start_date=None, end_date=None)

    holds = client.get(LIST, {"gcg_seat_holder": "true"})
    holds_not = client.get(LIST, {"gcg_seat_holder": "false"})

    assert [p.name for p in holds.context["partners"]] == ["Holder"]
    assert [p.name for p in holds_not.context["partners"]] == ["Other"]
    assert facet(holds, "gcg_seat_holder") == {"true": 1, "false": 1}


def test_facets_of_a_search_count_only_the_partners_it_matches(client):
    PartnerFactory(name="Ministry of Labour, Ghana", category="government", country="GH")
    PartnerFactory(name="Ministry of Labour, Kenya", category="government", country="KE")
    PartnerFactory(name="Cocoa Growers Union", category="workers", country="GH")

    response = client.get(LIST, {"q": "Ministri", "country": "GH"})

    assert response.context["page_obj"].paginator.count == 1
    assert facet(response, "country") == {"GH": 1, "KE": 1}
    assert facet(response, "category")["government"] == 1
    assert facet(response, "category")["workers"] == 0


def test_a_search_that_matches_nothing_counts_zero_everywhere(client):
    PartnerFactory(category="government")

    response = client.get(LIST, {"q": "Zyxwvut"})

    assert response.context["page_obj"].paginator.count == 0
    assert facet(response, "category")["government"] == 0
    assert facet(response, "gcg_seat_holder") == {"true": 0, "false": 0}
