"""Vocabulary and dates for demo data: enough variety that lists, search and facets look real.

Every text is given in each of LANGUAGES, in that order: an (English, French, Spanish) triple.
French and Spanish names and phrases carry their article ("le secteur du cacao", "el trabajo
infantil"), so a template can put them after any preposition; `contracted()` then writes
"de le" as "du" and "de el" as "del".
"""

import datetime
import functools
import random
import re

from django.utils import translation

from core.translation import column
from partners.models import Category, Theme
from partners.regions import Region

# The languages of every triple below; they are the registry's (core.translation.LANGUAGES).
LANGUAGES = ("en", "fr", "es")

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


@functools.cache
def _columns(field: str) -> tuple[str, ...]:
    return tuple(column(field, language) for language in LANGUAGES)


def texts(field: str, values) -> dict[str, str]:
    """A model's keyword arguments for `field` in every language, from one value per language
    (`{"name": ..., "name_fr": ..., "name_es": ...}`)."""
    return dict(zip(_columns(field), values, strict=True))


def texts_of(record, field: str) -> tuple[str, ...]:
    """`record`'s `field` in every language."""
    return tuple(getattr(record, name) for name in _columns(field))


def labels(choices) -> dict:
    """Each choice's label in every language, worked out once: a lazy label looks its
    translation up at every use."""
    found = {choice: [] for choice in choices}
    for language in LANGUAGES:
        with translation.override(language):
            for choice, label in found.items():
                label.append(str(choice.label))
    return {choice: tuple(label) for choice, label in found.items()}


NO_TEXT = ("",) * len(LANGUAGES)


_FRENCH_CONTRACTIONS = {
    "de le ": "du ",
    "de les ": "des ",
    "à le ": "au ",
    "à les ": "aux ",
    "de Le ": "du ",  # de Le Caire
    "à Le ": "au ",
}
_FRENCH = re.compile(r"\b(?:de|à) (?:le|les|Le) |\bde (?=[AEIOUÀÂÉÈÊÎÏÔÛ])")
_SPANISH = re.compile(r"\b(de|a) el ")


def contracted(text: str, language: str) -> str:
    """`text` with the contractions its language requires where a phrase met a preposition:
    "de le secteur" is "du secteur", "de Accra" is "d'Accra", "de el sector" is "del sector"."""
    if language == "fr":
        return _FRENCH.sub(lambda m: _FRENCH_CONTRACTIONS.get(m.group(), "d'"), text)
    if language == "es":
        return _SPANISH.sub(lambda m: "del " if m.group(1) == "de" else "al ", text)
    return text


def fill(templates, **values) -> tuple[str, ...]:
    """Each language's template filled in, contracted: a tuple value gives each language its own
    text (in the order of LANGUAGES), any other value is the same in all."""
    return tuple(
        contracted(
            template.format(**{k: v[i] if isinstance(v, tuple) else v for k, v in values.items()}),
            language,
        )
        for i, (language, template) in enumerate(zip(LANGUAGES, templates, strict=True))
    )


def without_article(phrase: str) -> str:
    """A phrase as a heading: "le travail des enfants" is "Travail des enfants"."""
    for article in ("l'", "le ", "la ", "les ", "el ", "los ", "las "):
        if phrase.startswith(article):
            phrase = phrase[len(article) :]
            break
    return phrase[:1].upper() + phrase[1:]


def initials(name: str) -> str:
    """An acronym from the initials of a name's capitalised words, or "" if it would be one
    letter."""
    letters = "".join(word[0] for word in name.split() if word[0].isupper())
    return letters[:8] if len(letters) > 1 else ""


