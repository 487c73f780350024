"""The benchmark's results: rows per size and cache mode, the printed tables and the JSON in git."""

import json
from pathlib import Path

from .targets import (
    BY_KEY,
    COLD,
    EDITS_MIN_RATIO,
    MAX_TAIL,
    SEARCH_P95_MS,
    WARM,
    WARM_VERSUS,
    goal,
    measured_in,
)

RESULTS_DIR = Path(__file__).resolve().parent / "results"
SCHEMA_VERSION = 2
CACHE_NAMES = {COLD: "off", WARM: "Redis"}
# A row left out of this run (`--only`, `--modes`): shown, never counted as a missed goal.
NOT_RUN = "not run"


def size_label(partners: int | None) -> str:
    """ "1k", "100k", or the number itself when it is no round thousand."""
    if not partners:
        return "?"
    return f"{partners // 1000}k" if partners % 1000 == 0 else f"{partners:,}"


def query_span(counts: dict | None, mode: str = COLD) -> str:
    """ "7", or "5-7" when the sample's URLs differ, or "-" when nothing was counted."""
    span = _span(counts, mode)
    if span is None:
        return "-"
    low, high = span
    return str(low) if low == high else f"{low}-{high}"


def _span(counts: dict | None, mode: str):
    if not counts or counts.get("status") != "ok":
        return None
    prefix = "warm_" if mode == WARM else ""
    return counts[f"{prefix}min"], counts[f"{prefix}max"]


def rows(
    load: dict,
    queries: dict | None = None,
    other_queries: dict | None = None,
    *,
    other_label: str = "",
    caches: dict | None = None,
) -> list[dict]:
    """One row per target and cache mode of one database.

    `load` is {mode: {target: wrk figures}}; `queries` the in-process counts of this database;
    `other_queries` those of the other size, which every target's counts must equal; `caches`
    names the cache of each mode ({"cold": "off", "warm": "Redis"}).
    """
    caches = {**CACHE_NAMES, **(caches or {})}
    result = []
    for mode in (COLD, WARM):
        if mode not in load:
            continue
        mode_rows = []
        for target in measured_in(mode):
            measured = load[mode].get(target.key) or {"status": NOT_RUN, "reason": "not run"}
            counts = (queries or {}).get(target.key)
            row = {
                "mode": mode,
                "cache": caches[mode],
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
                "error_kinds": measured.get("error_kinds", {}),
                "cache_hit_ratio": _hit_ratio(measured),
                "queries": _span(counts, mode),
                "queries_other": _span((other_queries or {}).get(target.key), mode),
                "other_size": other_label,
                "cold_p50_ms": (counts or {}).get("cold_p50_ms") if mode == COLD else None,
            }
            row["tail"] = _ratio(row["p99_ms"], row["p50_ms"])
            row["queries_differ"] = _differing(counts, (other_queries or {}).get(target.key), mode)
            row["queries_flat"] = _flat(row, counted=bool(queries), other=bool(other_queries))
            mode_rows.append(row)
        by_key = {row["target"]: row for row in mode_rows}
        for row in mode_rows:
            versus, min_ratio = goal(BY_KEY[row["target"]], mode)
            shown = versus or _default_yardstick(row["target"], mode)
            row["versus"] = shown
            yardstick = (by_key.get(shown) or {}).get("rps") if shown else None
            row["ratio"] = _ratio(row["rps"], yardstick)
            row["goal_ratio"] = min_ratio
            row["missed"] = _missed(row)
            row["goal_met"] = None if row["status"] != "ok" else not row["missed"]
        result += mode_rows
    return result


def _hit_ratio(measured: dict) -> float | None:
    """The share of the measured seconds' cache lookups that found an entry (own Redis only)."""
    hits, misses = measured.get("cache_hits"), measured.get("cache_misses")
    if hits is None or misses is None or not hits + misses:
        return None
    return round(hits / (hits + misses), 3)


def _differing(counts: dict | None, other: dict | None, mode: str) -> list | None:
    """[(shape, here, there)] for the kinds of URL counted at both sizes whose most queries per
    request differ; None when the counts have no shapes in common (compare the spans instead)."""
    here = (counts or {}).get("shapes") if (counts or {}).get("status") == "ok" else None
    there = (other or {}).get("shapes") if (other or {}).get("status") == "ok" else None
    common = sorted(set(here or {}) & set(there or {}))
    if not common:
        return None
    at = 1 if mode == WARM else 0
    return [
        (name, here[name][at], there[name][at])
        for name in common
        if here[name][at] != there[name][at]
    ]


