"""`make drill`: faults against the production server on this machine, under load.

1. Starts a PostgreSQL cluster of the drill's own (.var/drill/postgres: a Unix socket in its
   folder and 127.0.0.1:55432) and a Redis of its own (127.0.0.1:56379, nothing saved): never
   the machine's server at 5432 or the Redis at 6379, since the drill stops and starts them.
2. Creates the database afresh, migrates it, loads the seed and 2,000 demo partners, and gives
   a superuser an API token for the writes.
3. Starts gunicorn with gunicorn.conf.py, debug off, on 127.0.0.1:58787; nginx on
   127.0.0.1:58080 in front of it, if nginx is installed.
4. Drives load (reader threads over a mix of pages and API reads, and a writer that POSTs a
   partner every 200 ms), recording every request's start, end and status. For each fault:
   5 s of steady load, the fault, waiting until /healthz answers 200, 5 s more.
5. Checks that every acknowledged write is in the database, prints the table (drill/report.py),
   writes it to drill/results/drill-<time>.json, stops everything it started and exits 1 if a
   pass rule failed.
"""

import argparse
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from . import report
from .report import Phase, Request

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".var" / "drill"  # git ignores .var/
RESULTS = Path(__file__).resolve().parent / "results"
PYTHON = sys.executable
DATABASE = "alliance87_drill"
PG_PORT = 55432
REDIS_PORT = 56379
GUNICORN_PORT = 58787
NGINX_PORT = 58080
# The machine's own services: the drill must never touch them.
FORBIDDEN_PORTS = {5432, 6379}

REQUEST_TIMEOUT = 5.0
STEADY_SECONDS = 5.0
HEALTHY_TIMEOUT = 30.0
WRITE_INTERVAL = 0.2
READERS = 4
SLOW_CLIENTS = 8
SLOW_SECONDS = 15
SLOW_REQUEST = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"  # never finished: no empty line

# The whole drill stops (cleanly) if it runs longer than this.
DEADLINE = 9 * 60

T0 = time.monotonic()


def now() -> float:
    return time.monotonic() - T0


def step(text: str) -> None:
    print(f"\n==> {text}", flush=True)


def say(text: str) -> None:
    print(f"    {text}", flush=True)


