import pytest
from django.core.management import call_command


@pytest.fixture
def seeded(db):
    call_command("load_alliance87", verbosity=0)


def test_the_home_page_says_the_office_supported_the_launch_and_shows_the_38_per_cent(
    seeded, client
):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "with the support of the International Labour Office" in page  # para. 7
    assert "by the International Labour Office" not in page
    assert "38 per cent" in page  # para. 1


def test_the_pathfinder_page_claims_no_yearly_reports_and_plans_show_their_year(seeded, client):
    page = client.get("/pathfinders/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    events = client.get("/events/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "every year" not in page
    assert "Planning workshops in 14 pathfinder countries" in events
    assert "2019" in events
