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
    return {code: _in_language(request, path, code) for code, _name in settings.LANGUAGES}


def _in_language(request, path: str, code: str) -> str:
    match = request.resolver_match
    if match is None or not match.view_name:
        return translate_url(path, code)
    try:
        with override(code):
            address = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return translate_url(path, code)
    query = path.partition("?")[2]
    return f"{address}?{query}" if query else address
