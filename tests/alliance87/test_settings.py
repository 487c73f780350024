"""Settings come from the environment; production values pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="registry.example.org",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deployment_checks_warn_when_each_process_keeps_its_own_cache():
    environment = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env={
            **{k: v for k, v in environment.items() if not k.startswith("DJANGO_")},
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
            "DJANGO_ALLOWED_HOSTS": "registry.example.org",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert "core.W001" in result.stdout + result.stderr
    assert "Set REDIS_URL" in result.stdout + result.stderr


def test_debug_off_without_a_secret_key_refuses_to_start():
    result = run_manage("check", DJANGO_DEBUG="0")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off" in result.stderr


def test_without_django_debug_debug_is_off():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG, settings.ALLOWED_HOSTS)",
        DJANGO_SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="registry.example.org",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "False ['registry.example.org']"


def test_without_django_debug_a_missing_secret_key_is_a_clear_error():
    result = run_manage("check")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off" in result.stderr
    assert "DJANGO_DEBUG=1" in result.stderr


def test_django_debug_on_uses_the_development_key_and_local_hosts():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG, settings.ALLOWED_HOSTS)",
        DJANGO_DEBUG="1",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "True ['127.0.0.1', 'localhost']"


def test_pytest_reads_the_development_settings_which_turn_debug_on_unless_told_otherwise():
    code = "import alliance87.settings_dev as s; print(s.DEBUG)"
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}

    default = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    off = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**environment, "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "k" * 50},
        capture_output=True,
        text=True,
    )

    assert (default.returncode, default.stdout.strip()) == (0, "True"), default.stderr
    assert (off.returncode, off.stdout.strip()) == (0, "False"), off.stderr


def test_the_makefile_runs_every_recipe_with_debug_on():
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        ["make", "-s", "--eval", "print-debug: ; @echo $$DJANGO_DEBUG", "print-debug"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.stdout.strip() == "1", result.stderr
