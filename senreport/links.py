"""Link health: find the external web addresses a site publishes, check each one, and keep
the latest result per address (`LinkCheck`).

A broken Local Offer or SENDIASS link breaks a legal duty quietly (SEND Regulations 2014,
Sch 1 paras 11 and 13): councils move their pages often. `manage.py check_links` runs
`check_site_links` once a day; the admin dashboard reads `broken_links`.
"""

from __future__ import annotations

import http.client
import logging
import socket
import ssl
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.error import HTTPError
from urllib.parse import urldefrag
from urllib.request import HTTPRedirectHandler, Request, build_opener

from django.db import transaction
from django.db.models import URLField
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.text import capfirst
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from home.models import SchoolSettings

from .models import LinkCheck, LinkKind

logger = logging.getLogger(__name__)

USER_AGENT = (
    "Mozilla/5.0 (compatible; SchoolSENDInformation-LinkChecker/1.0; "
    "checks the links on a school's SEND information pages)"
)
DEFAULT_TIMEOUT = 10
DEFAULT_WORKERS = 8
# When one address is found in several roles, the most specific wins.
KIND_RANK = {LinkKind.OTHER: 0, LinkKind.SENDIASS: 1, LinkKind.LOCAL_OFFER: 2}
KIND_ORDER = [LinkKind.LOCAL_OFFER, LinkKind.SENDIASS, LinkKind.OTHER]


# Finding the links


def normalise(url):
    """The address to check, without its #fragment; "" unless it is an http(s) address."""
    url = (url or "").strip()
    if not url.lower().startswith(("http://", "https://")):
        return ""
    return urldefrag(url).url


@dataclass
class FoundLink:
    url: str
    kind: str = LinkKind.OTHER
    found_in: list[str] = field(default_factory=list)
    in_settings: bool = False
    on_pages: bool = False


def settings_links(school):
    """(url, where, kind) of each web address in the school details."""
    for block in school.local_authorities:
        name = block.value.get("name") or "Local authority"
        yield (
            block.value.get("local_offer_url"),
            f"School details: {name} Local Offer",
            LinkKind.LOCAL_OFFER,
        )
        yield (
            block.value.get("ordinarily_available_provision_url"),
            f"School details: {name} Ordinarily Available Provision",
            LinkKind.LOCAL_OFFER,
        )
    sendiass = f" ({school.sendiass_name})" if school.sendiass_name else ""
    yield school.sendiass_url, f"School details: SENDIASS website{sendiass}", LinkKind.SENDIASS


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def html_links(html):
    """The href of every <a> in rich text. Internal links are stored without an href
    (`<a linktype="page" id="3">`), so what is left is external."""
    parser = _Anchors()
    parser.feed(html or "")
    parser.close()
    return parser.hrefs


