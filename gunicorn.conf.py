"""gunicorn settings for one 2-core machine, chosen by measurement with `make bench`.

Measured with bench/run.py (`--reuse --seconds 5 --only floor,reference,profile,api_detail`, wrk
with 8 connections, 100,000 partners), requests per second for floor / reference / profile /
API detail, on 2026-11-25 while other test suites were using most of the two cores (load average
6 to 10), so the figures are low and noisy; the ranking held in repeated runs:

    sync,    2 workers             640 /  40 / 13 / 34
    sync,    3 workers             427 /  64 / 16 / 47
    sync,    4 workers             471 /  49 / 14 / 34
    sync,    5 workers             389 /  43 / 16 / 29   (floor p99 476 ms: too many processes)
    gthread, 2 workers x 2 threads 660 / 125 / 18 / 36
    gthread, 2 workers x 4 threads 734 / 138 / 19 / 56   <- chosen
    gthread, 3 workers x 2 threads 692 /  79 / 12 / 55
    gthread, 3 workers x 4 threads 980 /  95 / 20 / 41
    gthread, 4 workers x 2 threads 409 /  47 / 14 / 32   (floor p99 2.2 s)

Why it wins: two processes keep both cores busy with Python; threads let a process work while
another request waits on PostgreSQL (which shares the same two cores); and gthread keeps
connections alive, where sync workers close every one. More processes only add context switches.

Environment variables override the choice on another machine: GUNICORN_BIND, GUNICORN_WORKERS (or
gunicorn's own WEB_CONCURRENCY), GUNICORN_THREADS.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS") or os.environ.get("WEB_CONCURRENCY") or 2)
threads = int(os.environ.get("GUNICORN_THREADS") or 4)
worker_class = "gthread" if threads > 1 else "sync"
# Behind a reverse proxy that reuses its connections; also what wrk does.
keepalive = 5
# The workers' heartbeat files in memory, not on a disk that may stall under load.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
