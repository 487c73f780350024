"""The French and Spanish catalogues are complete, clean and in step with the sources."""

import ast
import dataclasses
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

LANGUAGES = ["fr", "es"]
PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
}
LOCALE_DIR = Path(settings.LOCALE_PATHS[0])

# %(name)s, %s, %d, %.1f ... but not the literal %%.
PERCENT_PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
BRACE_PLACEHOLDER = re.compile(r"\{\w*\}")
HTML_TAG = re.compile(r"<[^>]+>")

# The same folders `make` and the translators leave out of makemessages.
IGNORED = [".venv", ".var", ".git", "staticfiles", "bench", "tests", "node_modules", "locale"]


@dataclasses.dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = dataclasses.field(default_factory=dict)
    flags: set[str] = dataclasses.field(default_factory=set)
    obsolete: bool = False

    @property
    def key(self):
        return (self.msgctxt, self.msgid, self.msgid_plural)

    def __str__(self):
        return repr(self.msgid)


def parse_po(path):
    """A small reader of the subset of the PO format that makemessages writes."""
    entries = []
    entry = Entry()
    field = None

    def finish():
        nonlocal entry
        if field is not None:
            entries.append(entry)
        entry = Entry()

    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            field = None
            continue
        if line.startswith("#~"):
            entry.obsolete = True
            line = line[2:].strip()
            if not line or line.startswith(("#", "|")):
                continue
        elif line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        elif line.startswith("#"):
            continue
        if line.startswith('"'):
            value = ast.literal_eval(line)
        else:
            keyword, _, literal = line.partition(" ")
            value = ast.literal_eval(literal)
            if keyword.startswith("msgstr["):
                field = ("msgstr", int(keyword[7:-1]))
            elif keyword == "msgstr":
                field = ("msgstr", 0)
            else:
                field = (keyword, None)
            if field[0] == "msgstr":
                entry.msgstr.setdefault(field[1], "")
            elif getattr(entry, field[0]) is None:
                setattr(entry, field[0], "")
        if field[0] == "msgstr":
            entry.msgstr[field[1]] += value
        else:
            setattr(entry, field[0], getattr(entry, field[0]) + value)
    finish()
    return entries


def catalogue_path(language, root=LOCALE_DIR):
    return Path(root) / language / "LC_MESSAGES" / "django.po"


def messages(language, root=LOCALE_DIR):
    """The catalogue's entries without its header (the entry whose msgid is empty)."""
    return [e for e in parse_po(catalogue_path(language, root)) if e.msgid]


def header(language):
    entry = next(e for e in parse_po(catalogue_path(language)) if not e.msgid)
    return dict(line.split(": ", 1) for line in entry.msgstr[0].splitlines() if ": " in line), entry


def placeholders(text):
    return sorted(PERCENT_PLACEHOLDER.findall(text) + BRACE_PLACEHOLDER.findall(text))


