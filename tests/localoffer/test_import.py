"""manage.py import_openreferral: files and feeds, validation first, one transaction."""

import copy
import json
import logging
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.forms.models import model_to_dict

from localoffer import importer
from localoffer.models import (
    Organisation,
    Service,
    ServiceOpeningTime,
    ServicePhone,
    Taxonomy,
    TaxonomyTerm,
)
from localoffer.schema import load
from tests.localoffer import builders

pytestmark = pytest.mark.django_db


# Test data -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def examples():
    return builders.require_oruk() / "examples"


@pytest.fixture
def full_example(examples):
    return load(examples / "service_full.json")


def record_from(example, title, **changes):
    """A copy of an example service with its own id and name, and any `changes`."""
    record = copy.deepcopy(example)
    record["id"] = str(uuid.uuid4())
    record["name"] = title
    record.update(changes)
    return record


def db_state():
    """Everything the import writes, to show that a refusal or a re-run changed nothing."""
    models = [Service, Organisation, ServicePhone, ServiceOpeningTime, Taxonomy, TaxonomyTerm]
    state = {}
    for model in models:
        rows = []
        for obj in model.objects.order_by("pk"):
            # A parental many-to-many (a service's areas of need) comes back as a queryset;
            # the links are compared below.
            row = {k: v for k, v in model_to_dict(obj).items() if not hasattr(v, "values_list")}
            row.update(
                {f.name: getattr(obj, f.name) for f in model._meta.fields if not f.editable}
            )
            rows.append(row)
        state[model.__name__] = rows
    state["links"] = sorted(
        Service.taxonomy_terms.through.objects.values_list("service_id", "taxonomyterm_id")
    )
    return state


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_openreferral", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(*args):
    err = StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("import_openreferral", *map(str, args), stdout=StringIO(), stderr=err)
    return str(excinfo.value), err.getvalue()


# Files -----------------------------------------------------------------------------------


def test_imports_the_example_services_response(examples, school):
    out, _ = run(examples / "service_list.json")
    assert "1 created, 0 updated, 0 unchanged, 0 skipped" in out
    service = Service.objects.get()
    assert str(service.oruk_id) == "ac148810-d857-441c-9679-408f346de14b"
    assert service.name == "Community Counselling"
    assert service.status == "active"
    assert (service.minimum_age, service.maximum_age) == (12, 100)
    assert service.assured_date.isoformat() == "2005-01-01"
    assert service.fees == "fees_description"
    assert service.is_imported and service.source == str(examples / "service_list.json")
    assert service.provider.name == "Example Organization Inc."
    assert str(service.provider.oruk_id) == "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
    assert service.provider.source == service.source


def test_imports_a_fully_nested_service(full_example, school, tmp_path):
    path = builders.write_json(tmp_path / "feed.json", builders.services_response(full_example))
    run(path)
    service = Service.objects.get()
    assert service.location == Service.Where.ELSEWHERE
    assert service.location_name == "MyCity Civic Center"
    assert service.address_lines == ["1-30 Main Street", "MyCity", "MyState"]
    assert service.postcode == "ABC 1234"
    assert "induction loops" in service.accessibility
    assert str(service.location_oruk_id) == "3a19ff88-4620-4d17-9830-ac1d859eb5d5"
    assert str(service.service_at_location_oruk_id) == "e94c9f38-1e8f-4564-91d4-d53501ab1765"
    assert [str(slot) for slot in service.opening_times.all()] == [
        "Thursday 10am to 6pm",
        "Friday 10am to 6pm",
    ]
    assert "10 am to 6pm weekdays" in service.schedule
    assert (service.contact_name, service.contact_title) == ("Ann Persona", "Reception Manager")
    assert [term.name for term in service.taxonomy_terms.all()] == ["name"]


def test_a_second_run_changes_nothing(examples, full_example, school, tmp_path):
    records = [full_example, record_from(full_example, "Second service")]
    path = builders.write_json(tmp_path / "feed.json", builders.services_response(*records))
    out, _ = run(path)
    assert "2 created, 0 updated, 0 unchanged, 0 skipped" in out
    before = db_state()
    out, _ = run(path)
    assert "0 created, 0 updated, 2 unchanged, 0 skipped" in out
    assert db_state() == before


