"""The drill's pure helpers (drill/report.py); `make drill` itself is too slow for the suite."""

import pytest

from drill.report import (
    Phase,
    Request,
    longest_stall,
    lost_writes,
    missing_row,
    summarise,
    table,
)


def phase(**changes) -> Phase:
    values = {
        "name": "PostgreSQL stopped 10 s",
        "start": 0.0,
        "fault_start": 5.0,
        "fault_end": 15.0,
        "end": 20.5,
        "healthy_at": 15.2,
        "database_down": True,
    }
    return Phase(**(values | changes))


def ok(start: float, kind: str = "read") -> Request:
    return Request(start, start + 0.05, kind, "/partners/", 201 if kind == "write" else 200)


def steady(start: float, end: float) -> list[Request]:
    return [ok(start + n * 0.5) for n in range(round((end - start) / 0.5))]


def outage() -> list[Request]:
    log = steady(0, 5) + steady(15.5, 20.5)
    log += [Request(5.1 + n, 5.15 + n, "read", "/partners/", 503) for n in range(10)]
    # In flight when the database went away, answered after: still "while it was down".
    log.append(Request(4.9, 5.2, "write", "/api/v1/partners/", 503))
    return log


def test_a_database_outage_with_503s_only_while_it_is_down_passes():
    row = summarise(phase(), outage())

    assert row.passed, row.violations
    assert row.requests == 21 + 10
    assert row.failed == 11
    assert row.statuses == {"503": 11}
    assert row.failure_seconds == pytest.approx(14.15 - 4.9)
    assert row.stall_seconds == pytest.approx(15.55 - 4.55)
    assert row.recovered_after == 0.0
    assert row.healthy_after == pytest.approx(0.2)
    assert row.writes_failed == 1
    assert row.recovered


def test_a_500_fails_the_row_and_names_the_request():
    log = outage() + [Request(16.0, 16.1, "write", "/api/v1/partners/", 500)]

    row = summarise(phase(), log)

    assert not row.rules["no 500"]
    assert not row.passed
    assert "500 on write /api/v1/partners/" in row.violations[0]


def test_a_503_outside_a_database_outage_fails():
    log = steady(0, 20) + [Request(6.0, 6.1, "read", "/partners/", 503)]

    row = summarise(phase(name="Redis stopped 10 s", database_down=False), log)

    assert not row.rules["503 only while the database is down"]


def test_a_503_after_the_database_came_back_fails():
    log = outage() + [Request(15.3, 15.4, "read", "/healthz", 503)]

    row = summarise(phase(), log)

    assert not row.rules["503 only while the database is down"]
    assert row.rules["recovery within 5 s"]  # 0.4 s after the return: recovered in time


def test_failures_more_than_five_seconds_after_the_fault_mean_no_recovery():
    log = outage() + [Request(20.2, 20.3, "read", "/partners/", None, "timeout")]

    row = summarise(phase(), log)

    assert not row.recovered
    assert not row.rules["recovery within 5 s"]
    assert row.statuses == {"503": 11, "timeout": 1}


def test_no_healthy_answer_or_a_restart_mean_no_recovery():
    assert not summarise(phase(healthy_at=None), outage()).recovered
    assert not summarise(phase(healthy_at=21.0), outage()).recovered
    assert not summarise(phase(restarted=True), outage()).recovered


def test_timeouts_of_slow_clients_break_no_rule_but_show_as_a_stall():
    log = steady(0, 5) + steady(20.5, 25.5)
    log += [Request(5 + n * 5, 10 + n * 5, "read", "/", None, "timeout") for n in range(3)]
    slow = phase(
        name="8 slow clients", fault_end=20.0, end=25.5, healthy_at=20.1, database_down=False
    )

    row = summarise(slow, log)

    assert row.passed
    assert row.failed == 3
    assert row.stall_seconds == pytest.approx(20.55 - 4.55)


def test_longest_stall_counts_from_the_phase_edges():
    p = phase(start=0.0, end=10.0)
    assert longest_stall(p, []) == 10.0
    assert longest_stall(p, [Request(1.0, 2.0, "read", "/", 200)]) == 8.0


def test_lost_writes():
    assert lost_writes(["a", "b", "c"], {"a", "c", "z"}) == ["b"]


def test_table_has_one_line_per_fault_and_marks_a_fault_not_run():
    rows = [summarise(phase(), outage()), missing_row("8 slow clients, behind nginx", "no nginx")]

    lines = table(rows).splitlines()

    assert len(lines) == 4
    assert "PostgreSQL stopped 10 s" in lines[2] and "503 x11" in lines[2] and "pass" in lines[2]
    assert "not run" in lines[3]
    assert missing_row("x", "y").passed  # a fault not run breaks no rule