# In partner names: {country} and {city} (each language's own name), {sector} and {topic} (in
# English a capitalised name, in French and Spanish a phrase with its article), {region} (an
# adjective; {region_f} is its feminine form). French names put a country after a comma, which
# spares the article a country takes ("du Ghana", "de la France"). Every name also gets a
# "(demo N)" suffix, the same in every language.
NAME_TEMPLATES = {
    Category.GOVERNMENT: [
        (
            "Ministry of Labour, {country}",
            "Ministère du Travail, {country}",
            "Ministerio de Trabajo, {country}",
        ),
        (
            "Ministry of Labour and Social Protection, {country}",
            "Ministère du Travail et de la Protection sociale, {country}",
            "Ministerio de Trabajo y Protección Social, {country}",
        ),
        (
            "Ministry of Social Affairs, {country}",
            "Ministère des Affaires sociales, {country}",
            "Ministerio de Asuntos Sociales, {country}",
        ),
        (
            "Ministry of Justice, {country}",
            "Ministère de la Justice, {country}",
            "Ministerio de Justicia, {country}",
        ),
        (
            "National Commission on Child Labour, {country}",
            "Commission nationale sur le travail des enfants, {country}",
            "Comisión Nacional sobre el Trabajo Infantil, {country}",
        ),
        (
            "Labour Inspectorate of {country}",
            "Inspection du travail, {country}",
            "Inspección del Trabajo de {country}",
        ),
        (
            "National Anti-Trafficking Agency, {country}",
            "Agence nationale de lutte contre la traite, {country}",
            "Agencia Nacional contra la Trata, {country}",
        ),
        (
            "Ministry of Foreign Affairs, {country}",
            "Ministère des Affaires étrangères, {country}",
            "Ministerio de Relaciones Exteriores, {country}",
        ),
    ],
    Category.INTERNATIONAL: [
        (
            "International Fund for {topic}",
            "Fonds international consacré à {topic}",
            "Fondo Internacional dedicado a {topic}",
        ),
        (
            "Global Programme on {topic}",
            "Programme mondial sur {topic}",
            "Programa Mundial sobre {topic}",
        ),
        (
            "International Centre for {topic}",
            "Centre international de recherche sur {topic}",
            "Centro Internacional de Investigación sobre {topic}",
        ),
        (
            "United Nations Trust Fund for {topic}",
            "Fonds d'affectation spéciale des Nations Unies consacré à {topic}",
            "Fondo Fiduciario de las Naciones Unidas dedicado a {topic}",
        ),
        (
            "Intergovernmental Committee on {topic}",
            "Comité intergouvernemental sur {topic}",
            "Comité Intergubernamental sobre {topic}",
        ),
    ],
    Category.REGIONAL: [
        (
            "{region} Network against Trafficking",
            "Réseau {region} contre la traite",
            "Red {region_f} contra la Trata",
        ),
        (
            "{region} Labour Ministers' Council",
            "Conseil {region} des ministres du Travail",
            "Consejo {region} de Ministros de Trabajo",
        ),
        (
            "{region} Initiative on {topic}",
            "Initiative {region_f} sur {topic}",
            "Iniciativa {region_f} sobre {topic}",
        ),
        (
            "{region} Commission on Human Rights",
            "Commission {region_f} des droits de l'homme",
            "Comisión {region_f} de Derechos Humanos",
        ),
    ],
    Category.WORKERS: [
        (
            "{country} Federation of Trade Unions",
            "Fédération des syndicats, {country}",
            "Federación de Sindicatos de {country}",
        ),
        (
            "{country} Confederation of Labour",
            "Confédération du travail, {country}",
            "Confederación del Trabajo de {country}",
        ),
        (
            "Union of Agricultural Workers of {country}",
            "Syndicat des travailleurs agricoles, {country}",
            "Sindicato de Trabajadores Agrícolas de {country}",
        ),
        (
            "Domestic Workers' Union of {country}",
            "Syndicat des travailleuses et travailleurs domestiques, {country}",
            "Sindicato de Trabajadoras y Trabajadores del Hogar de {country}",
        ),
        (
            "{country} Garment and Textile Workers' Union",
            "Syndicat des travailleurs de l'habillement et du textile, {country}",
            "Sindicato de Trabajadores de la Confección y el Textil de {country}",
        ),
        (
            "Fishers' and Seafarers' Union of {country}",
            "Syndicat des pêcheurs et des gens de mer, {country}",
            "Sindicato de Pescadores y Gente de Mar de {country}",
        ),
    ],
    Category.EMPLOYERS: [
        (
            "{country} Employers' Federation",
            "Fédération des employeurs, {country}",
            "Federación de Empleadores de {country}",
        ),
        (
            "Chamber of Commerce and Industry of {country}",
            "Chambre de commerce et d'industrie, {country}",
            "Cámara de Comercio e Industria de {country}",
        ),
        (
            "{country} {sector} Producers' Association",
            "Association des producteurs de {sector}, {country}",
            "Asociación de Productores de {sector} de {country}",
        ),
        (
            "{city} {sector} Exporters' Council",
            "Conseil des exportateurs de {sector}, {city}",
            "Consejo de Exportadores de {sector} de {city}",
        ),
        (
            "{sector} Sustainability Roundtable, {country}",
            "Table ronde sur la durabilité de {sector}, {country}",
            "Mesa Redonda sobre la Sostenibilidad de {sector}, {country}",
        ),
    ],
    Category.CIVIL_SOCIETY: [
        (
            "{country} Coalition against Child Labour",
            "Coalition contre le travail des enfants, {country}",
            "Coalición contra el Trabajo Infantil de {country}",
        ),
        (
            "Foundation for Children's Rights, {country}",
            "Fondation pour les droits de l'enfant, {country}",
            "Fundación por los Derechos de la Infancia, {country}",
        ),
        (
            "Anti-Slavery Network of {city}",
            "Réseau contre l'esclavage de {city}",
            "Red contra la Esclavitud de {city}",
        ),
        (
            "{city} Centre for Migrant Workers",
            "Centre pour les travailleurs migrants de {city}",
            "Centro para Trabajadores Migrantes de {city}",
        ),
        (
            "Survivors' Alliance of {country}",
            "Alliance des survivantes et survivants, {country}",
            "Alianza de Sobrevivientes de {country}",
        ),
        (
            "Women against Forced Marriage, {country}",
            "Femmes contre le mariage forcé, {country}",
            "Mujeres contra el Matrimonio Forzado, {country}",
        ),
        (
            "Legal Aid for Trafficked Persons, {city}",
            "Aide juridique aux victimes de la traite, {city}",
            "Asistencia Jurídica a Víctimas de la Trata, {city}",
        ),
        (
            "{country} Campaign for Fair Recruitment",
            "Campagne pour le recrutement équitable, {country}",
            "Campaña por la Contratación Equitativa de {country}",
        ),
    ],
    Category.ACADEMIC: [
        ("University of {city}", "Université de {city}", "Universidad de {city}"),
        (
            "{city} Institute for Labour Studies",
            "Institut d'études du travail de {city}",
            "Instituto de Estudios Laborales de {city}",
        ),
        (
            "Centre for Human Rights Research, {country}",
            "Centre de recherche sur les droits humains, {country}",
            "Centro de Investigación en Derechos Humanos, {country}",
        ),
        (
            "{country} School of Public Policy",
            "École de politiques publiques, {country}",
            "Escuela de Políticas Públicas de {country}",
        ),
        (
            "{city} Law School Clinic on Modern Slavery",
            "Clinique juridique sur l'esclavage moderne de la faculté de droit de {city}",
            "Clínica Jurídica sobre Esclavitud Moderna de la Facultad de Derecho de {city}",
        ),
    ],
    # Some of these have no country ({country} is then GLOBAL), so none says "de {country}".
    Category.OTHER: [
        (
            "{country} Business and Human Rights Platform",
            "Plateforme entreprises et droits humains, {country}",
            "Plataforma de Empresas y Derechos Humanos, {country}",
        ),
        (
            "Journalists' Network on Modern Slavery, {country}",
            "Réseau de journalistes sur l'esclavage moderne, {country}",
            "Red de Periodistas sobre Esclavitud Moderna, {country}",
        ),
        (
            "{sector} Traceability Initiative",
            "Initiative de traçabilité de {sector}",
            "Iniciativa de Trazabilidad de {sector}",
        ),
        (
            "Faith Leaders against Trafficking, {country}",
            "Responsables religieux contre la traite, {country}",
            "Líderes Religiosos contra la Trata, {country}",
        ),
        (
            "{city} Data Lab on {topic}",
            "Laboratoire de données sur {topic}, {city}",
            "Laboratorio de Datos sobre {topic} de {city}",
        ),
    ],
}

