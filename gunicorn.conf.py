"""gunicorn settings for one 2-core machine, chosen by measurement with `make bench`.

Measured on 2026-11-25 on a quiet machine with bench/run.py (`--reuse --seconds 5`, wrk with 8
connections, 100,000 partners, the cache in Redis): requests per second of the floor and the
reference page, with p99/p50 in brackets; several rounds where given.

    gthread, 3 workers x 4 threads  floor 1,379-3,377 (3.9-5.8)  reference 326-661 (2.6-9.4)
    gthread, 2 workers x 4 threads  floor 3,309 (9.1)             reference 328 (3.0)
    gthread, 2 workers x 8 threads  floor 1,323 (2.3)             reference 288 (3.2)
    gthread, 4 workers x 2 threads  floor 3,184 (3.1)             reference 642 (3.1)
    gthread, 3 workers x 2 threads  floor 1,370 (1.7)             reference 625 (2.5)
    sync,    4 workers              floor 3,128 (5.0)             reference 606 (1.8)
    sync,    6 workers (chosen)     floor 2,984-3,188 (2.9-4.7)   reference 558-575 (1.7-1.9)
    sync,    8 workers              floor 2,809 (2.9)             reference 516 (1.8)

With threads, a run's figures depended on how wrk's 8 connections happened to fall on the
workers (each worker serves its own connections, its threads taking turns at the GIL): the same
setting gave twice the throughput or twice the tail from one run to the next. Sync workers take
one request at a time from the shared queue, so every run looked alike and every target's p99
stayed under twice its p50 (all targets with 6 workers: 1.7 to 1.9, the floor 3.0). Six rather
than four: the floor's tail (3.0 against 5.0) for 5 to 15 % of throughput. An earlier
comparison, on a machine loaded by test suites, had favoured 3 gthread workers x 4 threads.

Sync workers expect a reverse proxy that buffers slow clients (nginx does by default).
Environment variables override the choice on another machine: GUNICORN_BIND, GUNICORN_WORKERS (or
gunicorn's own WEB_CONCURRENCY), GUNICORN_THREADS (more than 1 selects gthread workers).
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS") or os.environ.get("WEB_CONCURRENCY") or 6)
threads = int(os.environ.get("GUNICORN_THREADS") or 1)
worker_class = "gthread" if threads > 1 else "sync"
# For gthread workers only (sync workers close each connection): behind a reverse proxy that
# reuses its connections.
keepalive = 5
# The workers' heartbeat files in memory, not on a disk that may stall under load.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
