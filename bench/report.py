"""The benchmark's results: one row per target, the printed table and the JSON written to git."""

import json
from pathlib import Path

from .targets import MAX_TAIL, SEARCH_P95_MS, TARGETS

RESULTS_DIR = Path(__file__).resolve().parent / "results"
SCHEMA_VERSION = 1


def query_span(counts: dict | None) -> str:
    """ "7", or "5-7" when the sample's URLs differ, or "-" when nothing was counted."""
    if not counts or counts.get("status") != "ok":
        return "-"
    low, high = counts["min"], counts["max"]
    return str(low) if low == high else f"{low}-{high}"


def rows(load: dict, queries_large: dict, queries_small: dict) -> list[dict]:
    """One row per target from the wrk results `load` and the query counts at both sizes."""
    result = []
    for target in TARGETS:
        measured = load.get(target.key) or {"status": "missing", "reason": "not run"}
        row = {
            "target": target.key,
            "label": target.label,
            "status": measured["status"],
            "reason": measured.get("reason", ""),
            "urls": measured.get("urls", 0),
            "rps": measured.get("rps"),
            "p50_ms": measured.get("p50_ms"),
            "p95_ms": measured.get("p95_ms"),
            "p99_ms": measured.get("p99_ms"),
            "errors": measured.get("errors", 0),
            "queries_large": queries_large.get(target.key),
            "queries_small": queries_small.get(target.key),
        }
        row["tail"] = _ratio(row["p99_ms"], row["p50_ms"])
        row["queries_flat"] = _flat(row["queries_large"], row["queries_small"])
        result.append(row)
    by_key = {row["target"]: row for row in result}
    for target, row in zip(TARGETS, result, strict=True):
        row["ratio"] = _ratio(row["rps"], by_key["reference"]["rps"])
        row["versus"] = target.versus
        row["goal_ratio"] = target.min_ratio
        row["goal_met"] = _goal_met(row, _ratio(row["rps"], by_key[target.versus]["rps"]))
    return result


def _ratio(a, b):
    return round(a / b, 3) if a is not None and b else None


def _flat(large: dict | None, small: dict | None):
    if not large or not small or "ok" not in (large.get("status"), small.get("status")):
        return None
    return (large["min"], large["max"]) == (small["min"], small["max"])


def _goal_met(row: dict, versus_ratio) -> bool | None:
    """True or False when the target was measured; None when there is nothing to judge."""
    if row["status"] != "ok":
        return None
    checks = []
    if row["goal_ratio"] is not None and versus_ratio is not None:
        checks.append(versus_ratio >= row["goal_ratio"])
    if row["tail"] is not None:
        checks.append(row["tail"] <= MAX_TAIL)
    if row["queries_flat"] is not None:
        checks.append(row["queries_flat"])
    if row["errors"] or not row["rps"]:
        checks.append(False)
    return all(checks) if checks else None


def _number(value, digits=1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def _goal(row: dict) -> str:
    if row["goal_ratio"] is None:
        return ""
    return f">= {row['goal_ratio']:g} x {row['versus']}"


COLUMNS = [
    ("Target", lambda r: r["target"]),
    ("Req/s", lambda r: _number(r["rps"], 0)),
    ("p50 ms", lambda r: _number(r["p50_ms"])),
    ("p99 ms", lambda r: _number(r["p99_ms"])),
    ("p99/p50", lambda r: _number(r["tail"])),
    ("SQL 100k", lambda r: query_span(r["queries_large"])),
    ("SQL 1k", lambda r: query_span(r["queries_small"])),
    ("Cold ms", lambda r: _number((r["queries_large"] or {}).get("cold_p50_ms"))),
    ("x ref", lambda r: _number(r["ratio"], 2)),
    ("Goal", _goal),
    ("Met", lambda r: {True: "yes", False: "NO", None: ""}[r["goal_met"]]),
    ("Note", lambda r: r["reason"] if r["status"] != "ok" else _errors(r)),
]


def _errors(row: dict) -> str:
    if not row["rps"]:
        return "no request completed"
    return f"{row['errors']} errors" if row["errors"] else ""


def table(result_rows: list[dict], search: dict | None = None) -> str:
    cells = [[title for title, _cell in COLUMNS]]
    cells += [[cell(row) for _title, cell in COLUMNS] for row in result_rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(
            text.ljust(width) if i in (0, 9, 11) else text.rjust(width)
            for i, (text, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in cells
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    if search:
        lines.append("")
        lines.append(search_line(search))
    return "\n".join(lines)


def search_line(search: dict) -> str:
    if search.get("status") != "ok":
        return f"Typo-tolerant name search: {search.get('reason', 'not measured')}"
    met = "yes" if search["p95_ms"] < SEARCH_P95_MS else "NO"
    return (
        f"Typo-tolerant name search at the server ({search['samples']} searches, first page): "
        f"p50 {search['p50_ms']:.1f} ms, p95 {search['p95_ms']:.1f} ms "
        f"(goal < {SEARCH_P95_MS:g} ms: {met}); with the count: p95 {search['count_p95_ms']:.1f} ms"
    )


def document(*, result_rows, search, config, started, finished) -> dict:
    """The JSON kept under bench/results/."""
    return {
        "schema": SCHEMA_VERSION,
        "started": started,
        "finished": finished,
        "config": config,
        "search": search,
        "targets": result_rows,
    }


def write(doc: dict, directory: Path = RESULTS_DIR) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    stamp = doc["started"].replace(":", "").replace("-", "")[:15]
    path = directory / f"bench-{stamp}.json"
    path.write_text(json.dumps(doc, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    return path
