"""The OpenAPI schema and its interactive documentation, served from the project (no CDN)."""

from csp.decorators import csp_update
from django.http import HttpResponse
from django.template import engines
from django.utils.decorators import method_decorator
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView

# Swagger UI and Redoc set inline styles, and Redoc searches in a web worker from a blob.
DOCS_CSP = {"style-src": ["'unsafe-inline'"], "worker-src": ["'self'", "blob:"]}


@method_decorator(csp_update(DOCS_CSP), name="dispatch")
class SwaggerView(SpectacularSwaggerSplitView):
    pass


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
        page = engines["django"].from_string(REDOC_PAGE)
        return HttpResponse(page.render(response.data, request))
