"""The facts of the Alliance 8.7 progress report (GB.335/INS/8, 2019), as data.

Source: docs/sources/alliance87-progress-report.txt, shipped with the project. Every record
cites the paragraph its facts come from. What the report does not say stays empty: no dates,
seats, seats of organisations or identifiers are guessed. The one identifier, the ILO's
XM-DAC-41302, is not in the report: it cites its own source, the OECD DAC list. Dates the report
gives as a month are the 1st of that month with month precision; a year alone is 1 January with
year precision. What the report plans (paras. 26 to 30) is stored as planned, never as done.
"""

import datetime

from action_groups.models import Role, WorkPlanStatus
from governance.models import EstimateUnit, EventKind, EventStatus, Office
from partners.models import Category, Relation, Theme
from pathfinders.models import RoadMapStatus, Stage


def para(number: int) -> str:
    return f"Progress report, para. {number}"


def month(year: int, number: int) -> datetime.date:
    return datetime.date(year, number, 1)


def year(number: int) -> datetime.date:
    return datetime.date(number, 1, 1)


# org-id.guide's XM-DAC scheme is the OECD DAC list; 41302 is the ILO's channel code in it.
DAC_CHANNEL_LIST = (
    "OECD DAC list of ODA-eligible international organisations (channel codes), "
    "org-id.guide scheme XM-DAC"
)


# --------------------------------------------------------------------------- partners

ILO = "international-labour-organization"
IOM = "international-organization-for-migration"
UNICEF = "unicef"
OHCHR = "office-of-the-united-nations-high-commissioner-for-human-rights"
AUSTRALIA = "government-of-australia"
ARGENTINA = "government-of-argentina"
BUSINESS_NETWORK_CHILD_LABOUR = "ilo-business-network-on-child-labour"
BUSINESS_NETWORK_FORCED_LABOUR = "ilo-business-network-on-forced-labour"

DEVELOPMENT_PARTNER = (
    "Development partner that has given Alliance 8.7 financial support, including through "
    "support to IPEC+."
)
REGIONAL_INITIATIVE = (
    "Alliance 8.7 works closely with its regional and subregional initiatives aimed at achieving "
    "target 8.7."
)
BUSINESS_NETWORK = (
    "Contributes to the work of the Supply Chains Action Group of Alliance 8.7 and provides a "
    "forum for frank exchange of experience in addressing child labour and forced labour in supply "
    "chains; it also promotes collaboration, consultation and joint action in ILO member States."
)

