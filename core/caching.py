"""Shared copies of public pages, each kept as long as what it was rendered from stays as it was.

A copy records the columns its rendering read, table by table (every column a query names, and
`*`, the table's rows), and how many writes had changed them: the database counts, by trigger,
the writes that changed each column of each table (core/writes.py), bulk and raw ones too. A
write therefore makes stale only the copies that read what it changed: an edit of a partner's
description renews the profiles and the searches, which read descriptions, and leaves the
directory's pages alone. Nothing is declared per page, so a page that starts to read another
table or column is kept right without a change.
"""

import re
import threading
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from functools import cache as cache_function
from functools import wraps
from hashlib import sha256

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from pghistory.core import event_models

from . import writes

# A bound on how long a copy is kept, whatever happens.
CACHE_SECONDS = 10 * 60

# Tables without a history of their own whose rows triggers keep from a tracked table (the
# directory's tally): their writes are counted as every tracked table's. Apps register theirs in
# ready().
_kept: set[str] = set()
# Tables whose rows never change what a page shows (the kept row counts, which follow the
# tables counted, read in the same page).
_ignored: set[str] = set()


def register_kept_table(table: str) -> None:
    """Count the writes of `table` (kept by a tracked table's triggers), so pages may read it."""
    _kept.add(table)
    _forget_tables()


def register_ignored_table(table: str) -> None:
    """Let a page read `table` without making its copy depend on it."""
    _ignored.add(table)
    _forget_tables()


def _forget_tables() -> None:
    _noted_tables.cache_clear()
    _known_tables.cache_clear()


@cache_function
def _noted_tables() -> frozenset[str]:
    """The tables whose writes the database counts (core/writes.py): each tracked table, its
    history (the change feed reads it) and the tables kept from them. A page that reads a table
    neither noted nor ignored is not shared."""
    tables = set(_kept)
    for event in event_models():
        tables |= {event.pgh_tracked_model._meta.db_table, event._meta.db_table}
    return frozenset(tables - _ignored)


