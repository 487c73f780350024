"""The benchmark's yardsticks, routed only by bench/urls.py (`make bench`), never in production.

`floor` is what Django costs with nothing to do: the full middleware stack and a few bytes.
`reference` is the "fortunes" shape of the TechEmpower benchmark: one query of 50 partner rows
rendered through a minimal template. Every page of the registry is measured against it.
`reference_json` is the same 50 rows serialised by hand (dicts through json.dumps): the yardstick
of the API.
"""

import json

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partners.models import Partner

REFERENCE_ROWS = 50


def reference_rows(request):
    """The 50 partners after `?after=` (an id), keyset by id: every URL costs one indexed query."""
    after = request.GET.get("after", "")
    partners = Partner.objects.order_by("id")
    if after.isdigit():
        partners = partners.filter(id__gt=int(after))
    return partners


@require_GET
def floor(request):
    return HttpResponse(b"ok", content_type="text/plain")


@require_GET
def reference(request):
    partners = reference_rows(request).only("id", "name", "slug", "country")
    return render(request, "bench/reference.html", {"partners": partners[:REFERENCE_ROWS]})


@require_GET
def reference_json(request):
    rows = reference_rows(request).values("id", "name", "slug", "country")[:REFERENCE_ROWS]
    body = json.dumps({"results": [dict(row) for row in rows]}, ensure_ascii=False)
    return HttpResponse(body.encode(), content_type="application/json")
