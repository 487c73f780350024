"""The admin in three languages: translations beside their English text, list columns and search
in the staff member's language, and a filter for what is left to translate."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from core.admin import MissingTranslationFilter, RegistryAdmin
from core.testing.admin import add_inline_rows, changeform_data
from core.translation import translated_fields
from tests import factories as f

PARTNERS = reverse("admin:partners_partner_changelist")


def french(name: str, *args) -> str:
    with translation.override("fr"):
        return reverse(name, args=args)


def lines_of(fieldsets) -> list[tuple]:
    return [
        (line,) if isinstance(line, str) else tuple(line)
        for _name, options in fieldsets
        for line in options["fields"]
    ]


def listed(response) -> list:
    return list(response.context["cl"].result_list)


@pytest.mark.django_db
def test_a_partner_change_form_shows_its_name_in_three_languages_in_one_row(editor_client):
    partner = f.PartnerFactory()

    response = editor_client.get(reverse("admin:partners_partner_change", args=[partner.pk]))

    lines = lines_of(response.context["adminform"].fieldsets)
    assert lines[0] == ("name", "name_fr", "name_es")
    assert ("description", "description_fr", "description_es") in lines
    page = response.content.decode()
    assert "Name (English)" in page and "Name (French)" in page and "Name (Spanish)" in page


@pytest.mark.django_db
def test_an_admin_that_lists_no_fields_shows_each_translation_once_beside_its_english(
    editor_client,
):
    constituency = f.ConstituencyFactory()

    response = editor_client.get(
        reverse("admin:governance_constituency_change", args=[constituency.pk])
    )

    lines = lines_of(response.context["adminform"].fieldsets)
    assert lines[0] == ("name", "name_fr", "name_es")
    assert sum(line.count("name_fr") for line in lines) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("make", "admin_name", "prefix", "row"),
    [
        (
            lambda: f.MilestoneFactory().road_map,
            "admin:pathfinders_roadmap_change",
            "milestones",
            ("title", "title_fr", "title_es"),
        ),
        (
            lambda: f.ActivityFactory().work_plan,
            "admin:action_groups_workplan_change",
            "activities",
            ("title", "title_fr", "title_es"),
        ),
        (
            lambda: f.PledgeAssessmentFactory().pledge,
            "admin:governance_pledge_change",
            "assessments",
            ("summary", "summary_fr", "summary_es"),
        ),
    ],
    ids=["stacked milestones", "stacked activities", "tabular assessments"],
)
def test_an_inline_shows_the_translations_beside_the_english_text(
    editor_client, make, admin_name, prefix, row
):
    response = editor_client.get(reverse(admin_name, args=[make().pk]))

    (inline,) = [i for i in response.context["inline_admin_formsets"] if i.formset.prefix == prefix]
    assert row in lines_of(inline.fieldsets)
    assert f'name="{prefix}-0-{row[1]}"' in response.content.decode()


@pytest.mark.django_db
def test_saving_a_french_name_through_the_admin_form_stores_it(editor_client):
    partner = f.PartnerFactory(name="Ministry of Labour")
    change = reverse("admin:partners_partner_change", args=[partner.pk])
    data = changeform_data(editor_client.get(change)) | {"name_fr": "Ministère du Travail"}

    response = editor_client.post(change, data)

    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.name == "Ministry of Labour"
    assert partner.name_fr == "Ministère du Travail"


@pytest.mark.django_db
def test_an_inline_row_refused_keeps_the_translation_typed(editor_client):
    road_map = f.RoadMapFactory()
    change = reverse("admin:pathfinders_roadmap_change", args=[road_map.pk])
    data = add_inline_rows(
        changeform_data(editor_client.get(change)),
        "milestones",
        [{"title": "", "title_fr": "Adopter la liste des travaux dangereux", "status": "planned"}],
    )

    response = editor_client.post(change, data)

    assert response.status_code == 200
    assert "Adopter la liste des travaux dangereux" in response.content.decode()
    assert road_map.milestones.count() == 0


@pytest.mark.django_db
def test_the_list_shows_the_french_name_to_staff_browsing_in_french_and_english_otherwise(
    editor_client,
):
    f.PartnerFactory(name="Ministry of Labour", name_fr="Ministère du Travail")
    f.PartnerFactory(name="Walk Free")

    in_french = editor_client.get(french("admin:partners_partner_changelist")).content.decode()
    in_english = editor_client.get(PARTNERS).content.decode()

    assert "Ministère du Travail" in in_french and "Ministry of Labour" not in in_french
    assert "Walk Free" in in_french
    assert "Ministry of Labour" in in_english and "Ministère du Travail" not in in_english


@pytest.mark.django_db
def test_the_name_column_sorts_by_the_name_shown(editor_client):
    zeta = f.PartnerFactory(name="Zeta Foundation", name_fr="Alpha Fondation")
    beta = f.PartnerFactory(name="Beta Trust")

    in_french = editor_client.get(french("admin:partners_partner_changelist"), {"o": "1"})
    in_english = editor_client.get(PARTNERS, {"o": "1"})

    assert listed(in_french) == [zeta, beta]
    assert listed(in_english) == [beta, zeta]


@pytest.mark.django_db
def test_the_admin_search_finds_a_partner_by_its_spanish_name(editor_client):
    found = f.PartnerFactory(name="Ministry of Labour", name_es="Ministerio del Trabajo")
    f.PartnerFactory(name="Walk Free")

    response = editor_client.get(PARTNERS, {"q": "Ministerio del Trabajo"})

    assert listed(response) == [found]


@pytest.mark.django_db
def test_a_search_field_through_a_relation_searches_the_translations_too(editor_client):
    pledge = f.PledgeFactory(partner=f.PartnerFactory(name="Walk Free", name_fr="Libre en marche"))
    f.PledgeFactory()

    by_title = f.PledgeFactory(title="End forced labour", title_es="Acabar con el trabajo forzoso")
    pledges = reverse("admin:governance_pledge_changelist")

    assert listed(editor_client.get(pledges, {"q": "Libre en marche"})) == [pledge]
    assert listed(editor_client.get(pledges, {"q": "trabajo forzoso"})) == [by_title]


@pytest.mark.django_db
def test_the_partner_autocomplete_finds_a_partner_by_its_french_name(editor_client):
    found = f.PartnerFactory(name="Ministry of Labour", name_fr="Ministère du Travail")
    f.PartnerFactory(name="Walk Free")

    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Ministère du Travail",
            "app_label": "governance",
            "model_name": "seatterm",
            "field_name": "partner",
        },
    )

    assert [r["id"] for r in response.json()["results"]] == [str(found.pk)]


@pytest.mark.django_db
def test_the_missing_translation_filter_lists_exactly_the_records_missing_french(editor_client):
    translated = f.PartnerFactory(
        name="Walk Free", name_fr="Walk Free", acronym="", description="", description_fr=""
    )
    no_french_name = f.PartnerFactory(name="Ministry of Labour", acronym="", description="")
    no_french_description = f.PartnerFactory(
        name="Global March", name_fr="Marche mondiale", acronym="", description="Marches."
    )

    missing_french = listed(editor_client.get(PARTNERS, {"missing_translation": "fr"}))
    missing_spanish = listed(editor_client.get(PARTNERS, {"missing_translation": "es"}))

    assert set(missing_french) == {no_french_name, no_french_description}
    assert set(missing_spanish) == {translated, no_french_name, no_french_description}


def test_every_admin_of_a_model_with_translations_offers_the_missing_translation_filter():
    request = RequestFactory().get("/")
    admins = [
        model_admin
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, RegistryAdmin) and translated_fields(model)
    ]

    labels = {model_admin.opts.label_lower for model_admin in admins}
    assert {"partners.partner", "pathfinders.milestone", "portal.secretariatcontact"} <= labels
    for model_admin in admins:
        assert MissingTranslationFilter in model_admin.get_list_filter(request), model_admin


@pytest.mark.django_db
def test_a_viewer_sees_the_translations_read_only(viewer_client):
    partner = f.PartnerFactory(name="Ministry of Labour", name_fr="Ministère du Travail")
    road_map = f.MilestoneFactory(title="Adopt the list", title_fr="Adopter la liste").road_map

    partner_page = viewer_client.get(reverse("admin:partners_partner_change", args=[partner.pk]))
    road_map_page = viewer_client.get(
        reverse("admin:pathfinders_roadmap_change", args=[road_map.pk])
    )

    readonly = partner_page.context["adminform"].readonly_fields
    assert {"name_fr", "name_es"} <= set(readonly)
    assert 'name="name_fr"' not in partner_page.content.decode()
    assert "Ministère du Travail" in partner_page.content.decode()
    assert 'name="milestones-0-title_fr"' not in road_map_page.content.decode()
    assert "Adopter la liste" in road_map_page.content.decode()
    # The English text is labelled with its language, as beside "Name (French)" in the form.
    for page, english in ((partner_page, "Ministry of Labour"), (road_map_page, "Adopt the list")):
        assert english in page.content.decode()
    assert "Name (English)" in partner_page.content.decode()
    assert "Title (English)" in road_map_page.content.decode()


@pytest.mark.django_db
def test_a_read_only_inline_keeps_the_translations_of_its_fields_read_only(editor_client):
    change = f.StageChangeFactory(decision_fr="Décision du gouvernement")

    response = editor_client.get(
        reverse("admin:pathfinders_pathfindercountry_change", args=[change.pathfinder.pk])
    )

    page = response.content.decode()
    assert "Décision du gouvernement" in page
    # Its English text says its language, beside "Decision (French)", as a form would.
    assert "Decision (English)" in page
    assert "decision_fr" not in [
        name
        for inline in response.context["inline_admin_formsets"]
        for form in inline.formset.forms
        for name in form.fields
    ]
