import random
from urllib.parse import parse_qs, urlsplit

import pytest

from bench.mix import (
    DIRECTORY_FILTERS,
    MIX_SIZE,
    Corpus,
    build_mix,
    corpus_from_db,
    cursor_from,
    name_words,
    typo,
    with_languages,
)
from bench.targets import TARGETS
from tests.factories import PartnerFactory


def corpus(**changes) -> Corpus:
    values = {
        "partner_ids": list(range(1, 3001)),
        "slugs": [f"demo-{n:06d}-ministry-of-labour" for n in range(1, 3001)],
        "names": [
            f"Ministry of Labour and Social Protection, Ghana (demo {n})" for n in range(3000)
        ]
        + ["Anti-Slavery Network of Lagos (demo 5)"],
        "countries": [f"{a}{b}" for a in "ABCDEFG" for b in "ABCDEFG"],
        "categories": ["government", "workers", "civil_society"],
        "themes": ["child_labour", "forced_labour"],
        "pathfinder_codes": ["GH", "NP", "PE", "VN", "MA"] * 1 + [f"X{n}" for n in range(95)],
        "deep_cursors": [f"cD0{n}" for n in range(300)],
        "partners": 100_000,
        "regions": ["africa", "asia"],
        "relations": ["partner"],
        "statuses": ["active", "withdrawn"],
    }
    values.update(changes)
    return Corpus(**values)


def test_every_target_gets_at_least_200_distinct_urls():
    mix = build_mix(corpus())
    assert set(mix) == {target.key for target in TARGETS}
    for key, urls in mix.items():
        assert len(set(urls)) == len(urls) >= 200, key


def test_the_mix_is_the_same_for_the_same_seed_and_differs_for_another():
    assert build_mix(corpus(), seed=1) == build_mix(corpus(), seed=1)
    assert (
        build_mix(corpus(), seed=1)["directory_search"]
        != build_mix(corpus(), seed=2)["directory_search"]
    )


def test_the_mix_asks_for_what_each_target_measures():
    mix = build_mix(corpus())
    assert mix["directory"] == [f"/partners/?page={n}" for n in range(1, 201)]
    for url in mix["directory_filtered"]:
        params = parse_qs(urlsplit(url).query)
        assert url.startswith("/partners/?") and 1 <= len(params) <= 2, url
        assert set(params) <= set(DIRECTORY_FILTERS)
    assert {len(parse_qs(urlsplit(u).query)) for u in mix["directory_filtered"]} == {1, 2}
    for url in mix["directory_search"]:
        params = parse_qs(urlsplit(url).query)
        assert set(params) == {"q", "page"} and params["page"][0] in {"1", "2", "3"}, url
        assert 1 <= len(params["q"][0].split()) <= 2
    assert len(mix["profile"]) == len(mix["api_detail"]) == 300
    assert all("as_of=" in url for url in mix["gcg_as_of"])
    assert not any("as_of=" in url for url in mix["gcg"])
    assert mix["api_list"] == [f"/api/v1/partners/?page={n}" for n in range(1, 501)]
    assert all(url.startswith("/bench/reference.json?after=") for url in mix["reference_json"])
    assert all("cursor=cD0" in url for url in mix["api_cursor_deep"])
    assert all("cursor=&" in url for url in mix["api_cursor_first"])


def test_the_filters_take_real_values_of_the_data():
    mix = build_mix(corpus(statuses=["suspended"], relations=[]))
    values = [parse_qs(urlsplit(url).query) for url in mix["directory_filtered"]]
    assert "relation" not in {name for params in values for name in params}
    assert {v for params in values for v in params.get("status", [])} == {"suspended"}


def test_a_small_database_asks_only_for_pages_that_exist():
    mix = build_mix(corpus(partners=1000))
    assert mix["api_list"] == [f"/api/v1/partners/?page={n}" for n in range(1, 21)]
    assert len(mix["directory"]) == 3 * 40  # 40 pages of 25, in three languages
    assert "/fr/partners/?page=40" in mix["directory"]
    assert "/partners/?page=41" not in mix["directory"]


def test_a_typo_drops_or_swaps_one_letter_but_keeps_the_first():
    rng = random.Random(3)
    for _ in range(200):
        mistyped = typo("Trafficking", rng)
        assert mistyped != "Trafficking"
        assert mistyped[0] == "T"
        assert len(mistyped) in (10, 11)
        assert sorted(mistyped) == sorted("Trafficking") or len(mistyped) == 10


def test_name_words_leave_out_the_demo_suffix_and_small_words():
    assert name_words("Union of Agricultural Workers of Peru (demo 12)") == ["Agricultural", "Peru"]


def test_a_short_list_of_pages_is_padded_with_their_french_and_spanish_addresses():
    urls = with_languages([f"/pathfinders/{n}/" for n in range(100)])
    assert len(urls) == MIX_SIZE
    assert "/fr/pathfinders/0/" in urls
    assert "/es/pathfinders/49/" in urls


def test_the_cursor_is_read_from_a_next_link():
    link = "http://127.0.0.1/api/v1/partners/?cursor=cD0yMDA%3D&page_size=200"
    assert cursor_from(link) == "cD0yMDA="


@pytest.mark.django_db
def test_the_corpus_is_read_from_the_database():
    partners = PartnerFactory.create_batch(3)
    PartnerFactory(category="academic", status="withdrawn", country="FR", themes=[])
    found = corpus_from_db(walk=False)
    assert found.slugs[:3] == [p.slug for p in partners]
    assert found.partner_ids[:3] == [p.pk for p in partners]
    assert found.partners == 4
    assert set(found.countries) == {str(p.country) for p in partners} | {"FR"}
    assert found.categories == ["academic", "government"]
    assert found.statuses == ["active", "withdrawn"]
    assert found.themes == ["child_labour", "forced_labour"]
    assert found.relations == ["partner"]
    assert set(found.regions) == {"africa", "asia", "americas", "europe"}
    assert found.deep_cursors == []
