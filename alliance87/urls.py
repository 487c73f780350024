"""The project's routes: /healthz, the API, and every app's pages under their language prefix."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from portal import sitemaps
from portal.views import favicon, robots_txt

from . import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("api/v1/", include("alliance87.api_urls")),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    # An index of sections, each paginated at 50,000 addresses (?p=2).
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemaps": sitemaps.SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemaps.section,
        {"sitemaps": sitemaps.SITEMAPS},
        name="sitemap_section",
    ),
]

# Pages carry their language in the URL (/fr/partners/); English needs no prefix.
urlpatterns += i18n_patterns(
    path("", include("portal.urls")),
    path("", include("partners.urls")),
    path("", include("governance.urls")),
    path("", include("action_groups.urls")),
    path("", include("pathfinders.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

# A database outage is a 503 with Retry-After; the API's errors stay JSON (core/views.py).
handler500 = "core.views.server_error"
