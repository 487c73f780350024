"""The API's routes: every app's resources under one router, the feeds, exports and the schema."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from action_groups.api.urls import router as action_groups_router
from core.api import docs, views
from governance.api.urls import router as governance_router
from partners.api.urls import router as partners_router
from pathfinders.api.urls import router as pathfinders_router
from portal.api import changes, popolo

app_name = "api"


class RegistryRouter(DefaultRouter):
    """The API root lists every resource; each app registers its own in its api/urls.py."""

    include_format_suffixes = False


router = RegistryRouter()
for app_router in (partners_router, governance_router, action_groups_router, pathfinders_router):
    router.registry.extend(app_router.registry)

urlpatterns = [
    path("changes/", changes.ChangeFeedView.as_view(), name="changes"),
    path("popolo/", popolo.PopoloView.as_view(), name="popolo"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs.SwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", docs.RedocView.as_view(url_name="api:schema"), name="redoc"),
    path("redoc/redoc.standalone.js", docs.redoc_script, name="redoc-script"),
    *router.urls,
    # Anything else under /api/v1/ is a JSON 404 in the API's error shape, not an HTML page.
    re_path(r"^[\s\S]*$", views.not_found, name="not-found"),
]