# {country} of a name without a country.
GLOBAL = ("Global", "Monde", "Mundo")

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
    ("Cocoa", "le secteur du cacao", "el sector del cacao"),
    ("Cotton", "le secteur du coton", "el sector del algodón"),
    ("Fisheries", "le secteur de la pêche", "el sector pesquero"),
    ("Garment", "le secteur de l'habillement", "el sector de la confección"),
    ("Construction", "le secteur de la construction", "el sector de la construcción"),
    ("Mining", "le secteur minier", "el sector minero"),
    ("Palm Oil", "le secteur de l'huile de palme", "el sector del aceite de palma"),
    ("Electronics", "le secteur de l'électronique", "el sector de la electrónica"),
    ("Tea", "le secteur du thé", "el sector del té"),
    ("Brick Kiln", "le secteur des briqueteries", "el sector ladrillero"),
    ("Hospitality", "le secteur de l'hôtellerie", "el sector hotelero"),
    ("Domestic Work", "le secteur du travail domestique", "el sector del trabajo doméstico"),
]

TOPICS = [
    ("Child Labour", "le travail des enfants", "el trabajo infantil"),
    ("Forced Labour", "le travail forcé", "el trabajo forzoso"),
    ("Fair Recruitment", "le recrutement équitable", "la contratación equitativa"),
    ("Modern Slavery", "l'esclavage moderne", "la esclavitud moderna"),
    ("Human Trafficking", "la traite des êtres humains", "la trata de personas"),
    ("Decent Work", "le travail décent", "el trabajo decente"),
    ("Child Soldiers", "les enfants soldats", "los niños soldados"),
    ("Labour Migration", "la migration de main-d'œuvre", "la migración laboral"),
]

