"""The drill's pure part: one fault's request log summarised into a table row, the pass rules,
the table. Nothing here starts a process or opens a socket (tests/drill/test_drill.py)."""

from collections import Counter
from dataclasses import asdict, dataclass, field

# Seconds within which the site must answer normally again once a fault has ended (for the
# database: once it is back).
RECOVERY_SECONDS = 5.0
OK_STATUSES = frozenset({200, 201})


@dataclass(frozen=True)
class Request:
    """One request of the load: when it started and ended (seconds since the drill began)."""

    start: float
    end: float
    kind: str  # "read" or "write"
    path: str
    status: int | None  # None: no HTTP answer (see `error`)
    error: str = ""  # "timeout", "refused", "reset", ... when there was no answer

    @property
    def failed(self) -> bool:
        return self.status not in OK_STATUSES

    @property
    def label(self) -> str:
        return str(self.status) if self.status is not None else self.error or "error"


@dataclass(frozen=True)
class Phase:
    """One fault's timeline: steady load from `start`, the fault from `fault_start` until
    `fault_end` (the database, Redis or the clients gone again), healthy again at `healthy_at`
    (None: never), steady load until `end`."""

    name: str
    start: float
    fault_start: float
    fault_end: float
    end: float
    healthy_at: float | None
    database_down: bool = False  # whether 503s are allowed between fault_start and fault_end
    restarted: bool = False  # whether gunicorn's master had to be restarted (it never should)
    notes: tuple[str, ...] = ()


@dataclass
class Row:
    fault: str
    requests: int
    failed: int
    failure_seconds: float  # from the first failed request's start to the last one's end
    stall_seconds: float  # the longest time in which no request succeeded
    statuses: dict[str, int]  # the failed requests' statuses or errors
    recovered_after: float | None  # seconds from the fault's end to the last failure's end
    healthy_after: float | None  # seconds from the fault's end to /healthz answering 200
    writes_acknowledged: int
    writes_failed: int
    p99_ms: float | None  # of the successful requests
    recovered: bool
    rules: dict[str, bool] = field(default_factory=dict)
    violations: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    ran: bool = True

    @property
    def passed(self) -> bool:
        return all(self.rules.values())

    def as_dict(self) -> dict:
        return asdict(self) | {"passed": self.passed}


