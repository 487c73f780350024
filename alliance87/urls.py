from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("api/v1/", include("alliance87.api.urls")),
]

# Pages carry their language in the URL (/fr/partners/); English needs no prefix.
urlpatterns += i18n_patterns(
    path("", include("alliance87.site_urls")),
    path("", include("partners.urls")),
    path("", include("governance.urls")),
    path("", include("action_groups.urls")),
    path("", include("pathfinders.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

# The benchmark's yardsticks (alliance87/bench_views.py) exist only when `make bench` turns them
# on with DJANGO_BENCHMARK_VIEWS=1; production never routes them.
from django.conf import settings  # noqa: E402

if settings.BENCHMARK_VIEWS:
    from . import bench_views

    urlpatterns += [
        path("bench/floor/", bench_views.floor, name="bench_floor"),
        path("bench/reference/", bench_views.reference, name="bench_reference"),
    ]