# What a partner works against, in French and Spanish (the English is the theme's label).
THEME_PHRASES = {
    Theme.FORCED_LABOUR: ("le travail forcé", "el trabajo forzoso"),
    Theme.CHILD_LABOUR: ("le travail des enfants", "el trabajo infantil"),
    Theme.HUMAN_TRAFFICKING: ("la traite des êtres humains", "la trata de personas"),
    Theme.MODERN_SLAVERY: ("l'esclavage moderne", "la esclavitud moderna"),
    Theme.FORCED_MARRIAGE: ("le mariage forcé", "el matrimonio forzoso"),
    Theme.CHILD_SOLDIERS: ("l'enrôlement d'enfants soldats", "el reclutamiento de niños soldados"),
}

# {region} in a name; French and Spanish adjectives follow their noun and agree with it.
REGION_ADJECTIVES = {
    "africa": ("African", "africain", "Africano"),
    "americas": ("Inter-American", "interaméricain", "Interamericano"),
    "asia": ("Asian", "asiatique", "Asiático"),
    "europe": ("European", "européen", "Europeo"),
    "oceania": ("Pacific", "du Pacifique", "del Pacífico"),
}
REGION_ADJECTIVES_FEMININE = {
    "africa": ("African", "africaine", "Africana"),
    "americas": ("Inter-American", "interaméricaine", "Interamericana"),
    "asia": ("Asian", "asiatique", "Asiática"),
    "europe": ("European", "européenne", "Europea"),
    "oceania": ("Pacific", "du Pacifique", "del Pacífico"),
}
GLOBAL_ADJECTIVE = ("Global", "mondial", "Mundial")
GLOBAL_ADJECTIVE_FEMININE = ("Global", "mondiale", "Mundial")

