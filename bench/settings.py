"""The project's settings with the benchmark's URLconf: what `make bench` serves."""

from alliance87.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
