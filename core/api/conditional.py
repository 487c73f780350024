"""Conditional requests: a Last-Modified on every read whose view knows it.

The ETag, and the 304 for either validator, come from Django's ConditionalGetMiddleware: a hash
of the body, so it changes with anything shown (a related record's name too, and a text in
another language).
"""

from django.utils.cache import patch_vary_headers
from django.utils.http import http_date


class ConditionalMixin:
    """Says when what a read shows last changed; a view sets `last_modified` when it knows it
    (the newest `updated` of the records shown)."""

    last_modified = None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # The text is in the language of Accept-Language (core.middleware): a cache keeps one
        # copy per language.
        patch_vary_headers(response, ["Authorization", "Accept-Language"])
        if (
            request.method in ("GET", "HEAD")
            and self.last_modified is not None
            and response.status_code == 200
            and not response.has_header("Last-Modified")
        ):
            response["Last-Modified"] = http_date(self.last_modified.timestamp())
        return response
