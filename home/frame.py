"""The frame every public page is drawn in, remembered between renders: the site of the
request, its home page, the school details (header, footer, colours) and the navigation
(menu, footer links, feedback link).

Without it, each render reads them again: Wagtail's routing finds the site (one query) and
its home page (two), Wagtail's settings the school details (one), routing the list of
private pages (one), the header and footer the navigation (one). They are the same for every
page of a site, so they are kept in the page cache's store (as page fragments are:
pagecache/fragments.py), under a key made of

- the site's page-cache generation token (pagecache.store.generation): every change that
  empties the page cache gives a new token (any publish, unpublish, move or deletion of a
  page of the site; school details; sites; images and documents; page privacy), so what is
  kept is exactly as fresh as a cached page or a page fragment. The token is read once per
  request (`site_token`), before anything is read from the database, so a frame built while
  a purge happens is stored under the old token and never read again;
- the site and today's date; the navigation also by the language and the home page it is
  read from (a translated site has a home page per language).

The route to each address is kept too (per site, token, date, language and address: the
page Wagtail's routing found, its arguments, the pages on the way for the breadcrumb), so an
anonymous reader's uncached render of a page whose body is a kept fragment (the SEN
Information Report) reads nothing from the database.

Only for GET and HEAD requests of public pages (never the admin nor a preview, documents or
static files), with page fragments on (PAGE_FRAGMENTS). The site, its home page and the
routes only for requests without a session (anonymous readers); a signed-in reader's
request is routed as Wagtail does, since an editor's user bar reads the page's draft state,
which saving a draft changes without a purge. The school details, private pages and
navigation hold only published values: signed-in readers get them too.
"""

import logging

from django.conf import settings
from django.utils import timezone, translation
from wagtail.models import Page, Site

from home.models import SchoolSettings
from home.models.base import ROUTE_TRAIL_ATTRIBUTE
from home.public import private_paths, remember_private_paths
from pagecache import store

logger = logging.getLogger(__name__)

PREFIX = f"{store.PREFIX}:frame"
# Never framed: Wagtail's admin (editing, previews), documents, static and media files.
EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/")


def site_token(request):
    """(site id, generation token) of this request, read once (pagecache.store
    .site_generation); None when nothing may be kept for it (see the module's docstring)."""
    if (
        request is None
        or not getattr(settings, "PAGE_FRAGMENTS_ENABLED", True)
        or request.method not in ("GET", "HEAD")
        or request.path.startswith(EXCLUDED_PREFIXES)
        or getattr(request, "is_preview", False)
        or getattr(request, "is_dummy", False)  # a preview's request, before is_preview is set
    ):
        return None
    return store.site_generation(request)


def _key(request, name, *parts):
    found = site_token(request)
    if found is None:
        return None
    site_id, token = found
    date = timezone.localdate().isoformat()
    return ":".join((PREFIX, name, str(site_id), token, date, *(str(p) for p in parts)))


def _load(key):
    """The kept value, or None (also when it cannot be read back, as after a release that
    changed a model before `clear_page_cache` ran: then it is built again)."""
    try:
        return store.cache().get(key)
    except Exception:  # noqa: BLE001 (any unpickling error: build it again)
        logger.warning("Could not read %s from the page cache's store", key, exc_info=True)
        return None


def remembered(request, name, parts, build):
    """`build()`, kept under `name` and `parts` for this request's site and generation (and
    language); built every time when nothing may be kept for the request."""
    key = _key(request, name, translation.get_language() or "", *parts)
    if key is None:
        return build()
    value = _load(key)
    if value is None:
        value = build()
        store.cache().set(key, value, settings.PAGE_CACHE_TIMEOUT)
    return value


def _build_site_frame(request, site_id):
    site = Site.find_for_request(request)
    if site is None or site.pk != site_id:
        return None
    # Wagtail's routing starts from `site.root_page.localized.specific`: keep the specific
    # home page in the site's cache of its root page.
    site.root_page = site.root_page.specific
    return {
        "site": site,
        "school": SchoolSettings.for_site(site),
        "private_paths": private_paths(),
    }


def _apply(request, frame):
    if _anonymous(request):
        request._wagtail_site = frame["site"]
    school = frame["school"]
    school._request = request
    school._page_url_cache = {}
    setattr(request, SchoolSettings.get_cache_attr_name(), school)
    remember_private_paths(request, frame["private_paths"])


def _anonymous(request):
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def _remember_route(request, path):
    """Prime Wagtail's routing of this request (`request._wagtail_route_for_request`) with
    the page found for this address before, with the pages on the way (the breadcrumb
    reads them); route and remember it now when it is not kept yet. Anonymous readers
    only, as the site's home page."""
    key = _key(request, "route", translation.get_language() or "", request.path)
    if key is None or not _anonymous(request):
        return
    kept = _load(key)
    if kept is not None:
        request._wagtail_route_for_request = kept["route"]
        setattr(request, ROUTE_TRAIL_ATTRIBUTE, kept["trail"])
        return
    route = Page.route_for_request(request, path)
    if route is not None:
        trail = getattr(request, ROUTE_TRAIL_ATTRIBUTE, None)
        store.cache().set(key, {"route": route, "trail": trail}, settings.PAGE_CACHE_TIMEOUT)


def _is_wagtail_serve(view_func):
    """Wagtail's page-serving view (wagtail.views.serve; its module needs the models)."""
    return (view_func.__module__, view_func.__name__) == ("wagtail.views", "serve")


class SiteFrameMiddleware:
    """Gives the request its site, home page, school details and private pages from the
    remembered frame (built and kept by the first request after a purge)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _key(request, "site")
        if key is not None:
            frame = _load(key)
            if frame is None:
                frame = _build_site_frame(request, site_token(request)[0])
                if frame is not None:
                    store.cache().set(key, frame, settings.PAGE_CACHE_TIMEOUT)
                    frame = _load(key)  # a copy: this request may change its own
            if frame is not None:
                _apply(request, frame)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Before Wagtail serves a page (the language of the request is known by now)."""
        if _is_wagtail_serve(view_func) and hasattr(request, "_wagtail_site"):
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            _remember_route(request, path)
