"""The partner directory and its CSV, the cached facets, and the join form."""

import csv
import datetime
import io
import re

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.testing.pages import PublicPageTests
from partners import facets
from partners.models import (
    ApplicationStatus,
    Category,
    Partner,
    PartnerMargin,
    PartnershipApplication,
    PartnerStatus,
    Relation,
    Theme,
)
from tests.factories import (
    ActionGroupFactory,
    MembershipFactory,
    PartnerFactory,
    SeatTermFactory,
)

# ---------------------------------------------------------------- the directory


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


def test_the_relation_facet_counts_partners_development_partners_and_collaborators(client):
    PartnerFactory(name="Walk Free")
    PartnerFactory(name="Government of France", relations=[Relation.DEVELOPMENT_PARTNER])
    PartnerFactory(
        name="Government of Germany", relations=[Relation.PARTNER, Relation.DEVELOPMENT_PARTNER]
    )
    PartnerFactory(name="Bali Process", relations=[Relation.COLLABORATING])

    response = client.get(LIST, {"relation": "development_partner"})

    assert names(response) == ["Government of France", "Government of Germany"]
    assert facet(response, "relation") == {
        "partner": 2,
        "development_partner": 2,
        "collaborating": 1,
    }
    assert "Relation to the Alliance" in response.text
    assert "Collaborating organisation" in response.text


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


def test_the_unfiltered_counts_are_those_of_the_day_they_are_read(client, monkeypatch):
    from django.utils import timezone

    group = ActionGroupFactory(slug="supply-chains")
    today = timezone.localdate()
    ending = today + datetime.timedelta(days=1)
    MembershipFactory(group=group, end_date=ending)
    SeatTermFactory(end_date=ending)
    assert facet(client.get(LIST), "action_group") == {"supply-chains": 1}

    # The next day the membership and the term have ended: the counts' SQL is that day's.
    monkeypatch.setattr(timezone, "localdate", lambda *args: ending)
    response = client.get(LIST, {"per_page": "50"})

    assert facet(response, "action_group") == {"supply-chains": 0}
    assert facet(response, "gcg_seat_holder")["true"] == 0


@pytest.mark.parametrize("gathered", [0, 1_000], ids=["looked-up-one-by-one", "gathered"])
def test_action_group_counts_of_a_filtered_directory_count_its_current_members_once(
    client, monkeypatch, gathered
):
    """However the selected partners are matched to the memberships (their ids gathered, or each
    membership looking its partner up), a current member counts once, a past one not at all."""
    monkeypatch.setattr(facets, "GATHERED_MEMBERS", gathered)
    group = ActionGroupFactory(slug="migration")
    academic, other_academic, government = (
        PartnerFactory(category=Category.ACADEMIC),
        PartnerFactory(category=Category.ACADEMIC),
        PartnerFactory(category=Category.GOVERNMENT),
    )
    MembershipFactory(group=group, partner=academic, end_date=datetime.date(2019, 1, 1))
    MembershipFactory(group=group, partner=academic, start_date=datetime.date(2019, 1, 1))
    MembershipFactory(group=group, partner=other_academic, end_date=datetime.date(2020, 1, 1))
    MembershipFactory(group=group, partner=government)

    academics = client.get(LIST, {"category": "academic"})
    searched = client.get(LIST, {"q": government.name})

    assert facet(academics, "action_group") == {"migration": 1}
    assert facet(searched, "action_group") == {"migration": 1}


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
        cache.clear()  # the page's own queries, not a stale copy's check before them
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


def test_a_search_reads_its_corrections_once_for_the_facets_the_total_and_the_page(client):
    PartnerFactory(name="International Labour Organization")

    def statements(data):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST, data).status_code == 200
        return [query["sql"] for query in captured.captured_queries]

    statements({"q": "labour organisaton"})  # the first rendering reads the versions after
    searched = statements({"q": "labour organisaton", "region": "europe"})

    assert sum("partners_search_words(" in sql and "acronyms AS" in sql for sql in searched) == 1


