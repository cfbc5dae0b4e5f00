"""Purging a CDN in front of the site through wagtail.contrib.frontend_cache.

Wagtail's own handlers purge a page's URLs when it is published or unpublished. Because
every page shows other pages (see the package docstring), a purge here sends every live
page of the site, and the Open Referral list addresses, to the configured backends. Off
(and free) when WAGTAILFRONTENDCACHE is empty.
"""

import logging

from django.conf import settings

logger = logging.getLogger(__name__)

FEED_PATHS = ("openreferral/services", "openreferral/service_at_locations")


def purge_sites_at_cdn(site_ids):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page, Site

    batch = PurgeBatch()
    for site in Site.objects.filter(pk__in=site_ids).select_related("root_page"):
        pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
        batch.add_pages(pages.specific(defer=True))
        for path in FEED_PATHS:
            batch.add_url(f"{site.root_url}/{path}")
    try:
        batch.purge()
    except Exception:  # a CDN outage must not break publishing
        logger.exception("CDN purge failed for sites %s", sorted(site_ids))
