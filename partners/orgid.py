"""org-id.guide's register of identifier schemes, shipped as data: data/org-id-schemes.json.

The file is rebuilt from a checkout of github.com/org-id/register with
`manage.py import_org_id_register PATH`; it records the register's commit and its date.
"""

import functools
import json
import re
import subprocess
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DATA_FILE = Path(__file__).resolve().parent / "data" / "org-id-schemes.json"

# IATI's rule for every organisation identifier: letters, digits and - _ : . only, no spaces.
IDENTIFIER_CHARACTERS = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_:.\-]*$")


@functools.cache
def register() -> dict:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def scheme(code: str) -> dict | None:
    """A listed, non-deprecated scheme by its code, or None."""
    entry = register()["schemes"].get(code)
    return None if entry is None or entry.get("deprecated") else entry


def validate_scheme(code: str) -> None:
    if scheme(code) is None:
        raise ValidationError(
            _(
                "“%(code)s” is not a scheme of the org-id.guide register (as of %(date)s); use a "
                "listed prefix such as XM-DAC or GB-CHC."
            ),
            code="unknown_scheme",
            params={"code": code, "date": register()["register"]["date"][:10]},
        )


def validate_identifier(code: str, identifier: str) -> None:
    """Only the characters IATI allows, and the scheme's own pattern where it has one."""
    if not IDENTIFIER_CHARACTERS.match(identifier):
        raise ValidationError(
            _("An identifier has only letters, digits and the characters - _ : . (no spaces)."),
            code="identifier_characters",
        )
    entry = scheme(code)
    pattern = entry and entry.get("pattern")
    if pattern and not re.fullmatch(pattern, identifier):
        raise ValidationError(
            _(
                "“%(identifier)s” is not a %(code)s identifier (the register's pattern: "
                "%(pattern)s)."
            ),
            code="identifier_pattern",
            params={"identifier": identifier, "code": code, "pattern": pattern},
        )


def _git(checkout: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(checkout), *args], check=True, capture_output=True, text=True
    ).stdout


def _git_dir(checkout: Path) -> Path:
    return checkout / ".git" if (checkout / ".git").exists() else checkout


def build(checkout: Path, revision: str = "HEAD") -> dict:
    """The compact register from a clone (or bare git directory) of org-id/register."""
    git_dir = _git_dir(Path(checkout))
    commit, date = _git(git_dir, "log", "-1", "--format=%H %cI", revision, "--", "lists").split()
    schemes = {}
    for path in _git(git_dir, "ls-tree", "-r", "--name-only", revision, "lists").split():
        if not path.endswith(".json"):
            continue
        entry = json.loads(_git(git_dir, "show", f"{revision}:{path}"))
        item = {"name": entry["name"]["en"]}
        if entry.get("deprecated"):
            item["deprecated"] = True
        # The schema has no pattern field yet; one is kept if a list gives it.
        pattern = entry.get("pattern") or entry.get("data", {}).get("pattern")
        if pattern:
            item["pattern"] = pattern
        schemes[entry["code"]] = item
    return {
        "register": {
            "source": "https://github.com/org-id/register (lists/)",
            "commit": commit,
            "date": date,
        },
        "schemes": dict(sorted(schemes.items())),
    }


def write(data: dict, path: Path = DATA_FILE) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    path.write_text(text + "\n", encoding="utf-8")
    register.cache_clear()
