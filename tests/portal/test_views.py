"""The portal's pages: home, a partner's profile, the events and the error pages."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from action_groups.models import ActionGroup, Role
from core.testing.pages import PublicPageTests
from core.testing.queries import count_queries
from governance.models import EventKind, Office, PledgeProgress
from partners.models import PartnerStatus, Relation, Theme
from tests.factories import (
    ActionGroupFactory,
    EventFactory,
    GlobalEstimateFactory,
    MembershipFactory,
    MilestoneFactory,
    OfficeTermFactory,
    PartnerFactory,
    PartnerIdentifierFactory,
    PathfinderCountryFactory,
    PledgeAssessmentFactory,
    PledgeFactory,
    RoadMapFactory,
    SeatTermFactory,
)

# ---------------------------------------------------------------- home


pytestmark = pytest.mark.django_db


def test_home_page_explains_the_alliance(client):
    response = client.get(reverse("portal:home"))

    assert response.status_code == 200
    assert "target 8.7" in response.text
    assert "<title>Alliance 8.7" in response.text
    assert '<meta name="description"' in response.text


def test_home_page_counts_active_partners_pathfinders_and_open_action_groups(client):
    PartnerFactory.create_batch(3)
    PartnerFactory(status=PartnerStatus.WITHDRAWN, status_reason="Closed down.")
    PathfinderCountryFactory.create_batch(2)  # each with its government partner
    ActionGroupFactory.create_batch(4)
    ActionGroupFactory(
        established_on=datetime.date(2018, 1, 1), closed_on=datetime.date(2020, 1, 1)
    )

    response = client.get(reverse("portal:home"))

    assert response.context["partner_count"] == 5
    assert response.context["pathfinder_count"] == 2
    assert response.context["action_group_count"] == 4
    assert ActionGroup.objects.count() == 5


def test_home_page_counts_only_partners_and_says_the_report_counts_over_150(client):
    PartnerFactory.create_batch(2)
    PartnerFactory(relations=[Relation.DEVELOPMENT_PARTNER])
    PartnerFactory(relations=[Relation.COLLABORATING])

    response = client.get(reverse("portal:home"))

    assert response.context["partner_count"] == 2
    assert "active partners recorded" in response.text
    assert "The progress report counts over 150 partners (paragraph 14)" in response.text


def test_home_page_names_the_current_chair_and_deputy_chair(client):
    OfficeTermFactory(
        office=Office.CHAIR,
        partner=PartnerFactory(name="Government of Old Chair"),
        start_date=datetime.date(2017, 1, 1),
        end_date=datetime.date(2019, 1, 1),
    )
    OfficeTermFactory(office=Office.CHAIR, partner=PartnerFactory(name="Government of Australia"))
    OfficeTermFactory(
        office=Office.DEPUTY_CHAIR, partner=PartnerFactory(name="Government of Argentina")
    )

    response = client.get(reverse("portal:home"))

    assert "Government of Australia" in response.text
    assert "Government of Argentina" in response.text
    assert "Government of Old Chair" not in response.text


def test_home_page_says_an_office_is_vacant(client):
    response = client.get(reverse("portal:home"))

    assert response.text.count("Vacant") == 2


def test_home_page_lists_recent_and_coming_events(client):
    today = timezone.localdate()
    EventFactory(
        title="Past meeting", start_date=today - datetime.timedelta(days=30), end_date=None
    )
    EventFactory(
        title="Next meeting", start_date=today + datetime.timedelta(days=30), end_date=None
    )

    response = client.get(reverse("portal:home"))

    assert [e.title for e in response.context["recent_events"]] == ["Past meeting"]
    assert [e.title for e in response.context["coming_events"]] == ["Next meeting"]
    assert "Past meeting" in response.text
    assert "Next meeting" in response.text


def test_home_page_nests_the_parts_of_a_global_estimate_with_their_sources(client):
    slavery = GlobalEstimateFactory(
        label="People in modern slavery", value=40_300_000, source="Global Estimates 2017"
    )
    GlobalEstimateFactory(
        label="in forced labour", value=24_900_000, part_of=slavery, source="Global Estimates 2017"
    )
    GlobalEstimateFactory(
        label="Children in child labour",
        value=152_000_000,
        source="Global Estimates of Child Labour",
    )

    response = client.get(reverse("portal:home"))

    assert [e.label for e in response.context["estimates"]] == [
        "People in modern slavery",
        "Children in child labour",
    ]
    assert "40.3 million" in response.text
    assert "24.9 million" in response.text
    assert "152 million" in response.text
    assert "Global Estimates of Child Labour" in response.text


def test_home_page_is_translated(client):
    response = client.get("/fr/")

    assert response.status_code == 200
    assert '<html lang="fr">' in response.text


# ---------------------------------------------------------------- a partner's profile


def test_profile_shows_the_partners_facts(client):
    partner = PartnerFactory(
        name="International Labour Organization",
        acronym="ILO",
        country="CH",
        website="https://www.ilo.org/",
        themes=[Theme.CHILD_LABOUR, Theme.FORCED_LABOUR],
        joined_on=datetime.date(2016, 9, 21),
    )
    PartnerIdentifierFactory(partner=partner, scheme="XM-DAC", identifier="41302")

    response = client.get(partner.get_absolute_url())

    assert response.status_code == 200
    text = response.text
    assert "<title>International Labour Organization – Alliance 8.7</title>" in text
    assert "Switzerland" in text
    assert "Europe" in text
    assert 'href="https://www.ilo.org/"' in text
    assert "XM-DAC-41302" in text
    assert "Child labour, Forced labour" in text
    assert "Sept. 21, 2016" in text
    assert "Record last updated" in text


def test_profile_says_when_the_join_date_is_not_recorded(client):
    partner = PartnerFactory(joined_on=None)

    response = client.get(partner.get_absolute_url())

    assert "not recorded" in response.text


def test_profile_shows_the_commitment_to_human_rights_and_labour_standards_with_its_date(client):
    committed = PartnerFactory(commitment_accepted_on=datetime.date(2019, 3, 4))
    unknown = PartnerFactory(commitment_accepted_on=None)

    text = client.get(committed.get_absolute_url()).text
    assert "Commitment to human rights and labour standards" in text
    assert "Accepted on March 4, 2019" in text
    text = client.get(unknown.get_absolute_url()).text
    assert re.search(
        r"Commitment to human rights and labour standards</dt>\s*"
        r"<dd><span class=\"muted\">not recorded",
        text,
    )
    assert "Accepted on" not in text


def test_profile_shows_the_partners_relations_to_the_alliance(client):
    partner = PartnerFactory(relations=[Relation.PARTNER, Relation.DEVELOPMENT_PARTNER])

    response = client.get(partner.get_absolute_url())

    assert "Relation to the Alliance" in response.text
    assert "Partner, Development partner" in response.text


def test_profile_has_breadcrumbs_back_to_the_directory(client):
    partner = PartnerFactory(name="Walk Free")

    response = client.get(partner.get_absolute_url())

    assert '<nav class="breadcrumbs" aria-label="Breadcrumb">' in response.text
    assert 'href="/partners/">Partners</a>' in response.text
    assert '<li aria-current="page">Walk Free</li>' in response.text


def test_profile_lists_action_group_roles_seats_and_offices_current_and_past(client):
    partner = PartnerFactory()
    MembershipFactory(
        partner=partner, group=ActionGroupFactory(name="Migration"), role=Role.CO_CHAIR
    )
    SeatTermFactory(partner=partner, seat__constituency__name="Workers")
    OfficeTermFactory(partner=partner, office=Office.DEPUTY_CHAIR)

    response = client.get(partner.get_absolute_url())

    text = response.text
    assert "Migration" in text
    assert "Co-chair" in text
    assert "GCG seat: Workers" in text
    assert "Deputy chair" in text
    # The past seat term, stored [2019-01-01, 2021-01-01), is read with its last day.
    assert "Jan. 1, 2019 – Dec. 31, 2020" in text
    assert "Jan. 1, 2021" not in text
    assert "ongoing" in text  # the current office


def test_profile_lists_the_road_maps_it_answers_for_and_its_pledges(client):
    partner = PartnerFactory()
    road_map = RoadMapFactory(title="Road map of Nepal", pathfinder__country="NP")
    MilestoneFactory(road_map=road_map, title="Adopt the list", responsible_partners=[partner])
    MilestoneFactory(road_map=road_map, title="Train inspectors", responsible_partners=[partner])
    MilestoneFactory(road_map=road_map, title="Someone else's")
    pledge = PledgeFactory(partner=partner, title="End child labour in cocoa")
    PledgeAssessmentFactory(pledge=pledge, progress=PledgeProgress.ACHIEVED)

    response = client.get(partner.get_absolute_url())

    text = response.text
    assert text.count("Road map of Nepal") == 1
    assert "Adopt the list" in text
    assert "Train inspectors" in text
    assert "Someone else&#x27;s" not in text
    assert "Nepal" in text
    assert "End child labour in cocoa" in text
    assert "Achieved" in text


def test_profile_of_a_government_links_its_pathfinder_country(client):
    pathfinder = PathfinderCountryFactory(country="GH")

    response = client.get(pathfinder.government.get_absolute_url())

    assert f'href="{pathfinder.get_absolute_url()}"' in response.text


def test_a_profile_reads_only_the_relations_the_partner_holds(client):
    bare = PartnerFactory()
    with_identifier = PartnerFactory()
    PartnerIdentifierFactory(partner=with_identifier)
    everything = PartnerFactory()
    PartnerIdentifierFactory(partner=everything)
    PathfinderCountryFactory(government=everything)
    MembershipFactory(partner=everything)
    SeatTermFactory(partner=everything)
    OfficeTermFactory(partner=everything)
    PledgeFactory(partner=everything)
    MilestoneFactory(responsible_partners=[everything])

    none = count_queries(client, bare.get_absolute_url())

    # One query more for each of the seven lists a partner holds rows of, none for the others.
    assert count_queries(client, with_identifier.get_absolute_url()) == none + 1
    assert count_queries(client, everything.get_absolute_url()) == none + 7


def test_a_profile_of_a_partner_holding_nothing_says_so_for_each_list(client):
    partner = PartnerFactory()

    text = client.get(partner.get_absolute_url()).text

    assert "none recorded" in text
    assert "Not a member of any Action Group." in text
    assert "Has held no GCG seat or office." in text
    assert "Responsible for no road map milestone." in text
    assert "No pledge recorded." in text


def test_an_unknown_partner_address_is_a_404(client):
    response = client.get(reverse("portal:partner_detail", args=["no-such-partner"]))

    assert response.status_code == 404


# ---------------------------------------------------------------- events


EVENTS = "/events/"


def titles(response):
    return [event.title for event in response.context["page"].object_list]


def test_the_list_shows_events_newest_first_with_date_kind_and_place(client):
    EventFactory(title="Older meeting", start_date=datetime.date(2017, 5, 2), end_date=None)
    EventFactory(
        title="Madagascar workshop",
        kind=EventKind.WORKSHOP,
        start_date=datetime.date(2018, 10, 1),
        end_date=None,
        date_precision="month",
        city="Antananarivo",
        country="MG",
    )

    response = client.get(EVENTS)

    html = response.content.decode()
    assert response.status_code == 200
    assert titles(response) == ["Madagascar workshop", "Older meeting"]
    assert "October 2018" in html
    assert "Antananarivo, Madagascar" in html
    assert "2 events" in html


def test_the_list_filters_by_kind(client):
    EventFactory(title="A GCG meeting")
    EventFactory(title="A workshop", kind=EventKind.WORKSHOP)
    EventFactory(title="A conference", kind=EventKind.GLOBAL_CONFERENCE)

    response = client.get(EVENTS, {"kind": ["workshop", "global_conference"]})

    assert sorted(titles(response)) == ["A conference", "A workshop"]
    assert 'value="workshop" checked' in response.content.decode()


def test_the_list_filters_by_year(client):
    EventFactory(title="In 2017", start_date=datetime.date(2017, 3, 1), end_date=None)
    EventFactory(title="In 2019", start_date=datetime.date(2019, 3, 1), end_date=None)

    response = client.get(EVENTS, {"year": "2019"})

    assert titles(response) == ["In 2019"]
    assert response.context["years"] == [2019, 2017]
    assert '<option value="2019" selected>' in response.content.decode()


def test_a_malformed_year_is_reported_and_ignored(client):
    EventFactory()

    response = client.get(EVENTS, {"year": "last"})

    assert response.status_code == 200
    assert "Enter a number." in response.content.decode()
    assert len(titles(response)) == 1


def test_a_filter_that_matches_nothing_offers_to_clear_it(client):
    EventFactory(start_date=datetime.date(2019, 1, 1), end_date=None)

    html = client.get(EVENTS, {"year": "2030"}).content.decode()

    assert "No event matches these filters." in html
    assert "Clear the filters" in html


def test_the_list_is_paginated_and_keeps_the_filters_on_every_page(client):
    for day in range(25):
        EventFactory(start_date=datetime.date(2019, 1, 1) + datetime.timedelta(day), end_date=None)

    first = client.get(EVENTS, {"year": "2019"})
    second = client.get(EVENTS, {"year": "2019", "page": "2"})

    assert len(titles(first)) == 20
    assert len(titles(second)) == 5
    assert 'href="?year=2019&amp;page=2"' in first.content.decode()


def test_the_list_runs_the_same_queries_for_5_and_200_events(client):
    def add(count):
        for _ in range(count):
            EventFactory()

    add(5)
    few = count_queries(client, EVENTS)
    add(195)
    assert count_queries(client, EVENTS) == few
    assert count_queries(client, EVENTS + "?kind=gcg_meeting&year=2019&page=2") == few


def test_an_event_page_shows_its_facts_and_outcome(client):
    event = EventFactory(
        title="IV Global Conference on the Sustained Eradication of Child Labour",
        kind=EventKind.GLOBAL_CONFERENCE,
        start_date=datetime.date(2017, 11, 14),
        end_date=datetime.date(2017, 11, 16),
        city="Buenos Aires",
        country="AR",
        outcome="96 pledges were made.",
        source="Progress report, para. 9",
    )

    response = client.get(event.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Global conference" in html
    assert "Nov. 14, 2017 – Nov. 16, 2017" in html
    assert "Buenos Aires, Argentina" in html
    assert "96 pledges were made." in html
    assert "Progress report, para. 9" in html
    assert 'aria-current="page">IV Global Conference' in html  # the breadcrumbs


def test_an_event_page_links_its_action_groups_and_pathfinders(client):
    event = EventFactory()
    ActionGroupFactory(name="Action Group on Migration").meetings.add(event)
    PathfinderCountryFactory(country="NP").workshops.add(event)

    html = client.get(event.get_absolute_url()).content.decode()

    assert "Action Group on Migration" in html
    assert '<a href="/pathfinders/np/">Nepal</a>' in html


def test_an_event_page_lists_the_pledges_made_there_with_their_status(client):
    event = EventFactory(kind=EventKind.GLOBAL_CONFERENCE)
    pledge = PledgeFactory(
        event=event, title="Eliminate child labour in cocoa", partner=PartnerFactory(name="Nestlé")
    )
    PledgeAssessmentFactory(pledge=pledge, progress=PledgeProgress.ACHIEVED)
    PledgeFactory(event=event)

    html = client.get(event.get_absolute_url()).content.decode()

    assert "Eliminate child labour in cocoa" in html
    assert "Nestlé" in html
    assert '<span class="badge badge--achieved">Achieved</span>' in html
    assert '<span class="badge badge--not_assessed">Not assessed</span>' in html
    assert "2 pledges" in html


def test_event_text_is_escaped(client):
    event = EventFactory(outcome="<script>alert(1)</script>", title="<b>Bold</b>")

    html = client.get(event.get_absolute_url()).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "<b>Bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# ---------------------------------------------------------------- error pages


def test_an_unknown_address_gets_the_sites_404_page(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.text
    assert 'class="site-header"' in response.text
    assert f'href="{reverse("partners:partner_list")}"' in response.text


def test_the_404_page_follows_the_language_in_the_address(client):
    response = client.get("/fr/no-such-page/")

    assert response.status_code == 404
    assert '<html lang="fr">' in response.text


def test_the_500_page_renders_without_any_context():
    html = render_to_string("500.html")

    assert "Something went wrong" in html
    assert "/static/css/site.css" in html
    assert 'href="/"' in html


def test_a_server_error_answers_with_the_sites_500_page(client, settings, monkeypatch):
    from portal import selectors

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(selectors, "global_estimates", broken)
    client.raise_request_exception = False

    response = client.get(reverse("portal:home"))

    assert response.status_code == 500
    assert "Something went wrong" in response.text


# ---------------------------------------------------------------- the suite of every public page


class TestPartnerProfile(PublicPageTests):
    path = "/partners/{}/"
    factory = PartnerFactory
    text_field = "description"
    rows = (5, 200)

    def grow(self, partner, count):
        road_map = RoadMapFactory()
        for _ in range(count):
            MembershipFactory(partner=partner)
            SeatTermFactory(partner=partner)
            PledgeAssessmentFactory(pledge=PledgeFactory(partner=partner))
            PartnerIdentifierFactory(partner=partner)
            MilestoneFactory(road_map=road_map, responsible_partners=[partner])
            MilestoneFactory(responsible_partners=[partner])


class TestEventList(PublicPageTests):
    path = EVENTS
    factory = EventFactory
    text_field = "title"


class TestEventPage(PublicPageTests):
    path = "/events/{}/"
    factory = EventFactory
    text_field = "outcome"
    rows = (5, 200)

    def grow(self, event, count):
        for _ in range(count):
            PledgeAssessmentFactory(pledge=PledgeFactory(event=event))
            ActionGroupFactory().meetings.add(event)
            PathfinderCountryFactory().workshops.add(event)


@pytest.mark.parametrize(
    ("prefix", "viet_nam", "united_kingdom", "not_un"),
    [
        ("", "Viet Nam", "United Kingdom of Great Britain and Northern Ireland", "Vietnam"),
        ("/fr", "Viet Nam", "Royaume-Uni de Grande-Bretagne et d&#x27;Irlande du Nord", "Viêt"),
        ("/es", "Viet Nam", "Reino Unido de Gran Bretaña e Irlanda del Norte", "Vietnam"),
    ],
)
def test_countries_read_by_their_united_nations_short_names_in_every_language(
    client, prefix, viet_nam, united_kingdom, not_un
):
    vietnam = PartnerFactory(name="Government of Viet Nam", country="VN")
    PartnerFactory(country="GB")

    profile = client.get(prefix + vietnam.get_absolute_url()).text
    directory = client.get(f"{prefix}/partners/").text

    assert viet_nam in profile
    assert not_un not in profile
    assert united_kingdom in directory


def test_the_navigation_marks_the_section_of_each_page_in_each_language(client):
    profile_url = PartnerFactory().get_absolute_url()

    profile = client.get(profile_url).text
    directory = client.get("/fr/partners/").text
    events = client.get("/es/events/").text

    assert 'href="/fr/partners/" class="is-active" aria-current="page"' in directory
    assert 'href="/partners/" class="is-active" aria-current="true"' in profile
    assert 'href="/es/events/" class="is-active" aria-current="page"' in events
    assert 'href="/es/governance/" class="is-active"' not in events
    # The footer is each page's own language too.
    assert events.count('href="/es/join/"') == 2  # the navigation's and the footer's


def test_the_navigation_marks_an_event_page_in_the_events_section(client):
    event = EventFactory(slug="gcg-2019")

    html = client.get(event.get_absolute_url()).text

    assert 'href="/events/" class="is-active" aria-current="true"' in html
    assert 'href="/governance/" class="is-active"' not in html
