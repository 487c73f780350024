"""The pathfinder FilterSets: the cases of the API's filters, checked on the FilterSet itself.

The cases are those of test_api.py (one copy): here each declared filter must have one, and
a bad value of a choice, date or number filter is an invalid form and a 400.
"""

from core.testing.filtersets import FilterSetTests
from pathfinders.filters import (
    AnnualReportFilterSet,
    MilestoneFilterSet,
    PathfinderCountryFilterSet,
    RoadMapFilterSet,
    StageChangeFilterSet,
)
from tests.pathfinders import test_api as api


class TestPathfinderCountryFilterSet(FilterSetTests):
    filterset = PathfinderCountryFilterSet
    api_url = "/api/v1/pathfinders/"
    factory = staticmethod(api.TestPathfinders.factory)
    make = api.TestPathfinders.make
    filters = api.TestPathfinders.filters


class TestStageChangeFilterSet(FilterSetTests):
    filterset = StageChangeFilterSet
    api_url = "/api/v1/stage-changes/"
    factory = staticmethod(api.TestStageChanges.factory)
    make = api.TestStageChanges.make
    filters = api.TestStageChanges.filters
    invalid = {"pathfinder": "XX"}


class TestRoadMapFilterSet(FilterSetTests):
    filterset = RoadMapFilterSet
    api_url = "/api/v1/road-maps/"
    factory = staticmethod(api.TestRoadMaps.factory)
    make = api.TestRoadMaps.make
    filters = api.TestRoadMaps.filters
    invalid = {"pathfinder": "XX"}


class TestMilestoneFilterSet(FilterSetTests):
    filterset = MilestoneFilterSet
    api_url = "/api/v1/milestones/"
    factory = staticmethod(api.TestMilestones.factory)
    make = api.TestMilestones.make
    filters = api.TestMilestones.filters
    invalid = {"pathfinder": "XX"}


class TestAnnualReportFilterSet(FilterSetTests):
    filterset = AnnualReportFilterSet
    api_url = "/api/v1/annual-reports/"
    factory = staticmethod(api.TestAnnualReports.factory)
    make = api.TestAnnualReports.make
    filters = api.TestAnnualReports.filters
    invalid = {"pathfinder": "XX"}
