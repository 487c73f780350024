import pytest
from django_countries.data import COUNTRIES
from django_countries.fields import Country

from partners.regions import Region, countries_in, region_for, sub_region_for


def test_every_iso_country_has_a_region():
    missing = [code for code in COUNTRIES if region_for(code) is None]

    assert missing == []


@pytest.mark.parametrize(
    ("code", "region", "sub_region"),
    [
        ("MG", Region.AFRICA, "Sub-Saharan Africa"),
        ("AR", Region.AMERICAS, "Latin America and the Caribbean"),
        ("AU", Region.OCEANIA, "Australia and New Zealand"),
        ("NP", Region.ASIA, "Southern Asia"),
        ("AL", Region.EUROPE, "Southern Europe"),
        ("VN", Region.ASIA, "South-eastern Asia"),
        ("US", Region.AMERICAS, "Northern America"),
        ("TN", Region.AFRICA, "Northern Africa"),
    ],
)
def test_known_countries_map_to_their_m49_region(code, region, sub_region):
    assert region_for(code) == region
    assert sub_region_for(code) == sub_region
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
    assert sub_region_for(blank) == ""
