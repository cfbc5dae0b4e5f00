"""What the site search (home/search.py) finds in the Local Offer: the school's services,
linked to their entry on its Local Offer page, running services first."""

from home.navigation import site_page
from home.search import SearchResult, summarise

from .directory import keyword_filter, open_first
from .models import LocalOfferPage, Service

# The site search lists at most this many services; the Local Offer page's own search
# shows them all.
MAX_SERVICE_RESULTS = 20


def local_offer_results(query, site, request):
    local_offer = site_page(LocalOfferPage, site, request)
    if local_offer is None:
        return []
    url = local_offer.get_url(request)
    matching = Service.objects.public(site).filter(keyword_filter(query)).values("pk")
    services = open_first(
        Service.objects.filter(pk__in=matching).only("name", "description", "status", "oruk_id")
    )[:MAX_SERVICE_RESULTS]
    return [
        SearchResult(
            title=service.name,
            url=f"{url}#{service.anchor}",
            kind="Local Offer service"
            if service.status == Service.Status.ACTIVE
            else f"Local Offer service ({service.get_status_display().lower()})",
            summary=summarise(service.description),
        )
        for service in services
    ]
