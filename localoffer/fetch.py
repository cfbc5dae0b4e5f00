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
The HTTP is `requests`'; only where it connects (a checked address, with the host name
for TLS and the Host header) and the byte-counting, deadline-checking read are ours.
Every failure is a `FetchError` whose message names the address and says what happened.
"""

import ipaddress
import socket
import time
import urllib.parse

import requests
import urllib3
from django.conf import settings
from requests.adapters import HTTPAdapter

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


class _HostNameTLSAdapter(HTTPAdapter):
    """HTTPS to a checked IP address that checks the certificate against, and sends in
    SNI, the feed's host name."""

    def __init__(self, host):
        self.host = host
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args, **kwargs):
        kwargs.update(server_hostname=self.host, assert_hostname=self.host)
        super().init_poolmanager(*args, **kwargs)


def _bracketed(host):
    return f"[{host}]" if ":" in host else host


def _reason(exc):
    """The innermost cause of a requests/urllib3 error, as a short phrase."""
    reason = exc
    while True:
        inner = getattr(reason, "reason", None)
        if inner is None and reason.args and isinstance(reason.args[0], BaseException):
            inner = reason.args[0]
        if not isinstance(inner, BaseException) or inner is reason:
            break
        reason = inner
    return str(reason).split("Failed to establish a new connection: ")[-1]


def _get(session, scheme, host, port, target, deadline, url, accept):
    """The response (headers read, body not yet) from the first checked address of `host`
    that answers."""
    default_port = 443 if scheme == "https" else 80
    headers = {
        "Accept": accept,
        "User-Agent": USER_AGENT,
        # The limit counts the bytes sent, so nothing compressed.
        "Accept-Encoding": "identity",
        "Host": _bracketed(host) + ("" if port == default_port else f":{port}"),
    }
    last_error = None
    for _, _, _, _, sockaddr in checked_addresses(host, port):
        address = f"{scheme}://{_bracketed(sockaddr[0])}:{port}{target}"
        try:
            return session.get(
                address,
                headers=headers,
                timeout=deadline.remaining(url),
                stream=True,
                allow_redirects=False,
            )
        except requests.ConnectionError as exc:  # refused or timed out: the next address
            last_error = exc
    raise last_error or requests.ConnectionError(f"no address for {host}")


def _read_body(response, deadline, url, limit):
    # Each read may wait only until the whole fetch's deadline.
    connection = response.raw.connection
    sock = connection.sock if connection is not None else None
    chunks, size = [], 0
    while True:
        remaining = deadline.remaining(url)
        if sock is not None:
            sock.settimeout(remaining)
        chunk = response.raw.read1(CHUNK)
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
    with requests.Session() as session:
        session.trust_env = False  # no proxies from the environment
        session.mount("http://", HTTPAdapter(max_retries=0))
        for _ in range(MAX_REDIRECTS + 1):
            scheme, host, port = check_url(current)
            session.mount("https://", _HostNameTLSAdapter(host))
            parts = urllib.parse.urlsplit(current)
            target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
            response = None
            try:
                response = _get(session, scheme, host, port, target, deadline, current, accept)
                if response.status_code in REDIRECT_STATUSES:
                    location = response.headers.get("Location", "")
                    following = urllib.parse.urljoin(current, location)
                    if not location or check_url(following) != original:
                        raise FetchError(
                            f"{current} redirects to {following or 'nowhere'}: the import "
                            "follows redirects only within the same site (scheme, host and "
                            "port). Give the feed's final address instead."
                        )
                    current = following
                    continue
                if response.status_code >= 400:
                    raise FetchError(f"{current} answered HTTP {response.status_code}.")
                return _read_body(response, deadline, current, limit)
            except (requests.Timeout, urllib3.exceptions.TimeoutError, TimeoutError):
                deadline.remaining(current)  # says so when the deadline has passed
                raise FetchError(f"{current} stopped answering.") from None
            except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
                raise FetchError(f"Could not fetch {current}: {_reason(exc)}.") from None
            finally:
                if response is not None:
                    response.close()
    raise FetchError(f"{url} redirects more than {MAX_REDIRECTS} times.")
