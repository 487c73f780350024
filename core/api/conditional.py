"""Conditional requests: an ETag and a Last-Modified on every read, 304 when they still match."""

import hashlib
from functools import partial

from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag


def _conditional(request, last_modified, response):
    if response.status_code != 200:
        return None
    etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:40])
    response["ETag"] = etag
    timestamp = int(last_modified.timestamp()) if last_modified else None
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    return get_conditional_response(request, etag=etag, last_modified=timestamp, response=response)


class ConditionalMixin:
    """Adds validators once the body is rendered; a view sets `last_modified` when it knows it.

    The ETag is a hash of the body, so it changes with anything shown (a related record's name
    too); Last-Modified is the newest `updated` of the records shown.
    """

    last_modified = None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Authorization"])
        # A streamed export has no body to hash before it is sent.
        if request.method not in ("GET", "HEAD") or response.streaming:
            return response
        if hasattr(response, "add_post_render_callback"):
            response.add_post_render_callback(
                partial(_conditional, request._request, self.last_modified)
            )
            return response
        # Already rendered: a shared copy (core/api/shared.py).
        return _conditional(request._request, self.last_modified, response) or response
