"""Site search: the school's pages, report sections (to their anchors), glossary terms and
Local Offer services, scoped to the school; helpful links when nothing matches."""

import pytest
from django.test import override_settings

from home.models import StandardPage
from localoffer.models import Service
from senreport.models import SENInformationReportPage
from tests import factories
from tests.localoffer import builders


@pytest.fixture
def section(school):
    return factories.send_section()


def results(client, query, **extra):
    response = client.get("/search/", {"q": query}, **extra)
    assert response.status_code == 200
    return response.content.decode()


def test_search_finds_a_page_by_its_words(client, school):
    factories.standard_page(
        title="Visiting the school", introduction="Ring the office to book a tour."
    )
    html = results(client, "tour")
    assert "1 result for “tour”" in html
    assert '<a href="/visiting/">Visiting the school</a>' in html


def test_report_section_results_link_to_the_sections_anchor(client, section):
    factories.publish_child(
        section,
        SENInformationReportPage(
            title="SEN Information Report",
            slug="sen-information-report",
            identification="<p>We listen to parents and watch how each child learns.</p>",
        ),
    )
    html = results(client, "watch learns")
    assert 'href="/send/sen-information-report/#identification"' in html


def test_glossary_terms_link_to_their_entry(client, section):
    factories.glossary_page(section)
    factories.glossary_term(
        "Education, Health and Care plan", "EHC plan", "A legal plan for a child's support."
    )
    html = results(client, "legal plan")
    assert 'href="/send/glossary/#term-ehc-plan"' in html
    assert "Glossary" in html


def test_local_offer_services_link_to_their_card_running_first(client, section):
    builders.offer_page()
    builders.service(name="Zebra swimming club", status=Service.Status.TEMPORARILY_CLOSED)
    running = builders.service(name="Swimming lessons for all")
    html = results(client, "swimming")
    assert f'href="/send/local-offer/#{running.anchor}"' in html
    assert html.index("Swimming lessons for all") < html.index("Zebra swimming club")
    assert "(temporarily closed)" in html


def test_search_shows_only_this_schools_content(client, school):
    factories.standard_page(title="Sports day", slug="sports-day", introduction="Races.")
    other = builders.other_site()
    other.hostname = "other.localhost"
    other.save()
    factories.publish_child(
        other.root_page,
        StandardPage(title="Their sports day", slug="their-sports", introduction="Races."),
    )
    assert "Their sports day" not in results(client, "races")
    theirs = results(client, "races", HTTP_HOST="other.localhost")
    assert "Their sports day" in theirs and "/sports-day/" not in theirs


def test_no_results_offers_helpful_links(client, section):
    html = results(client, "xylophone")
    assert "0 results for “xylophone”" in html
    assert "Nothing on this site matches those words" in html
    assert 'href="/"' in html


def test_draft_and_private_pages_are_not_found(client, school):
    page = factories.standard_page(title="Secret plans", slug="secret", introduction="Hidden.")
    page.unpublish()
    assert "Secret plans" not in results(client, "hidden")


@override_settings(PAGE_CACHE_ENABLED=True)
def test_the_query_survives_the_page_cache(client, school):
    factories.standard_page(title="Visiting the school", introduction="Book a tour.")
    assert "Visiting the school" in results(client, "tour")


def test_every_page_has_a_search_box_in_its_header(client, school):
    html = client.get("/").content.decode()
    assert 'role="search"' in html and 'action="/search/"' in html


def test_search_page_queries_stay_flat_as_content_grows(
    client, section, django_assert_num_queries
):
    """Pinned: the same number of queries with 1 matching item of each kind as with 10."""
    factories.glossary_page(section)
    builders.offer_page()

    def add(number):
        factories.standard_page(
            title=f"Club {number}", slug=f"club-{number}", introduction="A lunchtime club."
        )
        factories.glossary_term(f"Club term {number}", f"CT{number}", "Lunchtime words.")
        builders.service(name=f"Lunchtime club {number}")

    add(0)
    client.get("/search/", {"q": "lunchtime"})  # warm the caches a parent's visit would
    with django_assert_num_queries(SEARCH_QUERIES):
        assert "3 results" in results(client, "lunchtime")
    for number in range(1, 10):
        add(number)
    with django_assert_num_queries(SEARCH_QUERIES):
        assert "30 results" in results(client, "lunchtime")


SEARCH_QUERIES = 10
