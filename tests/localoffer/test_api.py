"""The /openreferral/ API: pagination, filters, errors, CORS, sites and query counts."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks

from localoffer import views
from localoffer.feed import (
    SCHOOL_LOCATION_HOOK,
    AccessibilityEntry,
    LocationContact,
    SchoolLocationExtras,
)
from localoffer.models import AREAS_OF_NEED_TAXONOMY_ID, Service, SiteFeedIdentity
from tests.localoffer import builders

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/openreferral/",
    "/openreferral/services",
    "/openreferral/service_at_locations",
    "/openreferral/taxonomies",
    "/openreferral/taxonomy_terms",
]


def names(response):
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["contents"]]


def make(count, **fields):
    return [builders.service(f"Service {number:02d}", **fields) for number in range(count)]


class TestPagination:
    def test_empty(self, client, school):
        data = client.get("/openreferral/services").json()
        assert data == {
            "total_items": 0,
            "total_pages": 0,
            "page_number": 1,
            "size": 0,
            "first_page": True,
            "last_page": True,
            "empty": True,
            "contents": [],
        }

    def test_pages_and_the_last_page(self, client, school):
        make(5)
        first = client.get("/openreferral/services?per_page=2").json()
        assert (first["total_items"], first["total_pages"], first["size"]) == (5, 3, 2)
        assert first["first_page"] and not first["last_page"] and not first["empty"]
        assert [s["name"] for s in first["contents"]] == ["Service 00", "Service 01"]

        last = client.get("/openreferral/services?per_page=2&page=3").json()
        assert last["page_number"] == 3 and last["size"] == 1
        assert last["last_page"] and not last["first_page"]
        assert [s["name"] for s in last["contents"]] == ["Service 04"]

    def test_a_page_beyond_the_last_is_empty(self, client, school):
        make(2)
        data = client.get("/openreferral/services?per_page=2&page=2").json()
        assert data["contents"] == [] and data["empty"] and data["last_page"]
        assert data["total_items"] == 2 and data["total_pages"] == 1

    def test_default_page_size(self, client, school):
        make(views.DEFAULT_PER_PAGE + 1)
        data = client.get("/openreferral/services").json()
        assert data["size"] == views.DEFAULT_PER_PAGE and data["total_pages"] == 2

    def test_per_page_is_capped(self, client, school, monkeypatch):
        monkeypatch.setattr(views, "MAX_PER_PAGE", 2)
        make(3)
        data = client.get("/openreferral/services?per_page=1000").json()
        assert data["size"] == 2 and data["total_pages"] == 2

    @pytest.mark.parametrize(
        "query",
        ["per_page=0", "per_page=-1", "per_page=ten", "page=0", "page=-2", "page=1.5"],
    )
    def test_bad_paging_is_a_400(self, client, school, query):
        response = client.get(f"/openreferral/services?{query}")
        assert response.status_code == 400
        assert response["Access-Control-Allow-Origin"] == "*"
        name = query.split("=")[0]
        assert f"'{name}'" in response.json()["detail"]

    def test_other_lists_are_paginated(self, client, school):
        data = client.get("/openreferral/taxonomy_terms?per_page=3&page=2").json()
        assert (data["total_items"], data["total_pages"], data["size"]) == (4, 2, 1)


class TestFilters:
    @pytest.fixture
    def services(self, school):
        return {
            "slt": builders.service(
                "Speech therapy",
                description="Help with talking",
                needs=("communication-and-interaction",),
                minimum_age=0,
                maximum_age=18,
            ),
            "nurture": builders.service(
                "Nurture group",
                description="A calm class",
                needs=("social-emotional-and-mental-health", "communication-and-interaction"),
                minimum_age=4,
                maximum_age=11,
            ),
            "forum": builders.service("Parent forum", description="Meet other PARENTS"),
        }

    def test_search_looks_in_name_and_description(self, client, services):
        assert names(client.get("/openreferral/services?search=nurture")) == ["Nurture group"]
        assert names(client.get("/openreferral/services?search=parents")) == ["Parent forum"]
        assert names(client.get("/openreferral/services?search=zebra")) == []

    def test_taxonomy_term(self, client, services):
        terms = builders.areas()
        semh = terms["social-emotional-and-mental-health"].oruk_id
        ci = terms["communication-and-interaction"].oruk_id
        assert names(client.get(f"/openreferral/services?taxonomy_term_id={semh}")) == [
            "Nurture group"
        ]
        assert names(client.get(f"/openreferral/services?taxonomy_term_id={ci}")) == [
            "Nurture group",
            "Speech therapy",
        ]
        assert names(client.get(f"/openreferral/services?taxonomy_term_id={uuid.uuid4()}")) == []
        bad = client.get("/openreferral/services?taxonomy_term_id=nope")
        assert bad.status_code == 400

    def test_taxonomy_lists_each_service_once(self, client, services):
        response = client.get(f"/openreferral/services?taxonomy_id={AREAS_OF_NEED_TAXONOMY_ID}")
        assert names(response) == ["Nurture group", "Speech therapy"]

    def test_ages_follow_the_api_wording(self, client, services):
        # minimum_age=N: services whose minimum age is at least N (none counts as 0).
        assert names(client.get("/openreferral/services?minimum_age=4")) == ["Nurture group"]
        assert names(client.get("/openreferral/services?minimum_age=0")) == [
            "Nurture group",
            "Parent forum",
            "Speech therapy",
        ]
        # maximum_age=N: services whose maximum age is N or below (none never is).
        assert names(client.get("/openreferral/services?maximum_age=11")) == ["Nurture group"]
        assert names(client.get("/openreferral/services?maximum_age=18")) == [
            "Nurture group",
            "Speech therapy",
        ]
        assert names(client.get("/openreferral/services?minimum_age=1&maximum_age=18")) == [
            "Nurture group"
        ]
        assert names(client.get("/openreferral/services?minimum_age=3.5")) == ["Nurture group"]
        assert names(client.get("/openreferral/services?maximum_age=17.9")) == ["Nurture group"]
        assert client.get("/openreferral/services?minimum_age=old").status_code == 400
        assert client.get("/openreferral/services?maximum_age=-3").status_code == 400

    def test_filters_apply_to_service_at_locations(self, client, services):
        data = client.get("/openreferral/service_at_locations?search=speech").json()
        assert [item["service"]["name"] for item in data["contents"]] == ["Speech therapy"]


class TestErrorsAndHeaders:
    @pytest.mark.parametrize(
        "path", ["services", "service_at_locations", "taxonomies", "taxonomy_terms"]
    )
    def test_unknown_id_is_a_json_404(self, client, school, path):
        for oruk_id in [uuid.uuid4(), "not-a-uuid"]:
            response = client.get(f"/openreferral/{path}/{oruk_id}")
            assert response.status_code == 404
            assert response["Content-Type"] == "application/json"
            assert response["Access-Control-Allow-Origin"] == "*"
            assert str(oruk_id) in response.json()["detail"]

    @pytest.mark.parametrize("path", ENDPOINTS)
    def test_get_head_options_only(self, client, school, path):
        assert client.head(path).status_code == 200
        options = client.options(path)
        assert options.status_code == 200
        assert options["Access-Control-Allow-Origin"] == "*"
        assert "GET" in options["Access-Control-Allow-Methods"]
        for method in (client.post, client.put, client.patch, client.delete):
            response = method(path)
            assert response.status_code == 405
            assert response["Allow"] == "GET, HEAD, OPTIONS"
            assert response["Access-Control-Allow-Origin"] == "*"

    def test_trailing_slash_is_optional(self, client, school):
        service = builders.service()
        assert client.get("/openreferral/services/").status_code == 200
        assert client.get(f"/openreferral/services/{service.oruk_id}/").status_code == 200


class TestWhatTheFeedPublishes:
    def test_one_school_never_lists_another_schools_services(self, client, school, settings):
        settings.ALLOWED_HOSTS = ["*"]
        builders.service("Ours")
        theirs = builders.service("Theirs", site=builders.other_site())
        assert names(client.get("/openreferral/services")) == ["Ours"]
        assert client.get(f"/openreferral/services/{theirs.oruk_id}").status_code == 404
        other = client.get("/openreferral/services", HTTP_HOST="other.example")
        assert names(other) == ["Theirs"]

    def test_imported_services_stay_out_of_the_schools_feed(self, client, school):
        builders.service("Ours")
        imported = builders.service("Council's", source="https://council.example/oruk")
        assert names(client.get("/openreferral/services")) == ["Ours"]
        assert client.get(f"/openreferral/services/{imported.oruk_id}").status_code == 404

    def test_the_school_is_the_organisation_of_its_own_services(self, client, school):
        ours = builders.service("Nurture group")
        data = client.get(f"/openreferral/services/{ours.oruk_id}").json()
        identity = SiteFeedIdentity.objects.get()
        assert data["organization_id"] == str(identity.organisation_oruk_id)
        assert data["organization"]["name"] == "Test Valley Primary School"
        assert data["organization"]["email"] == "office@testvalley.example"
        assert data["organization"]["organization_identifiers"][0]["identifier"] == "100001"

    def test_an_external_provider_is_the_organisation(self, client, school):
        provider = builders.organisation(name="Westmere CAMHS")
        service = builders.service("CAMHS", provider=provider)
        data = client.get(f"/openreferral/services/{service.oruk_id}").json()
        assert data["organization"]["id"] == str(provider.oruk_id)
        assert data["organization"]["name"] == "Westmere CAMHS"

    def test_full_service_carries_every_field(self, client, school):
        service = builders.rich_service()
        data = client.get(f"/openreferral/services/{service.oruk_id}").json()
        assert data["status"] == "active"
        assert (data["minimum_age"], data["maximum_age"]) == (4, 11)
        assert data["assured_date"] == "2026-09-15"
        assert data["assurer_email"] == "office@testvalley.example"
        assert data["fees"] == "Free"
        assert data["contacts"][0]["name"] == "Hannah Doyle"
        assert data["contacts"][0]["title"] == "Speech and language therapist"
        assert [p["number"] for p in data["phones"]] == ["01632 960 471"]
        assert [lang["name"] for lang in data["languages"]] == ["English", "Polish"]
        assert data["schedules"][0]["description"] == "Alternate Tuesdays in term time."
        assert data["schedules"][1] | {"id": None} == {
            "id": None,
            "service_id": str(service.oruk_id),
            "freq": "WEEKLY",
            "interval": 1,
            "byday": "TU",
            "opens_at": "09:00",
            "closes_at": "15:00",
            "description": "Tuesday 9am to 3pm",
        }
        assert [a["taxonomy_term"]["name"] for a in data["attributes"]] == [
            "Communication and interaction"
        ]
        location = data["service_at_locations"][0]["location"]
        assert location["name"] == "Test Valley Primary School"
        assert location["addresses"][0]["address_1"] == "1 School Road"
        assert location["addresses"][0]["city"] == "Testford"
        assert location["addresses"][0]["postal_code"] == "TF1 2AB"
        assert [a["description"] for a in location["accessibility"]] == [
            "Therapy room on the ground floor."
        ]

    def test_ids_are_stable_between_requests(self, client, school):
        service = builders.rich_service()
        first = client.get(f"/openreferral/services/{service.oruk_id}").json()
        second = client.get(f"/openreferral/services/{service.oruk_id}").json()
        assert first == second


class TestSchoolLocationExtensionPoint:
    def test_settings_alone_give_the_school_office_contact(self, client, school):
        service = builders.service("Nurture group", location=Service.Where.SCHOOL)
        data = client.get(f"/openreferral/services/{service.oruk_id}").json()
        location = data["service_at_locations"][0]["location"]
        assert location["accessibility"] == []
        assert [(c["name"], c["email"]) for c in location["contacts"]] == [
            ("School office", "office@testvalley.example")
        ]
        assert location["contacts"][0]["phones"][0]["number"] == "01632 960 001"

    def test_hooked_facilities_and_senco_appear_on_the_school_location(self, client, school):
        def facilities_and_senco(site):
            return SchoolLocationExtras(
                accessibility=[AccessibilityEntry("Ramp at the main entrance", key="ramp")],
                contacts=[LocationContact("Mrs Helen Marsh", title="SENCO", phone="01632 960 9")],
            )

        at_school = builders.service("Nurture group", location=Service.Where.SCHOOL)
        elsewhere = builders.service("CAMHS", location=Service.Where.ELSEWHERE)
        with hooks.register_temporarily(SCHOOL_LOCATION_HOOK, facilities_and_senco):
            data = client.get(f"/openreferral/services/{at_school.oruk_id}").json()
            away = client.get(f"/openreferral/services/{elsewhere.oruk_id}").json()
        location = data["service_at_locations"][0]["location"]
        assert [a["description"] for a in location["accessibility"]] == [
            "Ramp at the main entrance"
        ]
        assert [(c["name"], c.get("title")) for c in location["contacts"]] == [
            ("Mrs Helen Marsh", "SENCO"),
            ("School office", "Enquiries"),
        ]
        away_location = away["service_at_locations"][0]["location"]
        assert "contacts" not in away_location
        assert away_location["accessibility"] == []


class TestQueryCounts:
    """/services costs the same number of queries for 1 service as for 50."""

    def count(self, client, path):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200
        return len(queries)

    @pytest.mark.parametrize("path", ["services", "service_at_locations"])
    def test_lists_are_flat(self, client, school, path):
        provider = builders.organisation()
        builders.rich_service(name="First", provider=provider)
        url = f"/openreferral/{path}?per_page=100"
        self.count(client, url)  # the first request creates the site's feed ids
        one = self.count(client, url)
        for number in range(49):
            builders.rich_service(name=f"More {number}", provider=provider if number % 2 else None)
        fifty = self.count(client, url)
        assert client.get(url).json()["size"] == 50
        assert one == fifty, f"{one} queries for 1 service, {fifty} for 50"
        # Site, feed ids, school settings, count, page of services with their providers;
        # the school's location adds the SEN report (SENCO) and the disability page
        # (facilities), each a live page and a privacy check.
        assert one == (5 if path == "services" else 9)
