import datetime

from alliance87.testing.api import APIResourceTests
from tests.factories import (
    ActionGroupFactory,
    MembershipFactory,
    PartnerFactory,
    PartnerIdentifierFactory,
    SeatTermFactory,
)


class TestPartners(APIResourceTests):
    resource = "partners"
    factory = PartnerFactory
    update_data = {"acronym": "ILO", "status": "active"}
    filters = {
        "q": ("Walk Free", {"name": "Walk Free Foundation"}),
        "category": ("workers", {"category": "workers"}),
        "country": ("BR", {"country": "BR"}),
        "region": ("europe", {"country": "FR"}),
        "theme": ("child_soldiers", {"themes": ["child_soldiers"]}),
        "status": ("suspended", {"status": "suspended", "status_reason": "No report."}),
        "joined_after": ("2020-01-01", {"joined_on": "2021-01-01"}),
        "joined_before": ("2010-01-01", {"joined_on": "2009-01-01"}),
        "gcg_seat_holder": ("true", {"holds_a_seat": True}),
        "action_group": ("migration", {"member_of": "migration"}),
    }

    def make(self, holds_a_seat=False, member_of=None, **kwargs):
        partner = PartnerFactory(**kwargs)
        if holds_a_seat:
            SeatTermFactory(partner=partner, start_date=datetime.date(2020, 1, 1), end_date=None)
        if member_of:
            MembershipFactory(partner=partner, group=ActionGroupFactory(slug=member_of))
        return partner

    def create_data(self):
        return {
            "name": "International Trade Union Confederation",
            "acronym": "ITUC",
            "slug": "ituc",
            "category": "workers",
            "country": "BE",
            "themes": ["forced_labour"],
        }


class TestPartnerIdentifiers(APIResourceTests):
    resource = "partner-identifiers"
    factory = PartnerIdentifierFactory
    update_data = {"identifier": "41302"}
    filters = {
        "scheme": ("GB-CHC", {"scheme": "GB-CHC"}),
        "partner": ("ilo", lambda: {"partner": PartnerFactory(slug="ilo")}),
    }

    def create_data(self):
        return {"partner": PartnerFactory().slug, "scheme": "XM-DAC", "identifier": "41302"}
