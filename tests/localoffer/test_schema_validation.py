"""Every /openreferral/ endpoint's output validates against the official ORUK schemas."""

import copy
import filecmp

import pytest
from wagtail import hooks

from localoffer import schema
from localoffer.feed import (
    SCHOOL_LOCATION_HOOK,
    AccessibilityEntry,
    LocationContact,
    SchoolLocationExtras,
)
from localoffer.models import AREAS_OF_NEED_TAXONOMY_ID, Service
from tests.localoffer import builders

pytestmark = pytest.mark.django_db


def senco_and_lift(site):
    return SchoolLocationExtras(
        accessibility=[AccessibilityEntry("A lift to every floor", details="Key at the office")],
        contacts=[LocationContact("Mrs Helen Marsh", title="SENCO", email="senco@school.example")],
    )


@pytest.fixture
def content(school):
    provider = builders.organisation(email="camhs@nhs.example", website="https://camhs.example/")
    at_school = builders.rich_service(name="Speech and language therapy")
    elsewhere = builders.service(
        "CAMHS",
        provider=provider,
        location=Service.Where.ELSEWHERE,
        location_name="Child and Family Centre",
        address="12 Station Road\nWestmere",
        postcode="WM1 3HB",
        accessibility="Step-free entrance.",
        needs=("social-emotional-and-mental-health",),
    )
    online = builders.service("SENDIASS", location=Service.Where.ONLINE, status="inactive")
    bare = builders.service("Nurture group", description="")
    return [at_school, elsewhere, online, bare]


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def test_the_validator_checks_uuid_formats_and_ignores_hsds_keys(oruk_schemas):
    example = schema.load(oruk_schemas.folder / "examples" / "service_full.json")
    assert oruk_schemas.errors("compiled/service.json", example) == []
    broken = copy.deepcopy(example)
    broken["service_at_locations"][0]["location"]["id"] = "not-a-uuid"
    assert oruk_schemas.errors("compiled/service.json", broken) == [
        "service_at_locations.0.location.id: 'not-a-uuid' is not a 'uuid'"
    ]


def test_root(client, oruk_schemas):
    data = get(client, "/openreferral/")
    assert data["version"] == "HSDS-UK-3.0"
    assert data["profile"].startswith("https://")
    assert data["openapi_url"] == "http://testserver/openreferral/openapi.json"
    openapi = get(client, "/openreferral/openapi.json")
    assert openapi == oruk_schemas.openapi


def test_services_list(client, content, oruk_schemas):
    data = get(client, "/openreferral/services")
    assert data["total_items"] == 4
    assert oruk_schemas.page_errors(data, "compiled/service_list.json") == []


@pytest.mark.parametrize("index", range(4))
def test_service_detail(client, content, oruk_schemas, index):
    service = content[index]
    with hooks.register_temporarily(SCHOOL_LOCATION_HOOK, senco_and_lift):
        data = get(client, f"/openreferral/services/{service.oruk_id}")
    assert data["id"] == str(service.oruk_id)
    assert oruk_schemas.errors("compiled/service.json", data) == []
    # The HSDS 3.0 fields the UK profile allows without listing, checked against the
    # profile's own entity schemas.
    for phone in data["phones"]:
        assert oruk_schemas.errors("phone.json", phone) == []
    for link in data["service_at_locations"]:
        for contact in link["location"].get("contacts", []):
            assert oruk_schemas.errors("contact.json", contact) == []
            for phone in contact["phones"]:
                assert oruk_schemas.errors("phone.json", phone) == []
    for language in data["languages"]:
        assert oruk_schemas.errors("language.json", language) == []


def test_service_at_locations(client, content, oruk_schemas):
    data = get(client, "/openreferral/service_at_locations")
    assert data["total_items"] == 4
    assert oruk_schemas.page_errors(data, "compiled/service_at_location_list.json") == []
    with hooks.register_temporarily(SCHOOL_LOCATION_HOOK, senco_and_lift):
        for item in data["contents"]:
            detail = get(client, f"/openreferral/service_at_locations/{item['id']}")
            assert oruk_schemas.errors("compiled/service_at_location.json", detail) == []


def test_taxonomies_and_terms(client, oruk_schemas):
    data = get(client, "/openreferral/taxonomies")
    assert data["total_items"] == 1
    assert oruk_schemas.page_errors(data, "taxonomy.json") == []
    detail = get(client, f"/openreferral/taxonomies/{AREAS_OF_NEED_TAXONOMY_ID}")
    assert oruk_schemas.errors("taxonomy.json", detail) == []
    assert len(detail["taxonomy_terms"]) == 4

    terms = get(client, "/openreferral/taxonomy_terms")
    assert terms["total_items"] == 4
    assert oruk_schemas.page_errors(terms, "taxonomy_term.json") == []
    for term in terms["contents"]:
        detail = get(client, f"/openreferral/taxonomy_terms/{term['id']}")
        assert oruk_schemas.errors("taxonomy_term.json", detail) == []


def test_empty_lists_validate(client, school, oruk_schemas):
    for path, item_schema in [
        ("services", "compiled/service_list.json"),
        ("service_at_locations", "compiled/service_at_location_list.json"),
    ]:
        data = get(client, f"/openreferral/{path}")
        assert data["contents"] == []
        assert oruk_schemas.page_errors(data, item_schema) == []


def test_demo_feed_validates(client, oruk_schemas):
    from io import StringIO

    from django.core.management import call_command

    call_command("seed_demo", stdout=StringIO())
    data = get(client, "/openreferral/services?per_page=200")
    assert data["total_items"] >= 10
    assert oruk_schemas.page_errors(data, "compiled/service_list.json") == []
    for item in data["contents"]:
        detail = get(client, f"/openreferral/services/{item['id']}")
        assert oruk_schemas.errors("compiled/service.json", detail) == [], item["name"]


def test_bundled_schema_copies_match_the_reference(oruk_schemas):
    bundled = schema.SCHEMA_DIR
    for relative in ["compiled/service.json", "../openapi30.json", "../LICENSE"]:
        reference = oruk_schemas.folder / "schema" / relative
        assert filecmp.cmp(bundled / relative.removeprefix("../"), reference, shallow=False)
