"""Response headers every page and API answer carries, and the language each answers in."""

from django.conf import settings
from django.middleware import locale
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

from .licences import add_license_link, is_data_response
from .views import API_PREFIX

# No page of the registry uses these browser features: a script injected despite the CSP gets
# none of them either.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class DataLicenceLinkMiddleware:
    """Every CSV export and API answer names the data licence (CC BY 4.0) in a `Link` header
    with rel="license" (RFC 8288, RFC 4946), since a CSV file has no place of its own for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_data_response(request.path, response.get("Content-Type", "")):
            add_license_link(response)
        return response


def api_language(request) -> str:
    """The language an API request asks for: `?lang=` if given, else the first of its
    Accept-Language that the registry speaks; English for anything else."""
    asked = request.GET.get("lang")
    if asked is not None:
        wanted = [asked.lower()]
    else:
        header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
        wanted = [code for code, _quality in parse_accept_lang_header(header)]
    for code in wanted:
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


class LocaleMiddleware(locale.LocaleMiddleware):
    """Pages take their language from the address (/fr/partners/). The API's addresses have no
    prefix, which Django's middleware reads as English whatever the request says: the API takes
    it from `?lang=` or Accept-Language instead, never from the cookie, so `Vary:
    Accept-Language` (added on the way out, with Content-Language) describes the answer."""

    def process_request(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return super().process_request(request)
        translation.activate(api_language(request))
        request.LANGUAGE_CODE = translation.get_language()
        return None
