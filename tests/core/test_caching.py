import re

import pytest
from csp.middleware import CSPMiddleware
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.caching import NONCE_MARK, cacheable_when_anonymous, rendering_a_copy
from partners.models import Partner
from tests.factories import (
    GlobalEstimateFactory,
    MilestoneFactory,
    PartnerFactory,
    PathfinderCountryFactory,
    RoadMapFactory,
    SeatTermFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    partner = PartnerFactory()
    pathfinder = PathfinderCountryFactory()
    return [
        reverse("partners:partner_list"),
        partner.get_absolute_url(),
        reverse("governance:gcg"),
        reverse("pathfinders:pathfinder_list"),
        reverse("pathfinders:pathfinder_detail", kwargs={"iso2": pathfinder.country.code.lower()}),
    ]


def test_public_pages_may_be_kept_by_an_anonymous_visitors_browser_for_a_minute(client, pages):
    for url in pages:
        response = client.get(url)

        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, max-age=60", url
        assert "Accept-Language" in response["Vary"], url
        assert "Cookie" in response["Vary"], url


def test_public_pages_are_not_cached_for_a_signed_in_user(client, pages):
    client.force_login(UserFactory())

    for url in pages:
        assert "max-age" not in client.get(url).get("Cache-Control", ""), url


def test_the_join_form_is_never_cached(client):
    response = client.get(reverse("partners:join"))

    assert "max-age" not in response.get("Cache-Control", "")


NONCE_IN_HEADER = re.compile(r"'nonce-([^']+)'")


def nonce_of(response) -> str:
    return NONCE_IN_HEADER.search(response["Content-Security-Policy"]).group(1)


def test_an_anonymous_reader_gets_the_shared_copy_of_a_page_for_one_query(client, pages):
    for url in pages:
        first = client.get(url)
        with CaptureQueriesContext(connection) as captured:
            again = client.get(url)

        assert again.status_code == 200, url
        # Only the data version: the page itself comes from the cache.
        assert len(captured) == 1, url
        assert again.content == first.content, url


def anonymous_get(rf, view, path):
    """`view` as an anonymous reader gets it, through the CSP middleware that gives the nonce."""
    request = rf.get(path)
    request.user = AnonymousUser()
    return CSPMiddleware(view)(request)


def test_every_copy_of_a_shared_page_carries_its_own_nonce(rf):
    @cacheable_when_anonymous
    def page_with_inline_script(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">go()</script>')

    def get():
        return anonymous_get(rf, page_with_inline_script, "/with-script/")

    first, again = get(), get()

    assert nonce_of(first) != nonce_of(again)
    assert again.content == f'<script nonce="{nonce_of(again)}">go()</script>'.encode()


def test_a_page_without_inline_script_asks_for_no_nonce(client):
    url = reverse("pathfinders:pathfinder_list")
    client.get(url)
    again = client.get(url)

    assert "nonce-" not in again["Content-Security-Policy"]
    assert NONCE_MARK not in again.content


def test_a_write_shows_on_the_shared_page_at_once(client):
    partner = PartnerFactory(name="Before the edit")
    assert "Before the edit" in client.get(partner.get_absolute_url()).text

    partner.name = "After the edit"
    partner.save()

    assert "After the edit" in client.get(partner.get_absolute_url()).text


def test_each_language_and_query_has_its_own_copy(client):
    PartnerFactory(name="Ministry of Labour", category="government")
    PartnerFactory(name="Workers Union", category="workers")

    english = client.get("/partners/?category=government").text
    french = client.get("/fr/partners/?category=government").text
    other = client.get("/partners/?category=workers").text

    assert 'lang="en"' in english and 'lang="fr"' in french
    assert "Ministry of Labour" in english and "Workers Union" not in english
    assert "Workers Union" in other and "Ministry of Labour" not in other


def test_a_signed_in_user_never_gets_or_leaves_a_shared_copy(client, pages):
    staff = UserFactory()
    client.force_login(staff)
    for url in pages:
        client.get(url)
    client.logout()

    with CaptureQueriesContext(connection) as captured:
        client.get(pages[0])

    # A miss: the whole directory is built again, not just the data version read.
    assert len(captured) > 1


def test_a_missing_page_is_not_shared(client):
    url = "/partners/no-such-partner/"
    assert client.get(url).status_code == 404

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 404
    assert len(captured) > 1


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_write_to_a_table_a_page_does_not_read_leaves_its_copy(client):
    PartnerFactory()
    road_map = RoadMapFactory()
    directory = reverse("partners:partner_list")
    client.get(directory), client.get(reverse("portal:home"))

    # The directory does not show milestones.
    MilestoneFactory(road_map=road_map, title="A milestone no partner page shows")
    GlobalEstimateFactory()

    assert queries_for(client, directory) == 1
    assert queries_for(client, reverse("portal:home")) > 1  # it shows the estimates


def test_an_edit_of_a_column_a_page_does_not_show_leaves_its_copy(client):
    partner = PartnerFactory(name="Kept in the directory", website="https://example.org/")
    term = SeatTermFactory(partner=partner)
    directory, profile = reverse("partners:partner_list"), partner.get_absolute_url()
    client.get(directory), client.get(profile)

    # The directory's cards show no website, and it counts seat holders without their sources.
    Partner.objects.filter(pk=partner.pk).update(website="https://example.org/new/")
    type(term).objects.filter(pk=term.pk).update(source="https://example.org/minutes")

    assert queries_for(client, directory) == 1
    assert "https://example.org/new/" in client.get(profile).text


def test_an_edit_of_a_column_a_page_shows_renews_its_copy(client):
    partner = PartnerFactory(name="Listed under one name")
    directory = reverse("partners:partner_list")
    client.get(directory)

    Partner.objects.filter(pk=partner.pk).update(name="Listed under another")

    assert "Listed under another" in client.get(directory).text


def test_an_edit_of_a_partner_renews_only_the_pages_that_show_it(client):
    partners = [PartnerFactory(name=f"Partner {n:02d}", description="Training") for n in range(30)]
    first_page = reverse("partners:partner_list")  # 25 partners by name: 00 to 24
    shown, elsewhere = partners[3], partners[29]
    client.get(first_page), client.get(shown.get_absolute_url())

    Partner.objects.filter(pk=elsewhere.pk).update(description="Research on child labour")

    assert queries_for(client, first_page) == 1
    assert queries_for(client, shown.get_absolute_url()) == 1
    Partner.objects.filter(pk=shown.pk).update(description="Cocoa farms without child labour")
    assert "Cocoa farms without child labour" in client.get(first_page).text
    assert "Cocoa farms without child labour" in client.get(shown.get_absolute_url()).text


def test_an_edit_of_a_milestone_renews_the_profiles_of_its_partners_only(client):
    responsible, other = PartnerFactory(), PartnerFactory()
    theirs = MilestoneFactory(title="Adopt the national action plan")
    theirs.responsible_partners.add(responsible)
    MilestoneFactory(title="Someone else's milestone").responsible_partners.add(other)
    client.get(responsible.get_absolute_url()), client.get(other.get_absolute_url())

    type(theirs).objects.filter(pk=theirs.pk).update(title="Adopt the revised action plan")

    assert queries_for(client, other.get_absolute_url()) == 1
    assert "Adopt the revised action plan" in client.get(responsible.get_absolute_url()).text


def test_an_edit_of_a_seat_terms_source_renews_the_profile_of_its_holder_only(client):
    holder, other = PartnerFactory(), PartnerFactory()
    term = SeatTermFactory(partner=holder)
    SeatTermFactory(partner=other)
    client.get(holder.get_absolute_url()), client.get(other.get_absolute_url())

    type(term).objects.filter(pk=term.pk).update(source="https://example.org/minutes-2026")

    # The other partner's profile names seat terms' columns only to ask whether it holds one;
    # the holder's reads the term, every column of it.
    assert queries_for(client, other.get_absolute_url()) == 1
    assert queries_for(client, holder.get_absolute_url()) > 1


def test_a_search_is_renewed_by_an_edit_of_a_description_it_searches(client):
    PartnerFactory(name="Quiet partner", description="Training inspectors")
    partner = PartnerFactory(name="Other partner", description="Training inspectors")
    url = reverse("partners:partner_list") + "?q=cocoa"
    assert "Other partner" not in client.get(url).text

    Partner.objects.filter(pk=partner.pk).update(description="Cocoa farms without child labour")

    assert "Other partner" in client.get(url).text


def test_a_bulk_update_renews_the_copies_of_the_pages_that_show_its_rows(client):
    PartnerFactory(name="Written one by one")
    url = reverse("partners:partner_list")
    client.get(url)

    # A queryset update() calls no save() and sends no signal; the history trigger sees it.
    Partner.objects.update(name="Written in bulk")

    assert "Written in bulk" in client.get(url).text
    assert queries_for(client, url) == 1


def test_an_api_copy_is_renewed_by_a_write_to_what_it_lists_and_kept_through_others(client):
    partner = PartnerFactory(description="Before")
    road_map = RoadMapFactory()
    url = reverse("api:partner-detail", kwargs={"slug": partner.slug})
    client.get(url, HTTP_ACCEPT="application/json")

    MilestoneFactory(road_map=road_map)
    with CaptureQueriesContext(connection) as captured:
        client.get(url, HTTP_ACCEPT="application/json")
    kept = [query["sql"] for query in captured]
    Partner.objects.filter(pk=partner.pk).update(description="After")

    assert "After" in client.get(url, HTTP_ACCEPT="application/json").json()["description"]
    assert len(kept) == 1, kept  # the versions' query


def test_a_page_that_reads_a_table_without_history_is_not_shared(rf):
    @cacheable_when_anonymous
    def page_counting_users(request):
        return HttpResponse(f"{get_user_model().objects.count()} users")

    def get():
        return anonymous_get(rf, page_counting_users, "/users-count/")

    get()
    UserFactory()

    # auth_user keeps no history, so no version could tell the copy is stale: nothing is kept.
    assert get().content == b"1 users"


@pytest.fixture
def other_connection():
    """A second connection to the database, whose writes commit apart from the test's."""
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    other.connect()
    other.set_autocommit(False)
    yield other
    other.close()


def rename_and_commit(connection_, partner, name: str) -> None:
    with connection_.cursor() as cursor:
        cursor.execute("UPDATE partners_partner SET name = %s WHERE id = %s", [name, partner.pk])
    connection_.commit()


@pytest.mark.django_db(transaction=True)
def test_a_write_committed_while_a_page_renders_is_seen_by_the_next_reader(rf, other_connection):
    """The rendering and its versions share one snapshot: a copy is never kept under versions
    newer than its content."""
    partner = PartnerFactory(name="Old name")

    @cacheable_when_anonymous
    def page_with_a_write_in_the_middle(request):
        name = Partner.objects.get(pk=partner.pk).name
        if name == "Old name":
            rename_and_commit(other_connection, partner, "New name")
        return HttpResponse(name)

    def get():
        return anonymous_get(rf, page_with_a_write_in_the_middle, "/with-a-concurrent-write/")

    assert get().content == b"Old name"
    assert get().content == b"New name"


@pytest.mark.django_db(transaction=True)
def test_a_write_committed_while_a_later_rendering_runs_is_seen_by_the_next_reader(
    rf, other_connection
):
    """A view's later renderings read their versions first, outside a transaction: a write
    committed meanwhile makes the copy newer than its versions, so the next reader renders it
    anew."""
    partner = PartnerFactory(name="First name")

    @cacheable_when_anonymous
    def page_with_a_write_in_the_middle(request):
        name = Partner.objects.get(pk=partner.pk).name
        if name == "Second name":
            rename_and_commit(other_connection, partner, "Third name")
        return HttpResponse(name)

    def get():
        return anonymous_get(rf, page_with_a_write_in_the_middle, "/with-a-later-write/")

    assert get().content == b"First name"  # the first rendering: its tables now foreseen
    Partner.objects.filter(pk=partner.pk).update(name="Second name")
    with CaptureQueriesContext(connection) as queries:
        assert get().content == b"Second name"
    assert get().content == b"Third name"
    assert get().content == b"Third name"
    statements = [query["sql"] for query in queries.captured_queries]
    # The copy's check, the versions read first, the page's own query: no transaction.
    assert len(statements) == 3, statements
    assert not any("TRANSACTION" in sql or "SAVEPOINT" in sql for sql in statements)


def test_a_rendering_that_reads_a_table_not_foreseen_is_shared_from_the_next_one(rf):
    partner = PartnerFactory(name="Kept")
    reads_more = {"milestones": False}

    @cacheable_when_anonymous
    def page_that_starts_reading_milestones(request):
        text = Partner.objects.get(pk=partner.pk).name
        if reads_more["milestones"]:
            text += f" {len(list(MilestoneFactory._meta.model.objects.all()))} milestones"
        return HttpResponse(text)

    def get(path):
        return anonymous_get(rf, page_that_starts_reading_milestones, path)

    assert get("/a/").content == b"Kept"
    reads_more["milestones"] = True
    assert get("/b/").content == b"Kept 0 milestones"  # milestones not foreseen: not kept
    MilestoneFactory()
    assert get("/b/").content == b"Kept 1 milestones"  # rendered again, now kept
    with CaptureQueriesContext(connection) as queries:
        assert get("/b/").content == b"Kept 1 milestones"
    assert len(queries) == 1  # the copy's check


def test_a_copys_versions_follow_an_edit_of_a_row_it_does_not_show_and_not_one_it_shows():
    shown, other = PartnerFactory(name="Shown"), PartnerFactory(name="Not shown")
    with rendering_a_copy("tests.core.shown_and_other") as rendering:
        list(Partner.objects.filter(pk=shown.pk).only("name", "description"))
    versions = rendering.versions

    Partner.objects.filter(pk=other.pk).update(description="Research on child labour")
    brought_up_to_date = versions.still_current()

    # Kept, and told the new count of writes, so its next check reads no rows.
    assert brought_up_to_date is not None
    assert brought_up_to_date.shown_writes > versions.shown_writes
    assert brought_up_to_date.still_current() is brought_up_to_date
    Partner.objects.filter(pk=shown.pk).update(description="Cocoa farms without child labour")
    assert brought_up_to_date.still_current() is None


def test_an_admin_save_of_a_partner_with_a_new_identifier_renews_its_shared_profile(
    client, editor_client
):
    # One save is one transaction of several statements (the partner, its identifier, their
    # histories), in which each column is counted once: the copy must still go stale.
    partner = PartnerFactory(name="Before the save", category="academic", status="active")
    profile = partner.get_absolute_url()
    assert "Before the save" in client.get(profile).text

    response = editor_client.post(
        reverse("admin:partners_partner_change", args=[partner.pk]),
        {
            "name": "After the save",
            "slug": partner.slug,
            "category": partner.category,
            "status": partner.status,
            "identifiers-TOTAL_FORMS": "1",
            "identifiers-INITIAL_FORMS": "0",
            "identifiers-0-scheme": "XM-DAC",
            "identifiers-0-identifier": "41302",
        },
    )

    assert response.status_code == 302, (
        response.context["adminform"].form.errors,
        [f.formset.errors for f in response.context["inline_admin_formsets"]],
    )
    page = client.get(profile).text
    assert "After the save" in page
    assert "XM-DAC-41302" in page
