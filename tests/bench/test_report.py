import json

from bench import report
from bench.inprocess import percentile, sample, shape, spread
from bench.run import expected_seconds, parse_args, parse_wrk, with_database
from bench.targets import COLD, WARM, measured_in

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8787
  1 threads and 16 connections
  Latency Distribution
     50%    4.00ms
BENCH_JSON {"requests": 20000, "duration_us": 10000000, "bytes": 1, "errors": {"connect": 0, \
"read": 0, "write": 0, "status": 3, "timeout": 0}, "mean_us": 4100.0, "max_us": 90000, \
"p50_us": 4000, "p90_us": 6000, "p95_us": 7000, "p99_us": 12000, "p99_9_us": 30000}
"""


def measured(rps, p50=4.0, p99=10.0, errors=0):
    return {
        "status": "ok",
        "urls": 250,
        "rps": rps,
        "p50_ms": p50,
        "p95_ms": p99,
        "p99_ms": p99,
        "errors": errors,
        "error_kinds": {"status": errors},
    }


def counted(low, high=None, warm=1):
    high = low if high is None else high
    return {"status": "ok", "min": low, "max": high, "warm_min": warm, "warm_max": warm}


def by_target(rows, mode=COLD):
    return {row["target"]: row for row in rows if row["mode"] == mode}


def test_wrk_output_is_read_as_requests_per_second_and_milliseconds():
    result = parse_wrk(WRK_OUTPUT)
    assert result["rps"] == 2000.0
    assert (result["p50_ms"], result["p99_ms"]) == (4.0, 12.0)
    assert result["errors"] == 3


def test_a_run_where_no_request_completed_has_no_latencies_and_misses_its_goal():
    idle = parse_wrk(WRK_OUTPUT.replace('"requests": 20000', '"requests": 0'))
    assert (idle["rps"], idle["p50_ms"], idle["p99_ms"]) == (0.0, None, None)
    idle["errors"] = 0
    rows = by_target(report.rows({COLD: {"reference": measured(900), "gcg": idle}}))
    assert rows["gcg"]["goal_met"] is False
    assert rows["gcg"]["missed"] == ["no request completed"]


def test_cold_goals_are_shares_of_their_yardstick_in_the_same_run():
    load = {
        "reference": measured(1000),
        "reference_json": measured(2000),
        "directory": measured(300),
        "directory_search": measured(99),
        "profile": measured(490),
        "api_list": measured(1000),
        "api_detail": measured(1390),
    }
    rows = by_target(report.rows({COLD: load}))
    assert (rows["directory"]["versus"], rows["directory"]["ratio"]) == ("reference", 0.3)
    assert rows["directory"]["goal_met"] is True  # >= 0.3 x reference
    assert rows["directory_search"]["goal_met"] is False  # 0.099 < 0.1
    assert rows["profile"]["missed"] == ["0.49 < 0.5 x reference"]
    assert rows["api_list"]["versus"] == "reference_json"
    assert rows["api_list"]["goal_met"] is True  # 0.5 x reference_json
    assert rows["api_detail"]["goal_met"] is False  # 0.695 < 0.7 x reference_json
    assert rows["reference"]["goal_ratio"] is None


def test_the_deep_cursor_page_is_judged_against_the_first_cursor_page():
    load = {
        "reference": measured(1000),
        "api_cursor_first": measured(500),
        "api_cursor_deep": measured(460),
    }
    deep = by_target(report.rows({COLD: load}))["api_cursor_deep"]
    assert (deep["versus"], deep["ratio"]) == ("api_cursor_first", 0.92)
    assert deep["goal_met"] is True
    load["api_cursor_deep"] = measured(440)
    assert by_target(report.rows({COLD: load}))["api_cursor_deep"]["goal_met"] is False


def test_warm_rows_are_held_to_half_the_floor():
    load = {"floor": measured(3000), "profile": measured(1500), "gcg": measured(1400)}
    rows = by_target(report.rows({WARM: load}, caches={WARM: "Redis"}), WARM)
    assert set(rows) == {t.key for t in measured_in(WARM)}
    assert "reference" not in rows  # no shared copy: measured cold only
    assert rows["profile"]["cache"] == "Redis"
    assert (rows["profile"]["versus"], rows["profile"]["goal_ratio"]) == ("floor", 0.5)
    assert rows["profile"]["goal_met"] is True
    assert rows["gcg"]["goal_met"] is False
    assert rows["floor"]["goal_ratio"] is None


def test_a_long_tail_query_counts_that_grow_with_the_data_or_errors_miss_the_goal():
    load = {COLD: {"reference": measured(1000), "gcg": measured(900, p50=2.0, p99=11.0)}}
    gcg = by_target(report.rows(load))["gcg"]
    assert gcg["tail"] == 5.5
    assert gcg["missed"] == ["p99/p50 5.5 > 5"]

    load[COLD]["gcg"] = measured(900)
    rows = report.rows(load, {"gcg": counted(6)}, {"gcg": counted(5)}, other_label="1k")
    gcg = by_target(rows)["gcg"]
    assert gcg["queries_flat"] is False
    assert gcg["missed"] == ["SQL at most 6 here, 5 at 1k"]

    load[COLD]["gcg"] = measured(900, errors=4)
    assert by_target(report.rows(load))["gcg"]["missed"] == ["4 errors (4 status)"]


def test_warm_rows_compare_the_warm_query_counts():
    load = {WARM: {"floor": measured(3000), "gcg": measured(2000)}}
    rows = report.rows(load, {"gcg": counted(6, warm=1)}, {"gcg": counted(9, warm=1)})
    gcg = by_target(rows, WARM)["gcg"]
    assert gcg["queries"] == (1, 1)
    assert gcg["queries_flat"] is True


def test_a_page_that_does_not_exist_yet_is_shown_as_missing_in_the_table():
    load = {
        COLD: {"reference": measured(1000), "api_list": {"status": "missing", "reason": "HTTP 404"}}
    }
    rows = report.rows(load, {"reference": counted(1)}, {"reference": counted(1)})
    lines = report.table(rows).splitlines()
    assert len(lines) == 2 + len(measured_in(COLD))
    api_list = next(line for line in lines if line.startswith("api_list"))
    assert "missing: HTTP 404" in api_list
    reference = next(line for line in lines if line.startswith("reference "))
    assert "1,000" in reference
    assert "not run" in next(line for line in lines if line.startswith("gcg "))
    missed = report.goals_missed({"small": {"partners": 1000, "rows": rows}})
    assert missed == ["1k cold api_list: missing (HTTP 404)"]


def test_edits_while_reading_are_judged_by_the_ratio_and_the_writes():
    without, writing = measured(1000), measured(700)
    row = report.edits_row("directory", without, writing, {"writes": 5, "failed": 0})
    assert (row["ratio"], row["goal_met"]) == (0.7, True)

    row = report.edits_row("profile", without, measured(690), {"writes": 5, "failed": 0})
    assert row["missed"] == ["0.69 < 0.7 x without writes"]

    row = report.edits_row("profile", without, writing, {"writes": 5, "failed": 2})
    assert row["missed"] == ["2 writes failed"]
    row = report.edits_row("profile", without, writing, {"writes": 0, "failed": 0})
    assert row["missed"] == ["no write made"]
    assert "MISSED" in report.edits_table([row])


def test_query_counts_show_the_spread_of_the_sample():
    assert report.query_span(counted(7)) == "7"
    assert report.query_span(counted(5, 7)) == "5-7"
    assert report.query_span(counted(5, 7, warm=1), WARM) == "1"
    assert report.query_span({"status": "missing"}) == "-"


def test_the_results_are_written_as_json_with_both_sizes(tmp_path):
    rows = report.rows({COLD: {"reference": measured(1000)}})
    doc = report.document(
        sizes={
            "small": {"partners": 1000, "rows": rows, "search": {"p95_ms": 12.0}, "edits": []},
            "large": {"partners": 100_000, "rows": rows, "search": None, "edits": []},
        },
        config={"cpus": 2},
        started="2026-01-02T03:04:05+00:00",
        finished="2026-01-02T03:09:05+00:00",
    )
    path = report.write(doc, tmp_path)
    written = json.loads(path.read_text())
    assert path.name == "bench-20260102T030405.json"
    assert written["schema"] == 2
    assert [t["target"] for t in written["sizes"]["small"]["rows"]] == [
        t.key for t in measured_in(COLD)
    ]
    for key in ("mode", "rps", "p50_ms", "p99_ms", "queries", "ratio", "goal_met", "missed"):
        assert key in written["sizes"]["large"]["rows"][0]


def test_the_search_goal_is_stated_with_the_p95():
    search = {"status": "ok", "samples": 250, "p50_ms": 8, "p95_ms": 61, "count_p95_ms": 90}
    assert "p95 61.0 ms (goal < 50 ms: MISSED)" in report.search_line(search)
    assert (
        "1k search p95 61.0 ms"
        in report.goals_missed({"s": {"partners": 1000, "search": search}})[0]
    )


def test_sizes_are_named_by_their_partners():
    assert report.size_label(1000) == "1k"
    assert report.size_label(100_000) == "100k"
    assert report.size_label(1234) == "1,234"


def test_the_defaults_are_those_of_the_issue_and_the_duration_is_announced(monkeypatch):
    for name in ("BENCH_SECONDS", "BENCH_WARMUP", "BENCH_CONNECTIONS"):
        monkeypatch.delenv(name, raising=False)
    args = parse_args(["--database-url", "postgres:///x"])
    assert (args.seconds, args.warmup, args.connections) == (5, 2, 16)
    assert args.sizes == ["small", "large"] and args.modes == ["cold", "warm"] and args.edits
    rows = len(measured_in(COLD)) + len(measured_in(WARM)) + 4
    assert expected_seconds(args, 2) == 2 * (rows * 7 + 30)


def test_percentiles_are_by_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 50) == 50
    assert percentile(values, 95) == 95
    assert percentile([3.0], 99) == 3.0


def test_the_query_sample_is_spread_over_the_whole_mix():
    assert spread(list(range(100)), 4) == [0, 25, 50, 75]


def test_the_bench_databases_sit_beside_the_given_one():
    assert with_database("postgres://root@127.0.0.1:5432/alliance87", "alliance87_bench") == (
        "postgres://root@127.0.0.1:5432/alliance87_bench"
    )
    assert with_database("postgres://root@/alliance87?host=/tmp/pg", "x") == (
        "postgres://root@/x?host=/tmp/pg"
    )


def shaped(shapes: dict):
    cold = [c for c, _w in shapes.values()]
    warm = [w for _c, w in shapes.values()]
    return {
        "status": "ok",
        "min": min(cold),
        "max": max(cold),
        "warm_min": min(warm),
        "warm_max": max(warm),
        "shapes": shapes,
    }


def test_the_most_queries_a_request_takes_must_not_grow_with_the_data():
    load = {COLD: {"reference": measured(1000), "directory_filtered": measured(400)}}
    large = {"directory_filtered": shaped({"/ ?country": [8, 1], "/ ?region,status": [9, 1]})}
    # A filter that matches nobody in the small data skips a query: the most is still the same.
    small = {
        "directory_filtered": shaped(
            {"/ ?country": [7, 1], "/ ?region,status": [9, 1], "/ ?theme": [6, 1]}
        )
    }
    row = by_target(report.rows(load, large, small, other_label="1k"))["directory_filtered"]
    assert row["queries"] == (8, 9) and row["queries_other"] == (6, 9)
    assert row["queries_flat"] is True

    large["directory_filtered"] = shaped({"/ ?country": [8, 1], "/ ?region,status": [59, 1]})
    row = by_target(report.rows(load, large, small, other_label="1k"))["directory_filtered"]
    assert row["queries_flat"] is False
    assert row["missed"] == [
        "SQL at most 59 here, 9 at 1k; / ?country 8 vs 7; / ?region,status 59 vs 9"
    ]


def test_the_count_sample_takes_urls_of_every_kind():
    urls = [f"/partners/?country=X{n}" for n in range(40)]
    urls += ["/fr/partners/?region=asia&status=a", "/fr/partners/?status=b&region=asia"]
    chosen = sample(urls, size=4)
    assert chosen[:4] == urls[0:40:10]
    assert chosen[4:] == urls[40:]
    assert shape("/fr/partners/?status=a&region=asia") == "/fr ?region,status"
    assert shape("/partners/?q=x&page=2") == "/ ?page,q"
