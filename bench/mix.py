"""The URL mix of each benchmark target, built from the benchmark database's real rows.

Every target gets at least MIX_SIZE distinct URLs (searches, filters, pages, slugs), so that no
single cached URL is what gets measured. The mix is deterministic: the same database and seed give
the same URLs. `build_mix` is pure, so it can be tested without a database; `corpus_from_db`
gathers what it needs in a handful of queries.
"""

import random
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlsplit

MIX_SIZE = 250
LANGUAGE_PREFIXES = ("", "/fr", "/es")
STOPWORDS = {"and", "for", "the", "against", "with", "demo", "union", "workers"}
# Searches a person types: words of the registry's own vocabulary, some with a typo.
COMMON_WORDS = [
    "child labour",
    "forced labour",
    "trafficking",
    "modern slavery",
    "forced marriage",
    "domestic workers",
    "supply chains",
    "fishing",
    "cocoa",
    "garment",
    "migrant workers",
    "labour inspection",
]


@dataclass
class Corpus:
    """What the mix is built from: real values of the benchmark database."""

    partner_ids: list[int]
    slugs: list[str]
    names: list[str]
    countries: list[str]
    categories: list[str]
    themes: list[str]
    pathfinder_codes: list[str]
    # `cursor` values taken from the `next` links of a walk through the API's cursor pages.
    deep_cursors: list[str] = field(default_factory=list)


def typo(word: str, rng: random.Random) -> str:
    """`word` with one letter dropped or two neighbours swapped (never the first letter)."""
    if len(word) < 4:
        return word
    at = rng.randrange(1, len(word) - 1)
    if rng.random() < 0.5:
        return word[:at] + word[at + 1 :]
    swapped = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return swapped if swapped != word else word[:at] + word[at + 1 :]


def name_words(name: str) -> list[str]:
    """The searchable words of a partner's name: no "(demo 123)" suffix, no short or stop words."""
    name = re.sub(r"\s*\(demo \d+\)$", "", name)
    words = re.findall(r"[^\W\d_][\w'-]*", name)
    return [w for w in words if len(w) >= 4 and w.lower() not in STOPWORDS]


def typo_search(name: str, rng: random.Random) -> str:
    """One or two words of a real name, one of them mistyped: what a hurried person searches."""
    words = name_words(name) or [name]
    chosen = rng.sample(words, min(len(words), rng.choice([1, 2, 2])))
    mistyped = rng.randrange(len(chosen))
    chosen[mistyped] = typo(chosen[mistyped], rng)
    return " ".join(chosen)


def distinct(make, rng: random.Random, size: int = MIX_SIZE, tries: int = 50) -> list[str]:
    """Up to `size` distinct URLs from `make(rng, n)`, keeping the order they came in."""
    urls: dict[str, None] = {}
    for n in range(size * tries):
        if len(urls) >= size:
            break
        urls.setdefault(make(rng, n), None)
    return list(urls)


def with_languages(paths: list[str], size: int = MIX_SIZE) -> list[str]:
    """`paths`, then the same in French and Spanish, until there are `size` distinct URLs."""
    urls = [prefix + path for prefix in LANGUAGE_PREFIXES for path in paths]
    return list(dict.fromkeys(urls))[:size]


def query(path: str, **params) -> str:
    pairs = [(k, v) for k, values in params.items() for v in _listed(values) if v is not None]
    return f"{path}?{urlencode(pairs)}" if pairs else path


def _listed(value):
    return value if isinstance(value, list | tuple) else [value]


def cursor_from(link: str) -> str:
    """The `cursor` value of a `next` link."""
    return parse_qs(urlsplit(link).query).get("cursor", [""])[0]