def _flat(row: dict, *, counted: bool, other: bool) -> bool | None:
    """Whether the most queries a request of the target took is the same at the other size;
    None when not compared.

    The most, not the range: a filter that matches nobody at 1,000 partners skips the query
    that would load its rows' relations, one query fewer than at 100,000, without anything
    growing with the data. A query run per row would raise the most."""
    if not counted:
        return None
    if row["queries"] is None:
        return False  # counted at neither size: nothing shows they do not grow
    if not other:
        return None
    return row["queries_other"] is not None and row["queries"][1] == row["queries_other"][1]


def _default_yardstick(key: str, mode: str) -> str | None:
    """The row a target without a goal is shown against (for reading only)."""
    yardstick = "reference" if mode == COLD else WARM_VERSUS
    return None if key == yardstick else yardstick


def _ratio(a, b):
    return round(a / b, 3) if a is not None and b else None


def _missed(row: dict) -> list[str]:
    """Why a measured row misses its goal; empty when it meets it."""
    if row["status"] != "ok":
        return []
    missed = []
    if not row["rps"]:
        return ["no request completed"]
    if row["goal_ratio"] is not None:
        if row["ratio"] is None:
            missed.append(f"no {row['versus']} to compare with")
        elif row["ratio"] < row["goal_ratio"]:
            missed.append(f"{row['ratio']:.2f} < {row['goal_ratio']:g} x {row['versus']}")
    if row["tail"] is not None and row["tail"] > MAX_TAIL:
        missed.append(f"p99/p50 {row['tail']:.1f} > {MAX_TAIL:g}")
    if row["queries_flat"] is False:
        if row["queries"] is None:
            missed.append("SQL not counted in process")
        else:
            there = row["other_size"] or "the other size"
            other = "-" if row["queries_other"] is None else row["queries_other"][1]
            shapes = "".join(
                f"; {name.strip()} {here} vs {them}"
                for name, here, them in (row["queries_differ"] or [])[:3]
            )
            missed.append(f"SQL at most {row['queries'][1]} here, {other} at {there}{shapes}")
    if row["errors"]:
        kinds = ", ".join(f"{n} {kind}" for kind, n in row["error_kinds"].items() if n)
        missed.append(f"{row['errors']} errors" + (f" ({kinds})" if kinds else ""))
    return missed


def _as_counts(span):
    return None if span is None else {"status": "ok", "min": span[0], "max": span[1]}


def edits_row(mix: str, without: dict, writing: dict, writer: dict) -> dict:
    """The edits-while-reading row of one mix: the same wrk run without and with the writer."""
    ratio = _ratio(writing.get("rps"), without.get("rps"))
    missed = []
    if without.get("status") != "ok" or writing.get("status") != "ok":
        missed.append(without.get("reason") or writing.get("reason") or "not run")
    else:
        if ratio is None or ratio < EDITS_MIN_RATIO:
            missed.append(f"{_number(ratio, 2)} < {EDITS_MIN_RATIO:g} x without writes")
        if not writer.get("writes"):
            missed.append("no write made")
        if writer.get("failed"):
            missed.append(f"{writer['failed']} writes failed")
        for name, run in (("without", without), ("writing", writing)):
            if run.get("errors"):
                missed.append(f"{run['errors']} read errors {name}")
    return {
        "mix": mix,
        "without": without,
        "writing": writing,
        "writer": writer,
        "ratio": ratio,
        "goal_ratio": EDITS_MIN_RATIO,
        "missed": missed,
        "goal_met": not missed,
    }


