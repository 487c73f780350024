import pytest
from django.template.loader import render_to_string
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_unknown_address_gets_the_sites_404_page(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.text
    assert 'class="site-header"' in response.text
    assert f'href="{reverse("partners:partner_list")}"' in response.text


def test_the_404_page_follows_the_language_in_the_address(client):
    response = client.get("/fr/no-such-page/")

    assert response.status_code == 404
    assert '<html lang="fr">' in response.text


def test_the_500_page_renders_without_any_context():
    html = render_to_string("500.html")

    assert "Something went wrong" in html
    assert "/static/css/site.css" in html
    assert 'href="/"' in html


def test_a_server_error_answers_with_the_sites_500_page(client, settings, monkeypatch):
    from alliance87 import site_views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(site_views, "_global_estimates", broken)
    client.raise_request_exception = False

    response = client.get(reverse("portal:home"))

    assert response.status_code == 500
    assert "Something went wrong" in response.text