def test_directory_is_served_in_french_with_french_country_names(client):
    PartnerFactory(country="CH")

    response = client.get("/fr/partners/")

    assert response.status_code == 200
    assert '<html lang="fr">' in response.text
    assert "Suisse" in response.text


# ---------------------------------------------------------------- facets from the tally


def queries(client, data):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(LIST, data)
    assert response.status_code == 200
    return captured


def tally_matches_the_partners():
    """Every cell of the tally against a GROUP BY over the partners themselves."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT category, status, country, relations, theme, count(*) FROM partners_partner, "
            "LATERAL (SELECT DISTINCT unnest(themes || '{*}'::varchar[])) t(theme) "
            "GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"
        )
        expected = cursor.fetchall()
        cursor.execute(
            "SELECT category, status, country, relations, theme, n FROM partners_partnertally "
            "ORDER BY 1, 2, 3, 4, 5"
        )
        assert cursor.fetchall() == expected
    margins_match_the_partners()


def margins_match_the_partners():
    """Every margin against a count over the partners themselves, column by column."""
    expected = {("*", "*"): Partner.objects.count()}
    for partner in Partner.objects.all():
        for column in ("category", "status", "country"):
            key = (
                column,
                getattr(partner, column).code if column == "country" else getattr(partner, column),
            )
            expected[key] = expected.get(key, 0) + 1
        for column in ("relations", "themes"):
            for value in set(getattr(partner, column)):
                expected[(column, value)] = expected.get((column, value), 0) + 1
    expected = {key: n for key, n in expected.items() if n}
    kept = {(m.dimension, m.value): m.n for m in PartnerMargin.objects.all()}
    assert kept == expected


def test_the_unfiltered_directory_counts_its_facets_without_reading_the_partners(client):
    PartnerFactory.create_batch(3, category="government", themes=["child_labour"])

    # The shared copy's versions name the tables it reads, the tally among them.
    captured = [q for q in queries(client, {"per_page": "50"}) if "core_" not in q["sql"]]

    facet_queries = [q["sql"] for q in captured if "partners_partnermargin" in q["sql"]]
    assert facet_queries, "the facets come from the margins"
    assert not any("partners_partnertally" in q["sql"] for q in captured)
    assert not any(
        "COUNT(" in q["sql"].upper()
        and 'FROM "partners_partner"' in q["sql"]
        and "seatterm" not in q["sql"]
        for q in captured
    )


def test_the_tally_stays_exact_through_bulk_raw_and_rolled_back_writes(client):
    partners = PartnerFactory.create_batch(4, themes=["child_labour", "forced_labour"])
    tally_matches_the_partners()

    Partner.objects.filter(pk=partners[0].pk).update(category="academic", themes=["modern_slavery"])
    Partner.objects.filter(pk__in=[p.pk for p in partners[1:3]]).update(status="suspended")
    tally_matches_the_partners()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE partners_partner SET relations = '{partner,collaborating}'")
    tally_matches_the_partners()
    try:
        with transaction.atomic():
            Partner.objects.filter(pk=partners[3].pk).delete()
            raise RuntimeError
    except RuntimeError:
        pass
    tally_matches_the_partners()
    Partner.objects.filter(pk=partners[3].pk).delete()
    tally_matches_the_partners()
    assert facet(client.get(LIST), "category")["academic"] == 1


def test_facets_under_a_filter_agree_with_the_partners_they_would_show(client):
    PartnerFactory(category="government", country="GH", themes=["child_labour"])
    PartnerFactory(category="government", country="KE", themes=["forced_labour"])
    PartnerFactory(category="workers", country="GH", themes=["child_labour", "forced_labour"])

    response = client.get(LIST, {"theme": "child_labour"})

    assert response.context["page_obj"].paginator.count == 2
    assert facet(response, "country") == {"GH": 2}
    assert facet(response, "category")["government"] == 1
    assert facet(response, "category")["workers"] == 1
    # The theme facet counts without its own filter.
    assert facet(response, "theme")["forced_labour"] == 2
    both = client.get(LIST, {"theme": ["child_labour", "forced_labour"], "country": "GH"})
    assert both.context["page_obj"].paginator.count == 2
    assert facet(both, "category") == {**facet(both, "category"), "government": 1, "workers": 1}


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


def test_the_facets_are_labelled_in_the_language_of_the_page(client):
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


# ---------------------------------------------------------------- the join form


JOIN = reverse("partners:join")
THANKS = reverse("partners:join_thanks")
SCRIPT = "<script>alert(1)</script>"


def application(**changes):
    data = {
        "organisation_name": "Coalition Against Forced Labour",
        "acronym": "CAFL",
        "category": "civil_society",
        "country": "KE",
        "website": "https://cafl.example.org/",
        "description": "Supports survivors of forced labour.",
        "themes": ["forced_labour", "human_trafficking"],
        "contact_name": "Amina Odhiambo",
        "contact_email": "amina@cafl.example.org",
        "contact_phone": "+254 20 000 0000",
        "motivation": "To align our work with the national road map.",
        "commitment_accepted": "on",
        "homepage": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_join_form_shows_the_commitment_to_accept(client):
    response = client.get(JOIN)

    assert response.status_code == 200
    assert "international human rights standards" in response.text
    assert "applicable international labour standards" in response.text
    assert 'name="commitment_accepted"' in response.text


def test_every_field_of_the_join_form_has_a_label(client):
    html = client.get(JOIN).text

    ids = re.findall(
        r'<(?:input|select|textarea)(?![^>]*type="(?:hidden|submit)")[^>]*\sid="([^"]+)"', html
    )
    labelled = set(re.findall(r'<label for="([^"]+)"', html))
    assert len(ids) >= 14  # the 12 fields with 4 theme boxes and the honeypot, less CSRF
    assert set(ids) - labelled == set()


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client):
    html = client.get(JOIN).text

    trap = re.search(r'<div class="visually-hidden" aria-hidden="true">(.*?)</div>', html, re.S)
    assert trap and 'name="homepage"' in trap.group(1)
    assert re.search(r'<input[^>]*name="homepage"[^>]*tabindex="-1"', trap.group(1))
    assert 'autocomplete="off"' in trap.group(1)


def test_a_complete_application_lands_in_the_review_queue(client):
    response = client.post(JOIN, application())

    assert response.status_code == 302
    assert response["Location"] == THANKS
    saved = PartnershipApplication.objects.get()
    assert saved.status == ApplicationStatus.SUBMITTED
    assert saved.commitment_accepted is True
    assert saved.themes == ["forced_labour", "human_trafficking"]
    assert client.get(THANKS).status_code == 200


def test_the_commitment_must_be_accepted(client):
    response = client.post(JOIN, application(commitment_accepted=None))

    assert response.status_code == 200
    assert "Partners must accept this commitment to join." in response.text
    assert 'aria-invalid="true"' in response.text
    assert not PartnershipApplication.objects.exists()


def test_errors_are_shown_beside_each_field_and_the_answers_kept(client):
    response = client.post(
        JOIN, application(contact_email="not-an-email", organisation_name="", category="spam")
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"contact_email", "organisation_name", "category"}
    assert 'id="id_contact_email_error"' in response.text
    assert 'value="not-an-email"' in response.text
    assert "To align our work with the national road map." in response.text
    assert not PartnershipApplication.objects.exists()


def test_a_filled_honeypot_answers_like_success_but_saves_nothing(client):
    response = client.post(JOIN, application(homepage="http://spam.example/"))

    assert response.status_code == 302
    assert response["Location"] == THANKS
    assert not PartnershipApplication.objects.exists()


def test_the_sixth_application_in_an_hour_from_one_address_is_refused_with_its_answers_kept(
    client,
):
    for n in range(5):
        assert client.post(JOIN, application(organisation_name=f"Org {n}")).status_code == 302

    response = client.post(JOIN, application(organisation_name="Genuine sixth"))

    assert response.status_code == 429
    assert "Your application has not been sent yet." in response.text
    assert 'value="Genuine sixth"' in response.text
    assert "amina@cafl.example.org" in response.text
    assert PartnershipApplication.objects.count() == 5


def test_the_rate_limit_is_per_address(client):
    for n in range(5):
        client.post(JOIN, application(organisation_name=f"Org {n}"))

    response = client.post(
        JOIN, application(organisation_name="Elsewhere"), REMOTE_ADDR="192.0.2.10"
    )

    assert response.status_code == 302
    assert PartnershipApplication.objects.count() == 6


def test_invalid_attempts_do_not_use_up_the_rate_limit(client):
    for _ in range(6):
        client.post(JOIN, application(commitment_accepted=None))

    assert client.post(JOIN, application()).status_code == 302


def test_script_in_every_field_is_escaped_on_the_form_and_in_the_admin(client, admin_client):
    hostile = application(
        organisation_name=SCRIPT,
        acronym=SCRIPT[:30],
        description=SCRIPT,
        contact_name=SCRIPT,
        contact_phone=SCRIPT[:50],
        motivation=SCRIPT,
    )
    # Invalid on purpose first: the form comes back with every answer in it.
    rejected = client.post(JOIN, {**hostile, "website": SCRIPT, "contact_email": SCRIPT})
    assert rejected.status_code == 200
    assert SCRIPT not in rejected.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rejected.text

    assert client.post(JOIN, hostile).status_code == 302
    saved = PartnershipApplication.objects.get()
    assert saved.organisation_name == SCRIPT

    changelist = admin_client.get(reverse("admin:partners_partnershipapplication_changelist"))
    change = admin_client.get(
        reverse("admin:partners_partnershipapplication_change", args=[saved.pk])
    )
    for page in (changelist, change):
        assert page.status_code == 200
        assert SCRIPT not in page.text
        assert "&lt;script&gt;" in page.text


# ---------------------------------------------------------------- the suite of every public page


class TestPartnerDirectory(PublicPageTests):
    path = LIST
    factory = PartnerFactory
    text_field = "description"


def test_the_export_is_limited_per_client_whatever_it_forwards(client):
    from partners.views import EXPORT_LIMIT

    answers = [
        client.get(EXPORT, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(EXPORT_LIMIT.count + 2)
    ]

    assert answers[: EXPORT_LIMIT.count] == [200] * EXPORT_LIMIT.count
    assert answers[EXPORT_LIMIT.count :] == [429, 429]
    assert client.get(EXPORT)["Retry-After"] == str(EXPORT_LIMIT.seconds)


def test_a_repeated_export_is_served_from_a_copy_until_the_partners_change(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    partner = PartnerFactory(name="Walk Free")
    first = b"".join(client.get(EXPORT).streaming_content)

    with CaptureQueriesContext(connection) as queries:
        again = client.get(EXPORT)
    assert again.content == first
    assert len(queries) == 1  # the data version alone

    partner.name = "Walk Free Foundation"
    partner.save()
    renewed = client.get(EXPORT)
    assert b"Walk Free Foundation" in b"".join(renewed.streaming_content)


def test_an_export_that_cannot_read_its_first_rows_is_a_503_not_a_cut_off_200(client, monkeypatch):
    from django.db import OperationalError

    from partners import csv

    def unreachable(partners, request):
        yield "Name\\r\\n"
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(csv, "partner_rows", unreachable)
    client.raise_request_exception = False

    response = client.get(EXPORT)

    assert response.status_code == 503
    assert response["Retry-After"]


def test_a_card_in_french_shows_every_label_in_french_and_a_long_description_cut_at_40_words(
    client,
):
    words = [f"mot{n}" for n in range(45)]
    PartnerFactory(
        name="Ministry of Labour of Ghana",
        name_fr="Ministère du Travail du Ghana",
        acronym="MLG",
        acronym_fr="MTG",
        country="GH",
        themes=[Theme.FORCED_LABOUR],
        status=PartnerStatus.SUSPENDED,
        status_reason="Reporting overdue.",
        description="In English.",
        description_fr=" ".join(words),
    )

    html = client.get("/fr" + LIST).text
    card = html[html.index('<li class="card card--link partner-card">') :]
    card = card[: card.index("</li>", card.index("partner-card__description")) + 200]

    assert 'Ministère du Travail du Ghana</a> <span class="muted">(MTG)</span>' in card
    assert "Gouvernement · Ghana, Afrique" in card
    assert '<span class="badge badge--suspended">Suspendu</span>' in card
    assert '<li class="tag">Travail forcé</li>' in card
    assert " ".join(words[:40]) + " …</p>" in card
    assert "mot40" not in card


def test_a_card_in_spanish_shows_english_text_marked_as_english_where_there_is_no_translation(
    client,
):
    PartnerFactory(
        name="Ministry of Labour of Ghana",
        name_es="Ministerio de Trabajo de Ghana",
        acronym="MLG",
        description="Works on forced labour.",
    )

    html = client.get("/es" + LIST).text
    card = html[html.index('<li class="card card--link partner-card">') :]
    card = card[: card.index("</li>") + 5]

    assert ">Ministerio de Trabajo de Ghana</a>" in card
    assert '<span lang="en">MLG</span>' in card
    assert '<p class="partner-card__description" lang="en">Works on forced labour.</p>' in card
    assert "Ministry of Labour" not in card


@pytest.mark.parametrize(
    ("prefix", "order"),
    [
        ("", ["Anti-Slavery Network", "Ministry of Labour", "Workers' Union"]),
        ("/fr", ["Ministère du Travail", "Réseau contre l'esclavage", "Workers' Union"]),
        ("/es", ["Anti-Slavery Network", "Ministerio de Trabajo", "Workers' Union"]),
    ],
)
def test_the_directory_is_in_the_order_of_the_names_its_reader_sees(client, prefix, order):
    PartnerFactory(
        name="Ministry of Labour", name_fr="Ministère du Travail", name_es="Ministerio de Trabajo"
    )
    PartnerFactory(name="Anti-Slavery Network", name_fr="Réseau contre l'esclavage")
    PartnerFactory(name="Workers' Union")

    for ordering, expected in (("", order), ("-name", order[::-1])):
        html = client.get(f"{prefix}{LIST}", {"ordering": ordering} if ordering else {}).text
        shown = re.findall(
            r'class="card__title"><a href="[^"]+">(?:<span lang="en">)?([^<]+)<', html
        )

        assert [name.replace("&#x27;", "'") for name in shown] == expected


def test_the_page_links_mark_the_current_page_elide_the_far_ones_and_keep_the_filters(client):
    PartnerFactory.create_batch(30, category=Category.ACADEMIC)

    html = client.get("/fr" + LIST, {"category": "academic", "per_page": "10", "page": "2"}).text
    nav = html[html.index('<nav class="pagination"') :]
    nav = nav[: nav.index("</nav>")]

    assert 'href="?category=academic&amp;per_page=10&amp;page=1" rel="prev"' in nav
    assert 'href="?category=academic&amp;per_page=10&amp;page=3" rel="next"' in nav
    assert '<span aria-current="page"><span class="visually-hidden">Page </span>2</span>' in nav
    assert "Précédent" in nav and "Suivant" in nav
    assert '<nav class="pagination" aria-label="Pages">' in html
