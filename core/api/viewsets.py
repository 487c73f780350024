"""The base of every resource's viewset."""

from django.db import transaction
from rest_framework import viewsets

from core.models import unshown_columns

from .conditional import ConditionalMixin
from .filtering import RegistryFilterBackend
from .shared import SharedReadMixin


class RegistryViewSet(SharedReadMixin, ConditionalMixin, viewsets.ModelViewSet):
    """List, read, create, update and delete one kind of record.

    Subclasses give `queryset` (with the joins and prefetches a list needs, so it runs a fixed
    number of queries), `serializer_class` and `filterset_class`; records are found by id unless
    `lookup_field` says otherwise.
    """

    lookup_value_regex = r"[0-9]+"
    filter_backends = [RegistryFilterBackend]

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
