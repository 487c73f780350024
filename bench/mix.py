"""The URL mix of each benchmark target, built from the benchmark database's real rows.

Every target gets many distinct URLs (searches, filters, pages, slugs: MIX_SIZE, PARTNER_SAMPLE
partners, the directory's first DIRECTORY_PAGES pages, the API's first API_PAGES), so that no
single cached URL is what gets measured. The mix is deterministic: the same database and seed give
the same URLs. `build_mix` is pure, so it can be tested without a database; `corpus_from_db`
gathers what it needs in a handful of queries.
"""

import random
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlsplit

MIX_SIZE = 250
# Partners whose profile (and API record) the mix asks for.
PARTNER_SAMPLE = 300
LANGUAGE_PREFIXES = ("", "/fr", "/es")
STOPWORDS = {"and", "for", "the", "against", "with", "demo", "union", "workers"}
# The directory's unfiltered pages, the API list's page-number pages and a search's pages.
DIRECTORY_PAGES = 200
DIRECTORY_PAGE_SIZE = 25  # partners.forms.DEFAULT_PAGE_SIZE
API_PAGES = 500
API_PAGE_SIZE = 50  # core.api.pagination.PAGE_SIZE
SEARCH_PAGES = 3
# The directory's filters, each asked for with a real value of the data.
DIRECTORY_FILTERS = ("category", "region", "country", "theme", "relation", "status")


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
    # How many partners there are (the directory's and the API's last pages depend on it).
    partners: int = 0
    regions: list[str] = field(default_factory=list)
    relations: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)


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


def pages(partners: int, page_size: int, most: int) -> int:
    """How many pages of `page_size` `partners` fill, at most `most` (at least 1)."""
    return max(1, min(most, -(-partners // page_size)))


def build_mix(corpus: Corpus, *, seed: int = 87) -> dict[str, list[str]]:
    """{target: URLs}: every target of bench.targets, from `corpus`."""
    rng = random.Random(seed)
    sample = _sampler(rng)
    names = corpus.names
    filter_values = {
        "category": corpus.categories,
        "region": corpus.regions,
        "country": corpus.countries,
        "theme": corpus.themes,
        "relation": corpus.relations,
        "status": corpus.statuses,
    }
    filters = [name for name in DIRECTORY_FILTERS if filter_values[name]]

    def directory_filtered(rng, n):
        chosen = rng.sample(filters, min(len(filters), 1 + n % 2))
        return query("/partners/", **{name: rng.choice(filter_values[name]) for name in chosen})

    def directory_search(rng, n):
        q = typo_search(rng.choice(names), rng)
        return query("/partners/", q=q, page=rng.randint(1, SEARCH_PAGES))

    # Keyset starts with at least 50 rows after them, so every reference page has 50 rows.
    starts = sorted(corpus.partner_ids)[: max(1, len(corpus.partner_ids) - 50)]
    afters = distinct(lambda rng, n: str(rng.choice(starts)), rng)
    directory_pages = pages(corpus.partners, DIRECTORY_PAGE_SIZE, DIRECTORY_PAGES)
    api_pages = pages(corpus.partners, API_PAGE_SIZE, API_PAGES)
    profiles = sample(corpus.slugs, PARTNER_SAMPLE)
    deep = corpus.deep_cursors
    return {
        "floor": [query("/bench/floor/", n=n) for n in range(MIX_SIZE)],
        "reference": [query("/bench/reference/", after=a) for a in afters],
        "reference_json": [query("/bench/reference.json", after=a) for a in afters],
        # Fewer pages than DIRECTORY_PAGES (a small database): the same in French and Spanish.
        "directory": with_languages(
            [query("/partners/", page=n) for n in range(1, directory_pages + 1)], DIRECTORY_PAGES
        ),
        "directory_filtered": distinct(directory_filtered, rng) if filters else [],
        "directory_search": distinct(directory_search, rng),
        "profile": [f"/partners/{s}/" for s in profiles],
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
        # The count is part of every page-number page.
        "api_list": [query("/api/v1/partners/", page=n) for n in range(1, api_pages + 1)],
        "api_detail": [f"/api/v1/partners/{s}/" for s in sample(corpus.slugs, PARTNER_SAMPLE)],
        "api_cursor_first": [
            query("/api/v1/partners/", cursor="", page_size=API_PAGE_SIZE, ref=f"bench-{n}")
            for n in range(MIX_SIZE)
        ],
        "api_cursor_deep": [
            query("/api/v1/partners/", cursor=c, page_size=API_PAGE_SIZE)
            for c in dict.fromkeys(deep)
        ],
    }


def _sampler(rng: random.Random):
    def sample(values: list, size: int = MIX_SIZE) -> list:
        values = sorted(set(values))
        return rng.sample(values, min(size, len(values)))

    return sample


def corpus_from_db(*, client=None, walk: bool = True) -> Corpus:
    """The corpus of the current database; `client` (a Django test Client) walks the cursors."""
    from django.db import connection

    from partners.models import Partner
    from partners.regions import region_for
    from pathfinders.models import PathfinderCountry

    partners = Partner.objects.order_by("id")
    total = partners.count()
    # An evenly spread sample, so that the mix covers the whole table, old rows and new.
    step = max(1, total // 2000)
    rows = list(partners.values_list("id", "slug", "name")[:total:step]) if total else []

    def present(column: str) -> list[str]:
        values = Partner.objects.exclude(**{column: ""}).values_list(column, flat=True)
        return sorted({str(value) for value in values.distinct()})

    def unnested(column: str) -> list[str]:
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(Partner._meta.db_table)
            cursor.execute(f"SELECT DISTINCT unnest({column}) FROM {table}")
            return sorted(value for (value,) in cursor.fetchall())

    countries = present("country")
    regions = sorted({str(region_for(code)) for code in countries if region_for(code)})
    return Corpus(
        partner_ids=[r[0] for r in rows],
        slugs=[r[1] for r in rows],
        names=[r[2] for r in rows],
        countries=countries,
        categories=present("category"),
        themes=unnested("themes"),
        pathfinder_codes=[
            str(c) for c in PathfinderCountry.objects.values_list("country", flat=True)
        ],
        deep_cursors=walk_cursors(client, total) if walk and client is not None else [],
        partners=total,
        regions=regions,
        relations=unnested("relations"),
        statuses=present("status"),
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
