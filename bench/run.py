"""`make bench`: the registry's pages and API against Django's own floor, in one run.

1. Prepares two databases beside the one in DATABASE_URL: `alliance87_bench` (100,000 demo
   partners) and `alliance87_bench_small` (1,000), each created, migrated and filled by
   `generate_demo_data` with the same seed (the command does nothing when they are already filled).
2. Measures in process, on each database, the SQL queries per request of every target and, on
   the large one, the typo-tolerant search (bench/inprocess.py); builds the URL mixes.
3. Starts gunicorn with gunicorn.conf.py, debug off, on 127.0.0.1 only, its cache in Redis as in
   production (BENCH_REDIS_URL, by default database 8 of the Redis on 127.0.0.1:6379, emptied
   first; local memory if no Redis answers); for each target a pre-flight request (a page that
   does not exist yet is marked "missing"), a warm-up (every URL of the mix once, then wrk for
   BENCH_WARMUP seconds), then wrk for a fixed time over the target's URL mix; stops gunicorn.
4. Prints one table and writes it as JSON under bench/results/.
"""

import argparse
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from . import report
from .targets import TARGETS

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".var" / "bench"  # git ignores .var/
LUA = Path(__file__).resolve().parent / "wrk" / "mix.lua"
PYTHON = sys.executable


def step(text: str) -> None:
    print(f"\n==> {text}", flush=True)


