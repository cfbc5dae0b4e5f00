"""What every page's render pays for, made cheaper without changing what readers get:
view restrictions checked in one query, and the breadcrumb taken from Wagtail's routing."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from home.publishing import unguarded
from senreport.models import SENDSectionPage
from tests import factories

pytestmark = pytest.mark.django_db


def breadcrumb(client, url):
    response = client.get(url)
    assert response.status_code == 200
    nav = BeautifulSoup(response.content, "html.parser").select_one("nav.breadcrumb")
    return [(a.get_text(), a["href"]) for a in nav.select("a")] if nav else []


def test_the_breadcrumb_leads_from_home_through_each_section(site, client):
    section = factories.send_section()
    inner = factories.standard_page(section, title="Our approach", slug="approach")
    factories.standard_page(inner, title="Reading support", slug="reading")
    assert breadcrumb(client, "/send/approach/reading/") == [
        ("Home", "/"),
        ("SEND", "/send/"),
        ("Our approach", "/send/approach/"),
    ]
    assert breadcrumb(client, "/send/") == [("Home", "/")]


def test_a_section_that_is_not_live_still_shows_in_the_breadcrumb(site, client):
    section = factories.send_section()
    factories.standard_page(section, title="Our approach", slug="approach")
    SENDSectionPage.objects.get().unpublish()
    assert breadcrumb(client, "/send/approach/") == [("Home", "/"), ("SEND", "/send/")]


def test_a_restriction_on_a_section_covers_the_pages_below_it(site, client):
    section = factories.send_section()
    factories.standard_page(section, title="Our approach", slug="approach")
    assert client.get("/send/approach/").status_code == 200
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/send/approach/")
    assert response.status_code == 302 and "/login" in response["Location"]


def test_a_page_below_an_alias_of_a_restricted_page_is_restricted_too(site, client):
    home = factories.home_page()
    source = factories.standard_page(title="Staff area", slug="staff")
    PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.LOGIN)
    with unguarded():
        alias = source.create_alias(parent=home, update_slug="staff-copy")
    factories.standard_page(alias, title="Rota", slug="rota")
    response = client.get("/staff-copy/rota/")
    assert response.status_code == 302 and "/login" in response["Location"]
    assert client.get("/staff-copy/").status_code == 302


def test_an_unrestricted_page_is_served(site, client):
    factories.standard_page(title="Visiting the school", slug="visiting")
    assert client.get("/visiting/").status_code == 200
