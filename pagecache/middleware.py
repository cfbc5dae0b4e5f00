"""Serves cached pages to anonymous visitors and stores the responses that qualify."""

from functools import cache
from urllib.parse import unquote_plus

from django.conf import settings
from django.utils.cache import patch_cache_control
from wagtail import hooks

from . import store

# Never looked up nor stored: Wagtail's admin (editing, previews), documents (their
# privacy is checked on every download), and static or media files.
EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/")
QUERY_PARAMETERS_HOOK = "register_page_cache_query_parameters"


def may_use_cache(request):
    """May this request be answered from the cache, or its response stored?

    Query parameters that no page reads are dropped first (`drop_unused_parameters`), so
    `?utm_source=...` or a made-up `?x=1` is served from the cache like the bare address.
    """
    if not (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(EXCLUDED_PREFIXES)
    ):
        return False
    drop_unused_parameters(request)
    return not request.META.get("QUERY_STRING")


def drop_unused_parameters(request):
    """Remove from the request the query parameters that no page or feed reads.

    The page is then built from the same request as its bare address, so the stored
    response is the one any visitor would get. Parameters a page does read (the
    directory's filters, the feed's pages and filters, `?page=` on the feedback form)
    stay, and such a request is neither served from the cache nor stored, as before.
    """
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return
    used = query_parameters()
    kept = [
        part for part in query.split("&") if part and unquote_plus(part.split("=", 1)[0]) in used
    ]
    normalised = "&".join(kept)
    if normalised != query:
        request.META["QUERY_STRING"] = normalised
        request.__dict__.pop("GET", None)  # HttpRequest.GET is read once, then kept


@cache
def query_parameters():
    """Every query parameter a public page or the feed reads: apps name theirs through the
    `register_page_cache_query_parameters` hook (a function returning names)."""
    names = set()
    for hook in hooks.get_hooks(QUERY_PARAMETERS_HOOK):
        names.update(hook())
    return frozenset(names)


def is_cacheable(request, response):
    """Does this response qualify for the cache (and for `Cache-Control: public`)?"""
    user = getattr(request, "user", None)
    return (
        store.is_marked(request)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "is_preview", False)
        and not (user is not None and user.is_authenticated)
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        eligible = may_use_cache(request)
        enabled = eligible and settings.PAGE_CACHE_ENABLED
        key = None
        if enabled:
            site_id = store.site_id_for(request)
            if site_id is not None:
                # The token is read before the page is built: if a purge comes while it is
                # being built, it is stored under the old token and never served.
                key = store.entry_key(request, site_id, store.generation(site_id))
                cached = store.load_response(key)
                if cached is None and request.method == "GET" and not store.claim(key):
                    # Another request is building this page (just after a purge): wait
                    # for it rather than build it again.
                    cached = store.wait_for(key)
                    key = None  # not ours to store
                if cached is not None:
                    cached["X-Page-Cache"] = "hit"
                    return cached
                if request.method != "GET":
                    key = None

        try:
            response = self.get_response(request)
            if eligible and is_cacheable(request, response):
                patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
                if key is not None:
                    store.store_response(key, request, response)
                    response["X-Page-Cache"] = "miss"
            elif not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
        finally:
            if key is not None:
                store.release(key)
        return response
