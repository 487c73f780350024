"""factory-boy factories for every model, with realistic values and unique names."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils.text import slugify
from django_countries import countries
from factory.django import DjangoModelFactory

from action_groups.models import (
    ActionGroup,
    Activity,
    ActivityKind,
    ActivityStatus,
    Membership,
    Role,
    WorkPlan,
    WorkPlanStatus,
)
from governance.models import (
    Constituency,
    Event,
    EventKind,
    GlobalEstimate,
    Office,
    OfficeTerm,
    Pledge,
    PledgeAssessment,
    PledgeProgress,
    Seat,
    SeatTerm,
)
from partners.models import Category, Partner, PartnerIdentifier, PartnershipApplication, Theme
from pathfinders.models import (
    AnnualReport,
    Milestone,
    MilestoneStatus,
    PathfinderCountry,
    RoadMap,
    RoadMapStatus,
    Stage,
    StageChange,
)

COUNTRY_CODES = [code for code, _name in countries]
PASSWORD = "secret-pass-123"


def _add_partners(obj, create, extracted, field):
    """Sets an M2M of partners from `Factory(field=[...])`; none by default."""
    if create and extracted:
        getattr(obj, field).set(extracted)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save(update_fields=["password"])


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Ministry of Labour and Social Protection {n}")
    acronym = factory.Sequence(lambda n: f"MOL{n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    category = Category.GOVERNMENT
    country = factory.Iterator(["NP", "GH", "CL", "LK", "NG", "MA", "PE", "VN", "MG", "UG"])
    website = factory.LazyAttribute(lambda o: f"https://{o.slug}.example.org/")
    description = "Leads national policy on decent work and the elimination of child labour."
    themes = factory.LazyFunction(lambda: [Theme.CHILD_LABOUR, Theme.FORCED_LABOUR])
    joined_on = datetime.date(2017, 6, 1)
    commitment_accepted_on = datetime.date(2017, 6, 1)
    source = "Alliance 8.7 progress report, 2021"


class PartnerIdentifierFactory(DjangoModelFactory):
    class Meta:
        model = PartnerIdentifier

    partner = factory.SubFactory(PartnerFactory)
    scheme = "XM-DAC"
    identifier = factory.Sequence(lambda n: f"{41000 + n}")


class PartnershipApplicationFactory(DjangoModelFactory):
    class Meta:
        model = PartnershipApplication

    organisation_name = factory.Sequence(lambda n: f"Coalition Against Forced Labour {n}")
    acronym = factory.Sequence(lambda n: f"CAFL{n}")
    category = Category.CIVIL_SOCIETY
    country = "KE"
    website = factory.Sequence(lambda n: f"https://cafl{n}.example.org/")
    description = "Supports survivors of forced labour and trafficking in East Africa."
    themes = factory.LazyFunction(lambda: [Theme.FORCED_LABOUR, Theme.HUMAN_TRAFFICKING])
    contact_name = factory.Faker("name")
    contact_email = factory.Sequence(lambda n: f"contact{n}@cafl.example.org")
    contact_phone = "+254 20 000 0000"
    motivation = "To align our work with national road maps and share what we learn."
    commitment_accepted = True


class ConstituencyFactory(DjangoModelFactory):
    class Meta:
        model = Constituency

    name = factory.Sequence(lambda n: f"Constituency {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    position = factory.Sequence(lambda n: n)
    source = "Alliance 8.7 governance structure"


class SeatFactory(DjangoModelFactory):
    class Meta:
        model = Seat

    constituency = factory.SubFactory(ConstituencyFactory)
    region = ""
    number = factory.Sequence(lambda n: n + 1)


class SeatTermFactory(DjangoModelFactory):
    class Meta:
        model = SeatTerm

    seat = factory.SubFactory(SeatFactory)
    partner = factory.SubFactory(PartnerFactory)
    start_date = datetime.date(2019, 1, 1)
    end_date = datetime.date(2021, 1, 1)


class OfficeTermFactory(DjangoModelFactory):
    class Meta:
        model = OfficeTerm

    office = Office.CHAIR
    partner = factory.SubFactory(PartnerFactory)
    start_date = datetime.date(2020, 1, 1)
    end_date = None


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event

    kind = EventKind.GCG_MEETING
    title = factory.Sequence(lambda n: f"Global Coordinating Group meeting {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    start_date = datetime.date(2019, 11, 12)
    end_date = datetime.date(2019, 11, 13)
    city = "Geneva"
    country = "CH"
    description = "The group reviewed the work plans of the Action Groups."


class PledgeFactory(DjangoModelFactory):
    class Meta:
        model = Pledge

    partner = factory.SubFactory(PartnerFactory)
    event = factory.SubFactory(
        EventFactory, kind=EventKind.GLOBAL_CONFERENCE, start_date=datetime.date(2017, 11, 14)
    )
    title = factory.Sequence(lambda n: f"Eliminate child labour in supply chain {n}")
    description = "Map and remediate child labour in the partner's supply chains by 2025."
    made_on = datetime.date(2017, 11, 14)


class PledgeAssessmentFactory(DjangoModelFactory):
    class Meta:
        model = PledgeAssessment

    pledge = factory.SubFactory(PledgeFactory)
    assessed_on = factory.Sequence(lambda n: datetime.date(2019, 1, 1) + datetime.timedelta(n))
    progress = PledgeProgress.IN_PROGRESS
    summary = "Mapping of the first tier of suppliers is complete."


class GlobalEstimateFactory(DjangoModelFactory):
    class Meta:
        model = GlobalEstimate

    slug = factory.Sequence(lambda n: f"estimate-{n}")
    label = factory.Sequence(lambda n: f"People in forced labour ({n})")
    value = 24_900_000
    part_of = None
    position = factory.Sequence(lambda n: n)
    source = "Global Estimates of Modern Slavery, 2017"


class ActionGroupFactory(DjangoModelFactory):
    class Meta:
        model = ActionGroup

    name = factory.Sequence(lambda n: f"Action Group on Supply Chains {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    mandate = "Supports partners in eliminating child labour and forced labour in supply chains."
    established_on = datetime.date(2018, 3, 1)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    group = factory.SubFactory(ActionGroupFactory)
    partner = factory.SubFactory(PartnerFactory)
    role = Role.MEMBER
    start_date = datetime.date(2018, 3, 1)
    end_date = None


class WorkPlanFactory(DjangoModelFactory):
    class Meta:
        model = WorkPlan

    group = factory.SubFactory(ActionGroupFactory)
    title = factory.Sequence(lambda n: f"Work plan 2020-2021 ({n})")
    status = WorkPlanStatus.ADOPTED
    start_date = datetime.date(2020, 1, 1)
    end_date = datetime.date(2022, 1, 1)


class ActivityFactory(DjangoModelFactory):
    class Meta:
        model = Activity
        skip_postgeneration_save = True

    work_plan = factory.SubFactory(WorkPlanFactory)
    title = factory.Sequence(lambda n: f"Research brief on recruitment fees {n}")
    kind = ActivityKind.RESEARCH
    status = ActivityStatus.PLANNED
    due_date = datetime.date(2021, 6, 30)

    @factory.post_generation
    def lead_partners(obj, create, extracted, **kwargs):
        _add_partners(obj, create, extracted, "lead_partners")


class PathfinderCountryFactory(DjangoModelFactory):
    class Meta:
        model = PathfinderCountry
        skip_postgeneration_save = True

    country = factory.Sequence(lambda n: COUNTRY_CODES[n % len(COUNTRY_CODES)])
    government = factory.SubFactory(PartnerFactory, country=factory.SelfAttribute("..country"))
    official_response = "The government commits to accelerate action against child labour."

    @factory.post_generation
    def focal_points(obj, create, extracted, **kwargs):
        _add_partners(obj, create, extracted, "focal_points")


class StageChangeFactory(DjangoModelFactory):
    class Meta:
        model = StageChange

    pathfinder = factory.SubFactory(PathfinderCountryFactory)
    stage = Stage.REQUESTED
    changed_on = datetime.date(2018, 2, 1)
    decision = "Letter from the Minister of Labour to the Alliance secretariat."


class RoadMapFactory(DjangoModelFactory):
    class Meta:
        model = RoadMap

    pathfinder = factory.SubFactory(PathfinderCountryFactory)
    title = factory.Sequence(lambda n: f"National road map towards target 8.7 ({n})")
    status = RoadMapStatus.DRAFT
    adopted_on = None
    start_date = datetime.date(2019, 1, 1)
    end_date = datetime.date(2022, 1, 1)
    document_url = "https://www.alliance87.org/"


class MilestoneFactory(DjangoModelFactory):
    class Meta:
        model = Milestone
        skip_postgeneration_save = True

    road_map = factory.SubFactory(RoadMapFactory)
    title = factory.Sequence(lambda n: f"Adopt the hazardous work list {n}")
    due_date = datetime.date(2020, 12, 31)
    status = MilestoneStatus.PLANNED
    completed_on = None

    @factory.post_generation
    def responsible_partners(obj, create, extracted, **kwargs):
        _add_partners(obj, create, extracted, "responsible_partners")


class AnnualReportFactory(DjangoModelFactory):
    class Meta:
        model = AnnualReport

    pathfinder = factory.SubFactory(PathfinderCountryFactory)
    year = factory.Sequence(lambda n: 2019 + n % 80)
    submitted_on = factory.LazyAttribute(lambda o: datetime.date(o.year + 1, 3, 1))
    document_url = "https://www.alliance87.org/"
