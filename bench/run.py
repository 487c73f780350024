"""`make bench`: the registry's pages and API against Django's own floor, cold and warm, in one run.

1. Prepares two databases beside the one in DATABASE_URL: `alliance87_bench_small` (1,000 demo
   partners) and `alliance87_bench` (100,000), each created, migrated and filled by
   `generate_demo_data` with the same seed (the command does nothing when they are already filled).
2. Measures in process, on each database, the SQL queries per request of every target (cache off
   and served from a copy) and the typo-tolerant search with the cache off (bench/inprocess.py);
   builds the URL mixes from the database's real values (bench/mix.py).
3. For each database: gunicorn with gunicorn.conf.py, debug off, on 127.0.0.1 only, first with
   Django's cache off (`DJANGO_CACHE=off`: the cold rows), then with the cache in Redis (the warm
   rows and the edits-while-reading scenario). For each row a pre-flight request (a page that
   does not exist yet is marked "missing"), wrk for BENCH_WARMUP seconds that are not counted,
   then wrk for BENCH_SECONDS over the target's URL mix. Edits while reading: the directory mix,
   then the profile mix, without writes and then with one write a second through the API
   (bench/writer.py), whose edits are undone at the end.
4. Prints one table per database and the edits-while-reading table, and writes them as JSON
   under bench/results/.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from . import report
from .targets import COLD, EDIT_MIXES, MODES, WARM, measured_in

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".var" / "bench"  # git ignores .var/
LUA = Path(__file__).resolve().parent / "wrk" / "mix.lua"
PYTHON = sys.executable
# The benchmark's own Redis, emptied at will (never the machine's): see Redis below.
REDIS_PORT = 56380
# What a run costs besides wrk, per database: gunicorn starting and stopping twice, the writer's
# token, pre-flight requests (seconds, for the estimate printed at the start).
OVERHEAD_PER_SIZE = 30
# Migrating, checking the demo data and VACUUM (ANALYZE) of a database that is already filled,
# and starting the in-process checker.
PREPARE_SECONDS = 20


def step(text: str) -> None:
    print(f"\n==> {text}", flush=True)


def with_database(url: str, name: str) -> str:
    """`url` pointing at the database `name` (TCP or Unix-socket URLs alike)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def server_environment(database_url: str, *, cache: str = "off", redis_url: str = "") -> dict:
    """The environment of the server and of the in-process checks: `cache` "off" (DummyCache),
    "redis" (`redis_url`) or "locmem" (each process its own)."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL="0",
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_LOG_LEVEL="WARNING",
        # The throttle still runs (its cost is measured) but never refuses the load.
        API_THROTTLE_ANON="1000000000/second",
        DJANGO_CACHE="off" if cache == "off" else "on",
        REDIS_URL=redis_url if cache == "redis" else "",
    )
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def execute(url: str, sql: str, params=()) -> list:
    """Run one statement outside a transaction (CREATE DATABASE and VACUUM refuse one)."""
    import psycopg2

    connection = psycopg2.connect(url)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall() if cursor.description else []
    finally:
        connection.close()


def create_database(url: str) -> None:
    name = urlsplit(url).path.lstrip("/")
    server = with_database(url, "postgres")
    if not execute(server, "SELECT 1 FROM pg_database WHERE datname = %s", [name]):
        execute(server, f'CREATE DATABASE "{name}"')
        print(f"Created the database {name}.")


def prepare(url: str, *, partners: int, seed: int) -> float | None:
    """Create, migrate and fill one database; the seconds generate_demo_data took, if it ran."""
    env = server_environment(url)
    create_database(url)
    manage(env, "migrate", "--noinput", "-v", "0")
    started = time.monotonic()
    fill = ["generate_demo_data", "--partners", str(partners), "--seed", str(seed)]
    done = subprocess.run(
        [PYTHON, "manage.py", *fill], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    output = done.stdout
    if done.returncode:
        name = urlsplit(url).path.lstrip("/")
        raise SystemExit(
            f"generate_demo_data failed on {name} (see above). If it holds other demo data, "
            f"drop it (dropdb {name}) or refill it: DATABASE_URL={url} "
            f"python manage.py {' '.join(fill)} --clear"
        )
    print(output.strip())
    seconds = None if "already there" in output else round(time.monotonic() - started, 1)
    # Bulk-loaded tables have no statistics and no visibility map until autovacuum comes by;
    # a production table has both, so the benchmark's plans (index-only scans) should too.
    execute(url, "VACUUM (ANALYZE)")
    return seconds


def measure_in_process(url: str, name: str) -> dict:
    out = WORK / f"inprocess-{name}.json"
    command = [PYTHON, "-m", "bench.inprocess", str(out)]
    env = server_environment(url, cache="locmem")
    subprocess.run(command, cwd=ROOT, env=env, check=True, timeout=1800)
    return json.loads(out.read_text(encoding="utf-8"))


class Redis:
    """The cache of the warm rows: BENCH_REDIS_URL if given (emptied before each database), else
    a redis-server of the benchmark's own on REDIS_PORT, without persistence, stopped at the end.
    With neither, each worker keeps its own cache in memory (said in the table)."""

    def __init__(self, url: str = "", port: int = REDIS_PORT):
        self.url, self.port, self.process = url, port, None
        self.log = WORK / "redis.log"

    def start(self) -> str:
        """The URL the server should use, or "" for local memory."""
        if self.url:
            self.url = self.url if answers(self.url) else ""
            return self.url
        binary = shutil.which("redis-server")
        if binary is None:
            return ""
        # A port nobody listens on: a Redis already there is someone else's.
        while answers(f"redis://127.0.0.1:{self.port}/0", ping=False):
            self.port += 1
        url = f"redis://127.0.0.1:{self.port}/0"
        command = [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        command += ["--appendonly", "no", "--daemonize", "no"]
        self.process = subprocess.Popen(
            command, cwd=WORK, stdout=self.log.open("w"), stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 10
        while not answers(url):
            if time.monotonic() > deadline or self.process.poll() is not None:
                print(f"redis-server did not start (see {self.log}): local memory instead")
                self.stop()
                return ""
            time.sleep(0.2)
        self.url = url
        return url

    def flush(self) -> None:
        if self.url:
            import redis

            redis.Redis.from_url(self.url).flushdb()

    def lookups(self) -> tuple[int, int] | None:
        """(hits, misses) of the benchmark's own Redis so far; None for another's, whose figures
        would include its other clients'."""
        if self.process is None:
            return None
        import redis

        stats = redis.Redis.from_url(self.url).info("stats")
        return stats["keyspace_hits"], stats["keyspace_misses"]

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def answers(url: str, *, ping: bool = True) -> bool:
    """Whether a Redis answers PING at `url` (with `ping` False: whether anything listens)."""
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=1) as s:
            if not ping:
                return True
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class Server:
    """gunicorn with gunicorn.conf.py, on 127.0.0.1 only; stopped however the run ends."""

    def __init__(self, env: dict, port: int, *, name: str):
        self.base = f"http://127.0.0.1:{port}"
        self.log = WORK / f"gunicorn-{name}.log"
        env = dict(env, GUNICORN_BIND=f"127.0.0.1:{port}")
        self.process = subprocess.Popen(
            [str(Path(PYTHON).parent / "gunicorn"), "-c", "gunicorn.conf.py", "alliance87.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )

    def wait_until_up(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped; see {self.log}")
            try:
                if get(self.base + "/healthz", timeout=5) == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit(f"gunicorn did not answer /healthz in {timeout:.0f} s; see {self.log}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def get(url: str, timeout: float = 60) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def preflight(base: str, urls: list[str]) -> str:
    """ "" when the target answers 200, else why it is missing."""
    if not urls:
        return "no URLs (the API's cursor walk failed?)"
    for path in urls[:3]:
        status = get(base + path)
        if status != 200:
            return f"HTTP {status} {path}"
    return ""


def wrk(base: str, url_file: Path, *, seconds: int, connections: int, threads: int) -> dict:
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "30s",
        "--latency",
        "-s",
        str(LUA),
        base,
        "--",
        str(url_file),
    ]
    output = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=seconds + 60
    ).stdout
    return parse_wrk(output)


def parse_wrk(output: str) -> dict:
    """The figures of the JSON line bench/wrk/mix.lua prints, in requests per second and ms."""
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    raw = json.loads(line.removeprefix("BENCH_JSON "))
    seconds = raw["duration_us"] / 1e6
    # With no request completed, wrk's percentiles are zeros, not latencies.
    done = raw["requests"] > 0

    def ms(key):
        return raw[key] / 1000 if done else None

    return {
        "status": "ok",
        "requests": raw["requests"],
        "rps": round(raw["requests"] / seconds, 1) if seconds else 0.0,
        "p50_ms": ms("p50_us"),
        "p90_ms": ms("p90_us"),
        "p95_ms": ms("p95_us"),
        "p99_ms": ms("p99_us"),
        "max_ms": ms("max_us"),
        "errors": sum(raw["errors"].values()),
        "error_kinds": raw["errors"],
    }


class Load:
    """wrk against one server: an uncounted warm-up, then the measured seconds, for a URL mix."""

    def __init__(self, base: str, args, *, tag: str, redis=None):
        self.base, self.args, self.tag, self.redis = base, args, tag, redis
        self.options = {"connections": args.connections, "threads": args.wrk_threads}

    def run(self, key: str, urls: list[str], *, after_warmup=None) -> dict:
        missing = preflight(self.base, urls)
        if missing:
            return {"status": "missing", "reason": missing, "urls": len(urls)}
        url_file = WORK / f"urls-{self.tag}-{key}.txt"
        url_file.write_text("\n".join(urls) + "\n", encoding="utf-8")
        if self.args.warmup:
            # Not counted: the server's connections, its workers' own state and, warm, the copies
            # of the URLs that this much load reaches, as on a site that has been up a while.
            wrk(self.base, url_file, seconds=self.args.warmup, **self.options)
        if after_warmup is not None:
            after_warmup()
        before = self.redis.lookups() if self.redis else None
        measured = wrk(self.base, url_file, seconds=self.args.seconds, **self.options)
        measured["urls"] = len(urls)
        if before is not None:
            after = self.redis.lookups()
            if after is not None:
                measured["cache_hits"] = after[0] - before[0]
                measured["cache_misses"] = after[1] - before[1]
        return measured


def show(label: str, measured: dict) -> None:
    if measured["status"] != "ok":
        print(f"{label}: missing ({measured['reason']})", flush=True)
        return
    print(
        f"{label}: {measured['rps']:.0f} req/s, p50 {measured['p50_ms']} ms, "
        f"p99 {measured['p99_ms']} ms, {measured['errors']} errors",
        flush=True,
    )


def measure_targets(load: Load, mixes: dict, mode: str, only) -> dict:
    results = {}
    for target in measured_in(mode):
        if only and target.key not in only:
            continue
        results[target.key] = load.run(target.key, mixes.get(target.key, []))
        show(f"{mode} {target.key}", results[target.key])
    return results


def edits_while_reading(load: Load, mixes: dict, writer, *, why_not: str = "") -> list[dict]:
    """Each mix of EDIT_MIXES: wrk without writes, then again with the writer writing."""
    from .writer import summary

    edit_rows = []
    for mix in EDIT_MIXES:
        urls = mixes.get(mix, [])
        without = load.run(f"{mix}-reading", urls)
        show(f"edits {mix}, no writes", without)
        if writer is None or without["status"] != "ok":
            reason = f"no writer ({why_not})" if writer is None else "no read"
            writing = {"status": "missing", "reason": reason}
            edit_rows.append(report.edits_row(mix, without, writing, {}))
            continue
        writer.start()
        try:
            writing = load.run(f"{mix}-writing", urls, after_warmup=writer.begin_window)
        finally:
            window = summary(writer.stop())
        show(f"edits {mix}, writing", writing)
        print(f"  {window['writes']} writes, {window['failed']} failed", flush=True)
        edit_rows.append(report.edits_row(mix, without, writing, window))
    return edit_rows


def issue_writer_token(url: str) -> str:
    out = WORK / "writer-token.json"
    env = server_environment(url, cache="locmem")
    subprocess.run([PYTHON, "-m", "bench.writer", "issue", str(out)], cwd=ROOT, env=env, check=True)
    key = json.loads(out.read_text(encoding="utf-8"))["key"]
    out.unlink()
    return key


def revoke_writer_token(url: str) -> None:
    env = server_environment(url, cache="locmem")
    subprocess.run([PYTHON, "-m", "bench.writer", "revoke"], cwd=ROOT, env=env, check=False)


def measure_size(name: str, url: str, measured: dict, redis: Redis, args) -> dict:
    """The cold rows, the warm rows and the edits of one database."""
    from .writer import Writer, edits_from

    mixes = measured["urls"]
    label = report.size_label(measured["partners"])
    load_results, edits, writer_info = {}, [], {}
    modes = [mode for mode in MODES if mode in args.modes]
    if COLD in modes:
        step(f"{label}: cache off (DJANGO_CACHE=off)")
        server = Server(server_environment(url, cache="off"), args.port, name=f"{name}-cold")
        try:
            server.wait_until_up()
            load_results[COLD] = measure_targets(
                Load(server.base, args, tag=name), mixes, COLD, args.only
            )
        finally:
            server.stop()
    if WARM in modes or args.edits:
        redis_url = redis.url
        redis.flush()
        cache = "redis" if redis_url else "locmem"
        step(f"{label}: cache in {'Redis at ' + redis_url if redis_url else 'local memory'}")
        key = issue_writer_token(url) if args.edits else ""
        env = server_environment(url, cache=cache, redis_url=redis_url)
        env["CACHE_KEY_PREFIX"] = f"bench-{name}"
        server = Server(env, args.port, name=f"{name}-warm")
        writer = None
        try:
            server.wait_until_up()
            load = Load(server.base, args, tag=name, redis=redis)
            if WARM in modes:
                load_results[WARM] = measure_targets(load, mixes, WARM, args.only)
            if args.edits:
                try:
                    writer = Writer(server.base, key, edits_from(server.base, _profile_slug(mixes)))
                except RuntimeError as error:
                    print(f"edits: no writer ({error})")
                    writer_info["error"] = str(error)
                edits = edits_while_reading(
                    load, mixes, writer, why_not=writer_info.get("error", "")
                )
        finally:
            if writer is not None:
                writer_info.update(restored=writer.restore(), failures=writer.failures)
                writer_info["edited"] = [
                    {"kind": e.kind, "path": e.path, "field": e.field, "writes": e.writes}
                    for e in writer.edits
                ]
                writer_info["total"] = report_tally(writer.total)
            server.stop()
            if args.edits:
                revoke_writer_token(url)
    caches = {WARM: "Redis" if redis.url else "locmem"}
    return {
        "database": urlsplit(url).path.lstrip("/"),
        "partners": measured["partners"],
        "label": label,
        "load": load_results,
        "search": measured.get("search"),
        "edits": edits,
        "writer": writer_info,
        "caches": caches,
    }


def report_tally(tally) -> dict:
    from .writer import summary

    return summary(tally)


def _profile_slug(mixes: dict) -> str:
    """The partner the writer edits: the first of the profile mix, a page the readers ask for."""
    profile = mixes.get("profile") or []
    return profile[0].strip("/").split("/")[-1] if profile else ""


def expected_seconds(args, sizes: int) -> int:
    """wrk's seconds of the run (warm-ups included) and the servers' overhead."""
    rows = sum(len(measured_in(mode)) for mode in args.modes)
    if args.only:
        rows = sum(1 for mode in args.modes for t in measured_in(mode) if t.key in args.only)
    rows += 2 * len(EDIT_MIXES) if args.edits else 0
    return sizes * (rows * (args.seconds + args.warmup) + OVERHEAD_PER_SIZE)


def in_process_seconds(name: str) -> int:
    """The in-process checks' and preparation's seconds: the last run's, else a guess."""
    guess = {"small": 40, "large": 120}[name]
    try:
        last = json.loads((WORK / f"inprocess-{name}.json").read_text(encoding="utf-8"))
        return int(sum(last["seconds"].values())) + PREPARE_SECONDS
    except (OSError, ValueError, KeyError, TypeError):
        return guess


def minutes(seconds: int) -> str:
    return f"{seconds // 60} min {seconds % 60:02d} s"


def server_config() -> dict:
    """The gunicorn settings in force, read from gunicorn.conf.py with this environment."""
    names = {}
    exec((ROOT / "gunicorn.conf.py").read_text(encoding="utf-8"), names)  # noqa: S102
    return {key: names.get(key) for key in ("workers", "threads", "worker_class", "keepalive")}


def commit() -> str:
    """The checked-out commit, read from .git without running git (BENCH_COMMIT for a tree
    exported without its .git, such as `git archive HEAD`)."""
    if os.environ.get("BENCH_COMMIT"):
        return os.environ["BENCH_COMMIT"]
    try:
        head = (ROOT / ".git" / "HEAD").read_text().strip()
        if head.startswith("ref: "):
            return (ROOT / ".git" / head[5:]).read_text().strip()
        return head
    except OSError:
        return ""


def _listed(text: str) -> list[str]:
    return [part for part in text.split(",") if part]


def parse_args(argv):
    env = os.environ.get
    parser = argparse.ArgumentParser(description="Benchmark the registry (see bench/run.py).")
    parser.add_argument("--database-url", default=env("DATABASE_URL", ""))
    parser.add_argument("--database", default="alliance87_bench")
    parser.add_argument("--small-database", default="alliance87_bench_small")
    parser.add_argument("--partners", type=int, default=100_000)
    parser.add_argument("--small-partners", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=87)
    parser.add_argument("--seconds", type=int, default=int(env("BENCH_SECONDS") or 5))
    parser.add_argument("--warmup", type=int, default=int(env("BENCH_WARMUP") or 2))
    parser.add_argument("--connections", type=int, default=int(env("BENCH_CONNECTIONS") or 16))
    parser.add_argument("--wrk-threads", type=int, default=int(env("BENCH_WRK_THREADS") or 1))
    parser.add_argument("--port", type=int, default=int(env("BENCH_PORT") or 8787))
    parser.add_argument(
        "--redis-url",
        default=env("BENCH_REDIS_URL", ""),
        help=f"a Redis the benchmark may empty; by default it starts its own on port {REDIS_PORT}",
    )
    parser.add_argument(
        "--sizes",
        type=_listed,
        default=["small", "large"],
        help="small (1,000 partners), large (100,000) or both: small,large",
    )
    parser.add_argument("--modes", type=_listed, default=list(MODES), help="cold,warm")
    parser.add_argument("--no-edits", dest="edits", action="store_false")
    parser.add_argument("--only", type=lambda s: set(_listed(s)), default=None)
    parser.add_argument("--no-write", action="store_true", help="print, but write no JSON")
    parser.add_argument(
        "--note",
        default=env("BENCH_NOTE", ""),
        help="kept with the results, such as what else the machine was doing",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="skip the preparation and the query counts: reuse the last run's (for trying "
        "server settings quickly)",
    )
    args = parser.parse_args(argv)
    if not args.database_url:
        parser.error("set DATABASE_URL or --database-url (any database of the server)")
    if unknown := set(args.sizes) - {"small", "large"}:
        parser.error(f"unknown sizes: {', '.join(sorted(unknown))}")
    if unknown := set(args.modes) - set(MODES):
        parser.error(f"unknown modes: {', '.join(sorted(unknown))}")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    started = datetime.now(UTC).isoformat(timespec="seconds")
    WORK.mkdir(parents=True, exist_ok=True)
    databases = {
        "small": (args.small_database, args.small_partners),
        "large": (args.database, args.partners),
    }
    sizes = [name for name in ("small", "large") if name in args.sizes]
    urls = {name: with_database(args.database_url, databases[name][0]) for name in sizes}
    seconds = expected_seconds(args, len(sizes))
    checks = 0 if args.reuse else sum(in_process_seconds(name) for name in sizes)
    print(
        f"make bench: {len(sizes)} database(s), {args.seconds} s measured and {args.warmup} s of "
        f"uncounted warm-up per row, {args.connections} connections. Expected: about "
        f"{minutes(seconds + checks)} in all ({minutes(seconds)} under load, {minutes(checks)} "
        "of preparation and in-process checks, more if a database must be filled first).",
        flush=True,
    )

    generated, measured = {}, {}
    if args.reuse:
        step("Reusing the databases, URL mixes and query counts of the last run")
        for name in sizes:
            measured[name] = json.loads((WORK / f"inprocess-{name}.json").read_text())
    else:
        for name in sizes:
            database, partners = databases[name]
            step(f"Database {database}: {partners} demo partners, seed {args.seed}")
            generated[name] = prepare(urls[name], partners=partners, seed=args.seed)
        step("Static files")
        manage(server_environment(urls[sizes[0]]), "collectstatic", "--noinput", "-v", "0")
        for name in sizes:
            step(f"SQL queries per request, the search and the URL mixes, in process: {name}")
            measured[name] = measure_in_process(urls[name], name)

    redis = Redis(args.redis_url)
    results = {}
    try:
        redis.start()
        print(f"Warm cache: {'Redis at ' + redis.url if redis.url else 'local memory per worker'}")
        for name in sizes:
            results[name] = measure_size(name, urls[name], measured[name], redis, args)
    finally:
        redis.stop()

    out_sizes = {}
    for name in sizes:
        other = next((o for o in sizes if o != name), None)
        result = results[name]
        result["rows"] = report.rows(
            result.pop("load"),
            measured[name]["queries"],
            measured[other]["queries"] if other else None,
            other_label=report.size_label(measured[other]["partners"]) if other else "",
            caches=result.pop("caches"),
        )
        out_sizes[name] = result

    step("Results")
    for result in out_sizes.values():
        print(f"\n{result['partners']:,} partners ({result['database']})\n")
        print(report.table(result["rows"], result["search"]))
    print("\nEdits while reading (cache in Redis, one write a second through the API)\n")
    edit_rows = [
        dict(row, mix=f"{result['label']} {row['mix']}")
        for result in out_sizes.values()
        for row in result["edits"]
    ]
    print(report.edits_table(edit_rows) if edit_rows else "not run")
    for result in out_sizes.values():
        if result["writer"].get("failures"):
            print(f"Failed writes at {result['label']}: {result['writer']['failures']}")
    missed = report.goals_missed(out_sizes)
    print(f"\nGoals missed: {len(missed)}" + "".join(f"\n  {line}" for line in missed))

    config = {
        "commit": commit(),
        "note": args.note,
        "cpus": os.cpu_count(),
        "seed": args.seed,
        "generate_demo_data_seconds": generated,
        "wrk": {
            "seconds": args.seconds,
            "warmup": args.warmup,
            "connections": args.connections,
            "threads": args.wrk_threads,
        },
        "modes": args.modes,
        "edits": args.edits,
        "only": sorted(args.only) if args.only else None,
        "warm_cache": "redis" if redis.url else "locmem",
        "gunicorn": server_config(),
    }
    if not args.no_write:
        doc = report.document(
            sizes=out_sizes,
            config=config,
            started=started,
            finished=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        print(f"\nWritten: {report.write(doc).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
