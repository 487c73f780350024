"""Response headers every page and API answer carries."""

from .licences import add_license_link, is_data_response

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
