"""gunicorn settings for one 2-core machine, chosen by measurement with `make bench`.

Measured with bench/run.py (`--reuse --seconds 5 --only floor,reference,profile,api_detail`, wrk
with 8 connections, 100,000 partners) on 2026-11-25 while other test suites used most of the two
cores (load average 6 to 10): the figures are low and vary up to twofold between rounds, so each
is the mean of three rounds (two for the last four), in requests per second for
floor / reference / profile / API detail:

    sync,    2 workers              673 / 112 / 21 / 56
    sync,    3 workers              409 /  65 / 18 / 46
    sync,    4 workers              471 /  49 / 14 / 34   (one round)
    sync,    5 workers              389 /  43 / 16 / 29   (one round; floor p99 476 ms)
    gthread, 2 workers x 2 threads  682 / 108 / 28 / 53
    gthread, 2 workers x 4 threads  657 / 124 / 27 / 77
    gthread, 3 workers x 2 threads  692 /  79 / 12 / 55   (one round)
    gthread, 3 workers x 4 threads 1033 / 117 / 27 / 87   <- chosen
    gthread, 4 workers x 2 threads  409 /  47 / 14 / 32   (one round; floor p99 2.2 s)

Why threads: a process can work while another of its requests waits on PostgreSQL (which shares
the same two cores), and gthread keeps connections alive where sync workers close every one.
More than three processes only added context switches and long tails. Rerun the comparison on a
quiet machine before trusting the difference between 2 and 3 workers.

Environment variables override the choice on another machine: GUNICORN_BIND, GUNICORN_WORKERS (or
gunicorn's own WEB_CONCURRENCY), GUNICORN_THREADS.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS") or os.environ.get("WEB_CONCURRENCY") or 3)
threads = int(os.environ.get("GUNICORN_THREADS") or 4)
worker_class = "gthread" if threads > 1 else "sync"
# Behind a reverse proxy that reuses its connections; also what wrk does.
keepalive = 5
# The workers' heartbeat files in memory, not on a disk that may stall under load.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