def percentile(values: list[float], fraction: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def longest_stall(phase: Phase, requests: list[Request]) -> float:
    """The longest time within the phase during which no request succeeded."""
    ends = sorted(r.end for r in requests if not r.failed and phase.start <= r.end <= phase.end)
    marks = [phase.start, *ends, phase.end]
    return max(b - a for a, b in zip(marks, marks[1:], strict=False))


def summarise(phase: Phase, requests: list[Request]) -> Row:
    """The row of one fault: the requests that started during `phase`, judged by the rules.

    - no 500: no request answered 500 (or any 5xx but 503);
    - 503 only while the database is down: a 503 only for a request in flight at some moment
      between the database's going and its return, and only in a database fault;
    - recovery within RECOVERY_SECONDS: /healthz answered 200 by then, and no request that
      started later failed, without restarting gunicorn.
    """
    mine = [r for r in requests if phase.start <= r.start < phase.end]
    failures = [r for r in mine if r.failed]
    statuses = Counter(r.label for r in failures)
    violations = []

    server_errors = [
        r for r in mine if r.status is not None and r.status >= 500 and r.status != 503
    ]
    for r in server_errors[:5]:
        violations.append(
            f"{r.status} on {r.kind} {r.path} at {r.start - phase.fault_start:+.2f} s"
        )

    def allowed_503(r: Request) -> bool:
        # In flight at some moment of the outage: started before the database came back and
        # ended after it went away.
        return phase.database_down and r.start <= phase.fault_end and r.end >= phase.fault_start

    stray_503 = [r for r in mine if r.status == 503 and not allowed_503(r)]
    for r in stray_503[:5]:
        violations.append(
            f"503 on {r.kind} {r.path} at {r.start - phase.fault_start:+.2f} s "
            "(the database was not down)"
        )

    deadline = phase.fault_end + RECOVERY_SECONDS
    late = [r for r in failures if r.start > deadline]
    for r in late[:5]:
        violations.append(
            f"{r.label} on {r.kind} {r.path} "
            f"{r.start - phase.fault_end:.2f} s after the fault ended"
        )
    healthy_after = (
        None if phase.healthy_at is None else max(0.0, phase.healthy_at - phase.fault_end)
    )
    healthy_in_time = healthy_after is not None and healthy_after <= RECOVERY_SECONDS
    if not healthy_in_time:
        violations.append(
            "/healthz did not answer 200 within "
            f"{RECOVERY_SECONDS:.0f} s of the fault's end"
            + ("" if healthy_after is None else f" (took {healthy_after:.2f} s)")
        )
    if phase.restarted:
        violations.append("gunicorn had to be restarted")
    recovered = healthy_in_time and not late and not phase.restarted

    if failures:
        failure_seconds = max(r.end for r in failures) - min(r.start for r in failures)
        recovered_after = max(0.0, max(r.end for r in failures) - phase.fault_end)
    else:
        failure_seconds, recovered_after = 0.0, 0.0
    latencies = [(r.end - r.start) * 1000 for r in mine if not r.failed]
    p99 = percentile(latencies, 0.99)
    writes = [r for r in mine if r.kind == "write"]
    return Row(
        fault=phase.name,
        requests=len(mine),
        failed=len(failures),
        failure_seconds=round(failure_seconds, 2),
        stall_seconds=round(longest_stall(phase, mine), 2),
        statuses=dict(sorted(statuses.items(), key=lambda item: (-item[1], item[0]))),
        recovered_after=round(recovered_after, 2),
        healthy_after=None if healthy_after is None else round(healthy_after, 2),
        writes_acknowledged=sum(1 for r in writes if r.status == 201),
        writes_failed=sum(1 for r in writes if r.failed),
        p99_ms=None if p99 is None else round(p99, 1),
        recovered=recovered,
        rules={
            "no 500": not server_errors,
            "503 only while the database is down": not stray_503,
            f"recovery within {RECOVERY_SECONDS:.0f} s": recovered,
        },
        violations=violations,
        notes=list(phase.notes),
    )


def format_statuses(statuses: dict[str, int]) -> str:
    return ", ".join(f"{label} x{count}" for label, count in statuses.items()) or "-"


def recovery(row: Row) -> str:
    """Seconds from the fault's end until /healthz answered and no request failed any more."""
    if row.healthy_after is None:
        return "never"
    return f"{max(row.healthy_after, row.recovered_after or 0.0):.2f}"


COLUMNS = [
    ("Fault", lambda row: row.fault),
    ("Requests", lambda row: str(row.requests)),
    ("Failed", lambda row: str(row.failed)),
    ("Failing for (s)", lambda row: f"{row.failure_seconds:.2f}"),
    ("Longest stall (s)", lambda row: f"{row.stall_seconds:.2f}"),
    ("Statuses of the failed", lambda row: format_statuses(row.statuses)),
    ("Writes 201/failed", lambda row: f"{row.writes_acknowledged}/{row.writes_failed}"),
    ("p99 ok (ms)", lambda row: "-" if row.p99_ms is None else f"{row.p99_ms:.0f}"),
    ("Recovered after (s)", recovery),
    ("Recovered, no restart", lambda row: "yes" if row.recovered else "NO"),
    ("Rules", lambda row: "pass" if row.passed else "FAIL"),
]


def table(rows: list[Row]) -> str:
    def cells_of(row: Row) -> list[str]:
        if not row.ran:
            return [row.fault, "not run"] + ["-"] * (len(COLUMNS) - 2)
        return [cell(row) for _, cell in COLUMNS]

    cells = [[name for name, _ in COLUMNS]] + [cells_of(row) for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]

    def line(values):
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    out = [line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(values) for values in cells[1:]]
    return "\n".join(out)


def lost_writes(acknowledged: list[str], present: set[str]) -> list[str]:
    """The acknowledged writes (their slugs) that the database does not hold."""
    return [slug for slug in acknowledged if slug not in present]


def missing_row(fault: str, why: str) -> Row:
    """A fault the drill could not run (nginx not installed): no figures, no rule broken."""
    return Row(
        fault=fault,
        requests=0,
        failed=0,
        failure_seconds=0.0,
        stall_seconds=0.0,
        statuses={},
        recovered_after=None,
        healthy_after=None,
        writes_acknowledged=0,
        writes_failed=0,
        p99_ms=None,
        recovered=False,
        notes=[f"not run: {why}"],
        ran=False,
    )
