"""This page's address in each of the site's languages, for the language switcher and hreflang."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import override


def page_in_languages(request, path: str) -> dict[str, str]:
    """{language code: `path` (this request's path, perhaps with a query) in that language}.

    The request was resolved already: its view is reversed in each language, which spares
    translate_url's resolving the path once more per language (three times per page, twice).
    """
    match = request.resolver_match
    query = path.partition("?")[2]
    addresses = {}
    for code, _name in settings.LANGUAGES:
        try:
            if match is None or not match.view_name:
                raise NoReverseMatch
            with override(code):
                address = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            if query:
                address = f"{address}?{query}"
        except NoReverseMatch:
            address = translate_url(path, code)
        addresses[code] = address
    return addresses
