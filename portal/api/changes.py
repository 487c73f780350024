"""The change feed: what changed since a time, from the history pghistory keeps."""

import datetime

from django.db.models import CharField, F, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from pghistory.core import event_models
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny

from core.api.conditional import ConditionalMixin
from core.api.pagination import PageNumber
from core.api.resources import resources

ACTIONS = [("insert", _("created")), ("update", _("updated")), ("delete", _("deleted"))]
# Resources whose records only some users may read: their changes are shown to those users only.
PRIVATE = {"applications": "partners.view_partnershipapplication"}


def feed_types() -> dict[str, tuple]:
    """Each resource with history: its event model and the field its URL is built from."""
    found = {}
    for model, resource in resources().items():
        history = event_models(tracks_model=model)
        if history:
            lookup = "id" if resource.lookup_field == "pk" else resource.lookup_field
            found[resource.prefix] = (history[0], lookup, resource)
    return found


class ChangeQuerySerializer(serializers.Serializer):
    since = serializers.DateTimeField(
        help_text=_("Changes at or after this ISO 8601 date and time (required).")
    )
    type = serializers.MultipleChoiceField(
        choices=[],
        required=False,
        help_text=_("Only these record types (resource names); repeat for several."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = sorted(feed_types())


class ChangeSerializer(serializers.Serializer):
    type = serializers.CharField(help_text=_("The resource, such as `partners` or `seat-terms`."))
    id = serializers.IntegerField(help_text=_("The record's id."))
    url = serializers.URLField(
        help_text=_("The record's address in the API as of the change; a deleted one answers 404.")
    )
    action = serializers.ChoiceField(choices=ACTIONS)
    time = serializers.DateTimeField()


class ChangeFeedView(ConditionalMixin, generics.ListAPIView):
    """What changed in the registry since a time: to mirror it, or to sync incrementally.

    Each change names the record's `type` (its resource), `id`, `url`, the `action` (`insert`,
    `update` or `delete`) and its `time`, oldest first. Changes made in one transaction share a
    time: keep the time of the last change you processed and ask again with `since=` that time
    (the boundary is inclusive, so a change may come twice; applying it again is harmless).
    Deleted records stay in the feed, with the url they had.
    """

    permission_classes = [AllowAny]
    pagination_class = PageNumber
    serializer_class = ChangeSerializer
    filter_backends = []

    def get_queryset(self):
        query = ChangeQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        wanted = query.validated_data.get("type") or None
        try:
            # PostgreSQL refuses offsets beyond ±15:59, which ISO 8601 allows.
            since = query.validated_data["since"].astimezone(datetime.UTC)
        except OverflowError:
            return []
        parts = []
        for prefix, (history, lookup, _resource) in sorted(feed_types().items()):
            if wanted and prefix not in wanted:
                continue
            permission = PRIVATE.get(prefix)
            if permission and not self.request.user.has_perm(permission):
                continue
            parts.append(
                history.objects.filter(pgh_created_at__gte=since)
                .annotate(
                    type=Value(prefix, output_field=CharField()),
                    record_id=F("id"),
                    lookup=Cast(lookup, output_field=CharField()),
                )
                .values_list("pgh_created_at", "type", "pgh_id", "record_id", "pgh_label", "lookup")
            )
        if not parts:
            return []
        return parts[0].union(*parts[1:], all=True).order_by("pgh_created_at", "type", "pgh_id")

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page:
            self.last_modified = max(row[0] for row in page)
        return page

    @extend_schema(parameters=[ChangeQuerySerializer])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_serializer(self, *args, **kwargs):
        if not args:  # the schema asks for the serializer alone
            return ChangeSerializer(**kwargs)
        rows, types = args[0], feed_types()
        changes = [
            {
                "type": kind,
                "id": record_id,
                "url": self.request.build_absolute_uri(types[kind][2].path_for(lookup)),
                "action": label,
                "time": time,
            }
            for time, kind, _pgh_id, record_id, label, lookup in rows
        ]
        return ChangeSerializer(changes, many=True)