PARTNERS = [
    {
        "slug": ILO,
        "name": "International Labour Organization",
        "acronym": "ILO",
        "category": Category.INTERNATIONAL,
        "description": (
            "The Office serves as the secretariat of Alliance 8.7 (para. 12). The ILO Flagship "
            "International Programme on the Elimination of Child Labour and Forced Labour "
            "(IPEC+), operational in 51 countries, is the main means by which the Office "
            "supports the implementation of the Alliance 8.7 strategy (para. 16)."
        ),
        "identifiers": [("XM-DAC", "41302", DAC_CHANNEL_LIST)],
        "source": f"{para(12)} and 16",
    },
    {
        "slug": IOM,
        "name": "International Organization for Migration",
        "acronym": "IOM",
        "category": Category.INTERNATIONAL,
        "source": para(13),
    },
    {
        "slug": UNICEF,
        "name": "UNICEF",
        "category": Category.INTERNATIONAL,
        "source": para(13),
    },
    {
        "slug": OHCHR,
        "name": "Office of the United Nations High Commissioner for Human Rights",
        "acronym": "OHCHR",
        "category": Category.INTERNATIONAL,
        "source": para(13),
    },
    {
        "slug": "un-university",
        "name": "UN University",
        "category": Category.INTERNATIONAL,
        "description": (
            "A partner of Alliance 8.7 that in 2018 launched the Delta 8.7 Knowledge Platform, "
            "which brings together the most useful data, evidence, research and news, analyses "
            "cutting-edge data, and helps users understand the data so that it can be translated "
            "into effective policy."
        ),
        "relations": [Relation.PARTNER],
        "source": para(23),
    },
    {
        "slug": "delta-8-7-knowledge-platform",
        "name": "Delta 8.7 Knowledge Platform",
        "category": Category.OTHER,
        "website": "https://delta87.org/",
        "description": (
            "Launched in 2018 by the UN University, a partner of Alliance 8.7: it brings together "
            "the most useful data, evidence, research and news, analyses cutting-edge data, and "
            "helps users understand the data so that it can be translated into effective policy. "
            "Each pathfinder country's page links to its country dashboard."
        ),
        "relations": [Relation.COLLABORATING],
        "source": para(23),
    },
    {
        "slug": AUSTRALIA,
        "name": "Government of Australia",
        "category": Category.GOVERNMENT,
        "country": "AU",
        "source": para(11),
    },
    {
        "slug": ARGENTINA,
        "name": "Government of Argentina",
        "category": Category.GOVERNMENT,
        "country": "AR",
        "source": para(11),
    },
    *[
        {
            "slug": slug,
            "name": name,
            "category": Category.GOVERNMENT,
            "country": country,
            "description": DEVELOPMENT_PARTNER,
            "relations": [Relation.DEVELOPMENT_PARTNER],
            "source": para(19),
        }
        for slug, name, country in [
            ("government-of-france", "Government of France", "FR"),
            ("government-of-germany", "Government of Germany", "DE"),
            ("government-of-the-netherlands", "Government of the Netherlands", "NL"),
            ("government-of-the-united-kingdom", "Government of the United Kingdom", "GB"),
            ("government-of-the-united-states", "Government of the United States", "US"),
        ]
    ],
    {
        "slug": "un-global-compact",
        "name": "UN Global Compact",
        "category": Category.INTERNATIONAL,
        "description": (
            "Supports the ILO business networks through public–private partnerships with member "
            "companies."
        ),
        "relations": [Relation.COLLABORATING],
        "source": para(19),
    },
    {
        "slug": BUSINESS_NETWORK_CHILD_LABOUR,
        "name": "ILO business network on child labour",
        "category": Category.EMPLOYERS,
        "themes": [Theme.CHILD_LABOUR],
        "description": BUSINESS_NETWORK,
        "relations": [Relation.COLLABORATING],
        "source": para(17),
    },
    {
        "slug": BUSINESS_NETWORK_FORCED_LABOUR,
        "name": "ILO business network on forced labour",
        "category": Category.EMPLOYERS,
        "themes": [Theme.FORCED_LABOUR],
        "description": BUSINESS_NETWORK,
        "relations": [Relation.COLLABORATING],
        "source": para(17),
    },
    {
        "slug": "regional-initiative-latin-america-and-the-caribbean-free-of-child-labour",
        "name": "Regional Initiative: Latin America and the Caribbean Free of Child Labour",
        "category": Category.REGIONAL,
        "themes": [Theme.CHILD_LABOUR],
        "website": "http://www.iniciativa2025alc.org/en",
        "description": (
            "A regional initiative aimed at achieving target 8.7 with which Alliance 8.7 works "
            "closely."
        ),
        "relations": [Relation.COLLABORATING],
        "source": para(22),
    },
    {
        "slug": "african-union",
        "name": "African Union",
        "category": Category.REGIONAL,
        "description": REGIONAL_INITIATIVE,
        "relations": [Relation.COLLABORATING],
        "source": para(22),
    },
    {
        "slug": "south-asian-association-for-regional-cooperation",
        "name": "South Asian Association for Regional Cooperation",
        "category": Category.REGIONAL,
        "website": "http://www.saarc-sec.org/",
        "description": REGIONAL_INITIATIVE,
        "relations": [Relation.COLLABORATING],
        "source": para(22),
    },
    {
        "slug": "bali-process",
        "name": "Bali Process",
        "category": Category.REGIONAL,
        "website": "https://www.baliprocess.net/ad-hoc-group/working-group-on-trafficking-in-persons/",
        "description": REGIONAL_INITIATIVE,
        "relations": [Relation.COLLABORATING],
        "source": para(22),
    },
    {
        "slug": "organization-for-security-and-cooperation-in-europe",
        "name": "Organization for Security and Cooperation in Europe",
        "category": Category.REGIONAL,
        "description": REGIONAL_INITIATIVE,
        "relations": [Relation.COLLABORATING],
        "source": para(22),
    },
    {
        "slug": "organisation-for-economic-co-operation-and-development",
        "name": "Organisation for Economic Co-operation and Development",
        "category": Category.INTERNATIONAL,
        "description": "A relevant organization with which Alliance 8.7 is closely working.",
        "relations": [Relation.COLLABORATING],
        "source": para(22),
    },
    {
        "slug": "g20",
        "name": "G20",
        "category": Category.OTHER,
        "description": "A group of countries with which Alliance 8.7 is closely working.",
        "relations": [Relation.COLLABORATING],
        "source": para(22),
    },
]