def test_a_changed_record_is_updated_and_keeps_the_schools_note(full_example, school, tmp_path):
    path = builders.write_json(tmp_path / "feed.json", builders.services_response(full_example))
    run(path)
    Service.objects.update(local_notes="Ask the SENCO for a referral.")
    changed = dict(full_example, name="Community Counselling (renamed)", status="inactive")
    builders.write_json(path, builders.services_response(changed))
    out, _ = run(path)
    assert "0 created, 1 updated, 0 unchanged, 0 skipped" in out
    service = Service.objects.get()
    assert (service.name, service.status) == ("Community Counselling (renamed)", "inactive")
    assert service.local_notes == "Ask the SENCO for a referral."
    assert service.opening_times.count() == 2


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"id": "not-a-uuid"}, "id", "'not-a-uuid' is not a 'uuid'"),
        ({"status": "open"}, "status", "'open' is not one of"),
        ({"minimum_age": "five"}, "minimum_age", "'five' is not of type 'number'"),
        ({"email": "nobody"}, "email", "'nobody' is not a 'email'"),
        ({"name": ""}, "name", "This field cannot be blank."),
        ({"url": "www.example"}, "url", "Enter a valid URL."),
        ({"minimum_age": 12, "maximum_age": 5}, "maximum_age", "same as or above the minimum"),
        ({"minimum_age": 150}, "minimum_age", "must be between 0 and 120"),
        ({"assured_date": "last week"}, "assured_date", "is not a date"),
        ({"organization": None}, "organization", "None is not of type 'object'"),
    ],
)
def test_one_invalid_record_refuses_the_whole_import(
    full_example, school, tmp_path, change, field, message
):
    builders.service("The school's own service")
    before = db_state()
    good = record_from(full_example, "Good one")
    bad = record_from(full_example, "Bad one", **change)
    path = builders.write_json(
        tmp_path / "feed.json", builders.services_response(good, bad, full_example)
    )
    error, report = refused(path)
    assert "1 of 3 records are invalid; nothing was imported" in error
    assert f"  {bad['id']}: {field}: " in report
    assert message in report
    assert db_state() == before


def test_a_nested_problem_names_its_path(full_example, school, tmp_path):
    bad = record_from(full_example, "Bad location")
    bad["service_at_locations"][0]["location"]["id"] = "12345"
    path = builders.write_json(tmp_path / "feed.json", builders.services_response(bad))
    _, report = refused(path)
    assert f"{bad['id']}: service_at_locations.0.location.id: '12345' is not a 'uuid'" in report


def test_a_record_without_an_organisation_is_refused(full_example, school, tmp_path):
    bad = record_from(full_example, "Nobody runs it")
    del bad["organization"]
    path = builders.write_json(tmp_path / "feed.json", builders.services_response(bad))
    _, report = refused(path)
    assert f"{bad['id']}: organization: is missing" in report


def test_skip_invalid_imports_the_rest(full_example, school, tmp_path):
    good = record_from(full_example, "Good one")
    bad = record_from(full_example, "Bad one", id="nope")
    path = builders.write_json(tmp_path / "feed.json", builders.services_response(good, bad))
    out, err = run(path, "--skip-invalid")
    assert "1 created, 0 updated, 0 unchanged, 1 skipped" in out
    assert "nope: id: 'nope' is not a 'uuid'" in err
    assert list(Service.objects.values_list("name", flat=True)) == ["Good one"]


def test_never_overwrites_a_service_the_school_wrote(full_example, school, tmp_path):
    own = builders.service("Our nurture group")
    clash = record_from(full_example, "Their service", id=str(own.oruk_id))
    path = builders.write_json(tmp_path / "feed.json", builders.services_response(clash))
    _, report = refused(path)
    assert f"{own.oruk_id}: id: belongs to a service the school wrote itself" in report
    own.refresh_from_db()
    assert own.name == "Our nurture group" and not own.is_imported


def test_duplicate_ids_are_refused(full_example, school, tmp_path):
    path = builders.write_json(
        tmp_path / "feed.json", builders.services_response(full_example, full_example)
    )
    _, report = refused(path)
    assert f"{full_example['id']}: id: appears more than once in this feed" in report


def test_malformed_json_changes_nothing(examples, school, tmp_path):
    run(examples / "service_list.json")
    before = db_state()
    path = tmp_path / "broken.json"
    path.write_text('{"contents": [', encoding="utf-8")
    error, _ = refused(path)
    assert "is not valid JSON" in error and "line 1, column 15" in error
    assert "Nothing was imported." in error
    assert db_state() == before


