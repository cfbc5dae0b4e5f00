"""The importer against hostile feeds: where it may connect, how long and how much it reads,
and records built to crash it or to change what other schools show. Every refusal is a
plain message and changes nothing.

Feeds are served by a real HTTP server on 127.0.0.1 in a thread (never the internet).
"""

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import connection

from localoffer.models import Service, TaxonomyTerm
from localoffer.schema import load
from tests.localoffer import builders
from tests.localoffer.test_import import db_state, record_from, refused, run

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_example():
    return load(builders.require_oruk() / "examples" / "service_full.json")


# A feed server with programmable answers ---------------------------------------------------


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append(self.path)
        answer = self.server.routes.get(self.path.split("?")[0])
        if answer is None:
            self.send_response(404)
            self.end_headers()
            return
        answer(self)

    def log_message(self, *args):
        pass


def json_answer(data):
    def answer(handler):
        payload = json.dumps(data).encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        handler.wfile.write(payload)

    return answer


def redirect_to(location):
    def answer(handler):
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


def drip(seconds):
    """A valid start of JSON, then one space every 0.1 s for `seconds`: each read is quick,
    the whole never ends in time."""

    def answer(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.end_headers()
        handler.wfile.write(b'{"contents": [')
        ends = time.monotonic() + seconds
        try:
            while time.monotonic() < ends and not handler.server.stopping:
                handler.wfile.write(b" ")
                handler.wfile.flush()
                time.sleep(0.1)
            handler.wfile.write(b"]}")
        except OSError:
            pass

    return answer


def big(size):
    def answer(handler):
        payload = b'{"contents": [], "padding": "' + b"x" * size + b'"}'
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.end_headers()  # no Content-Length: the importer must count for itself
        handler.wfile.write(payload)

    return answer


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.routes, httpd.requests, httpd.stopping = {}, [], False
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    httpd.port = httpd.server_port
    httpd.base = f"http://127.0.0.1:{httpd.port}/oruk"
    yield httpd
    httpd.stopping = True
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def allow_local(settings):
    """The tests' server is on this machine, which only this setting lets the import reach."""
    settings.OPENREFERRAL_FETCH_ALLOW_PRIVATE = True
    return settings


def serve_feed(server, records):
    server.routes["/oruk/services"] = json_answer(builders.services_response(*records))
    for record in records:
        server.routes[f"/oruk/services/{record['id']}"] = json_answer(record)


# Where the import may connect --------------------------------------------------------------


def test_a_feed_on_this_machine_is_refused_by_default(full_example, school, server, settings):
    assert settings.OPENREFERRAL_FETCH_ALLOW_PRIVATE is False
    serve_feed(server, [full_example])
    before = db_state()
    for address in (server.base, f"http://localhost:{server.port}/oruk"):
        error, _ = refused(address)
        assert "a loopback address (this machine)" in error
        assert "only fetches from public internet addresses" in error
        assert "Nothing was imported." in error
    # Refused before connecting: the server never saw a request.
    assert server.requests == []
    assert db_state() == before


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("http://10.1.2.3/oruk", "a private network address"),
        ("http://192.168.0.10/oruk", "a private network address"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
        ("http://[::1]:8000/oruk", "a loopback address"),
        ("http://[::ffff:127.0.0.1]/oruk", "a loopback address"),
        ("http://[fe80::1]/oruk", "a link-local address"),
        ("http://0.0.0.0/oruk", "a reserved address"),
        ("http://100.64.0.1/oruk", "not a public internet address"),
    ],
)
def test_private_and_link_local_addresses_are_refused(school, address, reason):
    error, _ = refused(address)
    assert reason in error and "Nothing was imported." in error


@pytest.mark.parametrize(
    "address", ["file:///etc/passwd", "ftp://council.example/feed", "gopher://x.example/"]
)
def test_only_http_and_https_are_fetched(school, address, tmp_path, monkeypatch):
    # Run from an empty folder, so that no file happens to have the address as its name.
    monkeypatch.chdir(tmp_path)
    error, _ = refused(address)
    assert "Could not read" in error or "Only http and https" in error


def test_the_setting_lets_a_local_feed_be_imported(full_example, school, server, allow_local):
    serve_feed(server, [full_example])
    out, _ = run(server.base)
    assert "1 created" in out


# Redirects ---------------------------------------------------------------------------------


