"""Check that requirements.lock is in step with the hand-edited requirements*.txt.

    python scripts/check_lock.py [LOCK [REQUIREMENTS ...]]

Every exact pin of the requirements files must appear in the lock at the same version, and
every package of the lock must carry at least one --hash. Exits 1 with the differences (and
"run make lock") when not; standard library only, so it runs before anything is installed.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LOCK = ROOT / "requirements.lock"
DEFAULT_REQUIREMENTS = [ROOT / "requirements.txt", ROOT / "requirements-dev.txt"]

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*==\s*([^\s;#\\]+)")


def normalise(name: str) -> str:
    # PEP 503: Django and django, drf_spectacular and drf-spectacular are one package.
    return re.sub(r"[-_.]+", "-", name).lower()


def top_level_pins(path: Path) -> tuple[dict[str, str], list[str]]:
    """The name → version pins of one requirements file, and its lines that are not pins."""
    pins, problems = {}, []
    for number, raw in enumerate(path.read_text().splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith(("-r ", "-c ", "--requirement", "--constraint")):
            continue
        match = PIN.match(line)
        if match:
            pins[normalise(match[1])] = match[3]
        else:
            problems.append(f"{path.name}:{number}: not an exact pin (name==version): {raw}")
    return pins, problems


def locked(path: Path) -> tuple[dict[str, str], list[str]]:
    """The name → version entries of the lock, and the names whose entry has no hash."""
    entries: dict[str, str] = {}
    hashes: dict[str, int] = {}
    current = None
    for raw in path.read_text().splitlines():
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if raw[0].isspace():
            if current and stripped.startswith("--hash="):
                hashes[current] += 1
            continue
        match = PIN.match(stripped)
        if not match:
            current = None
            continue
        current = normalise(match[1])
        entries[current] = match[3]
        hashes.setdefault(current, 0)
    return entries, sorted(name for name, count in hashes.items() if not count)


def problems(lock: Path, requirements: list[Path]) -> list[str]:
    if not lock.exists():
        return [f"{lock.name} is missing"]
    found, unhashed = locked(lock)
    out = [f"{lock.name}: {name} has no --hash" for name in unhashed]
    for path in requirements:
        pins, bad_lines = top_level_pins(path)
        out += bad_lines
        for name, version in pins.items():
            if name not in found:
                out.append(f"{path.name}: {name}=={version} is not in {lock.name}")
            elif found[name] != version:
                out.append(
                    f"{path.name}: {name}=={version}, but {lock.name} has {name}=={found[name]}"
                )
    return out


def main(argv: list[str]) -> int:
    lock = Path(argv[0]) if argv else DEFAULT_LOCK
    requirements = [Path(a) for a in argv[1:]] or DEFAULT_REQUIREMENTS
    found = problems(lock, requirements)
    for line in found:
        print(f"check_lock: {line}", file=sys.stderr)
    if found:
        print("check_lock: requirements.lock is out of step: run `make lock`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
