"""The Global Coordinating Group page, today and as of a date."""

import datetime

import pytest
from django.utils import timezone

from core.testing.pages import PublicPageTests
from core.testing.queries import count_queries
from governance.models import EventKind, Office
from partners.regions import Region
from tests.factories import (
    ConstituencyFactory,
    EventFactory,
    OfficeTermFactory,
    PartnerFactory,
    SeatFactory,
    SeatTermFactory,
)

pytestmark = pytest.mark.django_db

GCG = "/governance/"


def test_seats_are_listed_by_constituency_and_region_with_their_holders(client):
    governments = ConstituencyFactory(name="Governments")
    seat = SeatFactory(constituency=governments, region=Region.AFRICA, number=1)
    SeatTermFactory(seat=seat, partner=PartnerFactory(name="Government of Ghana"), end_date=None)

    response = client.get(GCG)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption>Governments</caption>" in html
    assert '<th scope="row">Africa</th>' in html
    assert "Government of Ghana" in html


def test_every_constituency_is_listed_and_one_without_seats_says_no_seat_recorded(client):
    ConstituencyFactory(name="Civil society", position=2)
    workers = ConstituencyFactory(name="Workers", position=1)
    SeatFactory(constituency=workers)

    html = client.get(GCG).content.decode()

    assert html.index("<caption>Workers</caption>") < html.index("<caption>Civil society</caption>")
    civil_society = html[html.index("<caption>Civil society</caption>") :]
    assert "No seat recorded" in civil_society[: civil_society.index("</table>")]


def test_a_seat_term_is_shown_until_its_last_day_not_the_stored_day_after(client):
    seat = SeatFactory(constituency=ConstituencyFactory(name="Workers"))
    SeatTermFactory(
        seat=seat, start_date=datetime.date(2019, 1, 1), end_date=datetime.date(2021, 1, 1)
    )

    html = client.get(GCG, {"as_of": "2020-06-01"}).content.decode()

    assert ">Dec. 31, 2020</td>" in html
    assert "Jan. 1, 2021" not in html


def test_a_seat_without_a_current_holder_is_shown_as_vacant(client):
    seat = SeatFactory(constituency=ConstituencyFactory(name="Workers"))
    SeatTermFactory(seat=seat, partner=PartnerFactory(name="A former holder"))  # ended 2021

    html = client.get(GCG).content.decode()

    assert "Vacant" in html
    assert "A former holder" not in html


def test_the_chair_and_deputy_chair_are_shown_with_their_terms(client):
    OfficeTermFactory(
        office=Office.CHAIR, partner=PartnerFactory(name="Government of Australia"), start_date=None
    )
    OfficeTermFactory(
        office=Office.DEPUTY_CHAIR,
        partner=PartnerFactory(name="Government of Argentina"),
        start_date=datetime.date(2020, 3, 1),
    )
    OfficeTermFactory(office=Office.SECRETARIAT, partner=PartnerFactory(name="ILO"))

    response = client.get(GCG)

    html = response.content.decode()
    assert response.context["chair"].partner.name == "Government of Australia"
    assert "start not recorded" in html
    assert "Government of Argentina" in html
    assert "March 1, 2020" in html
    assert response.context["secretariat"].partner.name == "ILO"


def test_earlier_holders_of_each_office_are_listed(client):
    OfficeTermFactory(
        office=Office.CHAIR,
        partner=PartnerFactory(name="Government of Sweden"),
        start_date=datetime.date(2017, 1, 1),
        end_date=datetime.date(2019, 1, 1),
    )
    OfficeTermFactory(office=Office.CHAIR, start_date=datetime.date(2019, 1, 1))

    response = client.get(GCG)

    ((office, terms),) = response.context["history"]
    assert office == "Chair"
    assert [term.partner.name for term in terms] == ["Government of Sweden"]


def test_as_of_a_date_the_page_shows_who_held_the_seats_and_offices_then(client):
    seat = SeatFactory()
    SeatTermFactory(seat=seat, partner=PartnerFactory(name="Holder in 2019"))  # 2019 to 2021
    SeatTermFactory(
        seat=seat,
        partner=PartnerFactory(name="Holder since 2021"),
        start_date=datetime.date(2021, 1, 1),
        end_date=None,
    )
    OfficeTermFactory(
        office=Office.CHAIR,
        partner=PartnerFactory(name="Chair in 2019"),
        start_date=datetime.date(2018, 1, 1),
        end_date=datetime.date(2020, 1, 1),
    )
    OfficeTermFactory(office=Office.CHAIR, start_date=datetime.date(2020, 1, 1))

    response = client.get(GCG, {"as_of": "2019-06-30"})

    html = response.content.decode()
    assert "The GCG as it stood on June 30, 2019." in html
    assert "Holder in 2019" in html
    assert "Holder since 2021" not in html
    assert response.context["chair"].partner.name == "Chair in 2019"
    assert response.context["history"] == []
    assert 'value="2019-06-30"' in html


