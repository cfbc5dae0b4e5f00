"""Page fragments: the rendered body of a page, remembered between renders.

The page cache (middleware.py) serves whole pages, but only to anonymous visitors without
a session. Everyone else (signed-in editors and readers) and the first reader after each
publish have the page built for them; most of that time goes on the page's own body (the
SEN Information Report's sections and their glossary marking, the Local Offer directory).
`{% pagefragment "name" %}...{% endpagefragment %}` (templatetags/page_fragments.py)
remembers such a body in the page cache's store, under a key made of everything it is
built from:

- the site's page-cache generation token (store.generation): every change that empties the
  page cache (any publish, unpublish, move or deletion of a page of the site; school
  details, documents, images, sites; glossary terms, Local Offer services and whatever else
  an app registers with `purge_on_change`) gives a new token, so a fragment built before
  the change is never read again. Fragments are exactly as fresh as cached pages;
- the page and its live revision, the address (scheme, host, path), the language, and
  today's date (bodies that say "overdue" or count days change at midnight);
- the fragment's name.

Never used for: previews (unsaved content), any request other than GET or HEAD, a request
with a query string (the directory's filters: the result depends on them), or with
`PAGE_FRAGMENTS=off`. The body is the same for every reader who may see the page: the
parts that differ by reader (the user bar, CSRF tokens, the CSP nonce) are outside it, and
a template must not put them inside.
"""

from django.conf import settings
from django.utils import timezone, translation

from . import store

PREFIX = f"{store.PREFIX}:fragment"


def fragment_key(request, page, name):
    """The key of this page's fragment `name` for this request; None if it must be built."""
    if not getattr(settings, "PAGE_FRAGMENTS_ENABLED", True):
        return None
    if request is None or page is None or page.pk is None:
        return None
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return None
    if getattr(request, "is_preview", False) or not page.live:
        return None
    found = store.site_generation(request)
    if found is None:
        return None
    site_id, token = found
    return ":".join(
        (
            PREFIX,
            str(site_id),
            token,
            str(page.pk),
            str(page.live_revision_id),
            timezone.localdate().isoformat(),
            translation.get_language() or "",
            name,
            f"{request.scheme}://{request.get_host()}{request.path}",
        )
    )


def load(key):
    return store.cache().get(key)


def save(key, html):
    store.cache().set(key, html, settings.PAGE_CACHE_TIMEOUT)