def stream_links(block, value):
    """Web addresses in a StreamField value: links in rich text and URL blocks, at any
    depth of structs, lists and nested streams."""
    if value is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from stream_links(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from stream_links(block.child_block, item)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from stream_links(child_block, value.get(name))
    elif isinstance(block, blocks.RichTextBlock):
        yield from html_links(value.source)
    elif isinstance(block, blocks.URLBlock):  # EmbedBlock too: its value has a .url
        yield value if isinstance(value, str) else getattr(value, "url", "")


def object_links(obj):
    """(field label, url) of the web addresses in a page's (or child object's) fields."""
    for model_field in obj._meta.concrete_fields:
        label = capfirst(model_field.verbose_name)
        if isinstance(model_field, StreamField):
            for url in stream_links(model_field.stream_block, getattr(obj, model_field.name)):
                yield label, url
        elif isinstance(model_field, RichTextField):
            for url in html_links(getattr(obj, model_field.name)):
                yield label, url
        elif isinstance(model_field, URLField):
            yield label, getattr(obj, model_field.name)


def page_links(page):
    """(where, url) of the web addresses on a page, its InlinePanel children included."""
    for label, url in object_links(page):
        yield f"{page.title}: {label}", url
    for relation in get_all_child_relations(page):
        for child in getattr(page, relation.get_accessor_name()).all():
            name = capfirst(child._meta.verbose_name)
            for label, url in object_links(child):
                yield f"{page.title}: {name} “{str(child)[:40]}”: {label}", url


def collect_links(site):
    """Every external web address the site publishes: in the school details and on its
    live pages. A dict url -> FoundLink, in the order found (school details first)."""
    found = {}

    def add(url, where, kind=LinkKind.OTHER, in_settings=False):
        url = normalise(url)
        if not url:
            return
        link = found.setdefault(url, FoundLink(url))
        if where not in link.found_in:
            link.found_in.append(where)
        if KIND_RANK[kind] > KIND_RANK[link.kind]:
            link.kind = kind
        link.in_settings |= in_settings
        link.on_pages |= not in_settings

    for url, where, kind in settings_links(SchoolSettings.for_site(site)):
        add(url, where, kind, in_settings=True)
    pages = (
        Page.objects.live()
        .descendant_of(site.root_page, inclusive=True)
        .order_by("path")
        .specific()
    )
    for page in pages:
        for where, url in page_links(page):
            add(url, where)
    return found


# Checking one address


@dataclass(frozen=True)
class LinkResult:
    url: str
    ok: bool
    status_code: int | None = None
    final_url: str = ""
    error: str = ""


class _RedirectHandler(HTTPRedirectHandler):
    """Follow redirects with the same method: urllib turns a redirected HEAD into a GET,
    which would download whole documents."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and req.get_method() == "HEAD":
            new.method = "HEAD"
        return new


def _open(url, method, timeout):
    # Only http(s) addresses get here (see normalise); redirects stay on http(s) too.
    request = Request(  # noqa: S310
        iri_to_uri(url),
        method=method,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
            "Accept-Language": "en-GB,en;q=0.8",
        },
    )
    opener = build_opener(_RedirectHandler)
    response = opener.open(request, timeout=timeout)
    with response:
        return LinkResult(
            url,
            ok=True,
            status_code=response.status,
            final_url=response.url if response.url != url else "",
        )


def _is_timeout(error):
    reason = getattr(error, "reason", error)
    return isinstance(reason, TimeoutError | socket.timeout)


def describe_status(code):
    if code == 404:
        return "Page not found (404): the page may have moved or been removed."
    if code == 410:
        return "The page has been removed (410)."
    if code in (401, 403):
        return (
            f"The website refused access ({code}). It may block automatic checks: "
            "open the link in a browser to be sure."
        )
    if code == 429:
        return "The website asked for fewer requests (429): it will be checked again."
    if code >= 500:
        return f"The other website had an error ({code})."
    return f"The other website refused the request ({code})."


def describe_error(error, timeout=DEFAULT_TIMEOUT):
    """A plain-English reason for a failed check, for office staff."""
    reason = getattr(error, "reason", error)
    if _is_timeout(error):
        return f"No answer within {timeout:g} seconds."
    if isinstance(reason, socket.gaierror):
        return "The website's address could not be found: the domain may be wrong or gone."
    if isinstance(reason, ConnectionRefusedError):
        return "The website refused the connection."
    if isinstance(reason, ssl.SSLCertVerificationError):
        return "The website's security certificate is not valid."
    if isinstance(reason, ssl.SSLError):
        return "A secure connection to the website could not be made."
    if isinstance(reason, http.client.RemoteDisconnected | ConnectionResetError):
        return "The website closed the connection without answering."
    return f"The link could not be checked ({reason})."[:255]


def _from_http_error(url, error):
    if 300 <= error.code < 400:
        if str(error.msg).startswith(HTTPRedirectHandler.inf_msg):
            loop = "The address redirects in a loop."
            return LinkResult(url, False, error.code, error.url, loop)
        # A redirect that cannot be followed (no Location) still answered.
        return LinkResult(url, True, error.code)
    return LinkResult(url, False, error.code, "", describe_status(error.code))


def check_url(url, timeout=DEFAULT_TIMEOUT):
    """Check one address: HEAD, then GET if the server refuses or fumbles HEAD (some only
    answer GET). Redirects are followed; 2xx and 3xx answers are fine."""
    try:
        return _open(url, "HEAD", timeout)
    except HTTPError as error:
        head_failed = _from_http_error(url, error)
        if head_failed.ok:
            return head_failed
    except (http.client.HTTPException, ConnectionResetError):
        pass  # a server that drops HEAD requests: try GET
    except Exception as error:  # DNS, refused, timeout, certificate: GET would fail too
        return LinkResult(url, False, error=describe_error(error, timeout))
    try:
        return _open(url, "GET", timeout)
    except HTTPError as error:
        return _from_http_error(url, error)
    except Exception as error:
        return LinkResult(url, False, error=describe_error(error, timeout))


# Checking a site, and reading the results


@dataclass(frozen=True)
class LinkRun:
    site: object
    checks: list[LinkCheck]

    @property
    def broken(self):
        return [c for c in self.checks if not c.ok]


def check_site_links(site, timeout=DEFAULT_TIMEOUT, workers=DEFAULT_WORKERS):
    """Check every external address of the site, concurrently, and record the results:
    one `LinkCheck` per address, updated in place; addresses no longer published are
    forgotten."""
    found = collect_links(site)
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results = list(pool.map(lambda url: check_url(url, timeout), found))
    checked_at = timezone.now()
    checks = []
    with transaction.atomic():
        LinkCheck.objects.filter(site=site).exclude(url__in=list(found)).delete()
        for link, result in zip(found.values(), results, strict=True):
            row, _ = LinkCheck.objects.update_or_create(
                site=site,
                url=link.url,
                defaults={
                    "kind": link.kind,
                    "found_in": link.found_in,
                    "in_settings": link.in_settings,
                    "on_pages": link.on_pages,
                    "ok": result.ok,
                    "status_code": result.status_code,
                    "final_url": result.final_url[:2000],
                    "error": result.error[:255],
                    "checked_at": checked_at,
                },
            )
            checks.append(row)
    run = LinkRun(site, checks)
    for row in run.broken:
        logger.warning("Broken link: site=%s url=%s error=%s", site.hostname, row.url, row.error)
    logger.info(
        "Links checked: site=%s checked=%d broken=%d",
        site.hostname,
        len(checks),
        len(run.broken),
    )
    return run


def broken_links(site, kinds=None):
    """The site's broken external links at the last `manage.py check_links`, Local Offer
    first, then SENDIASS, then the rest; each a `LinkCheck` with `.url`, `.where` (the
    places it appears), `.get_kind_display()`, `.error` (plain English), `.status_code`
    and `.checked_at`.

    `kinds`: e.g. `[LinkKind.LOCAL_OFFER, LinkKind.SENDIASS]` for the dashboard. An address
    the office has since removed from the school details is left out at once, without
    waiting for the next check.
    """
    rows = LinkCheck.objects.filter(site=site, ok=False)
    if kinds:
        rows = rows.filter(kind__in=list(kinds))
    rows = list(rows)
    if any(row.in_settings and not row.on_pages for row in rows):
        current = {normalise(url) for url, _, _ in settings_links(SchoolSettings.for_site(site))}
        rows = [row for row in rows if row.on_pages or row.url in current]
    return sorted(rows, key=lambda row: (KIND_ORDER.index(row.kind), row.url))


def links_last_checked(site):
    """When the site's links were last checked, or None if never."""
    row = LinkCheck.objects.filter(site=site).order_by("-checked_at").first()
    return row.checked_at if row else None
