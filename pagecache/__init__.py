"""The page cache: anonymous GETs of live public pages, served from Django's cache framework.

What is cached (see middleware.py):
- only GET (HEAD is answered from the cache too) from a request without a session cookie
  (so never a logged-in editor, a preview or the admin), and without a query string once
  the parameters no page reads are dropped: `?utm_source=x` or `?anything=1` is served
  the bare address's page, so a made-up query string cannot force a page to be built.
  Apps name the parameters their pages read with the `register_page_cache_query_parameters`
  hook; a request carrying one of those (a filtered directory) is built every time;
- only responses that say so: a live page that Wagtail served to an anonymous visitor
  (wagtail_hooks.py) or the Open Referral feed (`mark_cacheable`), with status 200, no
  cookie set and no Cache-Control of their own. A page with a form carrying a CSRF token
  (the feedback form) sets the CSRF cookie and is therefore never cached; the Local Offer
  directory is cached unfiltered and never with filters (a query string).

Cached responses carry `Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE`; every other
response without a Cache-Control of its own gets `private, no-cache`.

Purging (signals.py, registry.py): any publish, unpublish, move or deletion of a page, and
any save of shared content (school details, documents, images, sites, page privacy, and
what the apps register with `purge_on_change` in their apps.py: glossary terms, Local Offer
services),
empties the page cache of the sites concerned. A whole site, not just the page:
every page shows other pages (the menu shows titles, the footer links the statutory pages
that are live, breadcrumbs show ancestors, the glossary links point at the glossary page,
the SEND section and statutory-information pages list or check every SEND page), so
purging "the page and the pages that list it" would leave some of those stale. A school's
site has tens of pages: rebuilding them costs well under a second of server time.

Each site's entries live under a generation token; a purge replaces the token, which
orphans every entry at once on any cache backend, and a request that began rendering
before the purge stores its (older) page under the old token, where nobody reads it.

Just after a purge, many visitors ask for the same pages at once: the first request for a
page builds it and the others wait for its result (up to a few seconds) instead of all
building it together (`store.claim` / `store.wait_for`).
"""

from .registry import purge_on_change, purge_on_m2m_change
from .store import mark_cacheable, purge_all_sites, purge_sites

__all__ = [
    "mark_cacheable",
    "purge_all_sites",
    "purge_on_change",
    "purge_on_m2m_change",
    "purge_sites",
]
