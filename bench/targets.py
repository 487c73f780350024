"""The benchmark's targets and the goals of issue 5 they are held to."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    # The throughput goal: at least `min_ratio` of the requests per second of `versus`.
    versus: str = "reference"
    min_ratio: float | None = None


TARGETS = [
    Target("floor", "Floor: plain view, full middleware"),
    Target("reference", "Reference: 50 rows, minimal template"),
    Target("directory", "Directory: search and facets", min_ratio=0.5),
    Target("profile", "Partner profile", min_ratio=0.7),
    Target("pathfinder", "Pathfinder country page", min_ratio=0.7),
    Target("gcg", "GCG page", min_ratio=0.7),
    Target("gcg_as_of", "GCG page as of a date", min_ratio=0.7),
    Target("api_list", "API partner list, 50 a page", min_ratio=0.5),
    Target("api_detail", "API partner detail", min_ratio=0.5),
    Target("api_search", "API search with a typo"),
    Target("api_cursor_first", "API cursor, first page"),
    Target("api_cursor_deep", "API cursor, deep page", versus="api_cursor_first", min_ratio=0.9),
]
BY_KEY = {target.key: target for target in TARGETS}

# Every target: p99 no more than this many times p50.
MAX_TAIL = 5.0
# The typo-tolerant name search, timed at the server.
SEARCH_P95_MS = 50.0