def forms(entry):
    """Each translated form with the source text it translates."""
    if entry.msgid_plural is None:
        return [(entry.msgid, entry.msgstr.get(0, ""))]
    return [
        (entry.msgid if index == 0 else entry.msgid_plural, text)
        for index, text in sorted(entry.msgstr.items())
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_is_in_the_repository(language):
    assert catalogue_path(language).is_file()
    assert len(messages(language)) > 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_names_the_language_encoding_and_plural_forms(language):
    fields, entry = header(language)

    assert fields["Language"] == language
    assert fields["Content-Type"] == "text/plain; charset=UTF-8"
    assert fields["Plural-Forms"] == PLURAL_FORMS[language]
    assert "fuzzy" not in entry.flags


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    untranslated = [
        str(entry)
        for entry in messages(language)
        if not entry.msgstr or not all(text.strip() for text in entry.msgstr.values())
    ]

    assert untranslated == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_messages_have_both_forms(language):
    incomplete = [
        str(entry)
        for entry in messages(language)
        if entry.msgid_plural is not None and sorted(entry.msgstr) != [0, 1]
    ]

    assert incomplete == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_message_is_fuzzy_or_obsolete(language):
    stale = [str(entry) for entry in messages(language) if "fuzzy" in entry.flags or entry.obsolete]

    assert stale == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_of_their_source(language):
    broken = [
        (source, text)
        for entry in messages(language)
        for source, text in forms(entry)
        if placeholders(source) != placeholders(text)
        # A singular form may say "one" instead of "%(count)d", as long as it adds nothing.
        and not (
            entry.msgid_plural is not None
            and source == entry.msgid
            and set(placeholders(text)) <= set(placeholders(entry.msgid_plural))
        )
    ]

    assert broken == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_html_of_their_source(language):
    broken = [
        (source, text)
        for entry in messages(language)
        for source, text in forms(entry)
        if sorted(HTML_TAG.findall(source)) != sorted(HTML_TAG.findall(text))
    ]

    assert broken == []


def test_french_and_spanish_translate_the_same_messages():
    french = {entry.key for entry in messages("fr")}
    spanish = {entry.key for entry in messages("es")}

    assert french - spanish == set()
    assert spanish - french == set()


def test_the_parser_reads_plural_forms_and_flags(tmp_path):
    po = tmp_path / "xx" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr "Language: xx\\n"\n\n'
        "#, fuzzy, python-format\n"
        'msgid "%(counter)s event"\nmsgid_plural "%(counter)s events"\n'
        'msgstr[0] "%(counter)s "\n"évènement"\nmsgstr[1] ""\n\n'
        '#~ msgid "Gone"\n#~ msgstr "Parti"\n',
        encoding="utf-8",
    )

    plural, gone = messages("xx", root=tmp_path)

    assert plural.msgid_plural == "%(counter)s events"
    assert plural.msgstr == {0: "%(counter)s évènement", 1: ""}
    assert plural.flags == {"fuzzy", "python-format"}
    assert gone.obsolete and gone.msgstr == {0: "Parti"}


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("language", LANGUAGES)
def test_msgfmt_accepts_the_catalogue(language):
    result = subprocess.run(
        ["msgfmt", "--check", "--output-file=/dev/null", str(catalogue_path(language))],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def _sandbox(tmp_path):
    """A tree that mirrors the project's sources through symlinks, with a copy of the catalogues,
    so that makemessages writes there and never in the repository."""
    base = Path(settings.BASE_DIR)
    for child in base.iterdir():
        if child.name not in IGNORED:
            (tmp_path / child.name).symlink_to(child)
    shutil.copytree(LOCALE_DIR, tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    return tmp_path / "locale"


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ["xgettext", "msgmerge", "msguniq", "msgattrib"]),
    reason="GNU gettext is not installed",
)
def test_the_catalogues_hold_every_message_of_the_sources(tmp_path, settings):
    """Fails when a string was marked for translation but the catalogues were not updated, or
    were updated with other options. Update them from the project's root with
        .venv/bin/python manage.py makemessages -l fr -l es --no-obsolete --ignore=.venv
            --ignore=.var --ignore=staticfiles --ignore=bench --ignore=tests
    then translate the new entries (and remove their fuzzy flags)."""
    locale = _sandbox(tmp_path)
    settings.LOCALE_PATHS = [locale]
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        call_command(
            "makemessages",
            locale=LANGUAGES,
            ignore_patterns=IGNORED,
            symlinks=True,
            no_obsolete=True,
            verbosity=0,
        )
    finally:
        os.chdir(cwd)

    for language in LANGUAGES:
        fresh = {entry.key for entry in messages(language, root=locale)}
        stored = {entry.key for entry in messages(language)}
        assert fresh - stored == set(), f"{language}: not in the catalogue yet"
        assert stored - fresh == set(), f"{language}: no longer in the sources"