@pytest.mark.parametrize(
    "data",
    [
        pytest.param("service", id="a single service"),
        pytest.param([], id="a list"),
        pytest.param({"contents": {"id": "x"}}, id="contents not a list"),
        pytest.param({"total_items": 0}, id="no contents"),
    ],
)
def test_the_wrong_shape_changes_nothing(full_example, school, tmp_path, data):
    before = db_state()
    data = full_example if data == "service" else data
    path = builders.write_json(tmp_path / "feed.json", data)
    error, _ = refused(path)
    assert "is not a /services response" in error
    assert db_state() == before


def test_a_missing_file_is_refused(school, tmp_path):
    error, _ = refused(tmp_path / "missing.json")
    assert "Could not read" in error


def failing_on_the_second_save(monkeypatch):
    original_save = Service.save
    saved = []

    def failing_save(self, *args, **kwargs):
        saved.append(self.name)
        if len(saved) == 2:
            raise RuntimeError("disk full")
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(Service, "save", failing_save)


def test_a_failure_while_saving_rolls_its_batch_back(full_example, school, tmp_path, monkeypatch):
    records = [record_from(full_example, f"Service {n}") for n in range(3)]
    path = builders.write_json(tmp_path / "feed.json", builders.services_response(*records))
    before = db_state()
    failing_on_the_second_save(monkeypatch)
    error, _ = refused(path)
    assert "Saving stopped after 0 of 3 services (disk full)" in error
    assert "run the import again to finish" in error
    assert db_state() == before


def test_a_long_import_commits_in_batches(full_example, school, tmp_path, monkeypatch, settings):
    settings.OPENREFERRAL_IMPORT_BATCH_SIZE = 1
    records = [record_from(full_example, f"Service {n}") for n in range(3)]
    path = builders.write_json(tmp_path / "feed.json", builders.services_response(*records))
    failing_on_the_second_save(monkeypatch)
    error, _ = refused(path)
    assert "Saving stopped after 1 of 3 services" in error
    # The first batch stays; the rest are saved by running the import again.
    assert list(Service.objects.values_list("name", flat=True)) == ["Service 0"]
    monkeypatch.undo()
    settings.OPENREFERRAL_IMPORT_BATCH_SIZE = 1
    out, _ = run(path)
    assert "2 created, 0 updated, 1 unchanged" in out


def test_a_council_term_for_an_area_of_need_counts_as_that_area(full_example, school, tmp_path):
    record = record_from(full_example, "Wellbeing team")
    record["attributes"][0]["taxonomy_term"] = {
        "id": str(uuid.uuid4()),
        "name": "Social, Emotional and Mental Health difficulties",
        "description": "The council's own category.",
    }
    path = builders.write_json(tmp_path / "feed.json", builders.services_response(record))
    run(path)
    names = set(Service.objects.get().taxonomy_terms.values_list("name", flat=True))
    assert names == {
        "Social, Emotional and Mental Health difficulties",
        "Social, emotional and mental health",
    }
    # The council's term is not published as one of the school's own.
    assert not TaxonomyTerm.objects.published().filter(name__contains="difficulties").exists()


def test_logs_one_line_when_applied(examples, school, caplog):
    with caplog.at_level(logging.INFO, logger="localoffer.importer"):
        run(examples / "service_list.json")
    lines = [r.getMessage() for r in caplog.records if r.name == "localoffer.importer"]
    assert len(lines) == 1
    assert "applied to" in lines[0] and "1 created" in lines[0]


def test_the_schools_own_feed_can_be_imported_elsewhere(client, school, tmp_path, settings):
    """Round trip: what /openreferral/ publishes is accepted by the import."""
    provider = builders.organisation(name="Westmere CAMHS", email="camhs@nhs.example")
    original = builders.rich_service(name="Speech therapy", provider=provider)
    builders.service("Online advice", location=Service.Where.ONLINE, provider=provider)
    records = [
        client.get(f"/openreferral/services/{item['id']}").json()
        for item in client.get("/openreferral/services").json()["contents"]
    ]
    other = builders.other_site()
    path = builders.write_json(tmp_path / "ours.json", builders.services_response(*records))
    out, _ = run(path, "--site", "other.example")
    assert "2 created" in out
    copy_ = Service.objects.get(site=other, oruk_id=original.oruk_id)
    assert copy_.name == "Speech therapy"
    assert (copy_.minimum_age, copy_.maximum_age) == (4, 11)
    assert [p.number for p in copy_.phones.all()] == ["01632 960 471"]
    assert [str(t) for t in copy_.opening_times.all()] == ["Tuesday 9am to 3pm"]
    assert copy_.languages == "English, Polish"
    assert list(copy_.taxonomy_terms.all()) == list(original.taxonomy_terms.all())
    assert copy_.provider.site == other and copy_.provider.name == "Westmere CAMHS"
    # The other school's import did not touch this school's records.
    assert Service.objects.filter(site=original.site, source="").count() == 2


