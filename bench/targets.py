"""The benchmark's targets and the goals of issue 12 they are held to.

Each target is measured twice on each database: cold (Django's cache off, `DJANGO_CACHE=off`)
and warm (the cache in Redis, as in production). A cold goal is a share of the requests per
second of a yardstick of the same run (the reference page, the reference JSON or the first cursor
page); a warm goal is a share of the floor's: a page served from a shared copy may cost at most
twice what the floor view costs.
"""

from dataclasses import dataclass

COLD, WARM = "cold", "warm"
MODES = (COLD, WARM)


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    # The cold goal: at least `min_ratio` of the requests per second of `versus`, cache off.
    versus: str = "reference"
    min_ratio: float | None = None
    # Whether the target has a shared copy, hence a warm row held to WARM_MIN_RATIO of the floor.
    warm: bool = True


TARGETS = [
    Target("floor", "Floor: plain view, full middleware", warm=True),
    Target("reference", "Reference: 50 rows, minimal template", warm=False),
    Target("reference_json", "Reference JSON: 50 rows, json.dumps", warm=False),
    Target("directory", "Directory, unfiltered, pages 1-200", min_ratio=0.3),
    Target("directory_filtered", "Directory with one or two filters", min_ratio=0.3),
    Target("directory_search", "Directory search (typos) with facets", min_ratio=0.1),
    Target("profile", "Partner profile", min_ratio=0.5),
    Target("pathfinder", "Pathfinder country page", min_ratio=0.5),
    Target("gcg", "GCG page", min_ratio=0.5),
    Target("gcg_as_of", "GCG page as of a date", min_ratio=0.5),
    Target("api_list", "API partner list, page numbers", versus="reference_json", min_ratio=0.5),
    Target("api_detail", "API partner detail", versus="reference_json", min_ratio=0.7),
    Target("api_cursor_first", "API cursor, first page"),
    Target("api_cursor_deep", "API cursor, deep page", versus="api_cursor_first", min_ratio=0.9),
]
BY_KEY = {target.key: target for target in TARGETS}
# The yardsticks: measured for the others' ratios, held to no goal of their own.
YARDSTICKS = ("floor", "reference", "reference_json")

# Warm rows (cache in Redis): at least this share of the floor's requests per second.
WARM_VERSUS = "floor"
WARM_MIN_RATIO = 0.5
# Every row: p99 no more than this many times p50.
MAX_TAIL = 5.0
# The typo-tolerant name search, timed at the server with the cache off.
SEARCH_P95_MS = 50.0
# Edits while reading (cache in Redis, one write a second through the API): at least this share
# of the same mix's throughput without writes.
EDITS_MIN_RATIO = 0.7
EDIT_MIXES = ("directory", "profile")


def goal(target: Target, mode: str) -> tuple[str | None, float | None]:
    """(yardstick, minimum ratio) of `target` in `mode`; (None, None) when it has no goal."""
    if target.key in YARDSTICKS:
        return None, None
    if mode == WARM:
        return WARM_VERSUS, WARM_MIN_RATIO
    return (target.versus, target.min_ratio) if target.min_ratio is not None else (None, None)


def measured_in(mode: str) -> list[Target]:
    """The targets measured in `mode`: every one cold; the floor and those with a copy warm."""
    return [t for t in TARGETS if mode == COLD or t.warm]
