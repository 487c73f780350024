"""The registry's two licences: Apache-2.0 for its code (LICENSE) and CC BY 4.0 for its data
(DATA-LICENSE.md). Exports name the data licence: CSV files by an HTTP `Link: rel="license"`
header (a comment line would not be CSV), JSON exports in their body too."""

CODE_LICENCE = {
    "id": "Apache-2.0",
    "name": "Apache License 2.0",
    "url": "https://www.apache.org/licenses/LICENSE-2.0",
}
DATA_LICENCE = {
    "id": "CC-BY-4.0",
    "name": "Creative Commons Attribution 4.0 International",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
DATA_ATTRIBUTION = "Alliance 8.7 partnership registry"

LICENSE_LINK = f'<{DATA_LICENCE["url"]}>; rel="license"'


def is_data_response(path: str, content_type: str) -> bool:
    """CSV anywhere, and the API's JSON: the answers that carry the registry's data."""
    media_type = content_type.split(";")[0].strip().lower()
    if media_type == "text/csv":
        return True
    return "/api/" in path and (media_type == "application/json" or media_type.endswith("+json"))


def add_license_link(response) -> None:
    """Adds the data licence to the response's Link header, beside any link it has already."""
    existing = response.get("Link", "")
    if LICENSE_LINK in existing:
        return
    response["Link"] = f"{existing}, {LICENSE_LINK}" if existing else LICENSE_LINK