def install_write_triggers(using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Give every noted table its write-counting triggers: after each migrate (core/apps.py)."""
    writes.install(sorted(_noted_tables()), using)


@cache_function
def _known_tables() -> frozenset[str]:
    names = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
    return frozenset(names | _noted_tables() | _ignored)


@cache_function
def _columns_of(table: str, using: str = DEFAULT_DB_ALIAS) -> frozenset[str]:
    """The columns of `table` (read from the database for a table without a model)."""
    for model in apps.get_models(include_auto_created=True):
        if model._meta.db_table == table:
            return frozenset(f.column for f in model._meta.concrete_fields)
    with connections[using].cursor() as cursor:
        description = connections[using].introspection.get_table_description(cursor, table)
    return frozenset(column.name for column in description)


_WORD = re.compile(r"[a-z_][a-z0-9_$]*")


def tables_in(sql: str) -> set[str]:
    """The tables of the project that `sql` names (a column that shares a table's name would
    only make a copy more careful)."""
    return set(_WORD.findall(sql.lower())) & _known_tables()


def columns_read(sql: str) -> set[tuple[str, str]]:
    """(table, column) of each column `sql` may read: every column of a table it names whose
    name it mentions anywhere, and `*` (the table's rows). More than it reads, never fewer."""
    words = set(_WORD.findall(sql.lower()))
    read = set()
    for table in words & _known_tables():
        if table in _ignored:
            continue
        read.add((table, writes.ROWS))
        read |= {(table, column) for column in _columns_of(table) & words}
    return read


def newest_event_ids(event_tables: list[str], using: str = DEFAULT_DB_ALIAS) -> tuple:
    """The newest history event id of each of `event_tables` (None for an empty one), in one query.

    Each max() is a backward scan of a primary key: cheap whatever the size of the tables.
    """
    if not event_tables:
        return ()
    connection = connections[using]
    quote = connection.ops.quote_name
    columns = ", ".join(f"(SELECT max(pgh_id) FROM {quote(table)})" for table in event_tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}")
        return cursor.fetchone()


@dataclass(frozen=True)
class Versions:
    """What a copy was rendered from: the columns it read, how many writes had changed them,
    and the day (what is "current", a membership or a seat term, changes with the day)."""

    day: str
    columns: tuple[tuple[str, str], ...]
    writes: int

    @classmethod
    def now(cls, columns: tuple[tuple[str, str], ...], using: str = DEFAULT_DB_ALIAS) -> "Versions":
        return cls(timezone.localdate().isoformat(), columns, writes.total_writes(columns, using))

    def still_current(self) -> bool:
        return self == Versions.now(self.columns)


def _version_string(event_tables: tuple[str, ...]) -> str:
    ids = newest_event_ids(list(event_tables))
    return ":".join([timezone.localdate().isoformat(), *(str(i or 0) for i in ids)])


def data_version(*models: str) -> str:
    """A string that changes whenever a row of one of `models` ("app.Model") is written."""
    return _version_string(
        tuple(apps.get_model(label).pgh_event_model._meta.db_table for label in models)
    )


def site_data_version() -> str:
    """A string that changes whenever any row whose history is kept is written (what a download
    of everything shows)."""
    return _version_string(tuple(sorted({event._meta.db_table for event in event_models()})))


class _Reading(threading.local):
    """What the rendering of a copy in this thread has read: its queries' SQL."""

    def __init__(self):
        self.queries: list[str] | None = None


_reading = _Reading()


def _note_queries(execute, sql, params, many, context):
    if _reading.queries is not None:
        _reading.queries.append(sql)
    return execute(sql, params, many, context)


@dataclass
class Rendering:
    """What `rendering_a_copy()` found: the versions of what was read, or None when a table read
    has no version (the page must not be shared) or was not foreseen."""

    versions: Versions | None = None
    tables: set[str] = field(default_factory=set)


# {reader: the noted tables its renderings have read}: what the next rendering of the same view
# reads, foreseen so that their writes can be counted before it, in one query.
_foreseen: dict[str, frozenset[str]] = {}


@contextmanager
def rendering_a_copy(reader: str, using: str = DEFAULT_DB_ALIAS):
    """Run a rendering by `reader` (a view's name) whose result may be shared, and find the
    versions of what it read.

    What a rendering reads is known only once it has run. A reader's first rendering in a
    process runs in one snapshot (REPEATABLE READ) with the counting of its writes, so a write
    committed meanwhile cannot slip between them. Its later renderings foresee the tables the
    earlier ones read and count their writes first, in one query and no transaction: a write
    committed while one runs makes the copy newer than its versions, never older, so the next
    reader finds it stale and renders it anew. A rendering that reads a table not foreseen is
    not shared; the next one foresees it. Inside a transaction (a test), all share it.
    """
    connection = connections[using]
    found = Rendering()
    foreseen = _foreseen.get(reader)
    outer, _reading.queries = _reading.queries, []
    try:
        with _one_snapshot(connection) if foreseen is None else nullcontext():
            day = timezone.localdate().isoformat()
            before = None if foreseen is None else writes.writes_of(sorted(foreseen), using)
            with connection.execute_wrapper(_note_queries):
                yield found
            read = set().union(*map(columns_read, _reading.queries))
            found.tables = {table for table, _column in read}
            noted = _noted_tables()
            if found.tables <= noted:
                _foreseen[reader] = (foreseen or frozenset()) | found.tables
                columns = tuple(sorted(read))
                if before is None:
                    found.versions = replace(Versions.now(columns, using), day=day)
                elif found.tables <= foreseen:
                    counted = sum(before.get(column, 0) for column in columns)
                    found.versions = Versions(day, columns, counted)
    finally:
        _reading.queries = outer


@contextmanager
def _one_snapshot(connection):
    """A transaction whose queries all see one snapshot, or the transaction already open."""
    own_snapshot = not connection.in_atomic_block
    with transaction.atomic(using=connection.alias):
        if own_snapshot:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


# Part of every copy's key: a change to what a copy holds (its Versions) leaves the copies of
# the code before it unread.
KEY_FORMAT = "2"
# Long enough to spare a reader's repeated visits, short enough that an edit shows soon.
PAGE_MAX_AGE = 60
# Stands for the CSP nonce in a shared copy of a page. PostgreSQL text cannot hold a NUL, so no
# content from the database can forge it.
NONCE_MARK = b"\x00csp-nonce\x00"


@dataclass(frozen=True)
class SharedPage:
    """A rendered page that every anonymous reader of the same address and language may get,
    while the tables it was rendered from keep the versions it was rendered at."""

    body: bytes
    headers: tuple[tuple[str, str], ...]
    versions: Versions | None = None
    # Whatever else the view needs back with the copy (the API's Last-Modified).
    extra: object = None

    @classmethod
    def of(cls, response, versions: Versions | None = None, extra: object = None) -> "SharedPage":
        return cls(response.content, tuple(response.items()), versions, extra)

    def response(self) -> HttpResponse:
        response = HttpResponse(self.body)
        for name, value in self.headers:
            response[name] = value
        return response


def _may_share(request) -> bool:
    """Only a plain GET by an anonymous reader with nothing personal pending (no session)."""
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and not request.user.is_authenticated
    )


def shared_key(request, *parts: str) -> str:
    """The cache key of the shared copy of what `request` asks for.

    `parts`: whatever else the answer depends on (the API's format). The data's versions are
    kept in the copy, not in the key, since which tables a page reads is known only once it is
    rendered; a stale copy is replaced under the same key.
    """
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = sha256(address.encode()).hexdigest()
    return ":".join(
        [
            "shared",
            KEY_FORMAT,
            translation.get_language(),
            timezone.get_current_timezone_name(),
            *parts,
            digest,
        ]
    )


def current_copy(key: str) -> SharedPage | None:
    """The copy kept under `key`, if the tables it was rendered from have not changed since."""
    page = cache.get(key)
    if isinstance(page, SharedPage) and page.versions is not None and page.versions.still_current():
        return page
    return None


def _share(request, response, versions: Versions | None) -> SharedPage | None:
    """The shareable copy of `response`, or None if it holds anything of this request's own."""
    if (
        versions is None
        or response.status_code != 200
        or response.streaming
        or response.cookies
        # A CSRF token in a form is this visitor's own.
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    ):
        return None
    page = SharedPage.of(response, versions)
    # Truthy only once the page has asked for its nonce (django-csp's lazy object).
    if request.csp_nonce:
        page = replace(page, body=page.body.replace(str(request.csp_nonce).encode(), NONCE_MARK))
    return page


def _from_shared(request, page: SharedPage) -> HttpResponse:
    if NONCE_MARK in page.body:
        page = replace(page, body=page.body.replace(NONCE_MARK, str(request.csp_nonce).encode()))
    return page.response()


def cacheable_when_anonymous(view):
    """Share one rendered copy of a public page among anonymous readers, and let browsers keep it.

    The server keeps the page in the cache (Redis when REDIS_URL is set) with the versions of
    the tables it read, and serves it while they hold: one small query instead of the page's.
    Each copy gets its own CSP nonce: the page is stored with NONCE_MARK in its place.

    The browser may keep it a minute: `private`, not `public`, because every response carries
    its own nonce, which a shared proxy would replay to everybody. Nothing is shared or said for
    signed-in users, error pages or responses that set a cookie, which must never be reused.
    """

    # A feed is an instance, not a function.
    reader = f"{view.__module__}.{getattr(view, '__qualname__', type(view).__qualname__)}"

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _may_share(request):
            return view(request, *args, **kwargs)
        key = shared_key(request)
        shared = current_copy(key)
        if shared is not None:
            response = _from_shared(request, shared)
        else:
            with rendering_a_copy(reader) as rendering:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render"):
                    response.render()
            shared = _share(request, response, rendering.versions)
            if shared is None:
                return response
            cache.set(key, shared, CACHE_SECONDS)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, max_age=PAGE_MAX_AGE)
            patch_vary_headers(response, ["Cookie", "Accept-Language"])
        return response

    return wrapped
