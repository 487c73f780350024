"""The requirements: the lock is in step with the hand-edited pins, and the pins install."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import check_lock  # noqa: E402  (a script of scripts/, run by `make install` before Django exists)

LOCK = ROOT / "requirements.lock"
REQUIREMENTS = [ROOT / "requirements.txt", ROOT / "requirements-dev.txt"]


def test_every_top_level_pin_is_locked_at_its_version_and_every_locked_package_has_a_hash():
    assert check_lock.problems(LOCK, REQUIREMENTS) == []


def test_the_lock_pins_every_package_exactly():
    entries, _unhashed = check_lock.locked(LOCK)
    names = {
        check_lock.normalise(line.split("==")[0].split(" ")[0])
        for line in LOCK.read_text().splitlines()
        if line and not line[0].isspace() and not line.startswith("#")
    }
    assert names == set(entries), "a lock line that is not name==version"
    assert len(entries) > 40


def test_a_pin_missing_from_the_lock_or_at_another_version_is_reported(tmp_path):
    lock = tmp_path / "requirements.lock"
    lock.write_text(
        "django==5.2.19 \\\n    --hash=sha256:" + "a" * 64 + "\n    # via -r requirements.txt\n"
        "tqdm==4.70.0 \\\n    --hash=sha256:" + "b" * 64 + "\n"
        "whitenoise==6.12.0\n"
    )
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(
        "Django==5.2.19  # the framework\ntqdm==4.70.1  # progress\nredis==8.1.0  # cache\n"
        "whitenoise>=6  # not exact\n"
    )

    found = check_lock.problems(lock, [requirements])

    assert "requirements.lock: whitenoise has no --hash" in found
    assert "requirements.txt: tqdm==4.70.1, but requirements.lock has tqdm==4.70.0" in found
    assert "requirements.txt: redis==8.1.0 is not in requirements.lock" in found
    assert any("not an exact pin" in line and "whitenoise>=6" in line for line in found)
    assert not any("django" in line.lower() for line in found)


def test_the_check_script_exits_non_zero_and_says_run_make_lock(tmp_path):
    lock = tmp_path / "requirements.lock"
    lock.write_text("tqdm==4.70.0 \\\n    --hash=sha256:" + "b" * 64 + "\n")
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("tqdm==4.70.1  # progress\n")

    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_lock.py"), str(lock), str(requirements)],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 1
    assert "run `make lock`" in result.stderr


def test_make_install_installs_the_lock_with_require_hashes():
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install --require-hashes -r $(LOCK)" in makefile
    assert "$(STAMP): $(LOCK)" in makefile
    assert "\nlock:" in makefile


def pypi_reachable() -> bool:
    try:
        socket.create_connection(("pypi.org", 443), timeout=5).close()
    except OSError:
        return False
    return True


@pytest.mark.parametrize("requirements", ["requirements.txt", "requirements-dev.txt"])
def test_the_requirements_install_from_wheels_on_python_3_13(requirements, tmp_path):
    # Every requirement must install on 3.11 to 3.13 from wheels: the .venv proves 3.11, this
    # asks pip to resolve for the newest (without installing: --dry-run into an empty --target,
    # which pip 23 wants beside --python-version).
    if not pypi_reachable():
        pytest.skip("PyPI (pypi.org:443) is unreachable: cannot check the wheels for Python 3.13")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--dry-run",
            "--ignore-installed",
            "--python-version",
            "3.13",
            "--only-binary=:all:",
            "--target",
            str(tmp_path / "target"),
            "--quiet",
            "-r",
            requirements,
        ],
        cwd=ROOT,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert not (tmp_path / "target").exists()
