import pytest
from django.urls import reverse

from tests.factories import PartnerFactory, PathfinderCountryFactory, UserFactory

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
