"""Anonymous API reads answered from one shared copy, renewed by any write."""

from django.core.cache import cache

from core.caching import CACHE_SECONDS, SharedPage, shared_key

# The browsable API's HTML holds a CSRF token and links of the reader's own: never shared.
SHARED_FORMATS = {"json", "csv"}


class SharedReadMixin:
    """Lists and records read anonymously come from the cache, as the public pages do.

    The key holds the site's data version (core.caching.site_data_version), so a write is
    seen by the next read. Authentication, permissions and throttles still run on every request;
    the ETag and Last-Modified of a shared copy are those of the response it was taken from.
    """

    def list(self, request, *args, **kwargs):
        return self._shared(super().list, request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return self._shared(super().retrieve, request, *args, **kwargs)

    def _shared(self, build, request, *args, **kwargs):
        format_ = request.accepted_renderer.format
        if request.user.is_authenticated or format_ not in SHARED_FORMATS:
            return build(request, *args, **kwargs)
        key = shared_key(request._request, "api", format_)
        found = cache.get(key)
        if found is not None:
            page, self.last_modified = found
            return page.response()
        response = build(request, *args, **kwargs)

        def keep(rendered):
            if rendered.status_code == 200:
                cache.set(key, (SharedPage.of(rendered), self.last_modified), CACHE_SECONDS)

        response.add_post_render_callback(keep)
        return response
