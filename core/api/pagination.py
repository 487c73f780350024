"""Page numbers by default; cursor pagination on `?cursor=` for walking large lists in sync."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, pagination
from rest_framework.response import Response

from .counting import KeptCountPaginator

MAX_PAGE_SIZE = 200
PAGE_SIZE = 50


def page_size_from(request) -> int:
    raw = request.query_params.get("page_size")
    if raw is None or raw == "":
        return PAGE_SIZE
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE_SIZE:
        raise exceptions.ValidationError(
            {"page_size": [_("Give a whole number from 1 to %(max)d.") % {"max": MAX_PAGE_SIZE}]}
        )
    return int(raw)


def link_header(next_url, previous_url) -> dict:
    links = [f'<{url}>; rel="{rel}"' for rel, url in (("next", next_url), ("prev", previous_url))]
    links = [link for link, url in zip(links, (next_url, previous_url), strict=True) if url]
    return {"Link": ", ".join(links)} if links else {}


class PageNumber(pagination.PageNumberPagination):
    django_paginator_class = KeptCountPaginator
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        return page_size_from(request)

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and not (raw.isascii() and raw.isdigit() and int(raw) >= 1):
            raise exceptions.ValidationError({"page": [_("Give a page number from 1.")]})
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        next_url, previous_url = self.get_next_link(), self.get_previous_link()
        return Response(
            {
                "count": self.page.paginator.count,
                "next": next_url,
                "previous": previous_url,
                "results": data,
            },
            headers=link_header(next_url, previous_url),
        )


class Cursor(pagination.CursorPagination):
    # The primary key never changes and is indexed: a deep page costs what the first one does.
    ordering = "pk"
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        return page_size_from(request)

    def decode_cursor(self, request):
        invalid = exceptions.ValidationError(
            {"cursor": [_("This cursor is not one the API gave: follow the `next` links.")]}
        )
        try:
            cursor = super().decode_cursor(request)
        except exceptions.NotFound as error:
            raise invalid from error
        # The position is a primary key: anything else would fail in the database.
        if (
            cursor is not None
            and cursor.position is not None
            and not (cursor.position.isascii() and cursor.position.isdigit())
        ):
            raise invalid
        return cursor

    def get_paginated_response(self, data):
        next_url, previous_url = self.get_next_link(), self.get_previous_link()
        return Response(
            {"next": next_url, "previous": previous_url, "results": data},
            headers=link_header(next_url, previous_url),
        )


class RegistryPagination(pagination.BasePagination):
    """Page-number pagination, or cursor pagination as soon as `cursor` is in the query."""

    def __init__(self):
        self.page_number = PageNumber()
        self.cursor = Cursor()
        self.active = self.page_number

    def paginate_queryset(self, queryset, request, view=None):
        self.active = self.cursor if "cursor" in request.query_params else self.page_number
        return self.active.paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        return self.active.get_paginated_response(data)

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "count": {
                    "type": "integer",
                    "description": str(
                        _("How many records match, over all pages (absent with a cursor).")
                    ),
                },
                "next": {"type": "string", "format": "uri", "nullable": True},
                "previous": {"type": "string", "format": "uri", "nullable": True},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "page",
                "in": "query",
                "required": False,
                "description": str(_("The page number, from 1.")),
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": "page_size",
                "in": "query",
                "required": False,
                "description": str(
                    _("Records per page: %(default)d unless given, at most %(max)d.")
                    % {"default": PAGE_SIZE, "max": MAX_PAGE_SIZE}
                ),
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
            {
                "name": "cursor",
                "in": "query",
                "required": False,
                "description": str(
                    _(
                        "Cursor pagination for sync: send an empty `cursor=` to start, then "
                        "follow `next`. The order is by id, stable under inserts; `page` and "
                        "`ordering` are ignored."
                    )
                ),
                "schema": {"type": "string"},
            },
        ]
