"""The easy-read SEN report in a real browser: reached from the report, accessible at phone
and desktop sizes, and readable without JavaScript."""

import pytest

from .conftest import DESKTOP, PHONE, axe_violations, screenshot

REPORT = "/send/sen-information-report/"
EASY_READ = f"{REPORT}easy-read/"


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_easy_read_is_accessible_at_phone_and_desktop_sizes(new_page, size):
    viewport = PHONE if size == "phone" else DESKTOP
    page = new_page(viewport=viewport)
    page.goto(REPORT)
    page.get_by_role("link", name="Read our SEN Information Report in easy read").click()
    page.wait_for_url(f"**{EASY_READ}")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "SEN Information Report: easy read"
    )
    screenshot(page, f"easy-read-{size}")
    # The picture sits beside its words, not above them.
    line = page.locator(".easy-read__section .easy-read__line").first
    icon, words = line.locator("svg").bounding_box(), line.locator("p").bounding_box()
    assert icon["x"] + icon["width"] <= words["x"]
    assert abs((icon["y"] + icon["height"] / 2) - (words["y"] + words["height"] / 2)) < 40
    # Large text: bigger than the body text of the full report.
    size_px = float(line.locator("p").evaluate("e => getComputedStyle(e).fontSize")[:-2])
    assert size_px >= 20
    report = axe_violations(page)
    assert report == "", report


def test_easy_read_reads_without_javascript(new_page):
    page = new_page(viewport=PHONE, java_script_enabled=False, is_mobile=True)
    response = page.goto(EASY_READ)
    assert response.status == 200
    main = page.locator("main")
    text = main.inner_text()
    assert "Each line tells you one thing." in text
    assert "We meet you three times a year to talk about your child." in text
    assert main.locator(".easy-read__line").count() > 20
    # Pictures are decoration: the words carry the meaning.
    assert main.locator("svg:not([aria-hidden='true'])").count() == 0
    page.get_by_role("link", name="The full report").click()
    page.wait_for_url(f"**{REPORT}")
