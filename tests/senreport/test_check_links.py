"""`manage.py check_links` against a local HTTP server: never the internet.

Every name lookup other than the loopback address fails in these tests, so a link to a
real-looking domain shows how a missing domain is reported, without a network.
"""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from home.models import SchoolSettings
from senreport import links
from senreport.models import (
    DisabilityAccessPage,
    LinkCheck,
    LinkKind,
    SENDSectionPage,
    SENInformationReportPage,
)
from tests import factories

# The timeout is long enough for the local server to answer on a busy machine; the slow
# endpoint waits well beyond it.
SLOW = 6  # seconds the slow endpoint waits; tests use a shorter timeout
TIMEOUT = 2
NO_ANSWER = f"No answer within {TIMEOUT:g} seconds."


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.answer(head=True)

    def do_GET(self):
        self.answer(head=False)

    def answer(self, head):
        path = urlsplit(self.path).path
        self.server.requests.append((self.command, path, self.headers.get("User-Agent")))
        if path == "/ok":
            self.reply(200, head)
        elif path == "/moved":
            self.reply(301, head, location="/ok")
        elif path == "/loop":
            self.reply(302, head, location="/loop")
        elif path == "/missing":
            self.reply(404, head)
        elif path == "/error":
            self.reply(500, head)
        elif path == "/no-head":
            self.reply(405 if head else 200, head)
        elif path == "/slow":
            time.sleep(SLOW)
            self.reply(200, head)
        else:
            self.reply(404, head)

    def reply(self, status, head, location=None):
        body = b"<!doctype html><title>test</title><p>Hello</p>"
        try:
            self.send_response(status)
            if location:
                self.send_header("Location", location)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the checker gave up waiting (the slow endpoint)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def base(server):
    server.requests.clear()
    return f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host not in ("127.0.0.1", "localhost"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def refused_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def school_site(site, base):
    """A school whose details and pages link every route of the local server."""
    factories.school_settings(
        local_authorities=[
            (
                "local_authority",
                {
                    "name": "Westmere Borough Council",
                    "local_offer_url": f"{base}/moved#top",
                    "ordinarily_available_provision_url": f"{base}/missing",
                },
            )
        ],
        sendiass_name="Westmere SENDIASS",
        sendiass_url=f"{base}/error",
    )
    home = site.root_page.specific
    factories.standard_page(
        home,
        title="Visiting the school",
        body=[
            (
                "paragraph",
                f'<p><a href="{base}/ok">Map</a>, <a href="{base}/no-head">bus times</a>, '
                f'<a href="mailto:office@school.example">e-mail</a> and '
                f'<a linktype="page" id="{home.pk}">home</a>.</p>',
            ),
            (
                "questions",
                {
                    "heading": "",
                    "items": [
                        {
                            "question": "Where is the Local Offer?",
                            "answer": f'<p><a href="{base}/missing">Here</a>.</p>',
                        }
                    ],
                },
            ),
        ],
    )
    unpublished = factories.standard_page(
        home,
        title="Old news",
        slug="old-news",
        body=[("paragraph", f'<p><a href="{base}/unpublished-only">x</a></p>')],
    )
    unpublished.unpublish()
    section = factories.publish_child(home, SENDSectionPage(title="SEND", slug="send"))
    factories.publish_child(
        section,
        SENInformationReportPage(
            title="SEN Information Report",
            slug="sen-information-report",
            complaints=f'<p>Read the <a href="{base}/slow">procedure</a>.</p>',
        ),
    )
    factories.publish_child(
        section,
        DisabilityAccessPage(
            title="Disability and access",
            slug="disability-and-access",
            admission_arrangements_url="https://www.westmere.example/admissions",
        ),
    )
    return site


def run(*args):
    out = StringIO()
    call_command("check_links", "--timeout", str(TIMEOUT), *args, stdout=out)
    return out.getvalue()


def test_collects_addresses_from_the_school_details_and_live_pages(school_site, base):
    found = links.collect_links(school_site)
    assert {url: (link.kind, link.found_in) for url, link in found.items()} == {
        f"{base}/moved": (
            LinkKind.LOCAL_OFFER,
            ["School details: Westmere Borough Council Local Offer"],
        ),
        f"{base}/missing": (
            LinkKind.LOCAL_OFFER,
            [
                "School details: Westmere Borough Council Ordinarily Available Provision",
                "Visiting the school: Body",
            ],
        ),
        f"{base}/error": (
            LinkKind.SENDIASS,
            ["School details: SENDIASS website (Westmere SENDIASS)"],
        ),
        f"{base}/ok": (LinkKind.OTHER, ["Visiting the school: Body"]),
        f"{base}/no-head": (LinkKind.OTHER, ["Visiting the school: Body"]),
        f"{base}/slow": (
            LinkKind.OTHER,
            ["SEN Information Report: What if I am unhappy or want to complain?"],
        ),
        "https://www.westmere.example/admissions": (
            LinkKind.OTHER,
            ["Disability and access: Or full admission arrangements (web address)"],
        ),
    }


@pytest.mark.parametrize(
    ("path", "ok", "status", "error"),
    [
        ("/ok", True, 200, ""),
        ("/moved", True, 200, ""),
        ("/no-head", True, 200, ""),
        ("/missing", False, 404, "Page not found (404): the page may have moved or been removed."),
        ("/error", False, 500, "The other website had an error (500)."),
        ("/slow", False, None, NO_ANSWER),
        ("/loop", False, 302, "The address redirects in a loop."),
    ],
)
def test_check_url(base, path, ok, status, error):
    result = links.check_url(base + path, timeout=TIMEOUT)
    assert (result.ok, result.status_code, result.error) == (ok, status, error)


def test_head_first_then_get_only_when_head_is_refused(server, base):
    links.check_url(f"{base}/no-head", timeout=TIMEOUT)
    links.check_url(f"{base}/moved", timeout=TIMEOUT)
    assert [(method, path) for method, path, _ in server.requests] == [
        ("HEAD", "/no-head"),
        ("GET", "/no-head"),
        ("HEAD", "/moved"),
        ("HEAD", "/ok"),
    ]
    user_agent = server.requests[0][2]
    assert user_agent.startswith("Mozilla/5.0 (compatible; SchoolSENDInformation-LinkChecker")


def test_redirects_are_followed_and_the_final_address_kept(base):
    result = links.check_url(f"{base}/moved", timeout=TIMEOUT)
    assert result.final_url == f"{base}/ok"


def test_connection_refused_and_unknown_domain_in_plain_english(refused_port):
    refused = links.check_url(f"http://127.0.0.1:{refused_port}/", timeout=TIMEOUT)
    assert (refused.ok, refused.error) == (False, "The website refused the connection.")
    unknown = links.check_url("https://www.westmere.example/admissions", timeout=TIMEOUT)
    assert not unknown.ok
    assert unknown.error == (
        "The website's address could not be found: the domain may be wrong or gone."
    )


def test_command_records_every_link_and_lists_the_broken_ones(school_site, base):
    output = run()
    assert "Test Valley Primary School (localhost): checked 7 links, 4 broken." in output
    assert (
        f"  Broken: {base}/missing\n"
        "    Page not found (404): the page may have moved or been removed.\n"
        "    Found in: School details: Westmere Borough Council Ordinarily Available "
        "Provision; Visiting the school: Body\n"
    ) in output
    rows = {row.url: row for row in LinkCheck.objects.filter(site=school_site)}
    assert {url for url, row in rows.items() if row.ok} == {
        f"{base}/ok",
        f"{base}/moved",
        f"{base}/no-head",
    }
    assert rows[f"{base}/moved"].final_url == f"{base}/ok"
    assert rows[f"{base}/error"].status_code == 500
    assert rows[f"{base}/slow"].error == NO_ANSWER
    assert f"{base}/unpublished-only" not in rows


def test_exit_status_is_zero_unless_asked_to_fail_on_broken_links(school_site):
    run()  # no exception: the command is a report
    with pytest.raises(CommandError, match="4 broken links"):
        run("--fail-on-broken")


def test_a_second_run_updates_in_place_and_forgets_removed_addresses(school_site, base):
    run()
    first = dict(LinkCheck.objects.values_list("url", "pk"))
    first_checked = LinkCheck.objects.get(url=f"{base}/ok").checked_at
    school = SchoolSettings.for_site(school_site)
    school.sendiass_url = f"{base}/ok#contact"
    school.save()
    run()
    second = dict(LinkCheck.objects.values_list("url", "pk"))
    assert f"{base}/error" not in second
    assert set(second) == set(first) - {f"{base}/error"}
    assert all(second[url] == first[url] for url in second)
    ok = LinkCheck.objects.get(url=f"{base}/ok")
    assert ok.kind == LinkKind.SENDIASS
    assert ok.found_in == [
        "School details: SENDIASS website (Westmere SENDIASS)",
        "Visiting the school: Body",
    ]
    assert ok.checked_at > first_checked


def test_broken_links_for_the_dashboard(school_site, base):
    assert links.broken_links(school_site) == []
    assert links.links_last_checked(school_site) is None
    run()
    statutory = links.broken_links(school_site, kinds=[LinkKind.LOCAL_OFFER, LinkKind.SENDIASS])
    assert [(row.url, row.get_kind_display()) for row in statutory] == [
        (f"{base}/missing", "Local Offer"),
        (f"{base}/error", "SENDIASS"),
    ]
    assert len(links.broken_links(school_site)) == 4
    assert links.links_last_checked(school_site) is not None
    # The office replaces the broken SENDIASS address: the dashboard stops showing it
    # at once, before the next check.
    SchoolSettings.objects.update(sendiass_url="https://www.westmere-sendiass.example/")
    statutory = links.broken_links(school_site, kinds=[LinkKind.LOCAL_OFFER, LinkKind.SENDIASS])
    assert [row.url for row in statutory] == [f"{base}/missing"]


def test_links_are_checked_concurrently(site, base):
    factories.school_settings()
    factories.standard_page(
        body=[
            (
                "paragraph",
                "".join(f'<p><a href="{base}/slow?{n}">slow {n}</a></p>' for n in range(6)),
            )
        ]
    )
    started = time.monotonic()
    result = links.check_site_links(site, timeout=TIMEOUT, workers=8)
    elapsed = time.monotonic() - started
    assert len(result.broken) == 6
    # One after another would take six timeouts (12 s).
    assert elapsed < 4 * TIMEOUT
