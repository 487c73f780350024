"""`make backup` and `make restore` keep every table, history included, row for row."""

import subprocess
from pathlib import Path

import psycopg2
import pytest
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def counts(dsn: str) -> dict[str, int]:
    with psycopg2.connect(dsn) as conn, conn.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        tables = [name for (name,) in cursor.fetchall()]
        found = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            found[table] = cursor.fetchone()[0]
    conn.close()
    return found


def url_of(name: str) -> str:
    """A libpq URL of database `name` on the test server, for pg_dump and pg_restore."""
    return f"postgresql:///{name}?{dsn_of(name).replace(' ', '&')}"


def dsn_of(name: str) -> str:
    settings = connection.settings_dict
    parts = [f"dbname={name}"]
    for key, option in (("HOST", "host"), ("PORT", "port"), ("USER", "user")):
        if settings.get(key):
            parts.append(f"{option}={settings[key]}")
    if settings.get("PASSWORD"):
        parts.append(f"password={settings['PASSWORD']}")
    return " ".join(parts)


@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_into_an_empty_database_has_the_same_rows_in_every_table(tmp_path):
    call_command("load_alliance87", verbosity=0)
    source = dsn_of(connection.settings_dict["NAME"])
    target_name = connection.settings_dict["NAME"] + "_restored"
    admin = psycopg2.connect(source)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{target_name}"')
        cursor.execute(f'CREATE DATABASE "{target_name}"')
    try:
        dump = tmp_path / "registry.dump"
        subprocess.run(
            ["make", "-s", "backup"],
            cwd=ROOT,
            env={
                "PATH": "/usr/bin:/bin",
                "DATABASE_URL": url_of(connection.settings_dict["NAME"]),
                "HOME": str(tmp_path),
            },
            check=True,
            capture_output=True,
            text=True,
        )
        made = sorted((ROOT / "backups").glob("alliance87-*.dump"))[-1]
        made.rename(dump)
        subprocess.run(
            ["make", "-s", "restore", f"FILE={dump}"],
            cwd=ROOT,
            env={
                "PATH": "/usr/bin:/bin",
                "DATABASE_URL": url_of(target_name),
                "HOME": str(tmp_path),
            },
            check=True,
            capture_output=True,
            text=True,
        )
        before, after = counts(source), counts(dsn_of(target_name))
        assert before == after
        assert before["partners_partner"] > 10 and before["partners_partnerevent"] > 10
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{target_name}"')
        admin.close()
