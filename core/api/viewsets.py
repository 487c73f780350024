"""The base of every resource's viewset."""

import datetime

from django.db import transaction
from django.http import StreamingHttpResponse
from django.utils.http import http_date
from django.utils.text import slugify
from rest_framework import viewsets
from rest_framework.renderers import JSONRenderer

from core.models import unshown_columns

from .conditional import ConditionalMixin
from .filtering import RegistryFilterBackend
from .renderers import csv_lines
from .shared import SharedReadMixin


def _timestamp(moment: datetime.date) -> int:
    if not isinstance(moment, datetime.datetime):
        moment = datetime.datetime.combine(moment, datetime.time(), tzinfo=datetime.UTC)
    return int(moment.timestamp())


def deprecation_headers(deprecation: dict) -> dict[str, str]:
    """The headers announcing a deprecated resource (README, "API versioning and deprecation").

    `deprecation`: {"date": when it was (or will be) deprecated, "sunset": when it stops
    answering (optional), "link": the notice saying what replaces it (optional)}; dates are
    `datetime.date` (midnight UTC) or aware `datetime.datetime`.
    """
    # RFC 9745: a Structured Field Date, "@" and seconds since the epoch.
    headers = {"Deprecation": f"@{_timestamp(deprecation['date'])}"}
    links = []
    if deprecation.get("sunset"):
        # RFC 8594: an HTTP-date.
        headers["Sunset"] = http_date(_timestamp(deprecation["sunset"]))
    if deprecation.get("link"):
        links.append(f'<{deprecation["link"]}>; rel="deprecation"; type="text/html"')
        if deprecation.get("sunset"):
            links.append(f'<{deprecation["link"]}>; rel="sunset"; type="text/html"')
    if links:
        headers["Link"] = ", ".join(links)
    return headers


class DeprecationMixin:
    """Answers with Deprecation, Sunset and Link headers when the view sets `deprecation`.

    The schema marks its operations deprecated too (core.api.schema.RegistryAutoSchema).
    """

    deprecation: dict | None = None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.deprecation:
            for name, value in deprecation_headers(self.deprecation).items():
                if name == "Link" and response.has_header("Link"):
                    # The pagination's links stay; the deprecation's are added after them.
                    value = f"{response['Link']}, {value}"
                response[name] = value
        return response


class RegistryViewSet(DeprecationMixin, SharedReadMixin, ConditionalMixin, viewsets.ModelViewSet):
    """List, read, create, update and delete one kind of record.

    Subclasses give `queryset` (with the joins and prefetches a list needs, so it runs a fixed
    number of queries), `serializer_class` and `filterset_class`; records are found by id unless
    `lookup_field` says otherwise.
    """

    lookup_value_regex = r"[0-9]+"
    filter_backends = [RegistryFilterBackend]
    # True for records holding private data (contact details): reading them needs a token (the
    # schema says so) and no cache on the way may keep an answer.
    private_reads = False

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.private_reads:
            response["Cache-Control"] = "no-store"
        return response

    # Rows serialized at a time in a CSV export: each chunk runs the list's prefetches once.
    csv_chunk_size = 500

    def list(self, request, *args, **kwargs):
        if getattr(request.accepted_renderer, "format", None) == "csv":
            return self.csv_export(request)
        return super().list(request, *args, **kwargs)

    def csv_export(self, request):
        """The whole filtered list as CSV, written as it is read: no page, no copy in memory.

        The filters run first, so an invalid value is a 400 before the first line.
        """
        queryset = self.filter_queryset(self.get_queryset())
        serializer = self.get_serializer()

        def chunks():
            chunk = []
            for obj in queryset.iterator(chunk_size=self.csv_chunk_size):
                chunk.append(obj)
                if len(chunk) == self.csv_chunk_size:
                    yield self.get_serializer(chunk, many=True).data
                    chunk = []
            if chunk:
                yield self.get_serializer(chunk, many=True).data

        response = StreamingHttpResponse(
            csv_lines(serializer, chunks()), content_type="text/csv; charset=utf-8"
        )
        name = slugify(queryset.model._meta.verbose_name_plural)
        response["Content-Disposition"] = f'attachment; filename="alliance87-{name}.csv"'
        return response

    def handle_exception(self, exc):
        # An error is answered in the API's JSON error shape, whatever format was asked for.
        if getattr(self.request, "accepted_renderer", None) is not None and (
            self.request.accepted_renderer.format == "csv"
        ):
            self.request.accepted_renderer = JSONRenderer()
            self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)

    def get_queryset(self):
        queryset = super().get_queryset()
        hidden = unshown_columns(queryset.model, queryset.query.select_related)
        return queryset.defer(*hidden) if hidden else queryset

    def get_object(self):
        obj = super().get_object()
        self.last_modified = obj.updated
        return obj

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page:
            self.last_modified = max(obj.updated for obj in page)
        return page

    def perform_create(self, serializer):
        serializer.save()
        serializer.instance = self.reloaded(serializer.instance)

    def perform_update(self, serializer):
        serializer.save()
        serializer.instance = self.reloaded(serializer.instance)

    def reloaded(self, instance):
        """The record as a list shows it: with its annotations (a pledge's status), prefetches."""
        return self.get_queryset().get(pk=instance.pk)

    def perform_destroy(self, instance):
        # A savepoint: a refused delete (protected relations) leaves the transaction usable.
        with transaction.atomic():
            instance.delete()


class SlugLookupMixin:
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
