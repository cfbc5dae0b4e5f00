"""The editor guide inside the admin (home/guide.py), from docs/editor-guide.md, linked from
the Help menu."""

import pytest
from bs4 import BeautifulSoup

from home.navigation import statutory_page_models

pytestmark = pytest.mark.django_db

GUIDE = "/admin/guide/"


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def guide_pages(client):
    nav = soup(client, GUIDE).select_one('nav[aria-label="Editor guide"]')
    return {a.get_text(strip=True): a["href"] for a in nav.select("a")}


def test_the_help_menu_links_to_the_schools_guide_not_wagtails(admin_client):
    html = admin_client.get("/admin/").content.decode()
    # The menu is drawn from the sidebar's JSON.
    assert '"url": "/admin/guide/"' in html
    assert "Editor guide for your school" in html
    assert "guide.wagtail.org" not in html


def test_the_guide_has_a_page_for_each_statutory_page_type(admin_client):
    pages = guide_pages(admin_client)
    for model in statutory_page_models():
        assert model.footer_label in pages, model.footer_label
        html = soup(admin_client, pages[model.footer_label])
        assert html.h1.get_text(strip=True) == model.footer_label


def test_the_guide_has_the_years_calendar(admin_client):
    pages = guide_pages(admin_client)
    html = soup(admin_client, pages["The year's calendar: what to review when"])
    rows = [row.get_text(" ", strip=True) for row in html.select("tbody tr")]
    assert any(row.startswith("Autumn term Review the SEN Information Report") for row in rows)


def test_links_between_sections_and_screenshots_work(admin_client):
    pages = guide_pages(admin_client)
    html = soup(admin_client, pages["Local Offer"])
    link = html.find("a", string=lambda s: s and "Local Offer services" in s)
    assert link["href"].startswith(pages["Approval"])
    home = soup(admin_client, pages["Your admin home: what to do next"])
    images = home.select("article img")
    assert images
    for image in images:
        assert image["alt"]
        response = admin_client.get(image["src"])
        assert response.status_code == 200 and response["Content-Type"] == "image/png"


def test_an_unknown_guide_page_or_file_is_not_found(admin_client):
    assert admin_client.get("/admin/guide/nothing-here/").status_code == 404
    assert admin_client.get("/admin/guide/screenshots/settings.py").status_code == 404
    assert admin_client.get("/admin/guide/screenshots/missing.png").status_code == 404