# Para. 21, in the report's order; the report spells Viet Nam so, and so do we.
PATHFINDER_COUNTRIES = [
    ("AL", "Albania"),
    ("CL", "Chile"),
    ("FJ", "Fiji"),
    ("MG", "Madagascar"),
    ("MW", "Malawi"),
    ("MR", "Mauritania"),
    ("MX", "Mexico"),
    ("MA", "Morocco"),
    ("NP", "Nepal"),
    ("NG", "Nigeria"),
    ("PE", "Peru"),
    ("LK", "Sri Lanka"),
    ("TN", "Tunisia"),
    ("UG", "Uganda"),
    ("VN", "Viet Nam"),
]
PATHFINDER_CODES = frozenset(code for code, _name in PATHFINDER_COUNTRIES)


def government_slug(name: str) -> str:
    return "government-of-" + name.lower().replace(" ", "-")


PARTNERS += [
    {
        "slug": government_slug(name),
        "name": f"Government of {name}",
        "category": Category.GOVERNMENT,
        "country": code,
        "source": para(21),
    }
    for code, name in PATHFINDER_COUNTRIES
]

# A government's name in French and Spanish: "Gouvernement" and "Gobierno" with the country's UN
# short name in that language (UNTERM) and the article UNTERM gives it, joined to "of" as each
# language writes it ("de" + "le" is "du"): Government of Nepal, Gouvernement du Népal, Gobierno
# de Nepal.
GOVERNMENT_OF = {
    "AL": ("de l'Albanie", "de Albania"),
    "AR": ("de l'Argentine", "de la Argentina"),
    "AU": ("de l'Australie", "de Australia"),
    "CL": ("du Chili", "de Chile"),
    "DE": ("de l'Allemagne", "de Alemania"),
    "FJ": ("des Fidji", "de Fiji"),
    "FR": ("de la France", "de Francia"),
    "GB": ("du Royaume-Uni", "del Reino Unido"),
    "LK": ("de Sri Lanka", "de Sri Lanka"),
    "MA": ("du Maroc", "de Marruecos"),
    "MG": ("de Madagascar", "de Madagascar"),
    "MR": ("de la Mauritanie", "de Mauritania"),
    "MW": ("du Malawi", "de Malawi"),
    "MX": ("du Mexique", "de México"),
    "NG": ("du Nigéria", "de Nigeria"),
    "NL": ("des Pays-Bas", "de los Países Bajos"),
    "NP": ("du Népal", "de Nepal"),
    "PE": ("du Pérou", "del Perú"),
    "TN": ("de la Tunisie", "de Túnez"),
    "UG": ("de l'Ouganda", "de Uganda"),
    "US": ("des États-Unis", "de los Estados Unidos"),
    "VN": ("du Viet Nam", "de Viet Nam"),
}
# The organisations' own names and acronyms in French and Spanish, where they have them (their
# official languages). The others are left for the secretariat to enter.
OWN_NAMES = {
    ILO: {
        "name_fr": "Organisation internationale du Travail",
        "acronym_fr": "OIT",
        "name_es": "Organización Internacional del Trabajo",
        "acronym_es": "OIT",
    },
    "international-organization-for-migration": {
        "name_fr": "Organisation internationale pour les migrations",
        "acronym_fr": "OIM",
        "name_es": "Organización Internacional para las Migraciones",
        "acronym_es": "OIM",
    },
    OHCHR: {
        "name_fr": "Haut-Commissariat des Nations Unies aux droits de l'homme",
        "acronym_fr": "HCDH",
        "name_es": "Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos",
        "acronym_es": "ACNUDH",
    },
    "african-union": {
        "name_fr": "Union africaine",
        "acronym_fr": "UA",
        "name_es": "Unión Africana",
        "acronym_es": "UA",
    },
    "organization-for-security-and-cooperation-in-europe": {
        "name_fr": "Organisation pour la sécurité et la coopération en Europe",
        "acronym_fr": "OSCE",
        "name_es": "Organización para la Seguridad y la Cooperación en Europa",
        "acronym_es": "OSCE",
    },
    "organisation-for-economic-co-operation-and-development": {
        "name_fr": "Organisation de coopération et de développement économiques",
        "acronym_fr": "OCDE",
        "name_es": "Organización para la Cooperación y el Desarrollo Económicos",
        "acronym_es": "OCDE",
    },
}
for _partner in PARTNERS:
    if _partner["category"] == Category.GOVERNMENT:
        _fr, _es = GOVERNMENT_OF[_partner["country"]]
        _partner.update(name_fr=f"Gouvernement {_fr}", name_es=f"Gobierno {_es}")
    _partner.update(OWN_NAMES.get(_partner["slug"], {}))

