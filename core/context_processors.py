"""Template context shared by every page."""

from django.conf import settings
from django.utils.translation import get_language_info

from .languages import page_in_languages


def language_links(request):
    """`language_links`: (code, name in its own language, this page's address in it) per language.

    Plain links rather than a POST to set_language: the locale is in the URL, so switching is
    navigation, and a page without a form holds no CSRF token, so its copy can be shared by every
    anonymous reader (core.caching.cached_page). Computed only when a template asks.
    """

    def links():
        addresses = page_in_languages(request, request.get_full_path())
        return [
            (code, get_language_info(code)["name_local"], addresses[code])
            for code, _name in settings.LANGUAGES
        ]

    return {"language_links": links}
