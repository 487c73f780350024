import re

import pytest
from django.urls import reverse

from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def site_pages():
    partner = PartnerFactory(description="<script>alert(1)</script>")
    return [
        reverse("portal:home"),
        reverse("partners:partner_list"),
        partner.get_absolute_url(),
        reverse("partners:join"),
        reverse("partners:join_thanks"),
        "/fr/partners/",
        "/no-such-page/",
    ]


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def test_every_page_sends_the_security_headers(client):
    for url in site_pages():
        response = client.get(url)

        assert response.status_code in {200, 404}, url
        csp = directives(response["Content-Security-Policy"])
        assert "'unsafe-inline'" not in csp["script-src"], url
        assert "'unsafe-inline'" not in csp.get("style-src", []), url
        assert csp["frame-ancestors"] == ["'none'"], url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
        assert response["X-Frame-Options"] == "DENY", url


def test_pages_have_no_inline_style_and_no_script_without_a_source_or_the_nonce(client):
    for url in site_pages():
        response = client.get(url)
        html = response.text
        nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])

        assert not re.search(r"<[^>]+\sstyle=", html), url
        assert "<style" not in html, url
        for tag in re.findall(r"<script\b[^>]*>", html):
            # JSON-LD is a data block, never run: the policy does not govern it.
            if 'type="application/ld+json"' in tag:
                continue
            assert " src=" in tag or (nonce and f'nonce="{nonce.group(1)}"' in tag), (url, tag)


def test_every_page_has_a_title_a_description_and_one_main_landmark(client):
    for url in site_pages():
        html = client.get(url).text

        assert re.search(r"<title>[^<]+ – Alliance 8.7</title>|<title>Alliance 8.7 – ", html), url
        assert re.search(r'<meta name="description" content="[^"]{20,}">', html), url
        assert html.count("<main ") == 1, url
        assert html.count("<h1") == 1, url
        assert 'class="skip-link" href="#main"' in html, url


def test_a_page_that_uses_the_nonce_gets_it_in_its_script_policy(rf):
    from csp.middleware import CSPMiddleware
    from django.http import HttpResponse

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">1</script>')

    request = rf.get("/")
    response = CSPMiddleware(view)(request)

    script_src = directives(response["Content-Security-Policy"])["script-src"]
    assert f"'nonce-{request.csp_nonce}'" in script_src
    assert "'nonce'" not in script_src
