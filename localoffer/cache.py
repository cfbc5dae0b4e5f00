"""What empties the page cache when the Local Offer changes: the directory, the service
pages and the Open Referral feed show these records, so a change empties the page cache of
the school's site (taxonomies: of every site). Connected by `LocalOfferConfig.ready`."""

from pagecache import purge_on_change, purge_on_m2m_change

from .models import (
    Organisation,
    Service,
    ServiceOpeningTime,
    ServicePhone,
    Taxonomy,
    TaxonomyTerm,
)


def own_site(instance):
    return [instance.site_id]


def service_site(instance):
    return Service.objects.filter(pk=instance.service_id).values_list("site_id", flat=True)


def connect():
    for model in (Service, Organisation):
        purge_on_change(model, sites=own_site)
    for model in (ServicePhone, ServiceOpeningTime):
        purge_on_change(model, sites=service_site, reason="service details changed")
    for model in (Taxonomy, TaxonomyTerm):
        purge_on_change(model)  # shared by every site
    purge_on_m2m_change(
        Service.taxonomy_terms.through,
        # A service's terms belong to its site; a term's services: the term is shared.
        sites=lambda instance: own_site(instance) if isinstance(instance, Service) else None,
        reason="service areas of need changed",
        shared_reason="areas of need changed",
    )
