"""Shared copies of public pages, each kept as long as what it was rendered from stays as it was.

The database counts, by trigger, the writes that changed each column of each table
(core/writes.py), bulk and raw ones too. A copy records, from the SQL its rendering ran, the
columns that chose its rows (and `*`, the rows of its tables) and the columns it only showed;
and, from the records it made, which rows it showed. A write therefore makes stale only the
copies that show what it changed: an edit of a partner's description renews that partner's
profile, the directory page that lists it and the searches (which choose by descriptions), and
leaves every other page alone. Nothing is declared per page, so a page that starts to read
another table or column is kept right without a change.
"""

import re
import threading
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from functools import cache as cache_function
from functools import lru_cache, wraps
from hashlib import sha256

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
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
    columns_read.cache_clear()


@cache_function
def _histories() -> dict[str, str]:
    """{tracked table: its history table}."""
    return {
        event.pgh_tracked_model._meta.db_table: event._meta.db_table for event in event_models()
    }


@cache_function
def _noted_tables() -> frozenset[str]:
    """The tables whose writes the database counts (core/writes.py): each tracked table, its
    history (the change feed reads it) and the tables kept from them. A page that reads a table
    neither noted nor ignored is not shared."""
    histories = _histories()
    return frozenset((_kept | set(histories) | set(histories.values())) - _ignored)


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
_QUALIFIED = re.compile(r'"([a-z_][a-z0-9_$]*)"\."([a-z_][a-z0-9_$]*)"')
_WINDOW = re.compile(r"\bOVER\s*\(", re.IGNORECASE)


def split_query(sql: str) -> tuple[str, str]:
    """(what `sql` returns, how it chooses): its select list, and the rest (FROM, joins, WHERE,
    GROUP BY, ORDER BY, LIMIT) with every subquery of the select list. A statement that is not
    a plain SELECT, or whose select list reads other rows than its own (a window, DISTINCT ON),
    is all choosing."""
    upper = sql.upper()
    if not upper.lstrip().startswith("SELECT") or upper.lstrip().startswith("SELECT DISTINCT ON"):
        return "", sql
    shown, chosen = [], []
    depth, quote, start = 0, "", 0
    sub_start, sub_depth = -1, 0
    for i, char in enumerate(sql):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
            if sub_start < 0 and upper[i + 1 :].lstrip().startswith("SELECT"):
                sub_start, sub_depth = i, depth
        elif char == ")":
            if sub_start >= 0 and depth == sub_depth:
                shown.append(sql[start:sub_start])
                chosen.append(sql[sub_start : i + 1])
                start, sub_start = i + 1, -1
            depth -= 1
        elif (
            depth == 0
            and sub_start < 0
            and upper.startswith("FROM", i)
            and sql[i - 1 : i].isspace()
            and sql[i + 4 : i + 5].isspace()
        ):
            shown.append(sql[start:i])
            chosen.append(sql[i:])
            break
    else:
        shown.append(sql[start:])
    returned = "".join(shown)
    if _WINDOW.search(returned):
        return "", sql
    return returned, "".join(chosen)


def _named_columns(text: str, tables: set[str]) -> set[tuple[str, str]]:
    """(table, column) of each column `text` names: by the table's name ("t"."c"), that table's
    only; by an alias or alone, that of every one of `tables` that has such a column."""
    named, alone = set(), set()
    for qualifier, name in _QUALIFIED.findall(text):
        if qualifier in tables:
            named.add((qualifier, name))
        else:
            alone.add(name)
    alone |= set(_WORD.findall(_QUALIFIED.sub(" ", text)))
    found = set()
    for table in tables:
        columns = _columns_of(table)
        found |= {(table, column) for column in columns & alone}
        found |= {(t, column) for t, column in named if t == table and column in columns}
    return found


# A view runs the same few statements again and again, with other parameters.
@lru_cache(maxsize=4096)
def columns_read(sql: str) -> tuple[frozenset[tuple[str, str]], frozenset[tuple[str, str]]]:
    """(table, column) pairs of what `sql` may read: (those that choose its rows, those it only
    returns). A column is read wherever it is named: by its table's name, as that table's; by an
    alias or alone, as every named table's that has one. Every query chooses by `*`, the rows of
    its tables. More than it reads, never fewer."""
    sql = sql.lower()
    tables = {table for table in set(_WORD.findall(sql)) & _known_tables() if table not in _ignored}
    shown_text, chosen_text = split_query(sql)
    chosen = _named_columns(chosen_text, tables) | {(table, writes.ROWS) for table in tables}
    shown = _named_columns(shown_text, tables) - chosen
    return frozenset(chosen), frozenset(shown)


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


Pairs = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Versions:
    """What a copy was rendered from, and the day (what is "current", a membership or a seat
    term, changes with the day).

    `columns`: what chose its rows (and what it read without records to follow), with `writes`,
    how many writes had changed them: any new one makes the copy stale. `shown`: the columns it
    only showed of rows it read as records, with `shown_writes`; `rows`: those records, each
    history table with the ids read, and `newest`, the history's newest event before. A write
    to a shown column makes the copy stale only if it wrote one of the rows shown: an edit of one
    partner's description renews the directory page that shows that partner, and no other.
    """

    day: str
    columns: Pairs
    writes: int
    shown: Pairs = ()
    shown_writes: int = 0
    rows: tuple[tuple[str, tuple[int, ...]], ...] = ()
    newest: tuple[int | None, ...] = ()

    def still_current(self, using: str = DEFAULT_DB_ALIAS) -> "Versions | None":
        """These versions if nothing read was written since, with the writes of the shown
        columns brought up to date (the rows shown were not among them); else None."""
        if self.day != timezone.localdate().isoformat():
            return None
        shown_writes = writes.copy_is_current(
            self.columns,
            self.writes,
            self.shown,
            self.shown_writes,
            self.rows,
            self.newest,
            using,
        )
        if shown_writes is None:
            return None
        # The newest events stay those before the rendering: a later write of a row shown is
        # newer still.
        return (
            self if shown_writes == self.shown_writes else replace(self, shown_writes=shown_writes)
        )


