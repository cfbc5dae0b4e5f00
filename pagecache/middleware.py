"""Serves cached pages to anonymous visitors and stores the responses that qualify."""

from django.conf import settings
from django.utils.cache import patch_cache_control

from . import store

# Never looked up nor stored: Wagtail's admin (editing, previews), documents (their
# privacy is checked on every download), and static or media files.
EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/")


def may_use_cache(request):
    """May this request be answered from the cache, or its response stored?"""
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(EXCLUDED_PREFIXES)
    )


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
