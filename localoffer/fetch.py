"""Fetching a council's feed without letting the address reach what it should not.

The importer fetches whatever address an editor or operator types, from inside the
school's network. So, unless `OPENREFERRAL_FETCH_ALLOW_PRIVATE` is on (the tests' local
server needs it):

- only http and https; the host name is resolved and *every* address it resolves to must
  be a public one (no loopback, private, link-local, shared, multicast or reserved
  address), and the connection is made to an address that was checked, so a name that
  resolves differently a moment later cannot slip past;
- a redirect is followed only to the same scheme, host and port, and at most
  `MAX_REDIRECTS` times;
- one fetch, redirects included, must finish within `OPENREFERRAL_FETCH_DEADLINE`
  seconds in total (a server that drips one byte a second is cut off, however long each
  read takes) and send at most `OPENREFERRAL_FETCH_MAX_BYTES`.

Proxies from the environment are not used: the checks must see the real destination.
Every failure is a `FetchError` whose message names the address and says what happened.
"""

import http.client
import ipaddress
import socket
import ssl
import time
import urllib.parse

from django.conf import settings

MAX_REDIRECTS = 5
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024
USER_AGENT = "school-send-site/1"


class FetchError(Exception):
    """The address was refused, or did not answer as it should."""


def allow_private():
    return bool(getattr(settings, "OPENREFERRAL_FETCH_ALLOW_PRIVATE", False))


def deadline_seconds():
    return float(getattr(settings, "OPENREFERRAL_FETCH_DEADLINE", 60))


def max_bytes():
    return int(getattr(settings, "OPENREFERRAL_FETCH_MAX_BYTES", 20 * 1024 * 1024))


def describe_size(size):
    return f"{size / 2**20:g} MB" if size >= 2**20 else f"{size:,} bytes"


def refused_reason(address):
    """Why this IP address may not be fetched, or '' if it is a public one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for reason, flag in (
        ("a loopback address (this machine)", ip.is_loopback),
        ("a link-local address", ip.is_link_local),
        ("a reserved address", ip.is_reserved or ip.is_unspecified),
        ("a multicast address", ip.is_multicast),
        ("a private network address", ip.is_private),
        ("not a public internet address", not ip.is_global),
    ):
        if flag:
            return reason
    return ""


def check_url(url):
    """(scheme, host, port) of an address that may be fetched, or FetchError."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError:
        raise FetchError(f"{url} is not a valid web address.") from None
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"Only http and https addresses can be fetched, not {url}.")
    if not parts.hostname:
        raise FetchError(f"{url} has no host name.")
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80)


def checked_addresses(host, port):
    """Every address `host` resolves to, after checking them all; FetchError if any is
    not a public address (unless private addresses are allowed)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"Could not find the host {host}: {exc}.") from None
    if not allow_private():
        for info in infos:
            address = info[4][0]
            reason = refused_reason(address)
            if reason:
                what = host if address == host else f"{host} resolves to {address}, which"
                raise FetchError(
                    f"{what} is {reason}: the import only fetches from public internet addresses."
                )
    return infos


class _Deadline:
    def __init__(self, seconds):
        self.ends = time.monotonic() + seconds
        self.seconds = seconds

    def remaining(self, url):
        left = self.ends - time.monotonic()
        if left <= 0:
            raise FetchError(
                f"{url} did not finish sending within {self.seconds:g} seconds; "
                "the import gives up on slow feeds."
            )
        return left


def _connection(scheme, host, port, deadline, url):
    """An HTTP(S) connection whose socket goes to an address that was checked."""
    infos = checked_addresses(host, port)

    def connect(address, timeout=None, source_address=None):
        last_error = None
        for family, kind, proto, _, sockaddr in infos:
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(deadline.remaining(url))
                sock.connect(sockaddr)
                return sock
            except OSError as exc:
                sock.close()
                last_error = exc
        raise last_error or OSError(f"no address for {host}")

    if scheme == "https":
        connection = http.client.HTTPSConnection(
            host, port, timeout=deadline.remaining(url), context=ssl.create_default_context()
        )
    else:
        connection = http.client.HTTPConnection(host, port, timeout=deadline.remaining(url))
    connection._create_connection = connect
    return connection


def _read_body(sock, response, deadline, url, limit):
    chunks, size = [], 0
    while True:
        sock.settimeout(deadline.remaining(url))
        chunk = response.read1(CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise FetchError(
                f"{url} sent more than {describe_size(limit)}, the most the import reads."
            )
        chunks.append(chunk)


def fetch(url, accept="application/json"):
    """The body of `url` (bytes), within the deadline and size limit; FetchError else."""
    deadline = _Deadline(deadline_seconds())
    limit = max_bytes()
    original = check_url(url)
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        scheme, host, port = check_url(current)
        parts = urllib.parse.urlsplit(current)
        target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        connection = _connection(scheme, host, port, deadline, current)
        try:
            try:
                connection.connect()
                # Kept: the connection forgets its socket once a response says it closes.
                sock = connection.sock
                connection.request(
                    "GET", target, headers={"Accept": accept, "User-Agent": USER_AGENT}
                )
                sock.settimeout(deadline.remaining(current))
                response = connection.getresponse()
                if response.status in REDIRECT_STATUSES:
                    location = response.getheader("Location", "")
                    following = urllib.parse.urljoin(current, location)
                    if not location or check_url(following) != original:
                        raise FetchError(
                            f"{current} redirects to {following or 'nowhere'}: the import "
                            "follows redirects only within the same site (scheme, host and "
                            "port). Give the feed's final address instead."
                        )
                    current = following
                    continue
                if response.status >= 400:
                    raise FetchError(f"{current} answered HTTP {response.status}.")
                return _read_body(sock, response, deadline, current, limit)
            except TimeoutError:
                deadline.remaining(current)  # says so when the deadline has passed
                raise FetchError(f"{current} stopped answering.") from None
            except (OSError, http.client.HTTPException) as exc:
                raise FetchError(f"Could not fetch {current}: {exc}.") from None
        finally:
            connection.close()
    raise FetchError(f"{url} redirects more than {MAX_REDIRECTS} times.")
