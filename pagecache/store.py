"""Keys, generation tokens and purging of the page cache (see the package docstring)."""

import base64
import logging
import os
import secrets
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse

from .frontend import purge_sites_at_cdn

logger = logging.getLogger(__name__)

PREFIX = "pagecache"
# How long a host name is remembered as belonging to a site. Changing a site's host name
# forgets it at once; other host names served by the default site follow within this time.
HOST_TTL = 300
_MARKER = "_pagecache_cacheable"
_GENERATION_ATTRIBUTE = "_pagecache_site_generation"
# After a purge, many visitors ask for the same page at once. The first builds it; the
# others wait for its result, up to WAIT_SECONDS, instead of all building it together.
BUILD_SECONDS = 30
WAIT_SECONDS = 5.0
POLL_SECONDS = 0.02


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def mark_cacheable(request):
    """Say that this request's response may be cached if it qualifies (see middleware.py)."""
    setattr(request, _MARKER, True)


def is_marked(request):
    return getattr(request, _MARKER, False)


def _host_key(scheme, host):
    return f"{PREFIX}:host:{scheme}://{host.lower()}"


def _generation_key(site_id):
    return f"{PREFIX}:gen:{site_id}"


def _new_token():
    return secrets.token_hex(8)


def site_id_for(request):
    """The id of the Site serving this request, remembered per host name in the cache."""
    from wagtail.models import Site

    key = _host_key(request.scheme, request.get_host())
    store = cache()
    site_id = store.get(key)
    if site_id is None:
        site = Site.find_for_request(request)
        if site is None:
            return None
        site_id = site.pk
        store.set(key, site_id, HOST_TTL)
    return site_id


def generation(site_id):
    """The site's current token: part of every key, replaced by a purge."""
    store = cache()
    key = _generation_key(site_id)
    token = store.get(key)
    if token is None:
        # A lost token (evicted, or the first request) starts a new generation: always safe.
        store.add(key, _new_token(), None)
        token = store.get(key)
    return token


def site_generation(request):
    """(site id, generation token) of the site serving this request, read once per request
    (None for a host no site serves). Whatever a request keeps is keyed by the token it read
    before it read anything else: built after a purge began, it is never read again."""
    found = getattr(request, _GENERATION_ATTRIBUTE, False)
    if found is False:
        site_id = site_id_for(request)
        found = None if site_id is None else (site_id, generation(site_id))
        setattr(request, _GENERATION_ATTRIBUTE, found)
    return found


def entry_key(request, site_id, token):
    return f"{PREFIX}:page:{site_id}:{token}:{request.scheme}://{request.get_host()}{request.path}"


class LocalEntries:
    """The entries this worker read or stored last, in its own memory (least recently used
    dropped first, at most `max_bytes` of content).

    A hit then costs no file read and no decompression. It cannot serve a purged page: an
    entry's key holds its site's generation token, which every request still reads from the
    shared store, so after a purge (in any worker) no request asks for the old key again.
    Entries expire when their shared copy does (PAGE_CACHE_TIMEOUT after it was stored).
    """

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.entries = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            found = self.entries.get(key)
            if found is None:
                return None
            expires, entry = found
            if expires < time.time():
                self._drop(key)
                return None
            self.entries.move_to_end(key)
            return entry

    def set(self, key, entry):
        size = len(entry["content"])
        if size > self.max_bytes:
            return
        with self.lock:
            if key in self.entries:
                self._drop(key)
            # When the shared entry expires (entries stored before this was recorded: now).
            expires = entry.get("expires") or time.time() + settings.PAGE_CACHE_TIMEOUT
            self.entries[key] = (expires, entry)
            self.size += size
            while self.size > self.max_bytes:
                self._drop(next(iter(self.entries)))

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0

    def _drop(self, key):
        _, entry = self.entries.pop(key)
        self.size -= len(entry["content"])


local_entries = LocalEntries(getattr(settings, "PAGE_CACHE_LOCAL_BYTES", 32 * 1024 * 1024))


def store_response(key, request, response):
    nonce = getattr(request, "_csp_nonce", None)
    entry = {
        "status": response.status_code,
        "headers": [(name, value) for name, value in response.headers.items()],
        "content": response.content,
        "nonce": nonce if isinstance(nonce, str) else None,
        "expires": time.time() + settings.PAGE_CACHE_TIMEOUT,
    }
    cache().set(key, entry, settings.PAGE_CACHE_TIMEOUT)
    local_entries.set(key, entry)


def load_response(key):
    """The stored response, with a fresh CSP nonce in both the page and its header."""
    entry = local_entries.get(key)
    if entry is None:
        entry = cache().get(key)
        if entry is None:
            return None
        local_entries.set(key, entry)
    content, headers = entry["content"], entry["headers"]
    old = entry.get("nonce")
    if old:
        new = base64.b64encode(os.urandom(16)).decode("ascii")
        content = content.replace(old.encode(), new.encode())
        headers = [(name, value.replace(old, new)) for name, value in headers]
    response = HttpResponse(content, status=entry["status"])
    for name, value in headers:
        response[name] = value
    return response


def claim(key):
    """Take the right to build this entry. False if another request is building it."""
    return cache().add(f"{key}:building", 1, BUILD_SECONDS)


def release(key):
    cache().delete(f"{key}:building")


def wait_for(key):
    """The entry another request is building, once stored; None if it gives up, or stores
    nothing (the page turned out not to be cacheable), or WAIT_SECONDS pass."""
    store = cache()
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        response = load_response(key)
        if response is not None:
            return response
        if not store.has_key(f"{key}:building"):
            return load_response(key)
    return None


def _bump(site_ids):
    store = cache()
    store.set_many({_generation_key(site_id): _new_token() for site_id in site_ids}, None)


def purge_sites(site_ids, reason=""):
    """Empty the page cache of these sites, now and again once the transaction commits.

    Now, so that the rest of this request (and tests, which never commit) see the change;
    after the commit, so that a request which read the old content from the database
    between the two cannot leave it in the cache.
    """
    site_ids = {site_id for site_id in site_ids if site_id is not None}
    if not site_ids:
        return
    _bump(site_ids)
    transaction.on_commit(lambda: _bump(site_ids))
    logger.info(
        "Page cache purged for site %s%s",
        ", ".join(str(s) for s in sorted(site_ids)),
        f": {reason}" if reason else "",
    )
    transaction.on_commit(lambda: purge_sites_at_cdn(site_ids))


def purge_all_sites(reason=""):
    from wagtail.models import Site

    purge_sites(Site.objects.values_list("pk", flat=True), reason)


def forget_host(hostname, port):
    """Drop what the cache remembers of a host name (after a site's address changes)."""
    keys = []
    for scheme in ("http", "https"):
        keys.append(_host_key(scheme, hostname))
        keys.append(_host_key(scheme, f"{hostname}:{port}"))
    cache().delete_many(keys)