# --------------------------------------------------------------------------- governance

CONSTITUENCIES = [
    {"slug": "governments", "name": "Governments", "position": 1},
    {"slug": "workers-organizations", "name": "Workers' organizations", "position": 2},
    {"slug": "employers-organizations", "name": "Employers' organizations", "position": 3},
    {"slug": "civil-society", "name": "Civil society", "position": 4},
    {
        "slug": "un-and-regional-intergovernmental-organizations",
        "name": "UN and regional intergovernmental organizations",
        "position": 5,
    },
]
for constituency in CONSTITUENCIES:
    constituency["source"] = para(11)

# The report does not say when these terms began: start dates stay empty.
OFFICE_TERMS = [
    {"office": Office.SECRETARIAT, "partner": ILO, "source": para(12)},
    {"office": Office.CHAIR, "partner": AUSTRALIA, "source": para(11)},
    {"office": Office.DEPUTY_CHAIR, "partner": ARGENTINA, "source": para(11)},
]

CONSULTATION = (
    "A meeting with countries from {region}, held by the Office to inform the strategy of "
    "Alliance 8.7, ensure the concerns of the ILO's tripartite constituents were reflected in it, "
    "and secure the required commitment."
)
MADAGASCAR_WORKSHOP = "national-strategy-workshop-madagascar-2018"

EVENTS = [
    {
        "slug": "launch-of-alliance-8-7",
        "kind": EventKind.LAUNCH,
        "title": "Launch of Alliance 8.7",
        "start_date": month(2016, 9),
        "description": (
            "The Office, along with other UN agencies, governments, social partners and "
            "development partners, supported the launch of Alliance 8.7, an inclusive global "
            "partnership committed to achieving target 8.7."
        ),
        "source": para(7),
    },
    *[
        {
            "slug": f"regional-consultation-{slug}-{start.year}",
            "kind": EventKind.REGIONAL_CONSULTATION,
            "title": f"Regional consultation: {region} ({city})",
            "start_date": start,
            "city": city,
            "country": country,
            "description": CONSULTATION.format(region=in_text),
            "source": para(8),
        }
        for slug, region, in_text, city, country, start in [
            ("south-asia", "South Asia", "South Asia", "Thimphu", "BT", month(2016, 7)),
            (
                "west-and-north-africa",
                "West and North Africa",
                "West and North Africa",
                "Abidjan",
                "CI",
                month(2016, 9),
            ),
            (
                "south-east-asia-and-the-pacific",
                "South-East Asia and the Pacific",
                "South-East Asia and the Pacific",
                "Bangkok",
                "TH",
                month(2016, 9),
            ),
            ("the-americas", "The Americas", "the Americas", "Buenos Aires", "AR", month(2017, 2)),
            (
                "sub-saharan-africa",
                "Sub-Saharan Africa",
                "sub-Saharan Africa",
                "Addis Ababa",
                "ET",
                month(2017, 6),
            ),
            (
                "europe-and-central-asia",
                "Europe and Central Asia",
                "Europe and Central Asia",
                "Budapest",
                "HU",
                month(2017, 6),
            ),
            ("the-pacific", "The Pacific", "the Pacific", "Nadi", "FJ", month(2017, 10)),
        ]
    ],
    {
        "slug": "workshop-wilton-park-2017",
        "kind": EventKind.WORKSHOP,
        "title": "Workshop at Wilton Park",
        "start_date": month(2017, 2),
        "city": "Wilton Park",
        "country": "GB",
        "description": (
            "Convened by the Office to further gather input from UN partners, governments, "
            "employers' and workers' organizations and civil society, and to set the initial "
            "strategic direction of Alliance 8.7."
        ),
        "source": para(9),
    },
    {
        "slug": "iv-global-conference-on-the-sustained-eradication-of-child-labour",
        "kind": EventKind.GLOBAL_CONFERENCE,
        "title": "IV Global Conference on the Sustained Eradication of Child Labour",
        "start_date": month(2017, 11),
        "city": "Buenos Aires",
        "country": "AR",
        "description": (
            "For the first time, the Global Conference also included forced labour as a thematic "
            "topic, furthering alignment of the worldwide movement against child labour with "
            "target 8.7."
        ),
        "outcome": (
            "The Buenos Aires Declaration, which reinforced the global commitment to achieving "
            "target 8.7; in addition, 96 countries and organizations made concrete pledges to "
            "this end."
        ),
        "source": para(10),
    },
    {
        "slug": MADAGASCAR_WORKSHOP,
        "kind": EventKind.WORKSHOP,
        "title": "National strategy workshop, Madagascar",
        "start_date": month(2018, 10),
        "country": "MG",
        "outcome": "An initial road map to achieve target 8.7.",
        "source": para(21),
    },
]

