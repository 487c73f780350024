"""The partner FilterSets: the cases of the API's filters, checked on the FilterSet itself.

The cases are those of test_api.py (one copy): here each declared filter must have one, and
a bad value of a choice, date or number filter is an invalid form and a 400.
"""

from core.testing.filtersets import FilterSetTests
from partners.filters import (
    PartnerFilterSet,
    PartnerIdentifierFilterSet,
)
from tests.partners import test_api as api


class TestPartnerFilterSet(FilterSetTests):
    filterset = PartnerFilterSet
    api_url = "/api/v1/partners/"
    factory = staticmethod(api.TestPartners.factory)
    make = api.TestPartners.make
    filters = api.TestPartners.filters


class TestPartnerIdentifierFilterSet(FilterSetTests):
    filterset = PartnerIdentifierFilterSet
    api_url = "/api/v1/partner-identifiers/"
    factory = staticmethod(api.TestPartnerIdentifiers.factory)
    make = api.TestPartnerIdentifiers.make
    filters = api.TestPartnerIdentifiers.filters