# Real cities with their countries, for events, universities and local organisations.
CITIES = [
    (("Geneva", "Genève", "Ginebra"), "CH"),
    (("New York", "New York", "Nueva York"), "US"),
    (("Washington", "Washington", "Washington"), "US"),
    (("London", "Londres", "Londres"), "GB"),
    (("Paris", "Paris", "París"), "FR"),
    (("Berlin", "Berlin", "Berlín"), "DE"),
    (("The Hague", "La Haye", "La Haya"), "NL"),
    (("Brussels", "Bruxelles", "Bruselas"), "BE"),
    (("Rome", "Rome", "Roma"), "IT"),
    (("Madrid", "Madrid", "Madrid"), "ES"),
    (("Lisbon", "Lisbonne", "Lisboa"), "PT"),
    (("Oslo", "Oslo", "Oslo"), "NO"),
    (("Budapest", "Budapest", "Budapest"), "HU"),
    (("Istanbul", "Istanbul", "Estambul"), "TR"),
    (("Cairo", "Le Caire", "El Cairo"), "EG"),
    (("Tunis", "Tunis", "Túnez"), "TN"),
    (("Rabat", "Rabat", "Rabat"), "MA"),
    (("Dakar", "Dakar", "Dakar"), "SN"),
    (("Abidjan", "Abidjan", "Abiyán"), "CI"),
    (("Accra", "Accra", "Acra"), "GH"),
    (("Lagos", "Lagos", "Lagos"), "NG"),
    (("Nairobi", "Nairobi", "Nairobi"), "KE"),
    (("Kampala", "Kampala", "Kampala"), "UG"),
    (("Addis Ababa", "Addis-Abeba", "Adís Abeba"), "ET"),
    (("Lusaka", "Lusaka", "Lusaka"), "ZM"),
    (("Johannesburg", "Johannesburg", "Johannesburgo"), "ZA"),
    (("Antananarivo", "Antananarivo", "Antananarivo"), "MG"),
    (("Lilongwe", "Lilongwe", "Lilongüe"), "MW"),
    (("Amman", "Amman", "Amán"), "JO"),
    (("Beirut", "Beyrouth", "Beirut"), "LB"),
    (("Dhaka", "Dacca", "Daca"), "BD"),
    (("Kathmandu", "Katmandou", "Katmandú"), "NP"),
    (("Colombo", "Colombo", "Colombo"), "LK"),
    (("Delhi", "Delhi", "Delhi"), "IN"),
    (("Bangkok", "Bangkok", "Bangkok"), "TH"),
    (("Hanoi", "Hanoï", "Hanói"), "VN"),
    (("Jakarta", "Jakarta", "Yakarta"), "ID"),
    (("Manila", "Manille", "Manila"), "PH"),
    (("Kuala Lumpur", "Kuala Lumpur", "Kuala Lumpur"), "MY"),
    (("Tokyo", "Tokyo", "Tokio"), "JP"),
    (("Sydney", "Sydney", "Sídney"), "AU"),
    (("Suva", "Suva", "Suva"), "FJ"),
    (("Mexico City", "Mexico", "Ciudad de México"), "MX"),
    (("Guatemala City", "Guatemala", "Ciudad de Guatemala"), "GT"),
    (("Bogotá", "Bogota", "Bogotá"), "CO"),
    (("Lima", "Lima", "Lima"), "PE"),
    (("Santiago", "Santiago", "Santiago"), "CL"),
    (("Buenos Aires", "Buenos Aires", "Buenos Aires"), "AR"),
    (("São Paulo", "São Paulo", "São Paulo"), "BR"),
    (("Toronto", "Toronto", "Toronto"), "CA"),
]

