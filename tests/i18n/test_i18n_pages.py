"""The public pages in French and Spanish: addresses, headings, country names, the switcher."""

import datetime
import html
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from action_groups.models import Role
from partners.models import Category, Theme
from tests.factories import (
    ActionGroupFactory,
    EventFactory,
    MembershipFactory,
    PartnerFactory,
    PathfinderCountryFactory,
    StageChangeFactory,
)

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
HEADING = re.compile(r"<h([12])[^>]*>(.*?)</h\1>", re.S)
TAG = re.compile(r"<[^>]+>")


def _stale_catalogues():
    for po in Path(settings.LOCALE_PATHS[0]).glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            yield po


@pytest.fixture(scope="module", autouse=True)
def _compiled_catalogues():
    """`make test` compiles the catalogues first (*.mo are not in git); this lets `pytest` alone
    work too, compiling only when a .po is newer than its .mo."""
    if not any(_stale_catalogues()):
        return
    cwd = os.getcwd()
    os.chdir(settings.BASE_DIR)  # compilemessages looks for locale folders under the cwd
    try:
        call_command(
            "compilemessages",
            locale=["fr", "es"],
            ignore_patterns=[".venv", ".var", ".git", "node_modules", "staticfiles"],
            verbosity=0,
        )
    finally:
        os.chdir(cwd)
    # Changing LOCALE_PATHS makes Django drop the catalogues it loaded before the .mo existed.
    with override_settings(LOCALE_PATHS=settings.LOCALE_PATHS):
        pass


@pytest.fixture(autouse=True)
def _english_between_requests():
    """LocaleMiddleware leaves the last request's language active in the thread."""
    with translation.override("en"):
        yield


@pytest.fixture
def records():
    partner = PartnerFactory(
        name="Federal Ministry of Labour and Social Affairs",
        acronym="BMAS",
        country="DE",
        category=Category.GOVERNMENT,
        themes=[Theme.FORCED_LABOUR],
        joined_on=datetime.date(2016, 9, 21),
    )
    group = ActionGroupFactory(name="Supply Chains")
    MembershipFactory(group=group, partner=partner, role=Role.CHAIR)
    pathfinder = PathfinderCountryFactory(country="MG")
    StageChangeFactory(pathfinder=pathfinder)
    event = EventFactory(title="Fourth Global Conference")
    return {"partner": partner, "group": group, "pathfinder": pathfinder, "event": event}


def address(language, name, obj=None):
    """The page's address in `language`, as the site builds it."""
    with translation.override(language):
        return obj.get_absolute_url() if obj is not None else reverse(name)


def text(fragment):
    # Only ASCII spaces collapse: French puts a no-break space before a colon.
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(TAG.sub(" ", fragment))).strip()


def headings(response):
    return [text(inner) for _level, inner in HEADING.findall(response.content.decode())]


def page_text(response):
    return text(response.content.decode())


PAGES = [
    ("portal:home", None, "fr", "L'Alliance en chiffres"),
    ("portal:home", None, "es", "Alianza 8.7"),
    ("partners:partner_list", None, "fr", "Partenaires"),
    ("partners:partner_list", None, "es", "Socios"),
    (None, "partner", "fr", "À propos de ce partenaire"),
    (None, "partner", "es", "Acerca de este socio"),
    ("pathfinders:pathfinder_list", None, "fr", "Pays pionniers"),
    ("pathfinders:pathfinder_list", None, "es", "Países pioneros"),
    (None, "pathfinder", "fr", "Étapes"),
    (None, "pathfinder", "es", "Etapas"),
    ("action_groups:actiongroup_list", None, "fr", "Groupes d'action"),
    ("action_groups:actiongroup_list", None, "es", "Grupos de Acción"),
    (None, "group", "fr", "Présidence et coprésidence"),
    (None, "group", "es", "Presidencia y copresidencia"),
    ("governance:gcg", None, "fr", "Groupe de coordination mondial"),
    ("governance:gcg", None, "es", "Grupo de Coordinación Mundial"),
    ("portal:event_list", None, "fr", "Événements"),
    ("portal:event_list", None, "es", "Eventos"),
    (None, "event", "fr", "Résultat"),
    (None, "event", "es", "Resultado"),
    ("partners:join", None, "fr", "Devenir partenaire"),
    ("partners:join", None, "es", "Hacerse socio"),
    ("partners:join_thanks", None, "fr", f"Merci{NBSP}: votre candidature a bien été reçue"),
    ("partners:join_thanks", None, "es", "Gracias: hemos recibido su solicitud"),
]


@pytest.mark.parametrize(("name", "record", "language", "heading"), PAGES)
def test_pages_answer_in_the_language_of_their_address(
    client, records, name, record, language, heading
):
    url = address(language, name, records.get(record))

    response = client.get(url)

    assert url.startswith(f"/{language}/")
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text
    assert heading in headings(response)


def test_english_pages_have_no_language_prefix(client):
    response = client.get("/partners/")

    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "Partners" in headings(response)


@pytest.mark.parametrize(
    ("language", "country"), [("en", "Germany"), ("fr", "Allemagne"), ("es", "Alemania")]
)
def test_country_names_follow_the_language(client, records, language, country):
    response = client.get(address(language, None, records["partner"]))

    assert response.status_code == 200
    assert country in page_text(response)


