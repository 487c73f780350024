"""Public partner pages: the directory (and its CSV) and the join form."""

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods
from django.views.generic import TemplateView

from core.caching import cacheable_when_anonymous
from core.clients import client_address

from . import csv
from .facets import DISPLAY_PARAMETERS, cached_facets
from .filters import SORT_CHOICES, PartnerFilterSet
from .forms import DEFAULT_PAGE_SIZE, PAGE_SIZES, DirectoryOptionsForm, JoinForm
from .models import Partner

JOIN_LIMIT = 5  # applications per address
JOIN_WINDOW = 60 * 60  # seconds


def filtered_partners(data):
    """The directory's filterset and its result, in the order asked for."""
    filterset = PartnerFilterSet(data, queryset=Partner.objects.all())
    return filterset, filterset.qs


@require_GET
@cacheable_when_anonymous
def partner_list(request):
    filterset, partners = filtered_partners(request.GET)
    options = DirectoryOptionsForm(request.GET)
    facets, total = cached_facets(request.GET)
    paginator = Paginator(partners, options.page_size())
    # The cached total spares a COUNT over the whole search on every page.
    paginator.count = total
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "partners/partner_list.html",
        {
            "filterset": filterset,
            "options": options,
            "facets": facets,
            "page_obj": page,
            "page_range": page.paginator.get_elided_page_range(page.number),
            "partners": page.object_list,
            "sort_choices": SORT_CHOICES,
            "page_sizes": PAGE_SIZES,
            "default_page_size": DEFAULT_PAGE_SIZE,
            "is_filtered": any(
                value
                for name, values in request.GET.lists()
                if name not in DISPLAY_PARAMETERS
                for value in values
            ),
        },
    )


@require_GET
def partner_export(request):
    """Every partner of the filtered directory as CSV (not only one page), streamed."""
    _filterset, partners = filtered_partners(request.GET)
    response = StreamingHttpResponse(
        csv.partner_rows(partners, request), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="alliance87-partners.csv"'
    return response


def _join_limit_reached(request) -> bool:
    return cache.get(f"join:{client_address(request)}", 0) >= JOIN_LIMIT


def _count_join(request) -> None:
    key = f"join:{client_address(request)}"
    # add() starts the window only once; incr() keeps its expiry.
    cache.add(key, 0, JOIN_WINDOW)
    try:
        cache.incr(key)
    except ValueError:  # the window expired between add() and incr()
        cache.add(key, 1, JOIN_WINDOW)


@require_http_methods(["GET", "POST"])
def join(request):
    form = JoinForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_spam:
            return redirect("partners:join_thanks")
        if form.is_valid():
            if not _join_limit_reached(request):
                form.save()
                _count_join(request)
                return redirect("partners:join_thanks")
            # The answers stay in the form: a person can send them again later.
            status = 429
    return render(
        request,
        "partners/join.html",
        {"form": form, "rate_limited": status == 429},
        status=status,
    )


class JoinThanksView(TemplateView):
    template_name = "partners/join_thanks.html"
