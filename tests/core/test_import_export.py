"""Admin import (CSV, xlsx) through its preview and confirmation, with the models' own rules as
row errors and history for every imported row; export of every admin list."""

import csv
import datetime
import io

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from pghistory.models import MiddlewareEvents

from core.admin import RegistryAdmin
from governance.models import Event, SeatTerm
from partners.models import Partner
from pathfinders.models import Milestone
from tests.factories import (
    EventFactory,
    MilestoneFactory,
    PartnerFactory,
    RoadMapFactory,
    SeatFactory,
    SeatTermFactory,
)

pytestmark = pytest.mark.django_db

CSV, XLSX = 0, 1  # the order of IMPORT_EXPORT_FORMATS


def csv_file(rows: list[list]) -> SimpleUploadedFile:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return SimpleUploadedFile("rows.csv", out.getvalue().encode(), content_type="text/csv")


def xlsx_file(rows: list[list]) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("rows.xlsx", out.getvalue())


def preview(client, model, upload, file_format=CSV):
    """The first step: the file sent, its rows checked and shown, nothing written."""
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_import")
    return client.post(url, {"import_file": upload, "format": file_format, "resource": 0})


def confirm(client, model, response):
    """The second step: the preview's confirmation form sent back as it is."""
    form = response.context["confirm_form"]
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_process_import")
    return client.post(url, form.initial)


def row_errors(response) -> str:
    result = response.context["result"]
    assert "confirm_form" not in response.context  # nothing can be confirmed
    return " ".join(
        str(message)
        for row in result.invalid_rows
        for messages in row.error_dict.values()
        for message in messages
    ) + " ".join(str(error.error) for row_number, errors in result.row_errors() for error in errors)


def test_an_editor_imports_partners_from_csv_after_a_preview_of_the_changes(editor_client, editor):
    PartnerFactory(slug="walk-free", name="Walk Free", acronym="")
    upload = csv_file(
        [
            ["slug", "name", "acronym", "category", "country", "themes", "joined_on"],
            ["walk-free", "Walk Free", "WF", "civil_society", "AU", "forced_labour", "2016-09-21"],
            ["la-strada", "La Strada International", "LSI", "civil_society", "NL", "", ""],
        ]
    )

    response = preview(editor_client, Partner, upload)

    assert response.status_code == 200
    result = response.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert [row.import_type for row in result.rows] == ["update", "new"]
    assert "La Strada International" in response.text
    assert not Partner.objects.filter(slug="la-strada").exists()  # a preview writes nothing

    done = confirm(editor_client, Partner, response)

    assert done.status_code == 302
    assert Partner.objects.get(slug="walk-free").acronym == "WF"
    la_strada = Partner.objects.get(slug="la-strada")
    assert la_strada.country == "NL"
    events = MiddlewareEvents.objects.filter(
        pgh_obj_model="partners.Partner", pgh_obj_id=la_strada.pk
    )
    assert [(event.pgh_label, event.user) for event in events] == [("insert", editor)]


def test_an_editor_imports_events_from_an_excel_file(editor_client):
    upload = xlsx_file(
        [
            ["slug", "title", "kind", "start_date", "end_date", "country", "status"],
            [
                "gcg-2026",
                "Global Coordinating Group meeting",
                EventFactory.build().kind,
                datetime.date(2026, 3, 4),
                datetime.date(2026, 3, 5),
                "CH",
                "held",
            ],
        ]
    )

    response = preview(editor_client, Event, upload, XLSX)
    assert not response.context["result"].has_validation_errors(), row_errors(response)
    confirm(editor_client, Event, response)

    event = Event.objects.get(slug="gcg-2026")
    assert (event.start_date, event.end_date, event.country) == (
        datetime.date(2026, 3, 4),
        datetime.date(2026, 3, 5),
        "CH",
    )


def test_an_overlapping_seat_term_is_a_row_error_and_nothing_is_imported(editor_client):
    seat = SeatFactory()
    SeatTermFactory(seat=seat, start_date=datetime.date(2019, 1, 1), end_date=None)
    partner = PartnerFactory(slug="ilo")
    upload = csv_file(
        [
            ["id", "seat", "partner", "start_date", "end_date"],
            ["", SeatFactory().pk, "ilo", "2020-01-01", ""],  # another seat: fine alone
            ["", seat.pk, "ilo", "2022-01-01", "2024-01-01"],  # the seat is held, open-ended
        ]
    )

    response = preview(editor_client, SeatTerm, upload)

    assert response.status_code == 200
    assert "Another term on this seat overlaps these dates." in row_errors(response)
    assert not SeatTerm.objects.filter(partner=partner).exists()


def test_a_row_missing_a_required_field_is_an_error_and_nothing_is_imported(editor_client):
    upload = csv_file(
        [
            ["slug", "name", "category"],
            ["fine", "A fine partner", "civil_society"],
            ["no-category", "A partner of no category", ""],
        ]
    )

    response = preview(editor_client, Partner, upload)

    assert "This field cannot be blank." in row_errors(response)
    assert not Partner.objects.exists()


