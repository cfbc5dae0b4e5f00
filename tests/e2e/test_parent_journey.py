"""A parent on a phone: from the home page to the SEN Information Report, the SENCO, the
Local Offer and the feedback form; then the same journey by keyboard alone."""

import re

from .conftest import PHONE, screenshot

REPORT_URL = "/send/sen-information-report/"


def test_parent_on_a_phone(new_page):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto("/")

    # Two clicks from the home page to the report.
    page.locator(".send-entry a.button").click()
    page.wait_for_url("**/send/")
    page.locator("main").get_by_role("link", name="SEN Information Report", exact=True).click()
    page.wait_for_url(f"**{REPORT_URL}")
    assert page.get_by_role("heading", level=1).inner_text() == "SEN Information Report"

    # The table of contents jumps to a section.
    contents = page.get_by_role("navigation", name="Contents")
    contents.get_by_role("link", name="How are parents consulted and involved?").click()
    assert page.url.endswith("#parents")
    assert page.locator("#parents").is_visible()
    assert page.evaluate("document.querySelector('#parents').getBoundingClientRect().top") < 200

    # The SENCO's contact and the Local Offer link are there to tap.
    senco = page.locator(".senco-box")
    contact = senco.locator("a[href^='mailto:'], a[href^='tel:']")
    assert contact.count() >= 1 and contact.first.is_visible()
    # Both the school's own Local Offer page and the council's Local Offer (the legal link).
    local_offer = page.locator("#local-offer").get_by_role("link", name=re.compile("Local Offer"))
    hrefs = [link.get_attribute("href") for link in local_offer.all()]
    assert hrefs[0] == "/send/local-offer/"
    assert any(href.startswith("https://") for href in hrefs[1:])

    # A glossary term explains the jargon.
    term = page.locator("a.glossary-link", has_text="SENCO").first
    term.click()
    page.wait_for_url("**/glossary/#term-senco")
    assert page.locator("#term-senco").is_visible()
    assert "co-ordinator" in page.locator("#term-senco").inner_text().lower()

    # The school's services, filtered by an area of need.
    page.goto("/send/local-offer/")
    all_count = int(re.match(r"\d+", page.locator("#results").inner_text()).group(0))
    page.get_by_label("Social, emotional and mental health").check()
    page.get_by_role("button", name="Show services").click()
    page.wait_for_url("**need=social-emotional-and-mental-health**")
    filtered = int(re.match(r"\d+", page.locator("#results").inner_text()).group(0))
    assert 0 < filtered < all_count
    screenshot(page, "parent-local-offer-filtered-phone")

    # Report a problem with a page.
    page.goto(REPORT_URL)
    page.get_by_role("link", name="Report a problem with this page").click()
    page.get_by_label("What is the problem, or what would you like to tell us?").fill(
        "The link to the council's Local Offer opens the wrong page."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Send").click()
    assert "Thank you" in page.locator("main").inner_text()


def focus_visible(page):
    """The focused element shows a focus indicator (an outline or a box shadow)."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return false;
            const style = getComputedStyle(el);
            return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                || style.boxShadow !== 'none';
        }"""
    )


def tab_to(page, locator, limit=150):
    """Press Tab until `locator` has focus, checking focus is visible at every stop.

    Past the last link focus leaves the page for the browser's own controls (the body is
    then active) and the next Tab starts again at the top, as it does for a real user."""
    target = locator.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            continue
        assert focus_visible(page), page.evaluate("document.activeElement.outerHTML")
        if page.evaluate("el => el === document.activeElement", target):
            return
    raise AssertionError(f"Could not reach {locator} with Tab")


def test_parent_by_keyboard_alone(new_page):
    page = new_page()
    page.goto("/")

    # The skip link is the first stop and moves focus to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    assert focus_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"

    tab_to(page, page.locator(".send-entry a.button"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/send/")
    tab_to(
        page, page.locator("main").get_by_role("link", name="SEN Information Report", exact=True)
    )
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{REPORT_URL}")

    contents = page.get_by_role("navigation", name="Contents")
    tab_to(page, contents.get_by_role("link", name="Who is the SENCO and how do I contact them?"))
    page.keyboard.press("Enter")
    assert page.url.endswith("#senco")

    tab_to(page, page.locator("a.glossary-link").first)
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary/#term-*")

    page.goto("/send/local-offer/")
    tab_to(page, page.get_by_label("Cognition and learning"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Show services"))
    page.keyboard.press("Enter")
    page.wait_for_url("**need=cognition-and-learning**")

    page.goto("/feedback/")
    tab_to(page, page.get_by_label("What is the problem, or what would you like to tell us?"))
    page.keyboard.type("The print version cuts off the table.")
    tab_to(page, page.get_by_role("button", name="Send"))
    # Wait for the answer to the form's POST, not just for a quiet network.
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Thank you" in page.locator("main").inner_text()
