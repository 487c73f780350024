"""gunicorn settings for one 2-core machine, chosen by measurement with `make bench`.

Environment variables override them for another machine: GUNICORN_BIND, GUNICORN_WORKERS (or
gunicorn's own WEB_CONCURRENCY), GUNICORN_THREADS.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS") or os.environ.get("WEB_CONCURRENCY") or 3)
threads = int(os.environ.get("GUNICORN_THREADS") or 1)
worker_class = "gthread" if threads > 1 else "sync"
keepalive = 5
