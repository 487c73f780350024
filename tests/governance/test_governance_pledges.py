import datetime

import pytest

from governance.models import Pledge, PledgeProgress
from tests.factories import PledgeAssessmentFactory, PledgeFactory

D = datetime.date


@pytest.mark.django_db
def test_a_pledge_without_assessments_is_not_assessed():
    PledgeFactory()

    assert Pledge.objects.with_status().get().status == PledgeProgress.NOT_ASSESSED


@pytest.mark.django_db
def test_a_pledges_status_is_its_latest_assessment():
    pledge = PledgeFactory()
    PledgeAssessmentFactory(pledge=pledge, assessed_on=D(2021, 1, 1), progress="achieved")
    PledgeAssessmentFactory(pledge=pledge, assessed_on=D(2019, 1, 1), progress="not_started")
    PledgeAssessmentFactory(pledge=pledge, assessed_on=D(2020, 1, 1), progress="in_progress")

    assert Pledge.objects.with_status().get().status == PledgeProgress.ACHIEVED


@pytest.mark.django_db
def test_each_pledge_has_its_own_status():
    assessed = PledgeAssessmentFactory(progress="not_achieved").pledge
    unassessed = PledgeFactory()

    statuses = dict(Pledge.objects.with_status().values_list("pk", "status"))

    assert statuses == {assessed.pk: "not_achieved", unassessed.pk: "not_assessed"}