WORK_AREAS = [
    ("agriculture", "l'agriculture", "la agricultura"),
    ("domestic work", "le travail domestique", "el trabajo doméstico"),
    ("supply chains", "les chaînes d'approvisionnement", "las cadenas de suministro"),
    ("fisheries", "la pêche", "la pesca"),
    ("mining", "l'exploitation minière", "la minería"),
    ("construction", "la construction", "la construcción"),
    ("the informal economy", "l'économie informelle", "la economía informal"),
    ("labour migration", "la migration de main-d'œuvre", "la migración laboral"),
    ("crisis settings", "les situations de crise", "los contextos de crisis"),
]

# A partner's description: {name} works against {themes} in {area}, then {where}.
DESCRIPTION = (
    "{name} works on {themes} in {area}{where}.",
    "{name} lutte contre {themes} dans {area}{where}.",
    "{name} lucha contra {themes} en {area}{where}.",
)
THEMES_JOINED_BY = (" and ", " et ", " y ")
IN_COUNTRY = (" in {country}", " ({country})", ", en {country}")
WORLDWIDE = (" worldwide", " à l'échelle mondiale", ", en todo el mundo")

STATUS_REASONS = [
    (
        "Did not submit its annual report for two years.",
        "N'a pas remis son rapport annuel depuis deux ans.",
        "No ha presentado su informe anual en dos años.",
    ),
    (
        "Requested a pause while it reorganises.",
        "A demandé une pause le temps de se réorganiser.",
        "Solicitó una pausa mientras se reorganiza.",
    ),
    (
        "Merged into another partner organisation.",
        "A fusionné avec une autre organisation partenaire.",
        "Se fusionó con otra organización asociada.",
    ),
    ("Ceased operations.", "A cessé ses activités.", "Cesó sus actividades."),
]

# {kind} is the event kind's label in each language.
EVENT_TITLE = (
    "{kind}, {city}, {year} (demo {number})",
    "{kind}, {city}, {year} (demo {number})",
    "{kind}, {city}, {year} (demo {number})",
)
EVENT_DESCRIPTION = (
    "{kind} of Alliance 8.7 partners in {city}.",
    "{kind} des partenaires de l'Alliance 8.7 à {city}.",
    "{kind} de los socios de la Alianza 8.7 en {city}.",
)

EVENT_OUTCOMES = [
    (
        "Partners agreed on priorities for the next two years.",
        "Les partenaires se sont accordés sur les priorités des deux prochaines années.",
        "Los socios acordaron las prioridades para los próximos dos años.",
    ),
    (
        "A joint statement was adopted.",
        "Une déclaration commune a été adoptée.",
        "Se adoptó una declaración conjunta.",
    ),
    (
        "Participants endorsed the draft work plan.",
        "Les participants ont approuvé le projet de plan de travail.",
        "Los participantes aprobaron el proyecto de plan de trabajo.",
    ),
    (
        "Country teams shared lessons learned and agreed next steps.",
        "Les équipes pays ont partagé les enseignements tirés et convenu des prochaines étapes.",
        "Los equipos de país compartieron las lecciones aprendidas y acordaron los próximos pasos.",
    ),
]

CONSTITUENCIES = {
    "governments": ("Governments (demo)", "Gouvernements (demo)", "Gobiernos (demo)"),
    "workers": (
        "Workers' organizations (demo)",
        "Organisations de travailleurs (demo)",
        "Organizaciones de trabajadores (demo)",
    ),
    "employers": (
        "Employers' organizations (demo)",
        "Organisations d'employeurs (demo)",
        "Organizaciones de empleadores (demo)",
    ),
    "civil-society": ("Civil society (demo)", "Société civile (demo)", "Sociedad civil (demo)"),
    "intergovernmental": (
        "UN and regional intergovernmental organizations (demo)",
        "Organisations intergouvernementales des Nations Unies et régionales (demo)",
        "Organizaciones intergubernamentales de las Naciones Unidas y regionales (demo)",
    ),
}

