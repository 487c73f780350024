"""Pages that read several apps: the home page, a partner's profile and the events."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.caching import cacheable_when_anonymous
from governance.filters import EventFilterSet
from governance.models import Event, EventKind

from . import selectors

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
    partner = get_object_or_404(selectors.partner_profiles(), slug=slug)
    context = {
        "partner": partner,
        "object": partner,
        "breadcrumbs": [(_("Partners"), reverse("partners:partner_list")), (partner.name, None)],
    }
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
        "breadcrumbs": [(_("Events"), reverse("portal:event_list")), (event.title, None)],
    }
    return render(request, "governance/event_detail.html", context)
