"""This page's address in each of the site's languages, for the language switcher and hreflang."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import override


def page_in_languages(request, path: str) -> dict[str, str]:
    """{language code: `path` (this request's path, perhaps with a query) in that language}.

    The request was resolved already: its view is reversed in each language, which spares
    translate_url's resolving the path again for each language, for the switcher and for
    hreflang. A page that did not resolve (a 404) is left to translate_url.
    """
    addresses = _view_in_languages(request)
    if addresses is None:
        return {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
    query = path.partition("?")[2]
    return {code: f"{address}?{query}" if query else address for code, address in addresses.items()}


def _view_in_languages(request) -> dict[str, str] | None:
    """{code: the request's view reversed in that language}, once per request (the switcher and
    hreflang both ask), or None when the request did not resolve or its view does not reverse."""
    if not hasattr(request, "_view_in_languages"):
        request._view_in_languages = _reversed(request.resolver_match)
    return request._view_in_languages


def _reversed(match) -> dict[str, str] | None:
    if match is None or not match.view_name:
        return None
    addresses = {}
    for code, _name in settings.LANGUAGES:
        try:
            with override(code):
                addresses[code] = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None
    return addresses