# {sector} and {topic}: lower-case in English, a phrase with its article in French and Spanish.
PLEDGES = [
    (
        "Eliminate child labour from {sector} supply chains by {year}",
        "Éliminer le travail des enfants des chaînes d'approvisionnement de {sector} d'ici {year}",
        "Eliminar el trabajo infantil de las cadenas de suministro de {sector} para {year}",
    ),
    (
        "Train {n} labour inspectors on forced labour indicators by {year}",
        "Former {n} inspecteurs du travail aux indicateurs du travail forcé d'ici {year}",
        "Capacitar a {n} inspectores de trabajo en los indicadores de trabajo forzoso para {year}",
    ),
    (
        "Adopt a national action plan on {topic} by {year}",
        "Adopter un plan d'action national sur {topic} d'ici {year}",
        "Adoptar un plan de acción nacional sobre {topic} para {year}",
    ),
    (
        "Ratify the Protocol of 2014 to the Forced Labour Convention by {year}",
        "Ratifier le Protocole de 2014 relatif à la convention sur le travail forcé d'ici {year}",
        "Ratificar el Protocolo de 2014 relativo al Convenio sobre el trabajo forzoso para {year}",
    ),
    (
        "Fund remediation for {n} children withdrawn from hazardous work by {year}",
        "Financer la prise en charge de {n} enfants retirés de travaux dangereux d'ici {year}",
        "Financiar la reparación para {n} niños retirados de trabajos peligrosos para {year}",
    ),
    (
        "Publish a fair recruitment policy covering all suppliers by {year}",
        "Publier une politique de recrutement équitable couvrant tous les fournisseurs "
        "d'ici {year}",
        "Publicar una política de contratación equitativa que abarque a todos los proveedores "
        "para {year}",
    ),
]
PLEDGE_DESCRIPTION = (
    "{title}, as pledged at the {event}.",
    "{title}, engagement pris lors de l'événement «\u00a0{event}\u00a0».",
    "{title}, compromiso asumido en el evento «{event}».",
)
ASSESSMENT_SUMMARY = (
    "Assessed from the partner's own report.",
    "Évalué d'après le propre rapport du partenaire.",
    "Evaluado a partir del propio informe del socio.",
)

# {topic}: lower-case in English, a phrase with its article in French and Spanish; a group's name
# is the topic (or sector) as a heading.
GROUP_NAME = ("{topic} (demo {number})", "{topic} (demo {number})", "{topic} (demo {number})")
GROUP_MANDATE = (
    "Supports country-level action on {topic} through research, knowledge sharing, tools and "
    "resource mobilisation.",
    "Soutient l'action des pays concernant {topic} par la recherche, le partage de "
    "connaissances, des outils et la mobilisation de ressources.",
    "Apoya la acción de los países sobre {topic} mediante la investigación, el intercambio de "
    "conocimientos, herramientas y la movilización de recursos.",
)
WORK_PLAN_TITLE = (
    "Work plan {start}–{end}",
    "Plan de travail {start}–{end}",
    "Plan de trabajo {start}–{end}",
)

# {sector} and {topic} as in PLEDGES.
ACTIVITIES = {
    "research": (
        "Study of {topic} in {sector}",
        "Étude sur {topic} dans {sector}",
        "Estudio sobre {topic} en {sector}",
    ),
    "knowledge_sharing": (
        "Peer-learning webinar on {topic}",
        "Webinaire d'apprentissage entre pairs sur {topic}",
        "Seminario web de aprendizaje entre pares sobre {topic}",
    ),
    "tools": (
        "Due diligence toolkit for {sector}",
        "Boîte à outils de diligence raisonnable pour {sector}",
        "Conjunto de herramientas de diligencia debida para {sector}",
    ),
    "resource_mobilisation": (
        "Donor round table on {topic}",
        "Table ronde des donateurs sur {topic}",
        "Mesa redonda de donantes sobre {topic}",
    ),
    "technical_cooperation": (
        "Support to national labour inspectorates on {topic}",
        "Appui aux inspections nationales du travail concernant {topic}",
        "Apoyo a las inspecciones nacionales del trabajo sobre {topic}",
    ),
}

