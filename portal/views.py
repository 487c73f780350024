"""Pages that read several apps: the home page, a partner's profile and the events."""

from django.core.paginator import Paginator
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from core.caching import cacheable_when_anonymous
from core.licences import add_license_link
from core.translation import localized_text
from governance.filters import EventFilterSet
from governance.models import Event, EventKind

from . import datapackage, selectors
from .models import SecretariatContact

EVENTS_SHOWN = 3
EVENTS_PER_PAGE = 20


@require_safe
@cacheable_when_anonymous
def home(request):
    context = selectors.home_summary(events_shown=EVENTS_SHOWN)
    return render(request, "home.html", context)


@require_safe
@cacheable_when_anonymous
def partner_detail(request, slug):
    context = selectors.partner_profile(slug)
    if context is None:
        raise Http404(_("No partner has this address."))
    partner = context["partner"]
    context["object"] = partner
    context["breadcrumbs"] = [
        (_("Partners"), reverse("partners:partner_list")),
        (localized_text(partner, "name"), None),
    ]
    return render(request, "partners/partner_detail.html", context)


@require_safe
@cacheable_when_anonymous
def event_list(request):
    filterset = EventFilterSet(request.GET or None, queryset=Event.objects.all())
    page = Paginator(filterset.qs, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    years = Event.objects.filter(start_date__isnull=False).dates("start_date", "year", "DESC")
    context = {
        "filterset": filterset,
        "page": page,
        "page_numbers": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "kinds": EventKind.choices,
        "chosen_kinds": request.GET.getlist("kind"),
        "years": [d.year for d in years],
        "chosen_year": request.GET.get("year", ""),
        "filtered": any(request.GET.get(name) for name in filterset.filters),
    }
    return render(request, "governance/event_list.html", context)


@require_safe
@cacheable_when_anonymous
def event_detail(request, slug):
    event = get_object_or_404(selectors.event_pages(), slug=slug)
    context = {
        "event": event,
        "breadcrumbs": [
            (_("Events"), reverse("portal:event_list")),
            (localized_text(event, "title"), None),
        ],
    }
    return render(request, "governance/event_detail.html", context)


@require_safe
@cacheable_when_anonymous
def contact(request):
    """How to reach the secretariat: only what it has set in the admin, never a made-up
    address; until then the page says so."""
    contact = SecretariatContact.current()
    context = {
        "contact": contact if contact is not None and not contact.is_empty else None,
        "breadcrumbs": [(_("Contact"), None)],
    }
    return render(request, "portal/contact.html", context)


# Robots may read every page once, not every cut of a list: the directory's and the events'
# facets, search, sort and page sizes multiply without end, and each names its canonical page
# (site_meta.canonical_path), which only keeps `page`. The API is for integrators, not for
# search engines (its documentation excepted); the admin and the CSV export for nobody's index.
ROBOTS = """User-agent: *
Disallow: /admin/
Disallow: /*/admin/
Disallow: /api/
Allow: /api/v1/docs/
Disallow: /*partners/export.csv
Disallow: /*join/thanks/
Disallow: /*partners/?
Allow: /*partners/?page=
Disallow: /*events/?
Allow: /*events/?page=

Sitemap: {sitemap}
"""


@require_safe
@cache_control(public=True, max_age=24 * 60 * 60)
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    return HttpResponse(ROBOTS.format(sitemap=sitemap), content_type="text/plain; charset=utf-8")


# ---------------------------------------------------------------- open data (portal/datapackage.py)


@require_safe
@cacheable_when_anonymous
def data(request):
    return render(request, "portal/data.html", {"tables": datapackage.tables()})


@require_safe
def datapackage_json(request):
    # Its ETag is the hash of its body (ConditionalGetMiddleware): it changes with the schema.
    response = JsonResponse(datapackage.descriptor(), json_dumps_params={"indent": 2})
    add_license_link(response)
    return response


@require_safe
def data_csv(request, name):
    table = datapackage.table_named(name)
    if table is None:
        raise Http404
    response = StreamingHttpResponse(
        datapackage.csv_lines(table), content_type="text/csv; charset=utf-8"
    )
    # A streamed body has no hash; the data version stands for it, and a 304 reads no row.
    response["ETag"] = datapackage.etag()
    response["Content-Disposition"] = f'attachment; filename="alliance87-{table.path}"'
    add_license_link(response)
    return response


@require_safe
@cache_control(public=True, max_age=24 * 60 * 60)
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page says: to the
    static file. Not permanent: the static address changes with the file's content."""
    return HttpResponseRedirect(static("favicon.ico"))