def test_as_of_a_date_only_meetings_held_by_then_are_listed(client):
    EventFactory(title="GCG meeting of 2017", start_date=datetime.date(2017, 5, 1), end_date=None)
    EventFactory(title="GCG meeting of 2020", start_date=datetime.date(2020, 5, 1), end_date=None)
    EventFactory(kind=EventKind.WORKSHOP, title="A workshop")

    html = client.get(GCG, {"as_of": "2018-01-01"}).content.decode()

    assert "GCG meeting of 2017" in html
    assert "GCG meeting of 2020" not in html
    assert "A workshop" not in html


def test_a_malformed_date_shows_a_form_error_and_the_gcg_today(client):
    OfficeTermFactory(office=Office.CHAIR, partner=PartnerFactory(name="Today's chair"))

    response = client.get(GCG, {"as_of": "30/06/2019"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter a date as YYYY-MM-DD." in html
    assert 'aria-invalid="true"' in html
    assert "Today&#x27;s chair" in html


@pytest.mark.parametrize("as_of", ["2010-01-01", "2016-08-31", "future"])
def test_a_date_outside_the_records_says_there_are_none(client, as_of):
    if as_of == "future":
        as_of = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    OfficeTermFactory(office=Office.CHAIR, partner=PartnerFactory(name="Today's chair"))

    response = client.get(GCG, {"as_of": as_of})

    html = response.content.decode()
    assert "No records for" in html
    assert "The records begin with the launch of Alliance 8.7 in September 2016" in html
    assert response.context["on"] == timezone.localdate()


def test_the_launch_month_is_inside_the_records(client):
    response = client.get(GCG, {"as_of": "2016-09-01"})

    assert "No records for" not in response.content.decode()
    assert response.context["on"] == datetime.date(2016, 9, 1)


def test_partner_names_are_escaped(client):
    OfficeTermFactory(office=Office.CHAIR, partner=PartnerFactory(name="<script>x</script>"))

    html = client.get(GCG).content.decode()

    assert "<script>x</script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_the_page_runs_the_same_queries_for_5_and_200_seats_and_terms(client):
    def add(first, count):
        for day in range(first, first + count):
            SeatTermFactory(end_date=None)
            start = datetime.date(2017, 1, 1) + datetime.timedelta(days=day)
            OfficeTermFactory(
                office=Office.SECRETARIAT, start_date=start, end_date=start + datetime.timedelta(1)
            )
            EventFactory()

    add(0, 5)
    few = count_queries(client, GCG)
    add(5, 195)
    assert count_queries(client, GCG) == few
    assert count_queries(client, GCG + "?as_of=2019-06-30") == few


# ---------------------------------------------------------------- the suite of every public page


class TestGovernancePage(PublicPageTests):
    path = GCG
    factory = SeatTermFactory
    defaults = {"end_date": None}
    text_field = "partner__name"


def test_the_seat_rows_read_in_french_with_each_seats_region_number_and_holder(client):
    workers = ConstituencyFactory(name="Workers", name_fr="Travailleurs")
    first = SeatFactory(constituency=workers, region="africa", number=1)
    second = SeatFactory(constituency=workers, region="africa", number=2)
    SeatTermFactory(
        seat=first,
        partner=PartnerFactory(name="Union", name_fr="Syndicat"),
        start_date=None,
        end_date=None,
    )
    SeatTermFactory(
        seat=second,
        partner=PartnerFactory(name="Federation"),
        start_date=datetime.date(2024, 3, 1),
        end_date=None,
    )

    html = client.get("/fr" + GCG).content.decode()

    rows = html[html.index("<caption>Travailleurs</caption>") :]
    rows = rows[: rows.index("</table>")]
    assert '<th scope="row">Afrique</th>' in rows
    assert '<th scope="row">Afrique · 2</th>' in rows
    assert ">Syndicat</a>" in rows and '<td data-label="Depuis">non disponible</td>' in rows
    assert '<span lang="en">Federation</span></a>' in rows
    assert "1 mars 2024" in rows and "en cours" in rows