def test_an_unknown_partner_is_a_row_error_that_names_it(editor_client):
    upload = csv_file(
        [
            ["id", "seat", "partner", "start_date", "end_date"],
            ["", SeatFactory().pk, "nobody", "", ""],
        ]
    )

    response = preview(editor_client, SeatTerm, upload)

    assert "No partner has the slug “nobody”." in row_errors(response)
    assert not SeatTerm.objects.exists()


def test_milestones_import_with_their_responsible_partners_and_refuse_unknown_ones(editor_client):
    road_map = RoadMapFactory()
    PartnerFactory(slug="ilo")
    PartnerFactory(slug="unicef")
    header = ["id", "road_map", "title", "responsible_partners", "due_date", "status"]

    refused = preview(
        editor_client,
        Milestone,
        csv_file([header, ["", road_map.pk, "Adopt the list", "ilo,nobody", "", "planned"]]),
    )
    assert "No partner has the slug “nobody”." in row_errors(refused)

    response = preview(
        editor_client,
        Milestone,
        csv_file([header, ["", road_map.pk, "Adopt the list", "ilo,unicef", "", "planned"]]),
    )
    confirm(editor_client, Milestone, response)

    milestone = Milestone.objects.get(title="Adopt the list")
    assert sorted(milestone.responsible_partners.values_list("slug", flat=True)) == [
        "ilo",
        "unicef",
    ]


def test_a_file_that_is_not_a_spreadsheet_is_an_error_not_a_500(editor_client):
    upload = SimpleUploadedFile("rows.xlsx", b"not a spreadsheet at all")
    response = preview(editor_client, Partner, upload, XLSX)
    assert response.status_code == 200
    assert response.context["form"].errors


def test_a_viewer_cannot_import_but_can_export(viewer_client):
    PartnerFactory(name="Walk Free")
    changelist = viewer_client.get(reverse("admin:partners_partner_changelist"))
    assert reverse("admin:partners_partner_export") in changelist.text
    assert reverse("admin:partners_partner_import") not in changelist.text

    assert viewer_client.get(reverse("admin:partners_partner_import")).status_code == 403
    upload = csv_file([["slug", "name", "category"], ["x", "X", "civil_society"]])
    assert preview(viewer_client, Partner, upload).status_code == 403
    assert export(viewer_client, Partner, CSV).status_code == 200


def export(client, model, file_format, query=""):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_export") + query
    form = client.get(url).context["form"]
    chosen = {name: "on" for name, field in form.fields.items() if hasattr(field, "resource_name")}
    return client.post(url, {"format": file_format, "resource": 0, **chosen})


def test_the_partner_list_exports_as_filtered_to_csv_and_xlsx(editor_client):
    PartnerFactory(name="Walk Free", slug="walk-free", country="AU")
    PartnerFactory(name="La Strada", slug="la-strada", country="NL")

    response = export(editor_client, Partner, CSV, "?country=AU")

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(row["slug"], row["name"], row["country"]) for row in rows] == [
        ("walk-free", "Walk Free", "AU")
    ]

    response = export(editor_client, Partner, XLSX)
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sorted(row[0] for row in sheet.iter_rows(min_row=2, values_only=True)) == [
        "la-strada",
        "walk-free",
    ]


def test_an_exported_file_imports_back_unchanged(editor_client):
    MilestoneFactory(title="Adopt the list")
    SeatTermFactory()
    for model in (Milestone, SeatTerm):
        content = export(editor_client, model, CSV).content
        upload = SimpleUploadedFile("back.csv", content, content_type="text/csv")
        result = preview(editor_client, model, upload).context["result"]
        assert not result.has_errors() and not result.has_validation_errors(), model
        assert [row.import_type for row in result.rows] == ["skip"], model


def test_every_admin_list_exports_as_csv(editor_client):
    for model, model_admin in admin.site._registry.items():
        if not isinstance(model_admin, RegistryAdmin):
            continue
        response = export(editor_client, model, CSV)
        assert response.status_code == 200, model
        assert response["Content-Type"].startswith("text/csv"), model


def test_partners_import_and_export_with_their_french_and_spanish_columns(editor_client):
    PartnerFactory(slug="walk-free", name="Walk Free", name_es="Camina Libre")
    upload = csv_file(
        [
            ["slug", "name", "name_fr", "category"],
            ["walk-free", "Walk Free", "Marche libre", "civil_society"],
        ]
    )

    confirm(editor_client, Partner, preview(editor_client, Partner, upload))

    partner = Partner.objects.get(slug="walk-free")
    assert (partner.name_fr, partner.name_es) == ("Marche libre", "Camina Libre")
    exported = export(editor_client, Partner, CSV).content
    header, row = list(csv.reader(io.StringIO(exported.decode("utf-8-sig"))))[:2]
    assert header[header.index("name") : header.index("name") + 3] == ["name", "name_fr", "name_es"]
    assert row[header.index("name_fr")] == "Marche libre"
