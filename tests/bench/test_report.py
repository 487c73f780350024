import json

from bench import report
from bench.inprocess import percentile, spread
from bench.run import parse_wrk, with_database
from bench.targets import TARGETS

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8787
  1 threads and 8 connections
  Latency Distribution
     50%    4.00ms
BENCH_JSON {"requests": 20000, "duration_us": 10000000, "bytes": 1, "errors": {"connect": 0, \
"read": 0, "write": 0, "status": 3, "timeout": 0}, "mean_us": 4100.0, "max_us": 90000, \
"p50_us": 4000, "p90_us": 6000, "p95_us": 7000, "p99_us": 12000, "p99_9_us": 30000}
"""


def measured(rps, p50=4.0, p99=10.0):
    return {"status": "ok", "urls": 250, "rps": rps, "p50_ms": p50, "p95_ms": p99, "p99_ms": p99}


def counted(low, high=None):
    return {"status": "ok", "min": low, "max": high if high is not None else low}


def test_wrk_output_is_read_as_requests_per_second_and_milliseconds():
    result = parse_wrk(WRK_OUTPUT)
    assert result["rps"] == 2000.0
    assert (result["p50_ms"], result["p99_ms"]) == (4.0, 12.0)
    assert result["errors"] == 3


def test_a_run_where_no_request_completed_has_no_latencies_and_misses_its_goal():
    idle = WRK_OUTPUT.replace('"requests": 20000', '"requests": 0')
    result = parse_wrk(idle)
    assert (result["rps"], result["p50_ms"], result["p99_ms"]) == (0.0, None, None)

    result["urls"] = 250
    rows = {
        r["target"]: r for r in report.rows({"reference": measured(900), "gcg": result}, {}, {})
    }
    assert rows["gcg"]["goal_met"] is False
    gcg = next(line for line in report.table(list(rows.values())).splitlines() if "gcg " in line)
    assert "no request completed" in gcg


def test_each_target_is_compared_with_the_reference_of_the_same_run():
    rows = {
        row["target"]: row
        for row in report.rows(
            {"reference": measured(1000), "profile": measured(600), "directory": measured(600)},
            {},
            {},
        )
    }
    assert rows["profile"]["ratio"] == 0.6
    assert rows["profile"]["goal_met"] is False  # profiles must reach 0.7
    assert rows["directory"]["goal_met"] is True  # the directory must reach 0.5


def test_the_deep_cursor_page_is_judged_against_the_first_cursor_page():
    rows = report.rows(
        {
            "reference": measured(1000),
            "api_cursor_first": measured(500),
            "api_cursor_deep": measured(460),
        },
        {},
        {},
    )
    deep = next(row for row in rows if row["target"] == "api_cursor_deep")
    assert deep["ratio"] == 0.46
    assert deep["goal_met"] is True


def test_a_long_tail_or_query_counts_that_grow_with_the_data_miss_the_goal():
    load = {"reference": measured(1000), "gcg": measured(900, p50=2.0, p99=11.0)}
    rows = {r["target"]: r for r in report.rows(load, {}, {})}
    assert rows["gcg"]["tail"] == 5.5
    assert rows["gcg"]["goal_met"] is False

    load["gcg"] = measured(900)
    rows = {r["target"]: r for r in report.rows(load, {"gcg": counted(6)}, {"gcg": counted(5)})}
    assert rows["gcg"]["queries_flat"] is False
    assert rows["gcg"]["goal_met"] is False


def test_a_page_that_does_not_exist_yet_is_shown_as_missing_in_the_table():
    load = {"reference": measured(1000), "api_list": {"status": "missing", "reason": "HTTP 404 /x"}}
    rows = report.rows(load, {"reference": counted(1)}, {"reference": counted(1)})
    lines = report.table(rows).splitlines()
    assert len(lines) == 2 + len(TARGETS)
    api_list = next(line for line in lines if line.startswith("api_list"))
    assert "HTTP 404 /x" in api_list
    reference = next(line for line in lines if line.startswith("reference"))
    assert "1,000" in reference


def test_query_counts_show_the_spread_of_the_sample():
    assert report.query_span(counted(7)) == "7"
    assert report.query_span(counted(5, 7)) == "5-7"
    assert report.query_span({"status": "missing"}) == "-"


def test_the_results_are_written_as_json_with_one_entry_per_target(tmp_path):
    rows = report.rows({"reference": measured(1000)}, {}, {})
    doc = report.document(
        result_rows=rows,
        search={"status": "ok", "p95_ms": 12.0},
        config={"cpus": 2},
        started="2026-01-02T03:04:05+00:00",
        finished="2026-01-02T03:09:05+00:00",
    )
    path = report.write(doc, tmp_path)
    written = json.loads(path.read_text())
    assert path.name == "bench-20260102T030405.json"
    assert [t["target"] for t in written["targets"]] == [t.key for t in TARGETS]
    for key in ("rps", "p50_ms", "p99_ms", "queries_large", "queries_small", "ratio", "status"):
        assert key in written["targets"][0]
    assert written["search"]["p95_ms"] == 12.0


def test_the_search_goal_is_stated_with_the_p95():
    search = {"status": "ok", "samples": 250, "p50_ms": 8, "p95_ms": 61, "count_p95_ms": 90}
    assert "p95 61.0 ms (goal < 50 ms: NO)" in report.search_line(search)


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
