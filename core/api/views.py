"""A JSON 404 for addresses under /api/v1/ that match no endpoint."""

from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .exceptions import error_body


@csrf_exempt
def not_found(request):
    # Like APPEND_SLASH, which this catch-all would otherwise defeat.
    if request.method in ("GET", "HEAD") and not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.url_name != "not-found":
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(
                request.path + "/" + ("?" + query if query else "")
            )
    body = error_body(404, "not_found", _("There is no API endpoint at this address."))
    return JsonResponse(body, status=404)
