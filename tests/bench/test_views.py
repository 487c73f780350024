import pytest
from django.urls import Resolver404, resolve

from tests.factories import PartnerFactory


def test_the_projects_urlconf_does_not_route_the_benchmark_views():
    for path in ("/bench/floor/", "/bench/reference/"):
        with pytest.raises(Resolver404):
            resolve(path)


@pytest.mark.urls("bench.urls")
def test_bench_urls_routes_the_benchmark_views_beside_the_projects():
    assert resolve("/bench/floor/").url_name == "bench_floor"
    assert resolve("/bench/reference/").url_name == "bench_reference"
    assert resolve("/healthz").url_name == "healthz"


@pytest.mark.django_db
@pytest.mark.urls("bench.urls")
def test_the_floor_answers_a_few_bytes_through_the_whole_middleware_stack(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/bench/floor/?n=7")
    assert response.status_code == 200
    assert response.content == b"ok"
    # Set by SecurityMiddleware and XFrameOptionsMiddleware: the stack ran.
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
@pytest.mark.urls("bench.urls")
def test_the_reference_renders_fifty_partners_with_one_query(client, django_assert_num_queries):
    partners = PartnerFactory.create_batch(55)
    with django_assert_num_queries(1):
        response = client.get("/bench/reference/")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("<tr><td>") == 50
    assert partners[0].name in body
    assert partners[-1].name not in body


@pytest.mark.django_db
@pytest.mark.urls("bench.urls")
def test_the_reference_starts_after_the_given_id(client):
    first, second = PartnerFactory.create_batch(2)
    body = client.get(f"/bench/reference/?after={first.pk}").content.decode()
    assert first.name not in body
    assert second.name in body


@pytest.mark.django_db
@pytest.mark.urls("bench.urls")
def test_the_reference_json_serialises_the_same_fifty_rows_with_one_query(
    client, django_assert_num_queries
):
    partners = PartnerFactory.create_batch(56)
    with django_assert_num_queries(1):
        response = client.get(f"/bench/reference.json?after={partners[0].pk}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    rows = response.json()["results"]
    assert [row["id"] for row in rows] == [p.pk for p in partners[1:51]]
    assert rows[0] == {
        "id": partners[1].pk,
        "name": partners[1].name,
        "slug": partners[1].slug,
        "country": str(partners[1].country),
    }
