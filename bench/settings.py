"""The project's settings with the benchmark's URLconf: what `make bench` serves.

`DJANGO_CACHE=off` turns Django's cache off (DummyCache) for the cold rows: every shared page
copy, cached count, facet and lexicon entry is then computed anew for each request. What else
reads the cache keeps working without it: the API throttles and the join and export limits find
no history, so they never refuse (their code still runs); django-axes keeps its lock-outs in the
database; sessions are in the database.
"""

import os

from alliance87.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

if os.environ.get("DJANGO_CACHE", "").lower() in {"off", "0", "dummy", "none"}:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