# Feeds over HTTP (a local server; never the internet) ---------------------------------


class FeedHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append(self.path)
        status, body = self.server.routes.get(self.path, (404, {"detail": "not found"}))
        payload = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def feed_server(settings):
    # The server is on this machine: a loopback address, which only this setting allows.
    settings.OPENREFERRAL_FETCH_ALLOW_PRIVATE = True
    server = ThreadingHTTPServer(("127.0.0.1", 0), FeedHandler)
    server.routes, server.requests = {}, []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.base = f"http://127.0.0.1:{server.server_port}/oruk"
    yield server
    server.shutdown()
    server.server_close()


LIST_FIELDS = ("id", "name", "description", "status", "organization")


def serve(server, records, per_page):
    """Publish `records` as a paginated feed: list pages of one-to-one fields, full records."""
    pages = [records[i : i + per_page] for i in range(0, len(records), per_page)] or [[]]
    for number, page in enumerate(pages, start=1):
        server.routes[f"/oruk/services?page={number}&per_page={per_page}"] = (
            200,
            builders.services_response(
                *[{key: r[key] for key in LIST_FIELDS} for r in page],
                total_items=len(records),
                total_pages=len(pages),
                page_number=number,
                first_page=number == 1,
                last_page=number == len(pages),
            ),
        )
    for record in records:
        server.routes[f"/oruk/services/{record['id']}"] = (200, record)


def test_pages_through_a_feed_and_fetches_each_service(full_example, school, feed_server):
    records = [record_from(full_example, f"Service {n}") for n in range(3)]
    serve(feed_server, records, per_page=2)
    out, _ = run(feed_server.base, "--per-page", "2")
    assert "Read 3 services" in out and "3 created" in out
    assert "/oruk/services?page=2&per_page=2" in feed_server.requests
    assert f"/oruk/services/{records[2]['id']}" in feed_server.requests
    service = Service.objects.get(name="Service 2")
    assert service.opening_times.count() == 2  # from the full record, not the list item
    assert service.source == feed_server.base

    again, _ = run(feed_server.base, "--per-page", "2")
    assert "0 created, 0 updated, 3 unchanged" in again


def test_a_services_address_is_taken_as_the_feed(full_example, school, feed_server):
    serve(feed_server, [full_example], per_page=100)
    run(feed_server.base + "/services/")
    assert Service.objects.count() == 1


def test_list_only_skips_the_detail_requests(full_example, school, feed_server):
    serve(feed_server, [full_example], per_page=100)
    run(feed_server.base, "--list-only")
    assert not any("/services/" in path for path in feed_server.requests)
    assert Service.objects.get().opening_times.count() == 0


def test_shows_progress_when_asked(full_example, school, feed_server, capsys):
    serve(feed_server, [full_example], per_page=100)
    run(feed_server.base, "--progress")
    assert "Fetching services" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("route", "response", "message"),
    [
        ("/oruk/services?page=2&per_page=1", (500, {"detail": "boom"}), "answered HTTP 500"),
        ("/oruk/services?page=2&per_page=1", (200, "<html>"), "is not valid JSON"),
        ("/oruk/services?page=2&per_page=1", (200, {"items": []}), "not a /services response"),
    ],
)
def test_a_broken_feed_changes_nothing(
    full_example, school, feed_server, route, response, message
):
    serve(feed_server, [record_from(full_example, f"S{n}") for n in range(2)], per_page=1)
    feed_server.routes[route] = response
    before = db_state()
    error, _ = refused(feed_server.base, "--per-page", "1")
    assert message in error
    assert db_state() == before


def test_an_unreachable_feed_is_refused(school, feed_server):
    port = feed_server.server_port
    feed_server.shutdown()
    feed_server.server_close()
    error, _ = refused(f"http://127.0.0.1:{port}/oruk")
    assert "Could not fetch" in error


def test_only_http_addresses_are_fetched():
    with pytest.raises(importer.FeedError):
        importer.fetch_json("file:///etc/passwd")
