"""The writer of the edits-while-reading scenario: one write a second through the API.

Over HTTP, to the server being measured, with an API token that may change partners, milestones
and seat terms: a partner's description, a pathfinder milestone's title and a GCG seat term's
source, in turn. Each record alternates between its own value and that value with a numbered
suffix, so no write can fail validation and every other write undoes the one before; `restore()`
puts back every value it changed, however the run ends.

The token is issued and revoked in process, on the database the server reads:
`python -m bench.writer issue OUT.json` and `python -m bench.writer revoke` (DATABASE_URL set).
"""

import argparse
import datetime
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

TOKEN_NAME = "make bench writer"
USERNAME = "bench-writer"
PERMISSIONS = (
    "partners.change_partner",
    "pathfinders.change_milestone",
    "governance.change_seatterm",
)
# A token that outlives a run cut short still expires.
TOKEN_HOURS = 2
MAX_FAILURES_KEPT = 10


# ---------------------------------------------------------------- the token, in process


def issue_token() -> str:
    """A fresh key for the benchmark writer's token (user and token created the first time)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.utils import timezone

    from core.models import ApiToken

    user, created = get_user_model().objects.get_or_create(username=USERNAME)
    if created:
        user.set_unusable_password()
        user.save()
    for perm in PERMISSIONS:
        app_label, codename = perm.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    token = ApiToken.objects.filter(user=user, name=TOKEN_NAME).first() or ApiToken(
        user=user, name=TOKEN_NAME
    )
    key = token.set_new_key()
    token.revoked_at = None
    token.expires_at = timezone.now() + datetime.timedelta(hours=TOKEN_HOURS)
    token.save()
    return key


def revoke_token() -> int:
    """Revoke the writer's token; how many were revoked."""
    from django.utils import timezone

    from core.models import ApiToken

    return ApiToken.objects.filter(
        user__username=USERNAME, name=TOKEN_NAME, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())


# ---------------------------------------------------------------- the writes, over HTTP


def request(method: str, url: str, *, key: str = "", body: dict | None = None, timeout=30):
    """(status, decoded JSON or None) of one API request."""
    headers = {"Accept": "application/json"}
    if key:
        headers["Authorization"] = f"Token {key}"
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    call = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(call, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        return status, json.loads(raw) if raw else None
    except ValueError:
        return status, None


@dataclass
class Edit:
    """One record the writer changes: its API path, the field and the value it had."""

    kind: str
    path: str
    field: str
    original: str
    max_length: int | None = None
    writes: int = 0
    changed: bool = False

    def next_value(self, number: int) -> str:
        """The value of this record's next write: the varied one, then back to its own."""
        if self.changed:
            return self.original
        suffix = f" (benchmark edit {number})"
        base = self.original
        if self.max_length is not None:
            base = base[: self.max_length - len(suffix)]
        return base + suffix


def edits_from(base: str, partner_slug: str) -> list[Edit]:
    """The three records the writer edits, with their values as the API gives them now."""

    def first(path: str) -> dict:
        status, body = request("GET", base + path)
        if status != 200 or not body or not body.get("results"):
            raise RuntimeError(f"HTTP {status} {path}: nothing to edit")
        return body["results"][0]

    status, partner = request("GET", f"{base}/api/v1/partners/{partner_slug}/")
    if status != 200:
        raise RuntimeError(f"HTTP {status} /api/v1/partners/{partner_slug}/: nothing to edit")
    milestone = first("/api/v1/milestones/?page_size=1")
    today = datetime.date.today().isoformat()
    try:
        term = first(f"/api/v1/seat-terms/?as_of={today}&page_size=1")
    except RuntimeError:
        term = first("/api/v1/seat-terms/?page_size=1")
    return [
        Edit("partner description", _path(partner["url"]), "description", partner["description"]),
        Edit("milestone title", _path(milestone["url"]), "title", milestone["title"], 300),
        Edit("seat term source", _path(term["url"]), "source", term["source"], 300),
    ]


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@dataclass
class Tally:
    made: int = 0
    failed: int = 0
    seconds: list[float] = field(default_factory=list)


class Writer:
    """Writes once every `interval` seconds in a thread of its own, until stopped."""

    def __init__(self, base: str, key: str, edits: list[Edit], *, interval: float = 1.0):
        self.base, self.key, self.edits, self.interval = base, key, edits, interval
        self.number = 0
        self.total = Tally()
        self.window = Tally()
        self.failures: list[str] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def write(self, edit: Edit, *, counted: bool = True) -> bool:
        """One PATCH of `edit`'s record; whether it was accepted."""
        self.number += 1
        value = edit.next_value(self.number)
        started = time.monotonic()
        try:
            status, body = request(
                "PATCH", self.base + edit.path, key=self.key, body={edit.field: value}
            )
        except OSError as error:
            status, body = None, str(error)
        elapsed = time.monotonic() - started
        ok = status == 200 and isinstance(body, dict) and body.get(edit.field) == value
        if ok:
            edit.changed = value != edit.original
            edit.writes += 1
        elif len(self.failures) < MAX_FAILURES_KEPT:
            self.failures.append(f"{edit.kind}: HTTP {status} {str(body)[:200]}")
        with self._lock:
            for tally in (self.total, self.window) if counted else ():
                tally.made += 1
                tally.failed += 0 if ok else 1
                tally.seconds.append(elapsed)
        return ok

    def _run(self) -> None:
        started = time.monotonic()
        n = 0
        while not self._stop.is_set():
            self.write(self.edits[n % len(self.edits)])
            n += 1
            # On a schedule, not a pause after each write: one a second however long a write takes.
            self._stop.wait(max(0.0, started + n * self.interval - time.monotonic()))

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="bench-writer", daemon=True)
        self._thread.start()

    def begin_window(self) -> None:
        """Count from now: the measured seconds, after the warm-up."""
        with self._lock:
            self.window = Tally()

    def stop(self) -> Tally:
        """Stop writing; the tally of the window."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=60)
        with self._lock:
            return self.window

    def restore(self) -> dict:
        """Put back every value the writer changed; what it took."""
        restored, failed = 0, 0
        for edit in self.edits:
            if edit.changed:
                if self.write(edit, counted=False):
                    restored += 1
                else:
                    failed += 1
        return {"restored": restored, "failed": failed}


def summary(tally: Tally) -> dict:
    ordered = sorted(tally.seconds)
    return {
        "writes": tally.made,
        "failed": tally.failed,
        "max_ms": round(ordered[-1] * 1000, 1) if ordered else None,
        "p50_ms": round(ordered[len(ordered) // 2] * 1000, 1) if ordered else None,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="The benchmark writer's API token.")
    parser.add_argument("action", choices=["issue", "revoke"])
    parser.add_argument("out", type=Path, nargs="?")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    if args.action == "issue":
        if args.out is None:
            parser.error("issue needs OUT (a file for the key)")
        args.out.write_text(json.dumps({"key": issue_token()}), encoding="utf-8")
        args.out.chmod(0o600)
    else:
        print(f"Revoked {revoke_token()} benchmark writer token(s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
