"""In-process measurements of one database: its URL mix, SQL queries per request, search time.

Run by bench/run.py as `python -m bench.inprocess OUT.json [--search]` with DATABASE_URL set. The
counts are deterministic: each URL of a sample is requested through Django's test Client with the
cache cleared first (the cold count, the most a request can cost), then again (the warm count).
"""

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

SAMPLE = 12
SEARCHES = 250
WARM_UP_SEARCHES = 20


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank percentile: the smallest value with p% of the values at or below it."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def spread(urls: list[str], size: int = SAMPLE) -> list[str]:
    """`size` URLs spread over the whole list."""
    step = max(1, len(urls) // size)
    return urls[::step][:size]


def count_queries(client, urls: list[str]) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if not urls:
        return {"status": "missing", "reason": "no URLs"}
    cold, warm, cold_ms = [], [], []
    for url in spread(urls):
        for counts in (cold, warm):
            if counts is cold:
                cache.clear()
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            if counts is cold:
                cold_ms.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                return {"status": "missing", "reason": f"HTTP {response.status_code} {url}"}
            counts.append(len(captured.captured_queries))
    return {
        "status": "ok",
        "urls": len(cold),
        "min": min(cold),
        "max": max(cold),
        "warm_min": min(warm),
        "warm_max": max(warm),
        # What a request costs when nothing is cached (a new URL, or the first after a write).
        "cold_p50_ms": round(percentile(cold_ms, 50), 1),
        "cold_max_ms": round(max(cold_ms), 1),
    }


def time_search(names: list[str]) -> dict:
    """The directory's typo-tolerant search (PartnerFilterSet `q`), timed in the server process."""
    from partners.filters import PartnerFilterSet
    from partners.models import Partner

    from .mix import typo_search

    rng = random.Random("search")
    terms = [typo_search(rng.choice(names), rng) for _ in range(SEARCHES)]
    page, with_count = [], []
    for n, term in enumerate(terms[:WARM_UP_SEARCHES] + terms):
        qs = PartnerFilterSet({"q": term}, queryset=Partner.objects.all()).qs
        started = time.perf_counter()
        list(qs[:25])
        fetched = time.perf_counter()
        qs.count()
        counted = time.perf_counter()
        if n >= WARM_UP_SEARCHES:
            page.append((fetched - started) * 1000)
            with_count.append((counted - started) * 1000)
    return {
        "status": "ok",
        "samples": len(page),
        "p50_ms": round(percentile(page, 50), 2),
        "p95_ms": round(percentile(page, 95), 2),
        "max_ms": round(max(page), 2),
        "count_p95_ms": round(percentile(with_count, 95), 2),
        "examples": terms[:5],
    }


def measure(*, search: bool) -> dict:
    from django.test import Client

    from partners.models import Partner

    from .mix import build_mix, corpus_from_db

    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    started = time.monotonic()
    corpus = corpus_from_db(client=client)
    mix = build_mix(corpus)
    prepared = time.monotonic()
    queries = {key: count_queries(client, urls) for key, urls in mix.items()}
    return {
        "partners": Partner.objects.count(),
        "urls": mix,
        "queries": queries,
        "search": time_search(corpus.names) if search else None,
        "seconds": {
            "mix": round(prepared - started, 1),
            "measure": round(time.monotonic() - prepared, 1),
        },
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--search", action="store_true", help="time the typo-tolerant search")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    args.out.write_text(json.dumps(measure(search=args.search)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
