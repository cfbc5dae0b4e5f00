"""The basics every site has: sitemap, robots.txt, meta description and Open Graph tags,
the branded 404 and 500 pages, the favicon and compressed pages."""

import gzip
import re

import pytest
from django.test import override_settings
from django.views.defaults import server_error
from wagtail.models import Site

from home.models import HomePage
from home.seo import server_error as school_server_error
from tests import factories


@pytest.fixture
def pages(school):
    home = factories.home_page()
    visiting = factories.standard_page(
        introduction="Come and see us on any weekday: ring the office to book a time."
    )
    return home, visiting


def test_sitemap_lists_the_schools_own_live_pages(client, pages):
    home, visiting = pages
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    # Full addresses (on the school's own address, whatever its host and port).
    assert re.search(r"<loc>https?://[^<>/]+/visiting/</loc>", body)


def test_sitemap_lists_only_the_requested_schools_pages(client, pages):
    root = Site.objects.get(is_default_site=True).root_page.get_parent()
    other_home = root.add_child(instance=HomePage(title="Other school", slug="other-school"))
    Site.objects.create(hostname="other.localhost", port=80, root_page=other_home)
    factories.publish_child(
        other_home, factories.StandardPage(title="Other's page", slug="others-page")
    )
    mine = client.get("/sitemap.xml").content.decode()
    theirs = client.get("/sitemap.xml", HTTP_HOST="other.localhost").content.decode()
    assert "/visiting/" in mine and "others-page" not in mine
    assert "others-page" in theirs and "/visiting/" not in theirs


def test_robots_txt_points_crawlers_to_the_sitemap_and_away_from_the_admin(client, site):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_meta_description_defaults_to_the_introduction(client, pages):
    html = client.get("/visiting/").content.decode()
    description = "Come and see us on any weekday: ring the office to book a time."
    assert f'<meta name="description" content="{description}">' in html
    assert f'<meta property="og:description" content="{description}">' in html
    assert '<meta property="og:title" content="Visiting the school">' in html


def test_meta_description_written_by_the_editor_wins(client, pages):
    _, visiting = pages
    visiting.search_description = "How to visit Test Valley."
    with factories.unguarded():
        visiting.save_revision().publish()
    html = client.get("/visiting/").content.decode()
    assert '<meta name="description" content="How to visit Test Valley.">' in html


def test_meta_description_of_a_page_without_introduction_names_the_school(client, school):
    factories.standard_page(title="Uniform", slug="uniform")
    html = client.get("/uniform/").content.decode()
    assert '<meta name="description" content="Uniform – Test Valley Primary School">' in html


def test_missing_page_is_the_schools_own_with_a_search_box(client, pages):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert "Test Valley Primary School" in html
    assert 'action="/search/"' in html and 'name="q"' in html


def test_server_error_page_needs_no_database(rf):
    # No `db` fixture: any query here would raise "Database access not allowed".
    response = server_error(rf.get("/send/"))
    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()


def test_favicon_is_served_without_a_logo(client, school):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("img/favicon.svg")


def test_pages_link_the_favicon(client, pages):
    assert '<link rel="icon" href="/favicon.ico">' in client.get("/").content.decode()


@override_settings(PAGE_CACHE_ENABLED=False)
def test_pages_are_compressed_for_browsers_that_accept_it(client, pages):
    response = client.get("/visiting/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert "Visiting the school" in gzip.decompress(response.content).decode()
    plain = client.get("/visiting/")
    assert not plain.has_header("Content-Encoding")


def test_the_500_page_answers_in_plain_words_when_it_cannot_be_drawn(rf, settings):
    """Even a broken error template gives the reader an answer, not a second error."""
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [], "APP_DIRS": False, "OPTIONS": {"loaders": []}}
    ]
    response = school_server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()
    assert "Go to the home page" in response.content.decode()
