"""The school office brings its old SEN Information Report in, in a real browser: upload a
Word file, move one section, create the draft, publish it."""

import re

import pytest
from playwright.sync_api import expect

from tests.senreport.importing.corpus import REPORTS, to_docx

from .conftest import ADMIN_PASSWORD, ADMIN_USERNAME, PHONE, axe_violations, log_in, screenshot

REPORT_URL = "/send/sen-information-report/"
OAK_LANE = REPORTS[0]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def report_id(restore_pages):
    """The first demo school's report, live again as seeded after the test."""
    (report_id,) = restore_pages(REPORT_URL)
    return report_id


def section(page, heading):
    return page.locator("li.import-section", has=page.get_by_role("heading", name=heading))


def test_office_imports_a_word_file_moves_a_section_and_publishes(new_page, report_id):
    page = new_page()
    log_in(page, ADMIN_USERNAME, ADMIN_PASSWORD)

    # The report's editor offers the import.
    page.goto(f"/admin/pages/{report_id}/edit/")
    with page.expect_navigation():
        page.locator(".help-block a", has_text="Import your current report").click()

    page.get_by_label("Upload a file").set_input_files(
        files=[{"name": "our-sen-report.docx", "mimeType": DOCX, "buffer": to_docx(OAK_LANE)}]
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Read the report").click()
    page.wait_for_url(re.compile(r"/admin/sen-report/import/\d+/$"))

    # The review: sections matched with the reasons, and the audit beside them.
    expect(page.get_by_role("heading", name="Audit of the old report")).to_be_visible()
    equipment = section(page, "How do you get special equipment?")
    assert "Sure" in equipment.inner_text()
    screenshot(page, "admin-import-review")
    report = axe_violations(page)
    assert report == "", report

    # Move one section to another item (no JavaScript needed: a plain form post).
    equipment.get_by_label("Goes to").select_option("adaptations")
    with page.expect_navigation():
        page.get_by_role("button", name="Save changes").first.click()
    equipment = section(page, "How do you get special equipment?")
    assert "Chosen by you" in equipment.inner_text()
    expect(equipment.get_by_label("Goes to")).to_have_value("adaptations")

    # The review screen on a phone passes axe too.
    phone = new_page(PHONE, is_mobile=True, has_touch=True)
    log_in(phone, ADMIN_USERNAME, ADMIN_PASSWORD)
    phone.goto(page.url)
    report = axe_violations(phone)
    assert report == "", report

    with page.expect_navigation():
        page.get_by_role("button", name="Create draft").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{report_id}/edit/"))
    assert "not published" in page.locator(".messages").inner_text()

    # Not live until published.
    public = new_page()
    public.goto(REPORT_URL)
    assert "help with larger items" not in public.locator("main").inner_text()

    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Publish").click()
    assert "has been published" in page.locator(".messages").inner_text()

    # A new visitor (the first one's browser may keep the page it saw).
    public = new_page()
    public.goto(REPORT_URL)
    main = public.locator("main").inner_text()
    assert "help with larger items" in public.locator("#adaptations").inner_text()  # moved
    assert "Which needs do we support at Oak Lane?" in main  # the school's own question
    assert "Mrs Priya Shah" in public.locator("#senco").inner_text()
