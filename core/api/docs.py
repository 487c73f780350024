"""The OpenAPI schema and its interactive documentation, served from the project (no CDN)."""

from functools import lru_cache
from pathlib import Path

from csp.decorators import csp_update
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template import engines
from django.urls import reverse
from django.utils.decorators import method_decorator
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView

# Swagger UI and Redoc set inline styles, and Redoc searches in a web worker from a blob.
DOCS_CSP = {"style-src": ["'unsafe-inline'"], "worker-src": ["'self'", "blob:"]}


@method_decorator(csp_update(DOCS_CSP), name="dispatch")
class SwaggerView(SpectacularSwaggerSplitView):
    pass


# Redoc's sidebar shows "API docs by Redocly" with a logo it fetches from Redocly's CDN, and no
# option (REDOC_UI_SETTINGS, hideLoading, hideLogo, x-logo) turns that image off: the bundle is
# served from here with the logo's address replaced by an empty inline image.
REDOC_BUNDLE = "drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"
REDOC_REMOTE_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
EMPTY_IMAGE = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="


@lru_cache(maxsize=1)
def redoc_bundle() -> bytes:
    """The sidecar's Redoc bundle, with nothing in it that loads from another host."""
    text = Path(finders.find(REDOC_BUNDLE)).read_text(encoding="utf-8")
    return text.replace(REDOC_REMOTE_LOGO, EMPTY_IMAGE).encode()


def redoc_script(request):
    response = HttpResponse(redoc_bundle(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


# drf-spectacular's Redoc page also loads Google Fonts from their CDN; this one does not.
REDOC_PAGE = """<!DOCTYPE html>
<html>
  <head>
    <title>{{ title|default:"Redoc" }}</title>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
  </head>
  <body>
    <redoc spec-url="{{ schema_url }}"></redoc>
    <script src="{{ redoc_standalone }}"></script>
  </body>
</html>
"""


@method_decorator(csp_update(DOCS_CSP), name="dispatch")
class RedocView(SpectacularRedocView):
    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        data = {**response.data, "redoc_standalone": reverse("api:redoc-script")}
        page = engines["django"].from_string(REDOC_PAGE)
        return HttpResponse(page.render(data, request))
