"""The Open Referral UK API under /openreferral/: read-only JSON, open to every origin.

Each request serves the Site it arrives at (`Site.find_for_request`), so one school's
feed never lists another's services. Lists use ORUK's paginated envelope.
"""

import math
import uuid
from functools import cache
from pathlib import Path

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Site

from pagecache import mark_cacheable

from . import serializers
from .models import Service, Taxonomy, TaxonomyTerm

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
OPENAPI_FILE = Path(__file__).resolve().parent / "oruk_schema" / "openapi30.json"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
# Every query parameter these views read (the page cache drops any other: pagecache/).
QUERY_PARAMETERS = (
    "page",
    "per_page",
    "search",
    "taxonomy_term_id",
    "taxonomy_id",
    "minimum_age",
    "maximum_age",
)


class BadParameter(Exception):
    def __init__(self, name, message):
        super().__init__(f"The '{name}' parameter {message}.")
        self.name = name


def _error(status, message):
    return JsonResponse({"status": status, "detail": message}, status=status)


def _raw(request, name):
    return request.GET.get(name, "").strip()


def _int_param(request, name, default):
    raw = _raw(request, name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(name, "must be a whole number") from None
    if value < 1:
        raise BadParameter(name, "must be 1 or more")
    return value


def _number_param(request, name):
    raw = _raw(request, name)
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise BadParameter(name, "must be a number") from None
    if not math.isfinite(value) or value < 0:
        raise BadParameter(name, "must be a number of years, 0 or more")
    return value


def _uuid_param(request, name):
    raw = _raw(request, name)
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise BadParameter(name, "must be a UUID") from None


def _uuid_or_404(value):
    try:
        return uuid.UUID(value)
    except ValueError:
        raise Http404(f"No record has the id '{value}'.") from None


def paginate(request, queryset, serialize):
    """ORUK's envelope around one page of `queryset`.

    `page` counts from 1; `per_page` is 1 or more and is capped at MAX_PER_PAGE. A page
    beyond the last is an empty page, not an error. `size` is the number of items on
    this page.
    """
    page = _int_param(request, "page", 1)
    per_page = min(_int_param(request, "per_page", DEFAULT_PER_PAGE), MAX_PER_PAGE)
    total = queryset.count()
    total_pages = math.ceil(total / per_page)
    start = (page - 1) * per_page
    items = list(queryset[start : start + per_page]) if start < total else []
    contents = [serialize(item) for item in items]
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def filter_services(request, services):
    """Apply the `/services` query parameters of the ORUK API.

    Ages follow the API's wording: `minimum_age=N` keeps services whose minimum age is at
    least N (no minimum counts as 0); `maximum_age=N` keeps services whose maximum age is
    N or below (no maximum never is).
    """
    search = _raw(request, "search")
    if search:
        services = services.filter(Q(name__icontains=search) | Q(description__icontains=search))
    links = Service.taxonomy_terms.through.objects
    term_id = _uuid_param(request, "taxonomy_term_id")
    if term_id:
        linked = links.filter(taxonomyterm__oruk_id=term_id).values("service_id")
        services = services.filter(pk__in=linked)
    taxonomy_id = _uuid_param(request, "taxonomy_id")
    if taxonomy_id:
        linked = links.filter(taxonomyterm__taxonomy__oruk_id=taxonomy_id).values("service_id")
        services = services.filter(pk__in=linked)
    # Ages are stored in whole years: "at least 4.5" means 5 or more, "at most 11.5" 11 or less.
    minimum_age = _number_param(request, "minimum_age")
    if minimum_age is not None:
        services = services.alias(low=Coalesce("minimum_age", 0)).filter(
            low__gte=math.ceil(minimum_age)
        )
    maximum_age = _number_param(request, "maximum_age")
    if maximum_age is not None:
        services = services.filter(
            maximum_age__isnull=False, maximum_age__lte=math.floor(maximum_age)
        )
    return services


@method_decorator(csrf_exempt, name="dispatch")  # read-only: POST and friends get a 405
class ORUKView(View):
    """One read-only endpoint. Subclasses define `build(request, site, **url_kwargs)`,
    returning the JSON document for the site the request arrives at."""

    http_method_names = ["get", "head", "options"]

    def dispatch(self, request, *args, **kwargs):
        # Public data: the page cache may keep the answers (purged when services change).
        mark_cacheable(request)
        response = super().dispatch(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    def options(self, request, *args, **kwargs):
        response = super().options(request, *args, **kwargs)
        response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        response["Access-Control-Max-Age"] = "86400"
        return response

    def http_method_not_allowed(self, request, *args, **kwargs):
        response = _error(405, f"{request.method} is not allowed: this API is read-only.")
        response["Allow"] = ALLOWED_METHODS
        return response

    def get(self, request, *args, **kwargs):
        site = Site.find_for_request(request)
        if site is None:
            return _error(404, "No school website is served at this address.")
        try:
            data = self.build(request, site, **kwargs)
        except BadParameter as exc:
            return _error(400, str(exc))
        except Http404 as exc:
            return _error(404, str(exc) or "Not found.")
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


class RootView(ORUKView):
    def build(self, request, site):
        return {
            "version": serializers.HSDS_VERSION,
            "profile": serializers.PROFILE_URL,
            "openapi_url": request.build_absolute_uri(reverse("openreferral:openapi")),
        }


@cache
def _openapi_bytes():
    return OPENAPI_FILE.read_bytes()


class OpenAPIView(ORUKView):
    """The Open Referral UK OpenAPI description that this API implements."""

    def get(self, request, *args, **kwargs):
        return HttpResponse(_openapi_bytes(), content_type="application/json")


class ServiceListView(ORUKView):
    def build(self, request, site):
        ctx = serializers.FeedContext(site, request)
        services = filter_services(
            request, Service.objects.published(site).select_related("provider")
        )
        return paginate(request, services, lambda s: serializers.service_summary(s, ctx))


class ServiceDetailView(ORUKView):
    def build(self, request, site, oruk_id):
        service = (
            Service.objects.published(site)
            .with_details()
            .filter(oruk_id=_uuid_or_404(oruk_id))
            .first()
        )
        if service is None:
            raise Http404(f"No service has the id '{oruk_id}'.")
        return serializers.service_full(service, serializers.FeedContext(site, request))


class ServiceAtLocationListView(ORUKView):
    def build(self, request, site):
        ctx = serializers.FeedContext(site, request)
        services = filter_services(
            request, Service.objects.published(site).select_related("provider")
        )
        return paginate(
            request, services, lambda s: serializers.service_at_location_summary(s, ctx)
        )


class ServiceAtLocationDetailView(ORUKView):
    def build(self, request, site, oruk_id):
        service = (
            Service.objects.published(site)
            .with_details()
            .filter(service_at_location_oruk_id=_uuid_or_404(oruk_id))
            .first()
        )
        if service is None:
            raise Http404(f"No service at location has the id '{oruk_id}'.")
        ctx = serializers.FeedContext(site, request)
        return serializers.service_at_location_full(service, ctx)


def _published_taxonomies():
    return Taxonomy.objects.filter(source="").order_by("name", "pk")


def _published_terms():
    return (
        TaxonomyTerm.objects.published()
        .select_related("taxonomy", "parent")
        .order_by("taxonomy__name", "sort_order", "name", "pk")
    )


class TaxonomyListView(ORUKView):
    def build(self, request, site):
        return paginate(request, _published_taxonomies(), serializers.taxonomy)


class TaxonomyDetailView(ORUKView):
    def build(self, request, site, oruk_id):
        tax = _published_taxonomies().filter(oruk_id=_uuid_or_404(oruk_id)).first()
        if tax is None:
            raise Http404(f"No taxonomy has the id '{oruk_id}'.")
        terms = tax.terms.select_related("parent").order_by("sort_order", "name", "pk")
        return serializers.taxonomy(tax, terms=terms)


class TaxonomyTermListView(ORUKView):
    def build(self, request, site):
        terms = _published_terms()
        taxonomy_id = _uuid_param(request, "taxonomy_id")
        if taxonomy_id:
            terms = terms.filter(taxonomy__oruk_id=taxonomy_id)
        return paginate(request, terms, serializers.taxonomy_term)


class TaxonomyTermDetailView(ORUKView):
    def build(self, request, site, oruk_id):
        term = _published_terms().filter(oruk_id=_uuid_or_404(oruk_id)).first()
        if term is None:
            raise Http404(f"No taxonomy term has the id '{oruk_id}'.")
        return serializers.taxonomy_term(term)
