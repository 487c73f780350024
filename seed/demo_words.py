"""Vocabulary and dates for demo data: enough variety that lists, search and facets look real."""

import datetime
import random

from partners.models import Category
from partners.regions import Region

# Every demo row's source starts with MARKER; partners', events' and groups' slugs with the prefix.
MARKER = "Demo data (generate_demo_data"
SLUG_PREFIX = "demo-"
REGIONS = [r for r in Region if r != Region.ANTARCTICA]

# A fixed "today", so that the same seed gives the same statuses whenever it runs.
AS_OF = datetime.date(2025, 6, 30)
BEGINNING = datetime.date(2016, 9, 1)


def day_between(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    """A day in [start, end), or start itself when the span is empty."""
    return start + datetime.timedelta(days=rng.randrange(max(1, (end - start).days)))


# {country}, {city}, {sector} and {topic} are filled in; every name also gets a "(demo N)" suffix.
NAME_TEMPLATES = {
    Category.GOVERNMENT: [
        "Ministry of Labour, {country}",
        "Ministry of Labour and Social Protection, {country}",
        "Ministry of Social Affairs, {country}",
        "Ministry of Justice, {country}",
        "National Commission on Child Labour, {country}",
        "Labour Inspectorate of {country}",
        "National Anti-Trafficking Agency, {country}",
        "Ministry of Foreign Affairs, {country}",
    ],
    Category.INTERNATIONAL: [
        "International Fund for {topic}",
        "Global Programme on {topic}",
        "International Centre for {topic}",
        "United Nations Trust Fund for {topic}",
        "Intergovernmental Committee on {topic}",
    ],
    Category.REGIONAL: [
        "{region} Network against Trafficking",
        "{region} Labour Ministers' Council",
        "{region} Initiative on {topic}",
        "{region} Commission on Human Rights",
    ],
    Category.WORKERS: [
        "{country} Federation of Trade Unions",
        "{country} Confederation of Labour",
        "Union of Agricultural Workers of {country}",
        "Domestic Workers' Union of {country}",
        "{country} Garment and Textile Workers' Union",
        "Fishers' and Seafarers' Union of {country}",
    ],
    Category.EMPLOYERS: [
        "{country} Employers' Federation",
        "Chamber of Commerce and Industry of {country}",
        "{country} {sector} Producers' Association",
        "{city} {sector} Exporters' Council",
        "{sector} Sustainability Roundtable, {country}",
    ],
    Category.CIVIL_SOCIETY: [
        "{country} Coalition against Child Labour",
        "Foundation for Children's Rights, {country}",
        "Anti-Slavery Network of {city}",
        "{city} Centre for Migrant Workers",
        "Survivors' Alliance of {country}",
        "Women against Forced Marriage, {country}",
        "Legal Aid for Trafficked Persons, {city}",
        "{country} Campaign for Fair Recruitment",
    ],
    Category.ACADEMIC: [
        "University of {city}",
        "{city} Institute for Labour Studies",
        "Centre for Human Rights Research, {country}",
        "{country} School of Public Policy",
        "{city} Law School Clinic on Modern Slavery",
    ],
    Category.OTHER: [
        "{country} Business and Human Rights Platform",
        "Journalists' Network on Modern Slavery, {country}",
        "{sector} Traceability Initiative",
        "Faith Leaders against Trafficking, {country}",
        "{city} Data Lab on {topic}",
    ],
}

# Weights of each category among demo partners, roughly as in the real partner base.
CATEGORY_WEIGHTS = {
    Category.CIVIL_SOCIETY: 30,
    Category.EMPLOYERS: 20,
    Category.WORKERS: 12,
    Category.GOVERNMENT: 12,
    Category.ACADEMIC: 10,
    Category.OTHER: 6,
    Category.INTERNATIONAL: 5,
    Category.REGIONAL: 5,
}

SECTORS = [
    "Cocoa",
    "Cotton",
    "Fisheries",
    "Garment",
    "Construction",
    "Mining",
    "Palm Oil",
    "Electronics",
    "Tea",
    "Brick Kiln",
    "Hospitality",
    "Domestic Work",
]

TOPICS = [
    "Child Labour",
    "Forced Labour",
    "Fair Recruitment",
    "Modern Slavery",
    "Human Trafficking",
    "Decent Work",
    "Child Soldiers",
    "Labour Migration",
]

REGION_ADJECTIVES = {
    "africa": "African",
    "americas": "Inter-American",
    "asia": "Asian",
    "europe": "European",
    "oceania": "Pacific",
}

# Real cities with their countries, for events, universities and local organisations.
CITIES = [
    ("Geneva", "CH"),
    ("New York", "US"),
    ("Washington", "US"),
    ("London", "GB"),
    ("Paris", "FR"),
    ("Berlin", "DE"),
    ("The Hague", "NL"),
    ("Brussels", "BE"),
    ("Rome", "IT"),
    ("Madrid", "ES"),
    ("Lisbon", "PT"),
    ("Oslo", "NO"),
    ("Budapest", "HU"),
    ("Istanbul", "TR"),
    ("Cairo", "EG"),
    ("Tunis", "TN"),
    ("Rabat", "MA"),
    ("Dakar", "SN"),
    ("Abidjan", "CI"),
    ("Accra", "GH"),
    ("Lagos", "NG"),
    ("Nairobi", "KE"),
    ("Kampala", "UG"),
    ("Addis Ababa", "ET"),
    ("Lusaka", "ZM"),
    ("Johannesburg", "ZA"),
    ("Antananarivo", "MG"),
    ("Lilongwe", "MW"),
    ("Amman", "JO"),
    ("Beirut", "LB"),
    ("Dhaka", "BD"),
    ("Kathmandu", "NP"),
    ("Colombo", "LK"),
    ("Delhi", "IN"),
    ("Bangkok", "TH"),
    ("Hanoi", "VN"),
    ("Jakarta", "ID"),
    ("Manila", "PH"),
    ("Kuala Lumpur", "MY"),
    ("Tokyo", "JP"),
    ("Sydney", "AU"),
    ("Suva", "FJ"),
    ("Mexico City", "MX"),
    ("Guatemala City", "GT"),
    ("Bogotá", "CO"),
    ("Lima", "PE"),
    ("Santiago", "CL"),
    ("Buenos Aires", "AR"),
    ("São Paulo", "BR"),
    ("Toronto", "CA"),
]

WORK_AREAS = [
    "agriculture",
    "domestic work",
    "supply chains",
    "fisheries",
    "mining",
    "construction",
    "the informal economy",
    "labour migration",
    "crisis settings",
]

STATUS_REASONS = [
    "Did not submit its annual report for two years.",
    "Requested a pause while it reorganises.",
    "Merged into another partner organisation.",
    "Ceased operations.",
]

PLEDGES = [
    "Eliminate child labour from {sector} supply chains by {year}",
    "Train {n} labour inspectors on forced labour indicators by {year}",
    "Adopt a national action plan on {topic} by {year}",
    "Ratify the Protocol of 2014 to the Forced Labour Convention by {year}",
    "Fund remediation for {n} children withdrawn from hazardous work by {year}",
    "Publish a fair recruitment policy covering all suppliers by {year}",
]

ACTIVITIES = {
    "research": "Study of {topic} in {sector}",
    "knowledge_sharing": "Peer-learning webinar on {topic}",
    "tools": "Due diligence toolkit for {sector}",
    "resource_mobilisation": "Donor round table on {topic}",
    "technical_cooperation": "Support to national labour inspectorates on {topic}",
}

MILESTONES = [
    "Adopt the national list of hazardous work for children",
    "Set up a national referral mechanism for victims of trafficking",
    "Train labour inspectors on forced labour indicators",
    "Extend social protection to informal workers in {sector}",
    "Publish a national survey on child labour",
    "Amend the labour code on the minimum age of employment",
    "Launch a helpline for migrant workers",
    "Ratify the Protocol of 2014 to the Forced Labour Convention",
    "Map child labour in {sector} supply chains",
    "Set up district child labour monitoring committees",
]

EVENT_OUTCOMES = [
    "Partners agreed on priorities for the next two years.",
    "A joint statement was adopted.",
    "Participants endorsed the draft work plan.",
    "Country teams shared lessons learned and agreed next steps.",
]
