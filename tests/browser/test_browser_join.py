"""The "become a partner" form in a browser: errors at the fields, then a sent application."""

import re

import pytest
from playwright.sync_api import expect

from partners.models import ApplicationStatus, PartnershipApplication

pytestmark = pytest.mark.browser

COMMITMENT = re.compile("We commit to promote or realize international human rights standards")


def test_the_join_form_shows_errors_keeps_the_answers_then_sends_the_application(
    transactional_db, page
):
    page.goto("/join/")
    page.get_by_label("Name of the organisation").fill("Coalition Against Forced Labour")
    page.get_by_label("Your email address").fill("not an address")
    page.get_by_label("What the organisation does").fill("Supports survivors of forced labour.")
    page.get_by_label("Forced labour", exact=True).check()

    page.get_by_role("button", name="Send the application").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    assert page.title().startswith("Error:")
    email = page.get_by_label("Your email address")
    expect(email).to_have_attribute("aria-invalid", "true")
    error_id = email.get_attribute("aria-describedby").split()[-1]
    expect(page.locator(f"#{error_id}")).to_contain_text("email")
    expect(page.locator(".form-field--error")).not_to_have_count(0)
    expect(page.get_by_text("Partners must accept this commitment to join.").first).to_be_visible()
    # What was typed is still there.
    expect(page.get_by_label("Name of the organisation")).to_have_value(
        "Coalition Against Forced Labour"
    )
    expect(email).to_have_value("not an address")
    expect(page.get_by_label("Forced labour", exact=True)).to_be_checked()
    # The summary's links take the keyboard to the field.
    summary.get_by_role("link", name=re.compile("^Your email address")).click()
    expect(email).to_be_focused()
    assert not PartnershipApplication.objects.exists()

    email.fill("amina@cafl.example.org")
    page.get_by_label("Category").select_option("civil_society")
    page.get_by_label(re.compile("^Country")).select_option("KE")
    page.get_by_label("Your name").fill("Amina Odhiambo")
    page.get_by_label(re.compile("^Why the organisation wants to join")).fill(
        "To align our work with the national road map."
    )
    page.get_by_label(COMMITMENT).check()
    page.get_by_role("button", name="Send the application").click()

    page.wait_for_url(re.compile(r"/join/thanks/$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    application = PartnershipApplication.objects.get()
    assert application.organisation_name == "Coalition Against Forced Labour"
    assert application.contact_email == "amina@cafl.example.org"
    assert application.themes == ["forced_labour"]
    assert application.status == ApplicationStatus.SUBMITTED
