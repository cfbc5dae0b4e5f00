"""The school's brand and the compact phone header, in a real browser."""

import pytest

from .conftest import ADMIN_PASSWORD, ADMIN_USERNAME, DESKTOP, PHONE, axe_violations, log_in


def test_phone_menu_opens_without_javascript(new_page):
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto("/")
    header = page.locator(".site-header")
    assert header.bounding_box()["height"] <= 120
    assert not page.get_by_role("navigation", name="Main").is_visible()
    page.get_by_text("Menu", exact=True).click()
    assert page.get_by_role("navigation", name="Main").is_visible()
    assert page.get_by_role("link", name="Contact us").is_visible()


def test_demo_schools_have_their_own_colours(page, server):
    page.goto("/")
    first = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--brand')")
    port = server.url.rsplit(":", 1)[1]
    page.goto(f"http://larkspur-hill.localhost:{port}/")
    second = page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--brand')"
    )
    assert first.strip() and second.strip() and first.strip() != second.strip()


def test_a_pale_brand_colour_is_refused_in_school_details(page):
    log_in(page, ADMIN_USERNAME, ADMIN_PASSWORD)
    page.goto("/admin/settings/home/schoolsettings/")
    page.get_by_role("tab", name="Brand").click()
    page.get_by_label("Brand colour").fill("#ffcc00")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("tab", name="Brand").click()
    message = page.get_by_text("This colour gives a contrast of 1.5:1")
    assert message.is_visible()
    assert "The nearest shade that passes is #" in message.inner_text()


LARKSPUR_PAGES = [
    "/",
    "/about-us/",
    "/contact-us/",
    "/feedback/",
    "/accessibility/",
    "/send/",
    "/send/sen-information-report/",
    "/send/disability-and-access/",
    "/send/accessibility-plan/",
    "/send/equality/",
    "/send/glossary/",
    "/send/statutory-information/",
    "/send/local-offer/",
    "/search/?q=SENCO",
]


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_second_demo_school_pages_have_no_axe_violations(new_page, server, size):
    """The special school, with its own brand, passes axe on every public page too."""
    page = new_page(viewport=DESKTOP if size == "desktop" else PHONE)
    port = server.url.rsplit(":", 1)[1]
    failures = []
    for path in LARKSPUR_PAGES:
        response = page.goto(f"http://larkspur-hill.localhost:{port}{path}")
        assert response.status == 200, path
        report = axe_violations(page)
        if report:
            failures.append(f"{path}:\n{report}")
    assert not failures, "\n".join(failures)
