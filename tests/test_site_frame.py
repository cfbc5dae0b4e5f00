"""The site's frame (home/frame.py): a page's site, home page, school details, navigation
and private pages are remembered between uncached renders, and every change a reader could
see in the header, footer or menu shows on the very next render."""

import datetime
import re

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.models import SchoolSettings
from home.publishing import unguarded
from senreport.models import EqualityPage
from tests import factories

REPORT = "/send/sen-information-report/"
NOON = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def frame_on(settings, demo):
    """Page cache off (every request renders the page), fragments and the frame on."""
    settings.PAGE_CACHE_ENABLED = False
    settings.PAGE_FRAGMENTS_ENABLED = True
    caches[settings.PAGE_CACHE_ALIAS].clear()
    return demo


def render(client, url=REPORT):
    """The whole page (its CSP nonce masked) and the queries its render took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return re.sub(r'nonce="[^"]+"', 'nonce=""', response.content.decode()), len(queries)


def menu(html):
    return re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)


def footer(html):
    return html.split('<footer class="site-footer">', 1)[1]


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    with unguarded():
        page.save_revision().publish()


@pytest.mark.parametrize("url", ["/", REPORT, "/send/local-offer/", "/about-us/"])
def test_a_framed_page_is_the_same_page_with_fewer_queries(frame_on, settings, client, url):
    framed, _ = render(client, url)
    framed_again, framed_queries = render(client, url)
    settings.PAGE_FRAGMENTS_ENABLED = False
    built, built_queries = render(client, url)
    assert framed_again == framed == built
    assert framed_queries < built_queries


def test_the_report_takes_no_query_when_its_frame_route_and_body_are_remembered(frame_on, client):
    """Before the frame: 8 (the site, the home page twice, the private pages, the school
    details, the navigation, the report's previous versions, and the routing's two)."""
    render(client)
    _, queries = render(client)
    assert queries == 0


def test_a_page_given_a_new_address_is_found_there_at_once(frame_on, client):
    render(client, "/about-us/")
    publish(Page.objects.get(url_path__endswith="/about-us/").specific, slug="our-school")
    assert client.get("/about-us/").status_code == 404
    assert ">About our school</h1>" in render(client, "/our-school/")[0]


def test_a_page_unpublished_is_gone_at_once(frame_on, client):
    render(client, "/about-us/")
    Page.objects.get(url_path__endswith="/about-us/").specific.unpublish()
    assert client.get("/about-us/").status_code == 404


def test_school_details_show_at_once_in_header_and_footer(frame_on, client):
    render(client)
    school = SchoolSettings.objects.get()
    school.school_name = "Renamed Academy"
    school.phone = "01632 960 999"
    school.save()
    html, _ = render(client)
    assert "<span>Renamed Academy</span>" in html
    assert "01632 960 999" in footer(html)


def test_the_brand_shows_at_once(frame_on, client):
    before, _ = render(client)
    assert "--brand:#1d3a5f" in before
    school = SchoolSettings.objects.get()
    school.brand_colour = "#5a1d5f"
    school.save()
    assert "--brand:#5a1d5f" in render(client)[0]


def test_a_menu_page_renamed_shows_at_once(frame_on, client):
    render(client)
    publish(Page.objects.get(url_path__endswith="/about-us/").specific, title="Our school")
    html, _ = render(client)
    assert ">Our school</a>" in menu(html)
    assert ">About our school</a>" not in menu(html)


def test_a_new_menu_page_shows_at_once(frame_on, client):
    render(client)
    factories.standard_page(title="Clubs after school", slug="clubs", show_in_menus=True)
    assert ">Clubs after school</a>" in menu(render(client)[0])


def test_a_statutory_page_unpublished_and_published_again_shows_at_once(frame_on, client):
    link = '<a href="/send/equality/">Equality information and objectives</a>'
    assert link in footer(render(client)[0])
    equality = EqualityPage.objects.get()
    equality.unpublish()
    assert link not in footer(render(client)[0])
    publish(EqualityPage.objects.get())
    assert link in footer(render(client)[0])


def test_a_page_made_private_leaves_the_menu_at_once(frame_on, client):
    assert ">Admissions</a>" in menu(render(client)[0])
    PageViewRestriction.objects.create(
        page=Page.objects.get(url_path__endswith="/admissions/"),
        restriction_type=PageViewRestriction.LOGIN,
    )
    assert ">Admissions</a>" not in menu(render(client)[0])


def test_the_next_day_the_frame_is_read_again(frame_on, client):
    with time_machine.travel(NOON, tick=False):
        render(client)
        # Changed without any signal (as by hand in the database): no purge.
        SchoolSettings.objects.update(school_name="Changed Overnight School")
        assert "Changed Overnight School" not in render(client)[0]
    with time_machine.travel(NOON + datetime.timedelta(days=1), tick=False):
        assert "<span>Changed Overnight School</span>" in render(client)[0]


def test_signed_in_editors_get_the_same_frame_and_their_user_bar(frame_on, admin_client):
    anonymous, _ = render(Client())
    html, _ = render(admin_client)
    assert menu(html) == menu(anonymous)
    assert "wagtail-userbar" in html


def test_previews_are_never_framed(frame_on, settings):
    page = Page.objects.get(url_path__endswith="/about-us/").specific
    page.title = "A title not saved yet"
    preview = page.make_preview_request()
    assert "A title not saved yet" in preview.content.decode()
    store = caches[settings.PAGE_CACHE_ALIAS]
    assert not [key for key in store._cache if ":frame:" in key]
