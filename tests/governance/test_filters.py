"""The governance FilterSets: the cases of the API's filters, checked on the FilterSet itself.

The cases are those of test_api.py (one copy): here each declared filter must have one, and
a bad value of a choice, date or number filter is an invalid form and a 400.
"""

from core.testing.filtersets import FilterSetTests
from governance.filters import (
    EventFilterSet,
    OfficeTermFilterSet,
    PledgeAssessmentFilterSet,
    PledgeFilterSet,
    SeatFilterSet,
    SeatTermFilterSet,
)
from tests.governance import test_api as api


class TestSeatFilterSet(FilterSetTests):
    filterset = SeatFilterSet
    api_url = "/api/v1/seats/"
    factory = staticmethod(api.TestSeats.factory)
    make = api.TestSeats.make
    filters = api.TestSeats.filters


class TestSeatTermFilterSet(FilterSetTests):
    filterset = SeatTermFilterSet
    api_url = "/api/v1/seat-terms/"
    factory = staticmethod(api.TestSeatTerms.factory)
    make = api.TestSeatTerms.make
    filters = api.TestSeatTerms.filters


class TestOfficeTermFilterSet(FilterSetTests):
    filterset = OfficeTermFilterSet
    api_url = "/api/v1/office-terms/"
    factory = staticmethod(api.TestOfficeTerms.factory)
    make = api.TestOfficeTerms.make
    filters = api.TestOfficeTerms.filters


class TestEventFilterSet(FilterSetTests):
    filterset = EventFilterSet
    api_url = "/api/v1/events/"
    factory = staticmethod(api.TestEvents.factory)
    make = api.TestEvents.make
    filters = api.TestEvents.filters


class TestPledgeFilterSet(FilterSetTests):
    filterset = PledgeFilterSet
    api_url = "/api/v1/pledges/"
    factory = staticmethod(api.TestPledges.factory)
    make = api.TestPledges.make
    filters = api.TestPledges.filters


class TestPledgeAssessmentFilterSet(FilterSetTests):
    filterset = PledgeAssessmentFilterSet
    api_url = "/api/v1/pledge-assessments/"
    factory = staticmethod(api.TestPledgeAssessments.factory)
    make = api.TestPledgeAssessments.make
    filters = api.TestPledgeAssessments.filters