def with_database(url: str, name: str) -> str:
    """`url` pointing at the database `name` (TCP or Unix-socket URLs alike)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def server_environment(database_url: str) -> dict:
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


def measure_in_process(url: str, name: str, *, search: bool) -> dict:
    out = WORK / f"inprocess-{name}.json"
    command = [PYTHON, "-m", "bench.inprocess", str(out)] + (["--search"] if search else [])
    subprocess.run(command, cwd=ROOT, env=server_environment(url), check=True, timeout=1800)
    return json.loads(out.read_text(encoding="utf-8"))


def shared_cache(url: str) -> str:
    """`url` emptied, if a Redis answers there; else "" (each worker keeps its own cache)."""
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=2):
            pass
    except OSError:
        return ""
    import redis

    redis.Redis.from_url(url).flushdb()
    return url


class Server:
    """gunicorn with gunicorn.conf.py, on 127.0.0.1 only; stopped however the run ends."""

    def __init__(self, url: str, port: int, *, redis_url: str = ""):
        self.base = f"http://127.0.0.1:{port}"
        self.log = WORK / "gunicorn.log"
        env = server_environment(url)
        env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
        env["REDIS_URL"] = redis_url
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


def visit_all(base: str, urls: list[str], *, connections: int) -> None:
    """Every URL once, `connections` at a time: the state of a site that has been up a while."""
    with ThreadPoolExecutor(max_workers=connections) as pool:
        list(pool.map(lambda path: get(base + path, timeout=120), urls))


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


def load(base: str, mixes: dict, args) -> dict:
    results = {}
    for target in TARGETS:
        urls = mixes.get(target.key, [])
        if args.only and target.key not in args.only:
            continue
        missing = preflight(base, urls)
        if missing:
            print(f"{target.key}: missing ({missing})", flush=True)
            results[target.key] = {"status": "missing", "reason": missing, "urls": len(urls)}
            continue
        url_file = WORK / f"urls-{target.key}.txt"
        url_file.write_text("\n".join(urls) + "\n", encoding="utf-8")
        options = {"connections": args.connections, "threads": args.wrk_threads}
        visit_all(base, urls, connections=args.connections)
        if args.warmup:
            wrk(base, url_file, seconds=args.warmup, **options)
        measured = wrk(base, url_file, seconds=args.seconds, **options)
        measured["urls"] = len(urls)
        results[target.key] = measured
        print(
            f"{target.key}: {measured['rps']:.0f} req/s, p50 {measured['p50_ms']} ms, "
            f"p99 {measured['p99_ms']} ms, {measured['errors']} errors",
            flush=True,
        )
    return results


def server_config() -> dict:
    """The gunicorn settings in force, read from gunicorn.conf.py with this environment."""
    names = {}
    exec((ROOT / "gunicorn.conf.py").read_text(encoding="utf-8"), names)  # noqa: S102
    return {key: names.get(key) for key in ("workers", "threads", "worker_class", "keepalive")}


def commit() -> str:
    """The checked-out commit, read from .git without running git."""
    try:
        head = (ROOT / ".git" / "HEAD").read_text().strip()
        if head.startswith("ref: "):
            return (ROOT / ".git" / head[5:]).read_text().strip()
        return head
    except OSError:
        return ""


def parse_args(argv):
    env = os.environ.get
    parser = argparse.ArgumentParser(description="Benchmark the registry (see bench/run.py).")
    parser.add_argument("--database-url", default=env("DATABASE_URL", ""))
    parser.add_argument("--database", default="alliance87_bench")
    parser.add_argument("--small-database", default="alliance87_bench_small")
    parser.add_argument("--partners", type=int, default=100_000)
    parser.add_argument("--small-partners", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=87)
    parser.add_argument("--seconds", type=int, default=int(env("BENCH_SECONDS") or 10))
    parser.add_argument("--warmup", type=int, default=int(env("BENCH_WARMUP") or 3))
    parser.add_argument("--connections", type=int, default=int(env("BENCH_CONNECTIONS") or 8))
    parser.add_argument("--wrk-threads", type=int, default=int(env("BENCH_WRK_THREADS") or 1))
    parser.add_argument("--port", type=int, default=int(env("BENCH_PORT") or 8787))
    parser.add_argument("--redis-url", default=env("BENCH_REDIS_URL") or "redis://127.0.0.1:6379/8")
    parser.add_argument("--only", type=lambda s: set(s.split(",")), default=None)
    parser.add_argument("--no-write", action="store_true", help="print, but write no JSON")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="skip the preparation and the query counts: reuse the last run's (for trying "
        "server settings quickly)",
    )
    args = parser.parse_args(argv)
    if not args.database_url:
        parser.error("set DATABASE_URL or --database-url (any database of the server)")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    started = datetime.now(UTC).isoformat(timespec="seconds")
    WORK.mkdir(parents=True, exist_ok=True)
    large = with_database(args.database_url, args.database)
    small = with_database(args.database_url, args.small_database)

    generated = None
    if args.reuse:
        step("Reusing the databases, URL mixes and query counts of the last run")
        measured_small, measured_large = (
            json.loads((WORK / f"inprocess-{name}.json").read_text()) for name in ("small", "large")
        )
    else:
        step(f"Database {args.database}: {args.partners} demo partners, seed {args.seed}")
        generated = prepare(large, partners=args.partners, seed=args.seed)
        step(f"Database {args.small_database}: {args.small_partners} demo partners")
        prepare(small, partners=args.small_partners, seed=args.seed)
        step("Static files")
        manage(server_environment(large), "collectstatic", "--noinput", "-v", "0")

        step("SQL queries per request, in process, and the URL mixes")
        measured_small = measure_in_process(small, "small", search=False)
        measured_large = measure_in_process(large, "large", search=True)

    step(f"Load: wrk, {args.warmup} s warm-up and {args.seconds} s per target")
    redis_url = shared_cache(args.redis_url)
    print(f"Cache: {'Redis at ' + redis_url if redis_url else 'local memory in each worker'}")
    server = Server(large, args.port, redis_url=redis_url)
    try:
        server.wait_until_up()
        results = load(server.base, measured_large["urls"], args)
    finally:
        server.stop()

    result_rows = report.rows(results, measured_large["queries"], measured_small["queries"])
    search = measured_large["search"]
    step("Results")
    print(report.table(result_rows, search))
    config = {
        "commit": commit(),
        "cpus": os.cpu_count(),
        "partners": {"large": measured_large["partners"], "small": measured_small["partners"]},
        "seed": args.seed,
        "generate_demo_data_seconds": generated,
        "wrk": {
            "seconds": args.seconds,
            "warmup": args.warmup,
            "connections": args.connections,
            "threads": args.wrk_threads,
        },
        "cache": "redis" if redis_url else "locmem",
        "gunicorn": server_config(),
    }
    if not args.no_write:
        doc = report.document(
            result_rows=result_rows,
            search=search,
            config=config,
            started=started,
            finished=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        print(f"\nWritten: {report.write(doc).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