def test_a_redirect_within_the_feed_is_followed(full_example, school, server, allow_local):
    serve_feed(server, [full_example])
    server.routes["/old/services"] = redirect_to("/oruk/services?page=1&per_page=100")
    out, _ = run(f"http://127.0.0.1:{server.port}/old", "--list-only")
    assert "1 created" in out


@pytest.mark.parametrize(
    "location",
    [
        "http://localhost:{port}/oruk/services",  # another host name, same machine
        "https://127.0.0.1:{port}/oruk/services",  # another scheme
        "http://127.0.0.1:1/oruk/services",  # another port
    ],
)
def test_a_redirect_to_another_host_or_scheme_is_refused(
    full_example, school, server, allow_local, location
):
    serve_feed(server, [full_example])
    server.routes["/old/services"] = redirect_to(location.format(port=server.port))
    before = db_state()
    error, _ = refused(f"http://127.0.0.1:{server.port}/old")
    assert "follows redirects only within the same site" in error
    assert location.format(port=server.port) in error
    assert db_state() == before
    assert not any(path.startswith("/oruk/") for path in server.requests)


# Time and size -----------------------------------------------------------------------------


def test_a_slow_drip_is_cut_off_at_the_whole_fetch_deadline(school, server, allow_local):
    allow_local.OPENREFERRAL_FETCH_DEADLINE = 1.5
    server.routes["/oruk/services"] = drip(seconds=30)
    before = db_state()
    started = time.monotonic()
    error, _ = refused(server.base)
    elapsed = time.monotonic() - started
    assert "did not finish sending within 1.5 seconds" in error
    # Every read took 0.1 s, far under any per-read timeout; the whole fetch was cut off.
    assert 1.4 < elapsed < 20
    assert db_state() == before


def test_a_feed_larger_than_the_limit_is_refused(school, server, allow_local):
    allow_local.OPENREFERRAL_FETCH_MAX_BYTES = 10_000
    server.routes["/oruk/services"] = big(50_000)
    before = db_state()
    error, _ = refused(server.base)
    assert "sent more than 10,000 bytes" in error
    assert db_state() == before


def test_the_limits_have_sensible_defaults(settings):
    assert 10 <= settings.OPENREFERRAL_FETCH_DEADLINE <= 300
    assert 1024**2 <= settings.OPENREFERRAL_FETCH_MAX_BYTES <= 100 * 1024**2
    assert settings.OPENREFERRAL_FETCH_ALLOW_PRIVATE is False


# Records built to crash the import ---------------------------------------------------------


def write_feed(tmp_path, text):
    path = tmp_path / "feed.json"
    path.write_text(text, encoding="utf-8")
    return path


def nested(depth):
    value = "deep"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (lambda r: r.update(minimum_age=float("nan")), "minimum_age", "is NaN or Infinity"),
        (lambda r: r.update(maximum_age=float("inf")), "maximum_age", "is NaN or Infinity"),
        (
            lambda r: r["cost_options"][0].update(amount=float("-inf")),
            "cost_options.0.amount",
            "is NaN or Infinity",
        ),
        (lambda r: r.update(name="Speech\x00therapy"), "name", "contains a NUL character"),
        (
            lambda r: r["organization"].update(description="\x00"),
            "organization.description",
            "contains a NUL character",
        ),
        (lambda r: r.update({"note\x00": "x"}), "(record)", "has a field name with a NUL"),
        (
            lambda r: r.update(extra=nested(200)),
            "extra." + ".".join(["0"] * 32),
            "is nested more than 32",
        ),
    ],
)
def test_hostile_values_name_the_record_and_field(
    full_example, school, tmp_path, change, field, message
):
    good = record_from(full_example, "A good service")
    bad = record_from(full_example, "A hostile service")
    change(bad)
    path = write_feed(tmp_path, json.dumps(builders.services_response(good, bad)))
    before = db_state()
    error, problems = refused(path)
    assert f"  {bad['id']}: {field}: {message}" in problems
    assert good["id"] not in problems
    assert "1 of 2 records are invalid; nothing was imported." in error
    assert db_state() == before
    # With --skip-invalid the good record is imported and the hostile one reported.
    out, problems = run(path, "--skip-invalid")
    assert "1 created" in out and "1 skipped" in out
    assert list(Service.objects.values_list("name", flat=True)) == ["A good service"]


