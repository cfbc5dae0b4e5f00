"""The statutory pages as PDFs, made from the same HTML a visitor gets, with its print
stylesheet (static/css/print.css), by WeasyPrint.

- Tagged for screen readers (WeasyPrint's PDF/UA-1 variant), with the page's language
  (`<html lang>`), its title and its headings as bookmarks.
- Made once per published revision: the bytes are kept in the page cache's store under the
  site's current generation token, so anything that purges the page cache (a publish, a
  glossary change, school details) purges the PDFs with it, and a thousand downloads of
  one revision render it once. Anonymous downloads are also kept whole by the page cache
  middleware (`mark_cacheable`), like any page.
- WeasyPrint fetches nothing over the network: the stylesheets and images are read from
  the static files and media storage (`LocalFetcher`); any other address is refused.
"""

import copy
import logging
import mimetypes
import time
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from wagtail.models import Site

from pagecache import store as pagecache_store

logger = logging.getLogger(__name__)

PDF_VARIANT = "pdf/ua-1"
CONTENT_TYPE = "application/pdf"
# The statutory pages with a "Download as PDF" link (by model label).
PDF_PAGE_MODELS = (
    "senreport.SENInformationReportPage",
    "senreport.DisabilityAccessPage",
    "senreport.AccessibilityPlanPage",
    "senreport.InclusionStrategyPage",
    "senreport.StatutoryInformationPage",
)


def has_pdf(page):
    return page is not None and page.specific_class._meta.label in PDF_PAGE_MODELS


def pdf_url(url):
    """A page's PDF address: `/send/report/` gives `/send/report.pdf`."""
    return f"{url.rstrip('/')}.pdf" if url and url != "/" else ""


def _local_file(path):
    """The bytes of a static or media file named by its URL path, or None."""
    static_url = urlsplit(settings.STATIC_URL).path
    media_url = urlsplit(settings.MEDIA_URL).path
    if path.startswith(static_url):
        name = path[len(static_url) :]
        if staticfiles_storage.exists(name):
            with staticfiles_storage.open(name) as handle:
                return handle.read()
        found = finders.find(name)
        if found:
            with open(found, "rb") as handle:
                return handle.read()
    elif path.startswith(media_url):
        name = path[len(media_url) :]
        if default_storage.exists(name):
            with default_storage.open(name) as handle:
                return handle.read()
    return None


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        """Serves the page's own static and media files; refuses everything else."""

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            body = _local_file(unquote(parts.path)) if parts.scheme in ("http", "https") else None
            if body is None:
                raise ValueError(f"Not fetched for a PDF: {url}")
            content_type = mimetypes.guess_type(parts.path)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})

    return LocalFetcher


def html_to_pdf(html, base_url):
    """A tagged PDF (PDF/UA-1) of this HTML page, styled for print."""
    import weasyprint

    started = time.perf_counter()
    document = weasyprint.HTML(
        string=html, base_url=base_url, url_fetcher=_fetcher_class()(), media_type="print"
    )
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True, custom_metadata=True)
    logger.info("PDF of %s made in %.2f s", base_url, time.perf_counter() - started)
    return pdf


def anonymous(request):
    """The request as a visitor who is not logged in would make it: the PDF is the public
    page, without the editors' user bar."""
    visitor = copy.copy(request)
    visitor.user = AnonymousUser()
    return visitor


def render_page_html(page, request):
    """The page's public HTML, as its template renders it for a visitor."""
    visitor = anonymous(request)
    # The printed footer's "Printed from" names the page, not the PDF's address.
    visitor.path = visitor.path_info = page.get_url(request)
    response = page.serve(visitor)
    if hasattr(response, "render"):
        response.render()
    return response.content.decode(response.charset or "utf-8")


def _cache_key(site_id, *parts):
    token = pagecache_store.generation(site_id)
    return ":".join([pagecache_store.PREFIX, "pdf", str(site_id), token, *map(str, parts)])


def cached_pdf(site_id, parts, build):
    """The PDF kept for these key parts under the site's current page-cache generation;
    made by `build()` when missing."""
    key = _cache_key(site_id, *parts)
    store = pagecache_store.cache()
    pdf = store.get(key)
    if pdf is None:
        pdf = build()
        store.set(key, pdf, settings.PAGE_CACHE_TIMEOUT)
    return pdf


def page_pdf(page, request):
    """The PDF of the page's live revision, made once per revision."""
    site = Site.find_for_request(request)
    site_id = site.pk if site else 0

    def build():
        html = render_page_html(page, request)
        return html_to_pdf(html, request.build_absolute_uri(page.get_url(request)))

    return cached_pdf(site_id, ("page", page.pk, page.live_revision_id or 0), build)


def filename_for(page, suffix=""):
    return f"{page.slug}{suffix}.pdf"
