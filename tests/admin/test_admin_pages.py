import datetime

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partners.models import Partner
from tests import factories as f

APPS = ("partners", "governance", "action_groups", "pathfinders")

# One way to make the n-th record of each model, so changelists have rows to render.
MAKERS = {
    "partners.partner": lambda n: f.PartnerFactory(),
    "partners.partneridentifier": lambda n: f.PartnerIdentifierFactory(),
    "partners.partnershipapplication": lambda n: f.PartnershipApplicationFactory(),
    "governance.constituency": lambda n: f.ConstituencyFactory(),
    "governance.seat": lambda n: f.SeatFactory(),
    "governance.seatterm": lambda n: f.SeatTermFactory(),
    "governance.officeterm": lambda n: f.OfficeTermFactory(
        start_date=datetime.date(2000 + n, 1, 1), end_date=datetime.date(2001 + n, 1, 1)
    ),
    "governance.event": lambda n: f.EventFactory(),
    "governance.pledge": lambda n: f.PledgeFactory(),
    "governance.pledgeassessment": lambda n: f.PledgeAssessmentFactory(),
    "governance.globalestimate": lambda n: f.GlobalEstimateFactory(
        part_of=f.GlobalEstimateFactory()
    ),
    "action_groups.actiongroup": lambda n: f.ActionGroupFactory(),
    "action_groups.membership": lambda n: f.MembershipFactory(),
    "action_groups.workplan": lambda n: f.WorkPlanFactory(),
    "action_groups.activity": lambda n: f.ActivityFactory(lead_partners=[f.PartnerFactory()]),
    "pathfinders.pathfindercountry": lambda n: f.PathfinderCountryFactory(),
    "pathfinders.stagechange": lambda n: f.StageChangeFactory(),
    "pathfinders.roadmap": lambda n: f.RoadMapFactory(),
    "pathfinders.milestone": lambda n: f.MilestoneFactory(),
    "pathfinders.annualreport": lambda n: f.AnnualReportFactory(),
}
MODELS = sorted(MAKERS)


def url(label: str, view: str, *args) -> str:
    app_label, model_name = label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


def test_every_registry_model_is_in_the_admin():
    registry_models = {
        model._meta.label_lower
        for label in APPS
        for model in apps.get_app_config(label).get_models()
        if not hasattr(model, "pgh_id")  # history models are read in the events admin
    }
    registered = {
        model._meta.label_lower for model in admin.site._registry if model._meta.app_label in APPS
    }
    assert registered == registry_models == set(MAKERS)


@pytest.mark.django_db
@pytest.mark.parametrize("label", MODELS)
def test_an_editor_can_open_the_list_and_add_pages(editor_client, label):
    obj = MAKERS[label](0)

    changelist = editor_client.get(url(label, "changelist"))
    add = editor_client.get(url(label, "add"))
    change = editor_client.get(url(label, "change", obj.pk))

    assert changelist.status_code == 200
    assert obj.pk in [row.pk for row in changelist.context["cl"].result_list]
    assert add.status_code == 200
    assert change.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("label", MODELS)
def test_a_list_page_makes_as_many_queries_for_many_rows_as_for_one(editor_client, label):
    MAKERS[label](0)
    with CaptureQueriesContext(connection) as one_row:
        editor_client.get(url(label, "changelist"))
    for n in range(1, 4):
        MAKERS[label](n)
    with CaptureQueriesContext(connection) as four_rows:
        response = editor_client.get(url(label, "changelist"))

    assert response.context["cl"].result_count >= 4
    assert len(four_rows) == len(one_row)


@pytest.mark.django_db
@pytest.mark.parametrize("label", MODELS)
def test_a_viewer_can_read_but_not_add_change_or_delete(viewer_client, label):
    obj = MAKERS[label](0)

    assert viewer_client.get(url(label, "changelist")).status_code == 200
    assert viewer_client.get(url(label, "change", obj.pk)).status_code == 200
    assert viewer_client.get(url(label, "add")).status_code == 403
    assert viewer_client.post(url(label, "add"), {}).status_code == 403
    assert viewer_client.post(url(label, "change", obj.pk), {}).status_code == 403
    assert viewer_client.post(url(label, "delete", obj.pk), {"post": "yes"}).status_code == 403
    assert type(obj).objects.filter(pk=obj.pk).exists()


@pytest.mark.django_db
def test_the_application_queue_lists_open_applications_first(editor_client):
    decided = f.PartnershipApplicationFactory(
        status="rejected", decided_at="2024-01-01T00:00Z", decision_reason="Not eligible."
    )
    waiting = f.PartnershipApplicationFactory()
    in_review = f.PartnershipApplicationFactory(status="under_review")

    response = editor_client.get(url("partners.partnershipapplication", "changelist"))

    rows = list(response.context["cl"].result_list)
    assert rows == [waiting, in_review, decided]


@pytest.mark.django_db
def test_a_pathfinder_country_is_found_by_its_name(editor_client):
    nepal = f.PathfinderCountryFactory(country="NP")
    f.PathfinderCountryFactory(country="GH")

    response = editor_client.get(url("pathfinders.pathfindercountry", "changelist"), {"q": "nep"})

    assert list(response.context["cl"].result_list) == [nepal]


@pytest.mark.django_db
def test_an_editor_adds_a_partner_with_themes_and_an_identifier(editor_client):
    response = editor_client.post(
        url("partners.partner", "add"),
        {
            "name": "International Labour Organization",
            "acronym": "ILO",
            "slug": "ilo",
            "category": "international",
            "country": "CH",
            "themes": ["forced_labour", "child_labour"],
            "status": "active",
            "identifiers-TOTAL_FORMS": "1",
            "identifiers-INITIAL_FORMS": "0",
            "identifiers-0-scheme": "XM-DAC",
            "identifiers-0-identifier": "41302",
        },
    )

    assert response.status_code == 302
    partner = Partner.objects.get(slug="ilo")
    assert partner.themes == ["forced_labour", "child_labour"]
    assert [str(i) for i in partner.identifiers.all()] == ["XM-DAC-41302"]