def _number(value, digits=1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def _versus(row: dict) -> str:
    if row["ratio"] is None:
        return ""
    return f"{row['ratio']:.2f} x {row['versus']}"


def _goal(row: dict) -> str:
    return "" if row["goal_ratio"] is None else f">= {row['goal_ratio']:g}"


def _met(row: dict) -> str:
    return {True: "met", False: "MISSED", None: ""}[row["goal_met"]]


def _note(row: dict) -> str:
    if row["status"] == NOT_RUN:
        return NOT_RUN
    if row["status"] != "ok":
        return f"missing: {row['reason']}"
    return "; ".join(row["missed"])


COLUMNS = [
    ("Target", lambda r: r["target"], "<"),
    ("Cache", lambda r: r["cache"], "<"),
    ("Req/s", lambda r: _number(r["rps"], 0), ">"),
    ("p50 ms", lambda r: _number(r["p50_ms"]), ">"),
    ("p99 ms", lambda r: _number(r["p99_ms"]), ">"),
    ("p99/p50", lambda r: _number(r["tail"]), ">"),
    ("SQL/req", lambda r: query_span(_as_counts(r["queries"])), ">"),
    ("Hits", lambda r: "" if r["cache_hit_ratio"] is None else f"{r['cache_hit_ratio']:.0%}", ">"),
    ("x yardstick", _versus, "<"),
    ("Goal", _goal, "<"),
    ("Met", _met, "<"),
    ("Note", _note, "<"),
]

EDIT_COLUMNS = [
    ("Mix", lambda r: r["mix"], "<"),
    ("Req/s no writes", lambda r: _number(r["without"].get("rps"), 0), ">"),
    ("Req/s writing", lambda r: _number(r["writing"].get("rps"), 0), ">"),
    ("Ratio", lambda r: _number(r["ratio"], 2), ">"),
    ("p99 no writes", lambda r: _number(r["without"].get("p99_ms")), ">"),
    ("p99 writing", lambda r: _number(r["writing"].get("p99_ms")), ">"),
    ("Writes", lambda r: str(r["writer"].get("writes", 0)), ">"),
    ("Failed", lambda r: str(r["writer"].get("failed", 0)), ">"),
    ("Write p50 ms", lambda r: _number(r["writer"].get("p50_ms")), ">"),
    ("Hits no writes / writing", lambda r: _hits_pair(r), ">"),
    ("Goal", lambda r: f">= {r['goal_ratio']:g}", "<"),
    ("Met", lambda r: "met" if r["goal_met"] else "MISSED", "<"),
    ("Note", lambda r: "; ".join(r["missed"]), "<"),
]


def _hits_pair(row: dict) -> str:
    ratios = [_hit_ratio(row[name]) for name in ("without", "writing")]
    return " / ".join("-" if r is None else f"{r:.0%}" for r in ratios)


def _grid(columns, items) -> list[str]:
    cells = [[title for title, _cell, _align in columns]]
    cells += [[cell(item) for _title, cell, _align in columns] for item in items]
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    lines = [
        "  ".join(
            text.ljust(width) if align == "<" else text.rjust(width)
            for text, width, (_t, _c, align) in zip(line, widths, columns, strict=True)
        ).rstrip()
        for line in cells
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return lines


def table(result_rows: list[dict], search: dict | None = None) -> str:
    """The table of one database: cold rows, then warm rows."""
    lines = _grid(COLUMNS, result_rows)
    if search:
        lines += ["", search_line(search)]
    return "\n".join(lines)


def edits_table(edit_rows: list[dict]) -> str:
    return "\n".join(_grid(EDIT_COLUMNS, edit_rows))


def search_line(search: dict) -> str:
    if search.get("status") != "ok":
        return f"Typo-tolerant name search: {search.get('reason', 'not measured')}"
    met = "met" if search["p95_ms"] < SEARCH_P95_MS else "MISSED"
    return (
        f"Typo-tolerant name search at the server, cache off ({search['samples']} searches, "
        f"first 25 rows): p50 {search['p50_ms']:.1f} ms, p95 {search['p95_ms']:.1f} ms "
        f"(goal < {SEARCH_P95_MS:g} ms: {met}); with the count: p95 {search['count_p95_ms']:.1f} ms"
        + (
            f"; the query alone: p95 {search['query_p95_ms']:.1f} ms"
            if search.get("query_p95_ms") is not None
            else ""
        )
    )


def goals_missed(sizes: dict) -> list[str]:
    """One line per missed goal of the whole run, for the end of the printout."""
    missed = []
    for size in sizes.values():
        label = size_label(size.get("partners"))
        for row in size.get("rows", []):
            if row["goal_met"] is False:
                missed.append(f"{label} {row['mode']} {row['target']}: {'; '.join(row['missed'])}")
            elif row["status"] not in ("ok", NOT_RUN):
                missed.append(f"{label} {row['mode']} {row['target']}: missing ({row['reason']})")
        search = size.get("search")
        if search and search.get("status") == "ok" and search["p95_ms"] >= SEARCH_P95_MS:
            missed.append(f"{label} search p95 {search['p95_ms']:.1f} ms >= {SEARCH_P95_MS:g}")
        for row in size.get("edits", []):
            if not row["goal_met"]:
                missed.append(f"{label} edits {row['mix']}: {'; '.join(row['missed'])}")
    return missed


def document(*, sizes, config, started, finished) -> dict:
    """The JSON kept under bench/results/."""
    return {
        "schema": SCHEMA_VERSION,
        "started": started,
        "finished": finished,
        "config": config,
        "sizes": sizes,
    }


def write(doc: dict, directory: Path = RESULTS_DIR) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    stamp = doc["started"].replace(":", "").replace("-", "")[:15]
    path = directory / f"bench-{stamp}.json"
    path.write_text(json.dumps(doc, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    return path
