"""Public partner pages: the directory (and its CSV) and the join form."""

from hashlib import sha256
from itertools import chain, islice

from django.core.cache import cache
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.generic import TemplateView

from core.caching import CACHE_SECONDS, cacheable_when_anonymous, data_version
from core.limits import Limit
from core.paging import DeferredJoinPaginator

from . import csv, services
from .facets import DISPLAY_PARAMETERS, facets_and_total
from .filters import SORT_CHOICES, PartnerFilterSet
from .forms import DEFAULT_PAGE_SIZE, PAGE_SIZES, DirectoryOptionsForm, JoinForm
from .models import Partner
from .templatetags.directory import card_fields

JOIN_LIMIT = Limit("join", count=5, seconds=60 * 60)
# A full export reads every matching partner: a person needs a few an hour, a loop many.
EXPORT_LIMIT = Limit("export", count=30, seconds=60 * 60)
# A repeated export is served from a copy until the partners change; a larger one is streamed.
EXPORT_COPY_MAX_BYTES = 8 * 1024 * 1024
CSV_TYPE = "text/csv; charset=utf-8"


def filtered_partners(data):
    """The directory's filterset and its result, in the order asked for."""
    filterset = PartnerFilterSet(data, queryset=Partner.objects.all())
    return filterset, filterset.qs.in_readers_order()


@require_GET
@cacheable_when_anonymous
def partner_list(request):
    filterset, partners = filtered_partners(request.GET)
    options = DirectoryOptionsForm(request.GET)
    facets, total = facets_and_total(filterset)
    # A deep page steps over index entries, not rows (page 200 of the unfiltered directory).
    paginator = DeferredJoinPaginator(partners.only(*card_fields()), options.page_size())
    # The facets' total spares a COUNT over the whole result.
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
    """Every partner of the filtered directory as CSV (not only one page), streamed.

    Limited per client. The first rows are read before the answer starts, so a database that
    does not answer is a 503, never a 200 cut off after its header.
    """
    if EXPORT_LIMIT.reached(request):
        response = HttpResponse(
            _("Too many exports from your address: try again in an hour."),
            status=429,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(EXPORT_LIMIT.seconds)
        return response
    EXPORT_LIMIT.record(request)
    key = _export_key(request)
    copy = cache.get(key)
    if copy is not None:
        response = HttpResponse(copy, content_type=CSV_TYPE)
    else:
        _filterset, partners = filtered_partners(request.GET)
        rows = csv.partner_rows(partners, request)
        first = list(islice(rows, 2))  # the header and the first partner: the query has run
        response = StreamingHttpResponse(_kept(chain(first, rows), key), content_type=CSV_TYPE)
    response["Content-Disposition"] = 'attachment; filename="alliance87-partners.csv"'
    return response


def _export_key(request) -> str:
    """The copy of this export: its address (host included: rows link to profiles), language and
    the version of the partners it lists."""
    address = sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"export:{data_version('partners.Partner')}:{get_language()}:{address}"


def _kept(rows, key):
    """Yields `rows` and, once all were sent, keeps them as the copy (if not too large)."""
    kept, size = [], 0
    for row in rows:
        yield row
        if kept is not None:
            kept.append(row)
            size += len(row)
            if size > EXPORT_COPY_MAX_BYTES:
                kept = None
    if kept is not None:
        cache.set(key, "".join(kept), CACHE_SECONDS)


@require_http_methods(["GET", "POST"])
def join(request):
    form = JoinForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_spam:
            return redirect("partners:join_thanks")
        if form.is_valid():
            if not JOIN_LIMIT.reached(request):
                services.application_submit(
                    application=form.save(commit=False), language=get_language()
                )
                JOIN_LIMIT.record(request)
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
