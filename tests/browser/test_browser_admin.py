"""The admin in a real browser: a record with its inlines, on the screens staff use."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from tests.factories import PledgeAssessmentFactory, UserFactory

pytestmark = pytest.mark.browser


def governance_editor():
    """Staff who may edit the governance records. The browser's tests empty every table after
    each test, the secretariat's groups with them; the permissions come back after each flush."""
    user = UserFactory(is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="governance"))
    return user


def signed_in(new_page, live_server, user, **options):
    """A page whose browser holds `user`'s session."""
    client = Client()
    client.force_login(user)
    page = new_page(**options)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    return page


@pytest.mark.parametrize("width", [1440, 1280, 375])
def test_a_pledge_with_its_assessments_in_three_languages_never_scrolls_the_page_sideways(
    transactional_db, new_page, live_server, width
):
    assessment = PledgeAssessmentFactory(
        summary="The action plan was adopted by the cabinet in June.",
        summary_fr="Le plan d'action a été adopté en conseil des ministres en juin.",
        source="Progress report 2026, paragraph 42",
    )
    page = signed_in(
        new_page, live_server, governance_editor(), viewport={"width": width, "height": 900}
    )

    page.goto(f"/admin/governance/pledge/{assessment.pledge_id}/change/")

    assert page.locator("[name=assessments-0-summary_fr]").input_value().startswith("Le plan")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if width >= 1440:
        # The whole row on a wide screen, down to its delete box.
        delete = page.locator("[name=assessments-0-DELETE]").bounding_box()
        assert delete["x"] + delete["width"] <= width