# {sector} as in PLEDGES.
MILESTONES = [
    (
        "Adopt the national list of hazardous work for children",
        "Adopter la liste nationale des travaux dangereux interdits aux enfants",
        "Adoptar la lista nacional de trabajos peligrosos prohibidos para niños",
    ),
    (
        "Set up a national referral mechanism for victims of trafficking",
        "Mettre en place un mécanisme national d'orientation des victimes de la traite",
        "Establecer un mecanismo nacional de derivación para las víctimas de la trata",
    ),
    (
        "Train labour inspectors on forced labour indicators",
        "Former les inspecteurs du travail aux indicateurs du travail forcé",
        "Capacitar a los inspectores de trabajo en los indicadores de trabajo forzoso",
    ),
    (
        "Extend social protection to informal workers in {sector}",
        "Étendre la protection sociale aux travailleurs informels dans {sector}",
        "Extender la protección social a los trabajadores informales en {sector}",
    ),
    (
        "Publish a national survey on child labour",
        "Publier une enquête nationale sur le travail des enfants",
        "Publicar una encuesta nacional sobre el trabajo infantil",
    ),
    (
        "Amend the labour code on the minimum age of employment",
        "Modifier le code du travail concernant l'âge minimum d'admission à l'emploi",
        "Modificar el código del trabajo en lo relativo a la edad mínima de admisión al empleo",
    ),
    (
        "Launch a helpline for migrant workers",
        "Lancer une ligne d'assistance pour les travailleurs migrants",
        "Poner en marcha una línea de ayuda para trabajadores migrantes",
    ),
    (
        "Ratify the Protocol of 2014 to the Forced Labour Convention",
        "Ratifier le Protocole de 2014 relatif à la convention sur le travail forcé",
        "Ratificar el Protocolo de 2014 relativo al Convenio sobre el trabajo forzoso",
    ),
    (
        "Map child labour in {sector} supply chains",
        "Cartographier le travail des enfants dans les chaînes d'approvisionnement de {sector}",
        "Mapear el trabajo infantil en las cadenas de suministro de {sector}",
    ),
    (
        "Set up district child labour monitoring committees",
        "Créer des comités de district de surveillance du travail des enfants",
        "Crear comités distritales de vigilancia del trabajo infantil",
    ),
]

# Pathfinder countries: {country} is the country's name in each language, {stage} the stage's
# label.
OFFICIAL_RESPONSE = (
    "The Government of {country} commits to go further and faster towards target 8.7.",
    "{country}\u00a0: le gouvernement s'engage à aller plus loin et plus vite vers la cible 8.7.",
    "El Gobierno de {country} se compromete a avanzar más lejos y más rápido hacia la meta 8.7.",
)
STAGE_DECISION = (
    "{stage} (recorded by the secretariat).",
    "{stage} (selon le registre du secrétariat).",
    "{stage} (según el registro de la secretaría).",
)
WORKSHOP_TITLE = (
    "National strategy workshop, {country} (demo {number})",
    "Atelier national de stratégie, {country} (demo {number})",
    "Taller nacional de estrategia, {country} (demo {number})",
)
WORKSHOP_OUTCOME = (
    "A draft road map to achieve target 8.7.",
    "Un projet de feuille de route pour atteindre la cible 8.7.",
    "Un proyecto de hoja de ruta para alcanzar la meta 8.7.",
)
DRAFT_ROAD_MAP = (
    "Draft road map for {country}",
    "Projet de feuille de route, {country}",
    "Proyecto de hoja de ruta para {country}",
)
ROAD_MAP = (
    "Road map {number} for {country}",
    "Feuille de route {number}, {country}",
    "Hoja de ruta {number} para {country}",
)
NEXT_ROAD_MAP_DRAFT = (
    "Road map {number} for {country} (draft)",
    "Feuille de route {number}, {country} (projet)",
    "Hoja de ruta {number} para {country} (proyecto)",
)
