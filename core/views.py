"""The project's error pages: a database outage is a 503 that says when to come back."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

# Seconds a client is asked to wait before trying again while the database is away.
RETRY_AFTER = 10
API_PREFIX = "/api/"


def _database_unavailable() -> bool:
    # The error being handled: Django calls handler500 from inside its except block.
    error = sys.exc_info()[1]
    return isinstance(error, OperationalError | InterfaceError)


@requires_csrf_token
def server_error(request):
    """handler500: 503 with Retry-After when the database is down, else 500; JSON for the API.

    Nothing here touches the database: it may be what failed.
    """
    unavailable = _database_unavailable()
    status = 503 if unavailable else 500
    if request.path.startswith(API_PREFIX):
        detail = (
            _("The registry's database is not answering; try again in a few seconds.")
            if unavailable
            else _("The server could not answer this request.")
        )
        code = "unavailable" if unavailable else "server_error"
        response = JsonResponse(
            {"status": status, "code": code, "detail": detail, "errors": {}}, status=status
        )
    else:
        template = "503.html" if unavailable else "500.html"
        response = HttpResponse(loader.render_to_string(template), status=status)
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response