def test_the_directory_facets_follow_the_language_of_each_request(client, records):
    """The facets are cached: a French page must not leave its labels to the Spanish one."""
    french = page_text(client.get("/fr/partners/"))
    spanish = page_text(client.get("/es/partners/"))

    assert "Catégorie" in french and "Allemagne" in french
    assert "Categoría" in spanish and "Alemania" in spanish
    assert "Catégorie" not in spanish and "Allemagne" not in spanish


@pytest.mark.parametrize(
    ("language", "facts"),
    [
        ("fr", ["Gouvernement", "Travail forcé", "Europe", "21 septembre 2016", "Présidence"]),
        (
            "es",
            ["Gobierno", "Trabajo forzoso", "Europa", "21 de septiembre de 2016", "Presidencia"],
        ),
    ],
)
def test_choices_regions_and_dates_follow_the_language(client, records, language, facts):
    shown = page_text(client.get(address(language, None, records["partner"])))

    assert [fact for fact in facts if fact not in shown] == []


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("fr", ["0 partenaire", "1 partenaire", "2 partenaires"]),
        ("es", ["0 socios", "1 socio", "2 socios"]),
    ],
)
def test_counts_follow_the_plural_rules_of_the_language(client, language, counts):
    PartnerFactory(category=Category.GOVERNMENT)
    PartnerFactory(category=Category.ACADEMIC)
    url = address(language, "partners:partner_list")
    queries = [{"q": "zzzzzzzz"}, {"category": Category.GOVERNMENT}, {}]

    shown = [headings(client.get(url, query)) for query in queries]

    assert [count for count, page in zip(counts, shown, strict=True) if count not in page] == []


def test_a_message_used_alone_and_with_a_count_is_translated_both_ways(client, records):
    detail = page_text(client.get(address("fr", None, records["group"])))
    home = page_text(client.get(address("fr", "portal:home")))

    assert "Groupe d'action ·" in detail
    assert "1 Groupe d'action" in home


SWITCHER_LINK = re.compile(
    r'<a href="([^"]*)" hreflang="(\w+)" lang="\2"\s+class="language-switcher__link"'
    r'( aria-current="true")?>([^<]*)</a>'
)


def switcher_links(response) -> dict[str, tuple[str, str, bool]]:
    """{language: (address, name, is current)} of the page's language switcher."""
    return {
        code: (html.unescape(href), name, bool(current))
        for href, code, current, name in SWITCHER_LINK.findall(response.text)
    }


def test_the_language_switcher_names_each_language_and_marks_the_current_one(client):
    links = switcher_links(client.get("/fr/partners/"))

    assert {code: (name, current) for code, (_href, name, current) in links.items()} == {
        "en": ("English", False),
        "fr": ("Français", True),
        "es": ("Español", False),
    }


@pytest.mark.parametrize(
    ("page", "language", "expected"),
    [
        ("/partners/", "fr", "/fr/partners/"),
        ("/pathfinders/", "es", "/es/pathfinders/"),
        ("/fr/governance/", "es", "/es/governance/"),
        ("/es/action-groups/", "fr", "/fr/action-groups/"),
        ("/fr/partners/", "en", "/partners/"),
        (
            "/fr/partners/?q=labour&category=government",
            "es",
            "/es/partners/?q=labour&category=government",
        ),
    ],
)
def test_the_language_switcher_links_to_the_same_page_in_each_language(
    client, page, language, expected
):
    address, _name, _current = switcher_links(client.get(page))[language]

    assert address == expected
    assert client.get(address).status_code == 200


def test_the_language_switcher_holds_no_form_and_no_csrf_token(client):
    response = client.get("/partners/")

    assert "language-switcher" in response.text
    assert "csrfmiddlewaretoken" not in response.text
    assert settings.CSRF_COOKIE_NAME not in response.cookies


def test_form_errors_are_in_the_language_of_the_page(client):
    response = client.post("/fr/join/", {"contact_email": "not an address"})

    shown = page_text(response)
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in shown
    assert "Saisissez une adresse e-mail valide." in shown
    assert "Les partenaires doivent accepter cet engagement pour adhérer." in shown


def test_a_spanish_application_ends_on_the_spanish_confirmation_page(client):
    response = client.post(
        "/es/join/",
        {
            "organisation_name": "Coalición contra el Trabajo Forzoso",
            "category": Category.CIVIL_SOCIETY,
            "country": "PE",
            "description": "Apoya a las víctimas del trabajo forzoso.",
            "themes": [Theme.FORCED_LABOUR],
            "contact_name": "Ana Quispe",
            "contact_email": "ana@example.org",
            "motivation": "Alinear nuestro trabajo con la hoja de ruta nacional.",
            "commitment_accepted": "on",
            "homepage": "",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/es/join/thanks/"


def test_the_not_found_page_is_in_the_language_of_the_address(client):
    response = client.get("/fr/partners/no-such-partner/")

    assert response.status_code == 404
    assert '<html lang="fr">' in response.text
    assert "Page introuvable" in headings(response)


def test_the_admin_speaks_the_language_of_its_address(client):
    response = client.get("/fr/admin/login/")

    assert response.status_code == 200
    assert "Registre de l'Alliance 8.7" in page_text(response)
