"""Page fragments (pagecache/fragments.py): the report's and the directory's bodies are
remembered between renders for readers the page cache does not serve, and every input they
are built from gives a new body at once when it changes."""

import datetime

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import SchoolSettings
from home.publishing import unguarded
from senreport.models import DisabilityAccessPage, GlossaryTerm, SENInformationReportPage
from tests.localoffer import builders

REPORT = "/send/sen-information-report/"
LOCAL_OFFER = "/send/local-offer/"
NOON = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def fragments_on(settings, demo):
    """Page cache off (every request renders the page), fragments on."""
    settings.PAGE_CACHE_ENABLED = False
    settings.PAGE_FRAGMENTS_ENABLED = True
    caches[settings.PAGE_CACHE_ALIAS].clear()
    return demo


def main(response):
    assert response.status_code == 200
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def render(client, url):
    """The page's main content and the queries its render took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return main(response), len(queries)


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    with unguarded():  # the text, not the page's checks, is what these tests are about
        page.save_revision().publish()


@pytest.mark.parametrize("url", [REPORT, LOCAL_OFFER])
def test_a_remembered_body_is_the_same_and_costs_fewer_queries(fragments_on, client, url):
    first, first_queries = render(client, url)
    second, second_queries = render(client, url)
    assert second == first
    assert second_queries < first_queries


@pytest.mark.parametrize("url", [REPORT, LOCAL_OFFER])
def test_with_fragments_off_every_body_is_built(fragments_on, settings, client, url):
    settings.PAGE_FRAGMENTS_ENABLED = False
    render(client, url)  # once-only work first (the header logo's rendition is made)
    first, first_queries = render(client, url)
    second, second_queries = render(client, url)
    assert (second, second_queries) == (first, first_queries)


def test_signed_in_readers_get_the_remembered_body_and_their_user_bar(fragments_on, admin_client):
    anonymous, _ = render(admin_client.__class__(), REPORT)
    response = admin_client.get(REPORT)
    assert main(response) == anonymous
    assert "wagtail-userbar" in response.content.decode()


def test_publishing_the_report_shows_its_new_text(fragments_on, client):
    render(client, REPORT)
    publish(SENInformationReportPage.objects.get(), introduction="<p>Freshly published words.</p>")
    assert "Freshly published words." in render(client, REPORT)[0]


def test_publishing_another_page_it_shows_changes_it(fragments_on, client):
    """The report repeats the accessibility information of the disability page."""
    render(client, REPORT)
    publish(DisabilityAccessPage.objects.get(), admissions="<p>A new way to apply.</p>")
    assert "A new way to apply." in render(client, REPORT)[0]


def test_school_details_show_at_once(fragments_on, client):
    render(client, REPORT)
    school = SchoolSettings.objects.get()
    school.sendiass_name = "Renamed Parent Partnership"
    school.save()
    assert "Renamed Parent Partnership" in render(client, REPORT)[0]


def test_a_glossary_term_shows_at_once(fragments_on, client):
    before, _ = render(client, REPORT)
    assert 'title="Special educational needs co-ordinator"' in before
    term = GlossaryTerm.objects.get(abbreviation="SENCO")
    term.term = "Special needs lead teacher"
    term.save()
    after, _ = render(client, REPORT)
    assert 'title="Special needs lead teacher"' in after
    assert 'title="Special educational needs co-ordinator"' not in after


def test_a_new_service_shows_in_the_directory_at_once(fragments_on, client):
    render(client, LOCAL_OFFER)
    builders.rich_service(name="Brand new sensory club")
    assert "Brand new sensory club" in render(client, LOCAL_OFFER)[0]


def test_filters_are_never_answered_with_the_remembered_directory(fragments_on, client):
    whole, _ = render(client, LOCAL_OFFER)
    filtered, _ = render(client, LOCAL_OFFER + "?age=99")
    assert "Enter an age from 0 to" not in whole
    assert "Enter an age from 0 to" in filtered


def test_the_next_day_builds_the_body_again(fragments_on, client):
    with time_machine.travel(NOON, tick=False):
        _, first_queries = render(client, REPORT)
        _, remembered_queries = render(client, REPORT)
    with time_machine.travel(NOON + datetime.timedelta(days=1), tick=False):
        _, next_day_queries = render(client, REPORT)
    assert remembered_queries < first_queries
    # Built again: the body's queries are back (the header logo's rendition, made on the
    # first render, is not counted twice).
    assert next_day_queries > remembered_queries


def test_a_preview_shows_unsaved_text_not_the_remembered_body(fragments_on, client):
    render(client, REPORT)
    page = SENInformationReportPage.objects.get()
    page.introduction = "<p>Words not saved yet.</p>"
    preview = page.make_preview_request()
    assert "Words not saved yet." in preview.content.decode()
    assert "Words not saved yet." not in render(client, REPORT)[0]
