import pytest
from django_countries.data import COUNTRIES
from django_countries.fields import Country

from partners.regions import Region, countries_in, region_for


def test_every_iso_country_has_a_region():
    missing = [code for code in COUNTRIES if region_for(code) is None]

    assert missing == []


@pytest.mark.parametrize(
    ("code", "region"),
    [
        ("MG", Region.AFRICA),
        ("AR", Region.AMERICAS),
        ("AU", Region.OCEANIA),
        ("NP", Region.ASIA),
        ("AL", Region.EUROPE),
        ("VN", Region.ASIA),
        ("US", Region.AMERICAS),
        ("TN", Region.AFRICA),
    ],
)
def test_known_countries_map_to_their_m49_region(code, region):
    assert region_for(code) == region
    assert region_for(Country(code)) == region
    assert region_for(code.lower()) == region


def test_countries_in_a_region_round_trip():
    for region in Region:
        codes = countries_in(region)

        assert codes == sorted(codes)
        assert all(region_for(code) == region for code in codes)

    assert sorted(c for region in Region for c in countries_in(region)) == sorted(COUNTRIES)


@pytest.mark.parametrize("blank", ["", "  ", None, Country("")])
def test_blank_country_has_no_region(blank):
    assert region_for(blank) is None