def test_json_nested_too_deeply_to_read_is_refused_cleanly(school, tmp_path):
    path = write_feed(tmp_path, '{"contents": [' + "[" * 100_000 + "]" * 100_000 + "]}")
    error, _ = refused(path)
    assert "nests lists or objects too deeply to read" in error
    assert "Nothing was imported." in error


def test_a_number_too_long_to_read_is_refused_cleanly(school, tmp_path):
    path = write_feed(tmp_path, '{"contents": [{"minimum_age": ' + "9" * 5000 + "}]}")
    error, _ = refused(path)
    assert "is not valid JSON" in error and "Nothing was imported." in error


def test_a_nul_character_is_refused_on_this_database(full_example, school, tmp_path):
    """On PostgreSQL a NUL would fail the INSERT itself; it must never get that far."""
    bad = record_from(full_example, "Speech\x00therapy")
    path = write_feed(tmp_path, json.dumps(builders.services_response(bad)))
    error, problems = refused(path)
    assert f"{bad['id']}: name: contains a NUL character" in problems
    assert Service.objects.count() == 0, connection.vendor


# Web addresses -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (
            lambda r: r["attributes"][0]["taxonomy_term"].update(term_uri="javascript:alert(1)"),
            "attributes.0.taxonomy_term.term_uri",
        ),
        (
            lambda r: r["attributes"][0]["taxonomy_term"].update(term_uri="ftp://x.example/t"),
            "attributes.0.taxonomy_term.term_uri",
        ),
        (lambda r: r.update(url="ftp://council.example/service"), "url"),
        (
            lambda r: r["organization"].update(website="ftp://council.example/"),
            "organization.website",
        ),
        (lambda r: r.update(url="javascript:alert(1)"), "url"),
    ],
)
def test_web_addresses_must_be_http_or_https(full_example, school, tmp_path, change, field):
    bad = record_from(full_example, "Links")
    change(bad)
    path = write_feed(tmp_path, json.dumps(builders.services_response(bad)))
    before = db_state()
    _, problems = refused(path)
    assert f"{bad['id']}: {field}: " in problems
    assert db_state() == before


def test_an_overlong_term_name_or_address_is_refused(full_example, school, tmp_path):
    bad = record_from(full_example, "Long")
    bad["attributes"][0]["taxonomy_term"]["name"] = "x" * 300
    path = write_feed(tmp_path, json.dumps(builders.services_response(bad)))
    _, problems = refused(path)
    assert "attributes.0.taxonomy_term.name: is longer than 255 characters" in problems


# One school's feed and another school's terms ---------------------------------------------


def with_term(record, term_id, name, term_uri="https://council.example/terms/autism"):
    record["attributes"] = [
        {
            "id": str(uuid.uuid4()),
            "link_type": "link_type",
            "taxonomy_term": {
                "id": term_id,
                "name": name,
                "description": f"{name}, as the council describes it.",
                "taxonomy": "Council needs",
                "term_uri": term_uri,
            },
        }
    ]
    return record


def test_a_feed_cannot_rename_a_term_another_schools_services_use(full_example, school, tmp_path):
    term_id = str(uuid.uuid4())
    mine = with_term(record_from(full_example, "Autism outreach"), term_id, "Autism team")
    run(builders.write_json(tmp_path / "a.json", builders.services_response(mine)))
    term = TaxonomyTerm.objects.get(oruk_id=term_id)

    other = builders.other_site()
    theirs = with_term(
        record_from(full_example, "Their service"),
        term_id,
        "Renamed by another feed",
        term_uri="https://elsewhere.example/",
    )
    path = builders.write_json(tmp_path / "b.json", builders.services_response(theirs))
    out, _ = run(path, "--site", other.hostname)
    assert "1 created" in out

    term.refresh_from_db()
    assert (term.name, term.term_uri) == ("Autism team", "https://council.example/terms/autism")
    # The other school's service is filed under the term as it is.
    assert list(Service.objects.get(site=other).taxonomy_terms.all()) == [term]
    # The first school's own feed may still change it, while only its services use it...
    mine_again = with_term(dict(mine), term_id, "Autism and social communication team")
    path = builders.write_json(tmp_path / "a2.json", builders.services_response(mine_again))
    run(path)
    term.refresh_from_db()
    assert term.name == "Autism team"  # ...but not now: the other school uses it too.
    Service.objects.filter(site=other).delete()
    run(path)
    term.refresh_from_db()
    assert term.name == "Autism and social communication team"
