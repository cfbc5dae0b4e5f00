"""In a real browser: opening a glossary term, and sending the feedback form."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from .conftest import ADMIN_PASSWORD, ADMIN_USERNAME, PHONE, axe_violations, log_in, screenshot

SUPPORT = "/send/sen-support/"


def test_a_marked_abbreviation_opens_its_glossary_entry(page):
    page.goto(SUPPORT)
    first = page.locator("main a.glossary-link").first
    assert first.inner_text() == "SEN"
    assert first.locator("abbr").get_attribute("title") == "Special educational needs"
    first.click()
    page.wait_for_url(re.compile(r"/send/glossary/#term-sen$"))
    entry = page.locator("#term-sen")
    assert entry.evaluate("el => el.matches(':target')")
    assert entry.locator("dt").inner_text() == "Special educational needs (SEN)"
    box = entry.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]  # scrolled into view
    screenshot(page, "glossary-term-opened-desktop")
    report = axe_violations(page)
    assert report == "", report


def test_headings_and_links_keep_their_own_words(page):
    page.goto(SUPPORT)
    assert page.locator("main :is(h1, h2, h3, summary, .useful-links) abbr").count() == 0
    assert page.get_by_role("heading", level=1).inner_text() == (
        "SEN support: how we help your child"
    )


def test_the_cycle_picture_has_a_text_alternative(page):
    page.goto(SUPPORT)
    picture = page.get_by_role("img", name=re.compile(r"^A cycle of four stages that repeats"))
    assert picture.is_visible()
    stages = page.locator(".graduated-approach__stages > li h3").all_inner_texts()
    assert stages == ["Assess", "Plan", "Do", "Review"]


def test_glossary_letters_jump_to_their_section(phone_page):
    phone_page.goto("/send/glossary/")
    phone_page.get_by_role("navigation", name="Glossary letters").get_by_role(
        "link", name="S", exact=True
    ).click()
    phone_page.wait_for_url(re.compile(r"#letter-s$"))
    heading = phone_page.locator("#letter-s")
    assert 0 <= heading.bounding_box()["y"] < PHONE["height"]
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def report_a_problem_from_the_support_page(page):
    page.goto(SUPPORT)
    page.locator("footer").get_by_role("link", name="Report a problem with this page").click()
    page.wait_for_url(re.compile(r"/feedback/\?page=\d+$"))
    about = page.locator(".feedback-about").inner_text()
    assert about == "You are telling us about the page SEN support: how we help your child."


def test_feedback_errors_are_announced_and_lead_to_each_field(page):
    report_a_problem_from_the_support_page(page)
    page.get_by_label("Your e-mail address").fill("not an address")
    with page.expect_navigation():
        page.get_by_role("button", name="Send").click()

    summary = page.get_by_role("alert")
    assert summary.is_visible()
    assert summary.get_by_role("heading").inner_text() == "There is a problem"
    assert page.title().startswith("Error: ")
    # The summary takes focus, so a screen reader starts there (autofocus: the browser
    # moves focus once it has drawn the page).
    expect(summary).to_be_focused()
    errors = summary.get_by_role("link").all_inner_texts()
    assert errors == [
        "Please fill in: What is the problem, or what would you like to tell us?",
        "Your e-mail address: enter an e-mail address like name@example.com",
    ]
    message = page.get_by_label("What is the problem, or what would you like to tell us?")
    assert message.get_attribute("aria-invalid") == "true"
    screenshot(page, "feedback-errors-desktop")
    report = axe_violations(page)
    assert report == "", report

    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.name") == (
        "what_is_the_problem_or_what_would_you_like_to_tell_us"
    )
    # The page it came from survives the round trip.
    assert "SEN support: how we help your child" in page.locator(".feedback-about").inner_text()


def test_feedback_is_sent_thanked_and_kept_in_the_admin(page, new_page):
    words = f"The useful links list is hard to read on my phone ({uuid.uuid4().hex[:8]})."
    report_a_problem_from_the_support_page(page)
    page.get_by_label("What is the problem, or what would you like to tell us?").fill(words)
    page.get_by_label("Your e-mail address").fill("parent@example.com")
    with page.expect_navigation():
        page.get_by_role("button", name="Send").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Thank you"
    assert "The school office reads every message." in page.get_by_role("status").inner_text()
    report = axe_violations(page)
    assert report == "", report
    page.get_by_role("link", name="Go back to the page you were reading").click()
    page.wait_for_url(re.compile(re.escape(SUPPORT) + "$"))

    admin = new_page()
    log_in(admin, ADMIN_USERNAME, ADMIN_PASSWORD)
    admin.goto("/admin/forms/")
    # Each demo school has its own feedback form, listed in no fixed order: the message is
    # kept with the form of the school the parent wrote to.
    forms = admin.get_by_role("link", name=re.compile("Report a problem or tell us"))
    addresses = [forms.nth(n).get_attribute("href") for n in range(forms.count())]
    listings = []
    for address in addresses:
        admin.goto(address)
        listings.append(admin.locator("main").inner_text())
    kept = [listing for listing in listings if words in listing]
    assert len(kept) == 1, listings
    assert SUPPORT in kept[0]


def test_the_honeypot_is_out_of_sight_and_out_of_the_tab_order(page):
    page.goto("/feedback/")
    honeypot = page.locator('input[name="hp__website"]')
    box = honeypot.bounding_box()
    assert box is None or box["x"] + box["width"] <= 0
    page.get_by_label("Your e-mail address").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Send"


@pytest.mark.parametrize("size", ["phone"])
def test_feedback_works_without_javascript_on_a_phone(new_page, size):
    page = new_page(viewport=PHONE, java_script_enabled=False, is_mobile=True)
    page.goto("/feedback/")
    with page.expect_navigation():
        page.get_by_role("button", name="Send").click()
    assert page.locator(".error-summary").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "feedback-errors-phone")
    page.get_by_label("What is the problem, or what would you like to tell us?").fill(
        "Testing without JavaScript."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Send").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Thank you"
