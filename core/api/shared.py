"""Anonymous API reads answered from one shared copy, kept while the tables it read hold."""

from django.core.cache import cache

from core.caching import CACHE_SECONDS, SharedPage, current_copy, rendering_a_copy, shared_key

# The browsable API's HTML holds a CSRF token and links of the reader's own: never shared.
SHARED_FORMATS = {"json", "csv"}


class SharedReadMixin:
    """Lists and records read anonymously come from the cache, as the public pages do.

    A copy keeps the versions of the tables it read (core.caching), so a write is seen by the
    next read of what it changed, and a write elsewhere leaves the copy alone. Authentication,
    permissions and throttles still run on every request; the ETag and Last-Modified of a shared
    copy are those of the response it was taken from.
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
        found = current_copy(key)
        if found is not None:
            self.last_modified = found.extra
            return found.response()
        # The rows are read here; rendering the response later reads nothing more.
        reader = f"{type(self).__module__}.{type(self).__qualname__}.{self.action}"
        with rendering_a_copy(reader) as rendering:
            response = build(request, *args, **kwargs)
        versions = rendering.versions

        def keep(rendered):
            if rendered.status_code == 200 and versions is not None:
                copy = SharedPage.of(rendered, versions, extra=self.last_modified)
                cache.set(key, copy, CACHE_SECONDS)

        response.add_post_render_callback(keep)
        return response
