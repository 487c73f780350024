"""The benchmark's yardsticks, routed only by bench/urls.py (`make bench`), never in production.

`floor` is what Django costs with nothing to do: the full middleware stack and a few bytes.
`reference` is the "fortunes" shape of the TechEmpower benchmark: one query of 50 partner rows
rendered through a minimal template. Every page of the registry is measured against it.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partners.models import Partner

REFERENCE_ROWS = 50


@require_GET
def floor(request):
    return HttpResponse(b"ok", content_type="text/plain")


@require_GET
def reference(request):
    # Keyset by id, so that every URL of the mix costs the same one indexed query.
    after = request.GET.get("after", "")
    partners = Partner.objects.order_by("id").only("id", "name", "slug", "country")
    if after.isdigit():
        partners = partners.filter(id__gt=int(after))
    return render(request, "bench/reference.html", {"partners": partners[:REFERENCE_ROWS]})
