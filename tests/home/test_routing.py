"""Routing to a page two or more levels below the home page finds every step in one query
(home.models.base `_pages_on_the_way`), with the same answers as Wagtail's own routing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import StandardPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def deep(site):
    section = factories.send_section()
    inner = factories.standard_page(section, title="Our approach", slug="approach")
    factories.standard_page(inner, title="Reading support", slug="reading")
    return section


def page_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    routing = [q for q in queries if '"wagtailcore_page"' in q["sql"]]
    return response, routing


def test_a_deep_page_is_served_with_one_query_for_the_steps(deep, client):
    response, _ = page_queries(client, "/send/approach/reading/")
    assert response.status_code == 200
    assert "<h1>Reading support</h1>" in response.content.decode()
    with CaptureQueriesContext(connection) as queries:
        client.get("/send/approach/reading/")
    steps = [q for q in queries if '"wagtailcore_page"."slug" =' in q["sql"]]
    assert len(steps) == 1


@pytest.mark.parametrize(
    "url", ["/send/approach/missing/", "/send/missing/reading/", "/missing/approach/reading/"]
)
def test_a_missing_step_is_not_found(deep, client, url):
    assert client.get(url).status_code == 404


def test_a_draft_page_is_not_found_below_live_ones(deep, client):
    StandardPage.objects.get(slug="reading").unpublish()
    assert client.get("/send/approach/reading/").status_code == 404


def test_a_draft_page_on_the_way_still_leads_to_a_live_page(deep, client):
    StandardPage.objects.get(slug="approach").unpublish()
    response = client.get("/send/approach/reading/")
    assert response.status_code == 200
    assert "<h1>Reading support</h1>" in response.content.decode()


def test_a_page_with_the_same_slugs_elsewhere_in_the_tree_is_not_served(deep, client):
    """Another branch with the same slugs at the same depths: each address its own page."""
    other = factories.standard_page(title="Other approach", slug="other")
    copy = factories.standard_page(other, title="Approach again", slug="approach")
    factories.standard_page(copy, title="Other reading", slug="reading")
    assert "<h1>Reading support</h1>" in client.get("/send/approach/reading/").content.decode()
    assert "<h1>Other reading</h1>" in client.get("/other/approach/reading/").content.decode()


def test_a_page_with_its_own_sub_paths_is_reached_with_one_query_for_the_steps(demo, client):
    """The report's easy-read version: the steps to the report in one query, then the
    report routes the rest itself; a sub-path it does not know is still not found."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/send/sen-information-report/easy-read/")
    assert response.status_code == 200
    assert "Easy read" in response.content.decode()
    steps = [q for q in queries if '"wagtailcore_page"."slug" =' in q["sql"]]
    assert len(steps) == 1
    assert client.get("/send/sen-information-report/no-such-part/").status_code == 404
