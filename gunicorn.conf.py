"""gunicorn settings for one 2-core machine, chosen by measurement with `make bench`.

Sync workers, six: each takes one request at a time from the shared queue, so the tail stays
steady from run to run (docs/performance.md has the comparison with gthread workers).

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

# The Server header names no product or version. gunicorn has no setting for it: the module
# constant its responses read is replaced (tests/alliance87/test_gunicorn.py fails if it moves).
import gunicorn.http.wsgi  # noqa: E402

gunicorn.http.wsgi.SERVER = "registry"