SUPPLY_CHAINS_PLANNING_MEETING = "supply-chains-action-group-planning-meeting-africa-2019"
RULE_OF_LAW_PLANNING_MEETING = (
    "rule-of-law-and-governance-action-group-initial-planning-meeting-2019"
)

# Paras. 26 to 30: what the report plans. Planned, dated as precisely as the report says.
PLANNED_EVENTS = [
    {
        "slug": "report-on-child-labour-and-forced-labour-in-global-supply-chains-2019",
        "kind": EventKind.PUBLICATION,
        "title": "Report on child labour and forced labour in global supply chains",
        "start_date": year(2019),
        "date_precision": "year",
        "description": (
            "Alliance 8.7 will publish a report to take stock of existing evidence on the "
            "prevalence of child labour and forced labour in global supply chains, in response to "
            "a request made by the G20 in 2017."
        ),
        "source": para(26),
    },
    {
        "slug": "global-report-on-pathfinder-countries-hlpf-2019",
        "kind": EventKind.PUBLICATION,
        "title": "Global report on efforts made in pathfinder countries, at the HLPF",
        "start_date": month(2019, 7),
        "date_precision": "month",
        "description": (
            "At the high-level political forum on sustainable development (HLPF) in July 2019, "
            "Alliance 8.7 will publish a global report on efforts made in pathfinder countries to "
            "tackle forced and child labour, and the catalysing role of Alliance 8.7."
        ),
        "source": para(27),
    },
    {
        "slug": "assessment-of-the-iv-global-conference-pledges-2019",
        "kind": EventKind.ASSESSMENT,
        "title": "Assessment of progress on the pledges of the IV Global Conference",
        "start_date": year(2019),
        "date_precision": "year",
        "description": (
            "Progress in implementing pledges made at the IV Global Conference on the Sustained "
            "Eradication of Child Labour will be assessed."
        ),
        "source": para(27),
    },
    {
        "slug": "v-global-conference-on-child-labour",
        "kind": EventKind.GLOBAL_CONFERENCE,
        "title": "V Global Conference on Child Labour",
        "start_date": None,
        "date_precision": "year",
        "description": (
            "Will provide Alliance 8.7 partners further opportunity to take stock of progress "
            "made, generate more political will, accelerate action and adjust the G20 Strategy "
            "as needed."
        ),
        "source": para(28),
    },
    {
        "slug": SUPPLY_CHAINS_PLANNING_MEETING,
        "kind": EventKind.PLANNING_MEETING,
        "title": "Supply Chains Action Group planning meeting in Africa",
        "start_date": year(2019),
        "date_precision": "year",
        "description": (
            "To provide a forum for exchange of experiences and develop a second work plan, "
            "covering 2020–21."
        ),
        "source": para(29),
    },
    {
        "slug": RULE_OF_LAW_PLANNING_MEETING,
        "kind": EventKind.PLANNING_MEETING,
        "title": "Rule of Law and Governance Action Group initial planning meeting",
        "start_date": year(2019),
        "date_precision": "year",
        "source": para(29),
    },
    {
        "slug": "pathfinder-planning-workshops-in-14-countries-2019",
        "kind": EventKind.WORKSHOP,
        "title": "Planning workshops in 14 pathfinder countries",
        "start_date": year(2019),
        "date_precision": "year",
        "description": (
            "To implement the pathfinder country strategy, Alliance 8.7 will organize planning "
            "workshops in 14 countries; they result in joint plans of action that serve as "
            "Alliance 8.7 road maps in the countries concerned."
        ),
        "source": para(30),
    },
]
for event in PLANNED_EVENTS:
    event["status"] = EventStatus.PLANNED

