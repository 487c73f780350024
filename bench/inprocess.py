"""In-process measurements of one database: its URL mix, SQL queries per request, search time.

Run by bench/run.py as `python -m bench.inprocess OUT.json` with DATABASE_URL set. The counts are
deterministic: each URL of a sample is requested through Django's test Client with the cache off
(DummyCache, as the cold rows are served: the cold count), then with a cache in local memory,
emptied first, twice (the second is the warm count: what a request served from a shared copy
costs). The typo-tolerant search is timed with the cache off.
"""

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from .mix import LANGUAGE_PREFIXES

SAMPLE = 12
# Then up to PER_SHAPE URLs of each kind the spread sample left short (the directory's filter
# pairs), at most MAX_SAMPLE in all.
PER_SHAPE = 2
MAX_SAMPLE = 40
SEARCHES = 250
WARM_UP_SEARCHES = 20
CACHE_OFF = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank percentile: the smallest value with p% of the values at or below it."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def spread(urls: list[str], size: int = SAMPLE) -> list[str]:
    """`size` URLs spread over the whole list."""
    step = max(1, len(urls) // size)
    return urls[::step][:size]


def shape(url: str) -> str:
    """The kind of a URL of one target: its language prefix and the names of its parameters
    ("/fr ?country,status"), so that the counts of like requests compare across sizes."""
    parts = urlsplit(url)
    prefix = next((p for p in LANGUAGE_PREFIXES if p and parts.path.startswith(p + "/")), "")
    names = sorted({name for name, _value in parse_qsl(parts.query, keep_blank_values=True)})
    return f"{prefix or '/'} ?{','.join(names)}"


def sample(urls: list[str], size: int = SAMPLE, most: int = MAX_SAMPLE) -> list[str]:
    """`size` URLs spread over the list, then more until each kind (shape) has PER_SHAPE."""
    chosen = spread(urls, size)
    kinds: dict[str, int] = {}
    for url in chosen:
        kinds[shape(url)] = kinds.get(shape(url), 0) + 1
    for url in urls:
        if len(chosen) >= most:
            break
        kind = shape(url)
        if url not in chosen and kinds.get(kind, 0) < PER_SHAPE:
            kinds[kind] = kinds.get(kind, 0) + 1
            chosen.append(url)
    return chosen


def _counted(client, url: str) -> tuple[int, float, int]:
    """(queries, milliseconds, HTTP status) of one request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    elapsed_ms = (time.perf_counter() - started) * 1000
    return len(captured.captured_queries), elapsed_ms, response.status_code


def count_queries(client, urls: list[str]) -> dict:
    """Queries per request of a sample of `urls`: cache off (the cold count) and served from a
    copy (the warm count), overall and by shape."""
    from django.core.cache import cache
    from django.test import override_settings

    if not urls:
        return {"status": "missing", "reason": "no URLs"}
    cold, warm, cold_ms = [], [], []
    shapes: dict[str, list[list[int]]] = {}
    for url in sample(urls):
        with override_settings(CACHES=CACHE_OFF):
            queries, ms, status = _counted(client, url)
        if status != 200:
            return {"status": "missing", "reason": f"HTTP {status} {url}"}
        cache.clear()
        for _fill_then_count in range(2):
            queries_warm, _ms, status = _counted(client, url)
        if status != 200:
            return {"status": "missing", "reason": f"HTTP {status} {url} (cache on)"}
        cold.append(queries)
        warm.append(queries_warm)
        cold_ms.append(ms)
        counts = shapes.setdefault(shape(url), [[], []])
        counts[0].append(queries)
        counts[1].append(queries_warm)
    return {
        "status": "ok",
        "urls": len(cold),
        "min": min(cold),
        "max": max(cold),
        "warm_min": min(warm),
        "warm_max": max(warm),
        # The most a request of each kind costs, cold and warm: what must not grow with the data.
        "shapes": {name: [max(c), max(w)] for name, (c, w) in sorted(shapes.items())},
        # What a request costs when nothing is cached (a new URL, or the first after a write).
        "cold_p50_ms": round(percentile(cold_ms, 50), 1),
        "cold_max_ms": round(max(cold_ms), 1),
    }


def time_search(names: list[str]) -> dict:
    """The directory's typo-tolerant search (PartnerFilterSet `q`), timed in the server process
    with the cache off: from the filter set to the first 25 rows (the typos' corrections, the
    data version the name lexicon is kept under, the query)."""
    from django.test import override_settings

    from partners.filters import PartnerFilterSet
    from partners.models import Partner

    from .mix import typo_search

    rng = random.Random("search")
    terms = [typo_search(rng.choice(names), rng) for _ in range(SEARCHES)]
    page, with_count, query_only = [], [], []
    with override_settings(CACHES=CACHE_OFF):
        for n, term in enumerate(terms[:WARM_UP_SEARCHES] + terms):
            started = time.perf_counter()
            qs = PartnerFilterSet({"q": term}, queryset=Partner.objects.all()).qs
            built = time.perf_counter()
            list(qs[:25])
            fetched = time.perf_counter()
            qs.count()
            counted = time.perf_counter()
            if n >= WARM_UP_SEARCHES:
                page.append((fetched - started) * 1000)
                query_only.append((fetched - built) * 1000)
                with_count.append((counted - started) * 1000)
    return {
        "status": "ok",
        "samples": len(page),
        "p50_ms": round(percentile(page, 50), 2),
        "p95_ms": round(percentile(page, 95), 2),
        "max_ms": round(max(page), 2),
        "count_p95_ms": round(percentile(with_count, 95), 2),
        # The SQL of the first 25 rows alone, without building the filter set (the corrections
        # and the data version): how the search was timed before issue 12.
        "query_p95_ms": round(percentile(query_only, 95), 2),
        "examples": terms[:5],
    }


def measure(*, search: bool = True) -> dict:
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
    parser.add_argument("--no-search", action="store_true", help="do not time the search")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    args.out.write_text(json.dumps(measure(search=not args.no_search)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