def port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def wait_for(predicate, timeout: float, interval: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


# ---------------------------------------------------------------- PostgreSQL


def pg_bindir() -> Path:
    """The bin directory of the highest PostgreSQL installed (as scripts/prepare_db.sh)."""
    found = []
    for d in Path("/usr/lib/postgresql").glob("*/bin"):
        if (d / "initdb").exists() and (d / "pg_ctl").exists():
            found.append(d)
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        found.append(Path(initdb).resolve().parent)
    if not found:
        raise SystemExit(
            "drill: PostgreSQL's initdb and pg_ctl are not installed "
            "(Debian: apt-get install postgresql)"
        )

    def version(d: Path) -> tuple:
        out = subprocess.run([d / "initdb", "--version"], capture_output=True, text=True).stdout
        return tuple(int(p) for p in out.split()[-1].split(".") if p.isdigit())

    return max(found, key=version)


class Postgres:
    """A cluster of the drill's own, which it may stop and start at will."""

    def __init__(self):
        self.bindir = pg_bindir()
        self.root = os.geteuid() == 0
        self.base = WORK / "postgres"
        if self.root and not self._owner_reaches(ROOT):
            # Like scripts/prepare_db.sh: the postgres user cannot reach a private project folder.
            self.base = Path(f"/tmp/alliance87-drill-pg-{os.getuid()}")
        self.data = self.base / "data"
        self.sockets = self.base / "socket"
        self.log = self.base / "log"
        self.user = "postgres" if self.root else os.environ.get("USER") or "postgres"
        self.url = f"postgres://{'root' if self.root else self.user}@127.0.0.1:{PG_PORT}/{DATABASE}"

    def _owner_reaches(self, path: Path) -> bool:
        return (
            subprocess.run(["runuser", "-u", "postgres", "--", "test", "-x", str(path)]).returncode
            == 0
        )

    def as_owner(self, *command, check=True, timeout=120) -> subprocess.CompletedProcess:
        command = [str(c) for c in command]
        if self.root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(
            command, cwd="/", check=check, timeout=timeout, capture_output=True, text=True
        )

    def ensure(self) -> None:
        if self.root:
            subprocess.run(["id", "-u", "postgres"], check=True, capture_output=True)
        if not (self.data / "PG_VERSION").exists():
            WORK.mkdir(parents=True, exist_ok=True)
            for d in (ROOT / ".var", WORK):
                if d.parent != Path("/tmp"):
                    d.chmod(0o755)
            self.base.mkdir(parents=True, exist_ok=True)
            self.base.chmod(0o700)
            self.sockets.mkdir(exist_ok=True)
            if self.root:
                shutil.chown(self.base, "postgres", "postgres")
                shutil.chown(self.sockets, "postgres", "postgres")
            say(f"initdb {self.data}")
            self.as_owner(
                self.bindir / "initdb",
                "-D",
                self.data,
                "--auth=trust",
                f"--username={self.user}",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            )
            with (self.data / "postgresql.conf").open("a") as f:
                f.write("\ninclude_if_exists = 'drill.conf'  # written by drill/run.py\n")
        conf = self.data / "drill.conf"
        conf.write_text(
            "# Written by drill/run.py at each start.\n"
            f"listen_addresses = '127.0.0.1'\nport = {PG_PORT}\n"
            f"unix_socket_directories = '{self.sockets}'\n"
        )
        if self.root:
            shutil.chown(conf, "postgres", "postgres")

    def running(self) -> bool:
        return (
            self.as_owner(self.bindir / "pg_ctl", "-D", self.data, "status", check=False).returncode
            == 0
        )

    def start(self) -> None:
        self.as_owner(
            self.bindir / "pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60", "start"
        )

    def stop(self) -> None:
        self.as_owner(self.bindir / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def restart(self) -> None:
        self.as_owner(
            self.bindir / "pg_ctl", "-D", self.data, "-l", self.log, "-m", "fast", "-w", "restart"
        )

    def psql(self, sql: str, database: str = "postgres") -> str:
        return self.as_owner(
            self.bindir / "psql",
            "-w",
            "-X",
            "-q",
            "-tA",
            "-h",
            self.sockets,
            "-p",
            PG_PORT,
            "-U",
            self.user,
            "-d",
            database,
            "-c",
            sql,
        ).stdout.strip()

    def fresh_database(self) -> None:
        if self.root and not self.psql("SELECT 1 FROM pg_roles WHERE rolname = 'root'"):
            self.psql("CREATE ROLE root SUPERUSER LOGIN")
        self.psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        self.psql(f"CREATE DATABASE {DATABASE} OWNER {'root' if self.root else self.user}")


# ---------------------------------------------------------------- Redis, gunicorn, nginx


class Redis:
    def __init__(self):
        self.process: subprocess.Popen | None = None
        self.frozen = False
        self.log = WORK / "redis.log"

    def start(self) -> None:
        command = ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--daemonize", "no"]
        self.process = subprocess.Popen(
            command, stdout=self.log.open("a"), stderr=subprocess.STDOUT, cwd=WORK
        )
        if not wait_for(self.answers, 10):
            raise SystemExit(f"drill: redis-server did not start; see {self.log}")

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", REDIS_PORT), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            if self.frozen:
                self.process.send_signal(signal.SIGCONT)
                self.frozen = False
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def freeze(self) -> None:
        self.process.send_signal(signal.SIGSTOP)
        self.frozen = True

    def thaw(self) -> None:
        self.process.send_signal(signal.SIGCONT)
        self.frozen = False


def server_environment(database_url: str) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL="0",
        DJANGO_LOG_LEVEL="WARNING",
        REDIS_URL=f"redis://127.0.0.1:{REDIS_PORT}/0",
        API_THROTTLE_ANON="1000000000/second",
        API_THROTTLE_TOKEN="1000000000/second",
    )
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


class Gunicorn:
    def __init__(self, env: dict):
        self.log = WORK / "gunicorn.log"
        command = [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py"]
        command += ["--bind", f"127.0.0.1:{GUNICORN_PORT}", "alliance87.wsgi"]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self.log.open("w"), stderr=subprocess.STDOUT
        )
        self.pid = self.process.pid

    def workers(self) -> list[int]:
        try:
            text = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text()
        except OSError:
            return []
        return [int(p) for p in text.split()]

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


NGINX_CONF = """\
# Written by drill/run.py: a buffering proxy in front of gunicorn, as the README advises.
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
{user}
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    client_header_timeout 60s;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://127.0.0.1:{upstream};
            proxy_buffering on;
            proxy_request_buffering on;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
    }}
}}
"""


class Nginx:
    def __init__(self):
        self.binary = shutil.which("nginx") or (
            "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
        )
        self.process: subprocess.Popen | None = None
        self.work = WORK / "nginx"

    def start(self) -> None:
        self.work.mkdir(parents=True, exist_ok=True)
        user = "user nobody nogroup;" if os.geteuid() == 0 else ""
        conf = self.work / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(work=self.work, user=user, port=NGINX_PORT, upstream=GUNICORN_PORT)
        )
        command = [
            self.binary,
            "-c",
            str(conf),
            "-p",
            str(self.work),
            "-e",
            str(self.work / "error.log"),
        ]
        self.process = subprocess.Popen([*command, "-g", "daemon off;"], cwd=self.work)
        if not wait_for(lambda: not port_free(NGINX_PORT), 10):
            raise SystemExit(f"drill: nginx did not start; see {self.work / 'error.log'}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# ---------------------------------------------------------------- load


def request(port: int, method: str, path: str, body: bytes | None = None, headers=None):
    """(status or None, body, error) of one request on a new connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read(), ""
    except TimeoutError:
        return None, b"", "timeout"
    except ConnectionRefusedError:
        return None, b"", "refused"
    except (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected):
        return None, b"", "reset"
    except (OSError, http.client.HTTPException) as error:
        return None, b"", type(error).__name__
    finally:
        connection.close()


class Load:
    """Reader threads over a URL mix and one writer, every request recorded."""

    def __init__(self, paths: list[str], token: str, run_id: str):
        self.paths = paths
        self.token = token
        self.run_id = run_id
        self.port = GUNICORN_PORT
        self.requests: list[Request] = []
        self.acknowledged: list[str] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads: list[threading.Thread] = []

    def record(self, entry: Request) -> None:
        with self.lock:
            self.requests.append(entry)

    def reader(self, offset: int) -> None:
        n = offset
        while not self.stopping.is_set():
            path = self.paths[n % len(self.paths)]
            n += 1
            start = now()
            status, _, error = request(self.port, "GET", path)
            self.record(Request(start, now(), "read", path, status, error))
            time.sleep(0.01)

    def writer(self) -> None:
        n = 0
        headers = {"Authorization": f"Token {self.token}", "Content-Type": "application/json"}
        next_at = time.monotonic()
        while not self.stopping.is_set():
            n += 1
            slug = f"drill-{self.run_id}-{n:05d}"
            body = {"name": f"Drill {self.run_id} partner {n}", "slug": slug, "category": "other"}
            start = now()
            status, content, error = request(
                self.port, "POST", "/api/v1/partners/", json.dumps(body).encode(), headers
            )
            self.record(Request(start, now(), "write", "/api/v1/partners/", status, error))
            if status == 201:
                with self.lock:
                    self.acknowledged.append(slug)
            elif status not in (503, None) and n < 3:
                say(f"write answered {status}: {content[:300]!r}")
            next_at += WRITE_INTERVAL
            self.stopping.wait(max(0.0, next_at - time.monotonic()))

    def start(self) -> None:
        self.threads = [
            threading.Thread(target=self.reader, args=(i * 7,), daemon=True) for i in range(READERS)
        ]
        self.threads.append(threading.Thread(target=self.writer, daemon=True))
        for t in self.threads:
            t.start()

    def stop(self) -> None:
        self.stopping.set()
        for t in self.threads:
            t.join(REQUEST_TIMEOUT + 2)


def healthy(port: int) -> bool:
    """/healthz answers 200 and says the database is there."""
    status, body, _ = request(port, "GET", "/healthz")
    try:
        return status == 200 and json.loads(body).get("database") == "ok"
    except ValueError:
        return False


def cache_status(port: int) -> str:
    status, body, error = request(port, "GET", "/healthz")
    try:
        return json.loads(body).get("cache", "?")
    except ValueError:
        return error or str(status)


# ---------------------------------------------------------------- faults


class SlowClients:
    """Sockets that send a request head one byte a second and never finish it."""

    def __init__(self, port: int, count: int = SLOW_CLIENTS):
        self.sockets = []
        for _ in range(count):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            self.sockets.append(s)

    def run(self, seconds: int) -> int:
        """Sends a byte a second to each; returns how many were closed by the server."""
        closed = set()
        for i in range(seconds):
            byte = SLOW_REQUEST[i % len(SLOW_REQUEST) : i % len(SLOW_REQUEST) + 1]
            for n, s in enumerate(self.sockets):
                if n in closed:
                    continue
                try:
                    s.sendall(byte)
                except OSError:
                    closed.add(n)
            time.sleep(1)
        return len(closed)

    def close(self) -> None:
        for s in self.sockets:
            s.close()


class SlowReaders:
    """Sockets that ask for a large page and then read it a byte a second, never to the end."""

    PATH = "/api/v1/partners/?page_size=200"

    def __init__(self, port: int, count: int = SLOW_CLIENTS):
        self.sockets = []
        head = f"GET {self.PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        for _ in range(count):
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)  # before connecting
            s.settimeout(5)
            s.connect(("127.0.0.1", port))
            s.sendall(head.encode())
            self.sockets.append(s)

    def run(self, seconds: int) -> int:
        """Reads a byte a second from each; returns how many answers ended within that time."""
        ended = set()
        for _ in range(seconds):
            for n, s in enumerate(self.sockets):
                if n in ended:
                    continue
                try:
                    if not s.recv(1):
                        ended.add(n)
                except OSError:
                    ended.add(n)
            time.sleep(1)
        return len(ended)

    def close(self) -> None:
        for s in self.sockets:
            s.close()


class Drill:
    def __init__(
        self, load: Load, pg: Postgres, redis: Redis, server: Gunicorn, nginx: Nginx | None
    ):
        self.load, self.pg, self.redis, self.server, self.nginx = load, pg, redis, server, nginx
        self.phases: list[Phase] = []
        self.logs: dict[str, str] = {}

    def run(self, name: str, fault, *, database_down=False, port=GUNICORN_PORT) -> None:
        step(name)
        self.load.port = port
        log_start = len(self.server.log_text())
        master = self.server.pid
        start = now()
        time.sleep(STEADY_SECONDS)
        fault_start = now()
        notes = fault() or ()
        fault_end = now()
        healthy_at = now() if wait_for(lambda: healthy(port), HEALTHY_TIMEOUT) else None
        time.sleep(STEADY_SECONDS)
        end = now()
        restarted = not self.server.alive() or self.server.pid != master
        phase = Phase(
            name,
            start,
            fault_start,
            fault_end,
            end,
            healthy_at,
            database_down,
            restarted,
            tuple(notes),
        )
        self.phases.append(phase)
        self.logs[name] = self.server.log_text()[log_start:]
        say(
            f"fault {fault_end - fault_start:.1f} s, healthy "
            + ("never" if healthy_at is None else f"{healthy_at - fault_end:.2f} s after")
        )

    # The faults: each returns notes for the table.

    def pg_restart(self):
        self.pg.restart()

    def pg_stop(self):
        self.pg.stop()
        time.sleep(10)
        self.pg.start()

    def redis_stop(self):
        self.redis.stop()
        time.sleep(1)
        during = cache_status(self.load.port)
        time.sleep(9)
        self.redis.start()
        return [f"/healthz said cache {during!r} while Redis was stopped"]

    def redis_freeze(self):
        self.redis.freeze()
        time.sleep(1)
        during = cache_status(self.load.port)
        time.sleep(9)
        self.redis.thaw()
        return [f"/healthz said cache {during!r} while Redis did not answer"]

    def kill_worker(self):
        workers = self.server.workers()
        if not workers:
            raise SystemExit("drill: no gunicorn worker found")
        victim = workers[0]
        os.kill(victim, signal.SIGKILL)
        back = wait_for(
            lambda: (
                len(self.server.workers()) >= len(workers) and victim not in self.server.workers()
            ),
            15,
        )
        return [
            f"killed worker {victim} of {len(workers)}; "
            + ("the master started a new one" if back else "NOT replaced within 15 s")
        ]

    def slow_clients(self, port: int):
        def fault():
            clients = SlowClients(port)
            try:
                closed = clients.run(SLOW_SECONDS)
            finally:
                clients.close()
            return [
                f"{SLOW_CLIENTS} sockets sent one byte a second for {SLOW_SECONDS} s; "
                f"the server cut {closed} off"
            ]

        return fault

    def slow_readers(self, port: int):
        def fault():
            clients = SlowReaders(port)
            try:
                ended = clients.run(SLOW_SECONDS)
            finally:
                clients.close()
            return [
                f"{SLOW_CLIENTS} sockets asked for {SlowReaders.PATH} and read one byte a second "
                f"for {SLOW_SECONDS} s; {ended} answers ended meanwhile"
            ]

        return fault


def prepare(pg: Postgres, env: dict) -> tuple[str, int]:
    """Migrate and fill the drill's database; an API token of a superuser and the partner count."""

    def manage(*args, timeout=600):
        subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=timeout)

    manage("migrate", "--noinput", "-v", "0")
    manage("load_alliance87", "-v", "0")
    demo = subprocess.run(
        [PYTHON, "manage.py", "generate_demo_data", "--partners", "2000", "--seed", "87"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    say(demo.stdout.strip().splitlines()[0] if demo.stdout.strip() else "demo data generated")
    manage("collectstatic", "--noinput", "-v", "0")
    script = (
        "from django.contrib.auth import get_user_model\n"
        "from core.models import ApiToken\n"
        "u, _ = get_user_model().objects.get_or_create(username='drill', "
        "defaults={'is_staff': True, 'is_superuser': True})\n"
        "t = ApiToken(name='drill', user=u)\n"
        "key = t.set_new_key()\n"
        "t.save()\n"
        "print('KEY', key)\n"
    )
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    key = next(line.split()[1] for line in out.splitlines() if line.startswith("KEY "))
    partners = int(pg.psql("SELECT count(*) FROM partners_partner", DATABASE))
    return key, partners


def url_mix(pg: Postgres) -> list[str]:
    slugs = pg.psql(
        "SELECT slug FROM partners_partner ORDER BY md5(slug) LIMIT 8", DATABASE
    ).split()
    profiles = ["/partners/international-labour-organization/"] + [f"/partners/{s}/" for s in slugs]
    paths = []
    for i, profile in enumerate(profiles):
        paths += ["/healthz", "/partners/", f"/api/v1/partners/?page={1 + i % 3}", profile]
    return paths


def present_slugs(pg: Postgres, run_id: str) -> set[str]:
    """The slugs of this run's writes that the database holds."""
    return set(
        pg.psql(
            f"SELECT slug FROM partners_partner WHERE slug LIKE 'drill-{run_id}-%'", DATABASE
        ).split()
    )


def app_errors(logs: dict[str, str]) -> dict[str, list[str]]:
    """Per fault, the log lines of 500s ("Internal Server Error: /path") with what follows."""
    found = {}
    for name, text in logs.items():
        lines = text.splitlines()
        excerpts = []
        for i, line in enumerate(lines):
            if line.startswith("Internal Server Error:"):
                excerpts.append("\n".join(lines[i : i + 60]))
        if excerpts:
            found[name] = excerpts[:3]
    return found


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Fault drill (see drill/run.py).")
    parser.add_argument("--no-write", action="store_true", help="print, but write no JSON")
    parser.add_argument("--no-nginx", action="store_true", help="skip the run behind nginx")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    started = datetime.now(UTC)
    run_id = started.strftime("%Y%m%d%H%M%S")
    WORK.mkdir(parents=True, exist_ok=True)
    pg = Postgres()
    for port in (PG_PORT, REDIS_PORT, GUNICORN_PORT, NGINX_PORT):
        assert port not in FORBIDDEN_PORTS
        if port == PG_PORT and (pg.data / "PG_VERSION").exists() and pg.running():
            continue  # the drill's own cluster, left running: it is reused
        if not port_free(port):
            raise SystemExit(f"drill: 127.0.0.1:{port} is in use (an earlier drill still running?)")

    def give_up(signum, _frame):
        why = f"over {DEADLINE // 60} minutes" if signum == signal.SIGALRM else "stopped"
        raise SystemExit(f"drill: {why}; everything it started is being stopped")

    signal.signal(signal.SIGTERM, give_up)
    signal.signal(signal.SIGALRM, give_up)
    signal.alarm(DEADLINE)
    redis = Redis()
    server = None
    nginx = None
    load = None
    try:
        step(f"PostgreSQL of the drill: {pg.base} (127.0.0.1:{PG_PORT})")
        pg.ensure()
        if not pg.running():
            pg.start()
        pg.fresh_database()
        step(f"Redis of the drill: 127.0.0.1:{REDIS_PORT}")
        redis.start()
        env = server_environment(pg.url)
        step(f"Database {DATABASE}: migrate, seed, 2,000 demo partners, an API token")
        token, partners = prepare(pg, env)
        say(f"{partners} partners")

        step(f"gunicorn on 127.0.0.1:{GUNICORN_PORT}")
        server = Gunicorn(env)
        if not wait_for(lambda: server.alive() and healthy(GUNICORN_PORT), 60, 0.5):
            raise SystemExit(f"drill: gunicorn did not answer /healthz; see {server.log}")
        nginx_missing = ""
        if args.no_nginx:
            nginx_missing = "skipped (--no-nginx)"
        else:
            nginx = Nginx()
            if nginx.binary:
                nginx.start()
                say(f"nginx on 127.0.0.1:{NGINX_PORT} in front of it")
            else:
                nginx_missing = "nginx is not installed (apt-get install nginx)"
                nginx = None

        paths = url_mix(pg)
        for path in paths:  # warm the caches, and fail early on a page that does not answer
            status, _, error = request(GUNICORN_PORT, "GET", path)
            if status != 200:
                raise SystemExit(f"drill: {path} answered {status or error} before any fault")

        load = Load(paths, token, run_id)
        load.start()
        drill = Drill(load, pg, redis, server, nginx)
        drill.run("PostgreSQL restart", drill.pg_restart, database_down=True)
        drill.run("PostgreSQL stopped 10 s", drill.pg_stop, database_down=True)
        drill.run("Redis stopped 10 s", drill.redis_stop)
        drill.run("Redis unreachable 10 s (SIGSTOP)", drill.redis_freeze)
        drill.run("gunicorn worker killed (SIGKILL)", drill.kill_worker)
        drill.run(
            f"{SLOW_CLIENTS} slow clients, direct to gunicorn", drill.slow_clients(GUNICORN_PORT)
        )
        drill.run(
            f"{SLOW_CLIENTS} slow readers, direct to gunicorn", drill.slow_readers(GUNICORN_PORT)
        )
        if nginx:
            drill.run(
                f"{SLOW_CLIENTS} slow clients, behind nginx",
                drill.slow_clients(NGINX_PORT),
                port=NGINX_PORT,
            )
            drill.run(
                f"{SLOW_CLIENTS} slow readers, behind nginx",
                drill.slow_readers(NGINX_PORT),
                port=NGINX_PORT,
            )
        load.stop()

        step("Acknowledged writes")
        present = present_slugs(pg, run_id)
        lost = report.lost_writes(load.acknowledged, present)
        say(f"{len(load.acknowledged)} acknowledged, {len(lost)} not in the database")
    finally:
        if load:
            load.stop()
        if nginx:
            nginx.stop()
        if server:
            server.stop()
        redis.stop()
        try:
            if pg.running():
                pg.stop()
        except Exception as error:  # noqa: BLE001 - cleanup goes on
            print(f"drill: could not stop the drill's PostgreSQL: {error}", file=sys.stderr)
        signal.alarm(0)

    rows = [report.summarise(phase, load.requests) for phase in drill.phases]
    if not nginx:
        for kind in ("clients", "readers"):
            rows.append(
                report.missing_row(f"{SLOW_CLIENTS} slow {kind}, behind nginx", nginx_missing)
            )
    errors = app_errors(drill.logs)
    step("Results")
    print(report.table(rows))
    for row in rows:
        for note in row.notes:
            print(f"  {row.fault}: {note}")
        for violation in row.violations:
            print(f"  {row.fault}: RULE BROKEN: {violation}")
    print(
        f"\nWrites: {len(load.acknowledged)} acknowledged (201), "
        f"{len(lost)} of them missing from the database" + (f": {lost[:10]}" if lost else "")
    )
    for name, excerpts in errors.items():
        print(f"\n500s in the gunicorn log during {name!r}:\n{excerpts[0]}")
    passed = all(row.passed for row in rows) and not lost and not errors
    print(f"\nPass rules: {'all held' if passed else 'FAILED'} ({now():.0f} s in all)")

    if not args.no_write:
        RESULTS.mkdir(exist_ok=True)
        out = RESULTS / f"drill-{started.strftime('%Y%m%dT%H%M%SZ')}.json"
        doc = {
            "started": started.isoformat(timespec="seconds"),
            "finished": datetime.now(UTC).isoformat(timespec="seconds"),
            "seconds": round(now(), 1),
            "partners": partners,
            "load": {
                "readers": READERS,
                "write_interval_s": WRITE_INTERVAL,
                "request_timeout_s": REQUEST_TIMEOUT,
                "paths": sorted(set(paths)),
            },
            "rows": [row.as_dict() for row in rows],
            "writes": {"acknowledged": len(load.acknowledged), "lost": lost},
            "app_errors": errors,
            "passed": passed,
        }
        out.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
        print(f"Written: {out.relative_to(ROOT)}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