# (group, event): a group's meetings are Events.
GROUP_MEETINGS = [
    ("supply-chains", SUPPLY_CHAINS_PLANNING_MEETING),
    ("rule-of-law-and-governance", RULE_OF_LAW_PLANNING_MEETING),
]

# Para. 29: the second work plan, to be developed; periods are half-open, so 2020–21 ends 2022.
WORK_PLANS = [
    {
        "group": "supply-chains",
        "title": "Second work plan of the Supply Chains Action Group, 2020–21",
        "start_date": year(2020),
        "end_date": year(2022),
        "status": WorkPlanStatus.DRAFT,
        "source": para(29),
    },
]

# Para. 1. Parts refer to their whole by slug; positions give the display order.
GLOBAL_ESTIMATES = [
    ("modern-slavery", "People in modern slavery", 40_000_000, None),
    ("forced-labour", "People in forced labour", 25_000_000, "modern-slavery"),
    ("forced-marriage", "People in forced marriage", 15_000_000, "modern-slavery"),
    ("child-labour", "Children in child labour", 152_000_000, None),
    ("child-labour-boys", "Boys in child labour", 88_000_000, "child-labour"),
    ("child-labour-girls", "Girls in child labour", 64_000_000, "child-labour"),
    ("hazardous-child-labour", "Children in hazardous work", 73_000_000, "child-labour"),
]

# Para. 1: "child labour declined by 38 per cent from 2000 to 2016".
GLOBAL_TRENDS = [
    (
        "child-labour-decline-2000-2016",
        "Decline in child labour from 2000 to 2016",
        38,
        EstimateUnit.PERCENT,
    ),
]

# --------------------------------------------------------------------------- Action Groups

MANDATE = (
    "Support country-level implementation by conducting research, disseminating knowledge, "
    "developing tools and mobilizing resources."
)

ACTION_GROUPS = [
    {"slug": "migration", "name": "Migration"},
    {"slug": "rule-of-law-and-governance", "name": "Rule of Law and Governance"},
    {"slug": "conflicts-and-humanitarian-settings", "name": "Conflicts and Humanitarian Settings"},
    {"slug": "supply-chains", "name": "Supply Chains"},
]
for group in ACTION_GROUPS:
    group.update(mandate=MANDATE, source=para(13))

# (group, partner, role, source); the report gives no dates of membership.
MEMBERSHIPS = [
    ("migration", IOM, Role.CO_CHAIR, para(13)),
    ("migration", UNICEF, Role.CO_CHAIR, para(13)),
    ("rule-of-law-and-governance", OHCHR, Role.CHAIR, para(13)),
    ("conflicts-and-humanitarian-settings", UNICEF, Role.CHAIR, para(13)),
    ("supply-chains", ILO, Role.CHAIR, para(13)),
    ("supply-chains", BUSINESS_NETWORK_CHILD_LABOUR, Role.MEMBER, para(17)),
    ("supply-chains", BUSINESS_NETWORK_FORCED_LABOUR, Role.MEMBER, para(17)),
]

# --------------------------------------------------------------------------- pathfinders

REQUESTED = {
    "stage": Stage.REQUESTED,
    "decision": "Formally requested to participate as a pathfinder country.",
    "source": para(21),
}

MADAGASCAR_STAGES = [
    {
        "stage": Stage.WORKSHOP_HELD,
        "changed_on": month(2018, 10),
        "event": MADAGASCAR_WORKSHOP,
        "decision": "A national strategy workshop took place in Madagascar.",
        "source": para(21),
    },
]

# Para. 21: the workshop resulted in an initial road map; the report does not say it was adopted.
MADAGASCAR_ROAD_MAP = {
    "title": "Initial road map to achieve target 8.7",
    "status": RoadMapStatus.DRAFT,
    "adopted_on": None,
    "source": para(21),
}

# What earlier seeds stored and the report does not say: removed unless staff have changed it.
RETRACTED_STAGE = {"stage": Stage.ROAD_MAP_ADOPTED, "changed_on": month(2018, 10)}