def _counted_before(tables: list[str], using: str) -> tuple[dict, dict]:
    """({(table, column): writes}, {history table: its newest event}) of `tables`, one query."""
    histories = [_histories()[table] for table in tables if table in _histories()]
    return writes.writes_before(tables, histories, using)


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
    """What the rendering of a copy in this thread has read: each query's SQL, and the ids of
    the records made from its rows, by table."""

    def __init__(self):
        self.queries: list[tuple[str, dict[str, set]]] | None = None


_reading = _Reading()


def _note_queries(execute, sql, params, many, context):
    if _reading.queries is not None:
        _reading.queries.append((sql, {}))
    return execute(sql, params, many, context)


def note_record(sender, instance, **kwargs):
    """post_init (core/apps.py): a record made while a copy renders, from the last query's rows."""
    if _reading.queries and instance.pk is not None:
        table = instance._meta.concrete_model._meta.db_table
        _reading.queries[-1][1].setdefault(table, set()).add(instance.pk)


@dataclass
class Read:
    """What a rendering read: the parts of its Versions."""

    columns: set = field(default_factory=set)
    shown: set = field(default_factory=set)
    rows: dict[str, set] = field(default_factory=dict)

    @classmethod
    def of(cls, queries) -> "Read":
        read = cls()
        for sql, records in queries:
            chosen, shown = columns_read(sql)
            read.columns |= chosen
            for table, column in shown:
                # The records of a table with history tell when they were written: the columns
                # shown follow them. Columns read without records follow the whole table.
                if records.get(table) and table in _histories():
                    read.shown.add((table, column))
                    read.rows.setdefault(table, set()).update(records[table])
                else:
                    read.columns.add((table, column))
        read.shown -= read.columns
        shown_tables = {table for table, _column in read.shown}
        read.rows = {table: ids for table, ids in read.rows.items() if table in shown_tables}
        return read

    @property
    def tables(self) -> set[str]:
        return {table for table, _column in self.columns | self.shown}

    def versions(self, day: str, counted: dict, events: dict) -> Versions:
        """These reads' versions, from the writes `counted` and the newest `events` of the
        tables' histories, both taken before the rendering (or in its snapshot)."""
        columns, shown = tuple(sorted(self.columns)), tuple(sorted(self.shown))
        rows = tuple(
            (_histories()[table], tuple(sorted(ids))) for table, ids in sorted(self.rows.items())
        )
        return Versions(
            day,
            columns,
            sum(counted.get(pair, 0) for pair in columns),
            shown,
            sum(counted.get(pair, 0) for pair in shown),
            rows,
            tuple(events.get(history) for history, _ids in rows),
        )


@dataclass
class Rendering:
    """What `rendering_a_copy()` found: the versions of what was read, or None when a table read
    has no version (the page must not be shared) or was not foreseen."""

    versions: Versions | None = None


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
            before = None if foreseen is None else _counted_before(sorted(foreseen), using)
            with connection.execute_wrapper(_note_queries):
                yield found
            read = Read.of(_reading.queries)
            tables = read.tables
            if tables <= _noted_tables():
                _foreseen[reader] = (foreseen or frozenset()) | tables
                if before is None:
                    before = _counted_before(sorted(tables), using)
                if tables <= (foreseen or tables):
                    found.versions = read.versions(day, *before)
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
    # When it was made (time.time()): it is kept CACHE_SECONDS from then, however refreshed.
    made: float = field(default_factory=time.time)

    @classmethod
    def of(
        cls, response, versions: Versions | None = None, extra: object = None, *, nonce=None
    ) -> "SharedPage":
        """The copy of `response`. Without a `nonce`, every copy's body is the same, and so its
        ETag (ConditionalGetMiddleware's, computed here once for every reader of the copy);
        with one, the body keeps NONCE_MARK in its place and no ETag could ever match."""
        if nonce:
            body = response.content.replace(str(nonce).encode(), NONCE_MARK)
            return cls(body, tuple(response.items()), versions, extra)
        if not response.has_header("ETag"):
            set_response_etag(response)
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
    """The copy kept under `key`, if nothing it was rendered from has changed since."""
    page = cache.get(key)
    if not isinstance(page, SharedPage) or page.versions is None:
        return None
    versions = page.versions.still_current()
    if versions is None:
        return None
    if versions is not page.versions:
        # Shown columns were written, not in the rows shown: keep the copy, checked at once
        # from now on, for what is left of its time.
        page = replace(page, versions=versions)
        left = CACHE_SECONDS - (time.time() - page.made)
        if left > 1:
            cache.set(key, page, left)
    return page


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
    # Truthy only once the page has asked for its nonce (django-csp's lazy object).
    return SharedPage.of(response, versions, nonce=request.csp_nonce)


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
