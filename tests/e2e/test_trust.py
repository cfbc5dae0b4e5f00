"""The second demo school in a real browser, and the trust overview."""

import re

import pytest

from demo.schools import HOLLINS_BROOK, LARKSPUR_HILL

from .conftest import ADMIN_PASSWORD, ADMIN_USERNAME, axe_violations, log_in, screenshot

SECOND_SCHOOL_PAGES = {
    "home": "/",
    "send-section": "/send/",
    "sen-report": "/send/sen-information-report/",
    "disability-access": "/send/disability-and-access/",
    "accessibility-plan": "/send/accessibility-plan/",
    "statutory-information": "/send/statutory-information/",
    "local-offer": "/send/local-offer/",
    "glossary": "/send/glossary/",
}


@pytest.fixture
def second_school(base_url):
    """The address of Larkspur Hill School on the test server (browsers send *.localhost to
    this machine)."""
    return base_url.replace("127.0.0.1", LARKSPUR_HILL.hostname)


@pytest.mark.parametrize("name", SECOND_SCHOOL_PAGES)
def test_second_school_pages_are_its_own_and_accessible(new_page, second_school, name):
    page = new_page()
    response = page.goto(second_school + SECOND_SCHOOL_PAGES[name])
    assert response.status == 200
    screenshot(page, f"larkspur-hill-{name}")
    text = page.locator("body").inner_text()
    assert LARKSPUR_HILL.name in text
    assert HOLLINS_BROOK.name not in text and HOLLINS_BROOK.senco_name not in text
    report = axe_violations(page)
    assert report == "", report


def test_glossary_link_stays_on_the_second_school(new_page, second_school):
    page = new_page()
    page.goto(second_school + "/send/sen-information-report/")
    page.locator("a.glossary-link").first.click()
    page.wait_for_url(re.compile(re.escape(second_school) + r"/send/glossary/#term-"))
    assert LARKSPUR_HILL.name in page.locator("header").inner_text()


def test_trust_overview_sorts_and_leads_to_each_dashboard(new_page):
    admin = new_page()
    log_in(admin, ADMIN_USERNAME, ADMIN_PASSWORD)
    admin.get_by_role("link", name="Trust overview").click()
    admin.wait_for_url(re.compile(r"/admin/trust/$"))
    rows = admin.locator("table.trust-overview tbody tr")
    assert rows.count() == 2
    assert HOLLINS_BROOK.name in rows.nth(0).inner_text()
    admin.get_by_role("link", name="School", exact=True).click()
    admin.wait_for_url(re.compile(r"ordering=-school"))
    assert LARKSPUR_HILL.name in rows.nth(0).inner_text()
    header = admin.locator("th[aria-sort]")
    assert header.get_attribute("aria-sort") == "descending"
    screenshot(admin, "trust-overview")
    rows.nth(0).get_by_role("link", name=re.compile("Dashboard")).click()
    admin.wait_for_url(re.compile(r"/admin/compliance/\?site=\d+$"))
    assert "legal duties met" in admin.locator("main").inner_text()
    assert LARKSPUR_HILL.name in admin.locator("body").inner_text()
