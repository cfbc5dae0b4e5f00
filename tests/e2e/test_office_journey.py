"""The school office's journey in the admin, end to end, in a real browser."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from .conftest import ADMIN_PASSWORD, ADMIN_USERNAME, log_in, run_python, screenshot

REPORT_URL = "/send/sen-information-report/"
# The first demo school's report (the server holds two schools), in `manage.py shell`.
GET_REPORT = (
    "from wagtail.models import Site\n"
    "from senreport.models import SENInformationReportPage as R\n"
    "r = R.objects.descendant_of(Site.objects.get(hostname='127.0.0.1').root_page).get()\n"
)
WELLBEING = "What support is there for emotional, mental and social development?"


def open_tab(page, name):
    page.get_by_role("tab", name=name).click()


def rich_text(page, field):
    return page.locator(f'[data-contentpath="{field}"] [contenteditable="true"]').first


def wait_for_saved_text(page, field, check):
    """Draftail writes to the form's hidden input a moment after typing."""
    page.wait_for_function(
        f"""() => {{
            const value = document.querySelector('input[name="{field}"]').value;
            return ({check});
        }}"""
    )


@pytest.fixture
def report_id(restore_pages):
    """The first demo school's report, live again as seeded after the test, passed or not."""
    (report_id,) = restore_pages(REPORT_URL)
    return report_id


def publish(page):
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Publish").click()


def test_office_fixes_the_report_and_publishes(new_page, server_env, report_id):
    # The SENCO's contact details have gone missing from the live report (published before
    # the publish guard, which would refuse it now).
    run_python(
        server_env,
        GET_REPORT
        + "r.senco_email = ''; r.senco_phone = ''\n"
        + "from home.publishing import unguarded\n"
        + "with unguarded(): r.save_revision().publish()",
    )
    page = new_page()
    log_in(page, ADMIN_USERNAME, ADMIN_PASSWORD)

    # The dashboard says what is wrong and links straight to the editor.
    panel = page.locator("#needs-doing-now-section")
    assert "Legal duties to fix" in panel.inner_text()
    screenshot(page, "admin-dashboard-failing")
    senco_item = panel.locator("li", has_text="Who is the SENCO and how do I contact them?")
    senco_item.get_by_role("link", name=re.compile("^Fix")).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))

    # Empty a required section and try to publish: refused, naming it.
    open_tab(page, "Needs and teaching")
    section = rich_text(page, "wellbeing")
    section.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    wait_for_saved_text(page, "wellbeing", "value === 'null' || !value.includes('Each class')")
    publish(page)
    banner = page.locator(".messages").inner_text()
    # Both the emptied section and the SENCO's missing contact are named.
    assert "cannot be published until these 2 items are filled in" in banner
    assert WELLBEING in banner
    assert "Who is the SENCO and how do I contact them?" in banner
    screenshot(page, "admin-publish-refused")

    # Fill it in again, change the SENCO's phone and the review date, and publish.
    open_tab(page, "Needs and teaching")
    section = rich_text(page, "wellbeing")
    section.click()
    page.keyboard.type("Every class has a trusted adult, and we act on bullying the same day.")
    wait_for_saved_text(page, "wellbeing", "value.includes('the same day')")
    open_tab(page, "People and working together")
    page.locator("#id_senco_phone").fill("01632 960 777")
    open_tab(page, "About the report")
    page.locator("#id_last_reviewed").fill(date.today().isoformat())
    page.keyboard.press("Escape")
    page.locator("#id_next_review").fill("")
    page.keyboard.press("Escape")
    # On a slow machine the date picker can open after Escape and cover the footer: close
    # it as a user would, by clicking outside it.
    page.get_by_role("tab", name="About the report").click()
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)
    publish(page)
    assert "has been published" in page.locator(".messages").inner_text()

    # The public page shows the change; the dashboard is green; inspectors see the date.
    public = new_page()
    public.goto(REPORT_URL)
    assert "01632 960 777" in public.locator("#senco").inner_text()
    assert "we act on bullying the same day" in public.locator("#wellbeing").inner_text()
    page.goto("/admin/")
    assert "legal duties met: everything the law requires is published" in (
        page.locator("#needs-doing-now-section").inner_text()
    )
    screenshot(page, "admin-dashboard")
    public.goto("/send/statutory-information/")
    row = public.locator("#item-sirreviewed").inner_text()
    assert date.today().strftime("%-d %b %Y") in row


def test_editor_submits_and_approver_approves(new_page, moderation_users, report_id):
    editor = new_page()
    log_in(editor, *moderation_users["editor"])
    editor.goto(f"/admin/pages/{report_id}/edit/")
    intro = rich_text(editor, "introduction")
    intro.click()
    editor.keyboard.press("End")
    editor.keyboard.type(" Updated by the office this term.")
    wait_for_saved_text(editor, "introduction", "value.includes('Updated by the office')")
    # Editors cannot publish: the menu offers submission for approval instead.
    editor.locator("footer [data-w-dropdown-target='toggle']").last.click()
    submit = editor.get_by_role(
        "button", name=re.compile("Submit to Hollins Brook Primary School approval")
    )
    submit.wait_for()  # the menu is open
    assert editor.get_by_role("button", name="Publish").count() == 0
    with editor.expect_navigation():
        submit.click()
    assert "submitted" in editor.locator(".messages").inner_text().lower()

    public = new_page()
    public.goto(REPORT_URL)
    assert "Updated by the office this term." not in public.content()

    approver = new_page()
    log_in(approver, *moderation_users["approver"])
    approver.goto(f"/admin/pages/{report_id}/edit/")
    approver.locator("footer [data-w-dropdown-target='toggle']").last.click()
    # "Approve" (without a comment) is the workflow action that needs no dialog.
    with approver.expect_navigation():
        approver.locator(
            'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
        ).click()
    assert "has been updated" in approver.locator(".messages").inner_text()

    # The browser may keep the page it already has for a minute (Cache-Control max-age);
    # reloading asks the server, whose copy the approval purged.
    public.reload()
    assert "Updated by the office this term." in public.content()