def build_mix(corpus: Corpus, *, seed: int = 87) -> dict[str, list[str]]:
    """{target: URLs}: every target of bench.targets, from `corpus`."""
    rng = random.Random(seed)
    sample = _sampler(rng)
    names = corpus.names

    def directory(rng, n):
        q = typo_search(rng.choice(names), rng) if n % 3 else rng.choice(COMMON_WORDS)
        params = {"q": q}
        if rng.random() < 0.6:
            params["category"] = rng.choice(corpus.categories)
        if rng.random() < 0.2:
            params["country"] = rng.choice(corpus.countries)
        if rng.random() < 0.2:
            params["theme"] = rng.choice(corpus.themes)
        if rng.random() < 0.2:
            params["ordering"] = rng.choice(["name", "-joined", "country"])
        if rng.random() < 0.15:
            params["page"] = rng.randint(2, 3)
        return query("/partners/", **params)

    def api_list(rng, n):
        # Pages only where there are surely that many: a page past the end is a 404.
        params = {"page_size": 50}
        kind = n % 4
        if kind == 0:
            params["page"] = rng.randint(1, 10)
        elif kind == 1:
            params.update(category=rng.choice(corpus.categories), page=rng.randint(1, 2))
        elif kind == 2:
            params["country"] = rng.choice(corpus.countries)
        else:
            params["joined_after"] = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-01"
        if rng.random() < 0.5:
            params["ordering"] = rng.choice(["name", "-joined", "country"])
        return query("/api/v1/partners/", **params)

    def api_search(rng, n):
        return query("/api/v1/partners/", q=typo_search(rng.choice(names), rng), page_size=50)

    # Keyset starts with at least 50 rows after them, so every reference page has 50 rows.
    starts = sorted(corpus.partner_ids)[: max(1, len(corpus.partner_ids) - 50)]
    deep = corpus.deep_cursors
    return {
        "floor": [query("/bench/floor/", n=n) for n in range(MIX_SIZE)],
        "reference": distinct(
            lambda rng, n: query("/bench/reference/", after=rng.choice(starts)), rng
        ),
        "directory": distinct(directory, rng),
        "profile": with_languages([f"/partners/{s}/" for s in sample(corpus.slugs)]),
        "pathfinder": with_languages(
            [f"/pathfinders/{code.lower()}/" for code in sample(corpus.pathfinder_codes)]
        ),
        # The page itself has no parameter: campaign tags make the URLs distinct, as in real life.
        "gcg": with_languages(
            [query("/governance/", ref=f"bench-{n}") for n in range(MIX_SIZE // 3 + 1)]
        ),
        "gcg_as_of": distinct(
            lambda rng, n: query(
                "/governance/",
                as_of=f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}-"
                f"{rng.randint(1, 28):02d}",
            ),
            rng,
        ),
        "api_list": distinct(api_list, rng),
        "api_detail": [f"/api/v1/partners/{s}/" for s in sample(corpus.slugs)],
        "api_search": distinct(api_search, rng),
        "api_cursor_first": [
            query("/api/v1/partners/", cursor="", page_size=50, ref=f"bench-{n}")
            for n in range(MIX_SIZE)
        ],
        "api_cursor_deep": [
            query("/api/v1/partners/", cursor=c, page_size=50) for c in dict.fromkeys(deep)
        ],
    }


def _sampler(rng: random.Random):
    def sample(values: list, size: int = MIX_SIZE) -> list:
        values = sorted(set(values))
        return rng.sample(values, min(size, len(values)))

    return sample


def corpus_from_db(*, client=None, walk: bool = True) -> Corpus:
    """The corpus of the current database; `client` (a Django test Client) walks the cursors."""
    from partners.models import Category, Partner, Theme
    from pathfinders.models import PathfinderCountry

    partners = Partner.objects.order_by("id")
    total = partners.count()
    # An evenly spread sample, so that the mix covers the whole table, old rows and new.
    step = max(1, total // 2000)
    rows = list(partners.values_list("id", "slug", "name")[:total:step]) if total else []
    countries = sorted(
        {str(c) for c in partners.exclude(country="").values_list("country", flat=True).distinct()}
    )
    return Corpus(
        partner_ids=[r[0] for r in rows],
        slugs=[r[1] for r in rows],
        names=[r[2] for r in rows],
        countries=countries,
        categories=[c.value for c in Category],
        themes=[t.value for t in Theme],
        pathfinder_codes=[
            str(c) for c in PathfinderCountry.objects.values_list("country", flat=True)
        ],
        deep_cursors=walk_cursors(client, total) if walk and client is not None else [],
    )


def walk_cursors(client, total: int, *, wanted: int = MIX_SIZE) -> list[str]:
    """Follow the API's `next` links from the first cursor page; keep those of the second half.

    The deep cursors are the API's own: walked link by link, never forged. The walk takes the
    largest page the API allows, so 100,000 partners are about 500 requests, in process.
    """
    page_size = max(2, min(200, total // (2 * wanted) or 2))
    url = query("/api/v1/partners/", cursor="", page_size=page_size)
    links, pages = [], 0
    while url and pages <= total // page_size + 1:
        response = client.get(url, HTTP_ACCEPT="application/json")
        if response.status_code != 200:
            return []
        url = response.json().get("next")
        pages += 1
        if url:
            links.append(cursor_from(url))
    return links[len(links) // 2 :][-wanted:]
