"""Every public page of the demo school, in a real browser, at desktop and phone sizes."""

import pytest

from .conftest import DESKTOP, PHONE, axe_violations, screenshot

PAGES = {
    "home": "/",
    "standard": "/about-us/",
    "standard-nested": "/policies/complaints-procedure/",
    "send-section": "/send/",
    "sen-report": "/send/sen-information-report/",
    "disability-access": "/send/disability-and-access/",
    "accessibility-plan": "/send/accessibility-plan/",
    "inclusion-strategy": "/send/inclusion-strategy/",
    "equality": "/send/equality/",
    "statutory-information": "/send/statutory-information/",
    "sen-support": "/send/sen-support/",
    "glossary": "/send/glossary/",
    "accessibility-statement": "/accessibility/",
    "feedback-form": "/feedback/",
    "local-offer": "/send/local-offer/",
    "search-results": "/search/?q=SENCO",
    "glossary-filtered": "/send/glossary/?letter=E",
}
SIZES = {"desktop": DESKTOP, "phone": PHONE}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_axe_violations(new_page, name, size):
    page = new_page(viewport=SIZES[size])
    response = page.goto(PAGES[name])
    assert response.status == 200
    screenshot(page, f"{name}-{size}")
    report = axe_violations(page)
    assert report == "", report


def test_skip_link_moves_focus_to_main_content(page):
    page.goto("/about-us/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_home_page_reads_without_javascript(new_page):
    page = new_page(java_script_enabled=False)
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text() == "Hollins Brook Primary School"
    assert page.get_by_role("navigation", name="Main").is_visible()


def test_phone_layout_has_no_sideways_scroll(phone_page):
    phone_page.goto("/admissions/")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390


def test_admin_login_page_is_served(page):
    response = page.goto("/admin/login/")
    assert response.status == 200
    assert page.get_by_label("Username").is_visible()
