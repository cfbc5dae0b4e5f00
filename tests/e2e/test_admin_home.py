"""The office's admin home in a real browser: the to-do panels in order, their zero states
and items, the refusal wording and the first-error tab, the editor guide from the Help menu;
axe finds nothing on the home or the guide. Screenshots for the editor guide go to
docs/screenshots/."""

import re
from pathlib import Path

from playwright.sync_api import expect

from .conftest import (
    ADMIN_PASSWORD,
    ADMIN_USERNAME,
    axe_violations,
    log_in,
    run_python,
    screenshot,
)

DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
REPORT_URL = "/send/sen-information-report/"
PANELS = ["Needs doing now", "Coming up", "From parents", "Recently published"]
SCHOOL = "from wagtail.models import Site\nsite = Site.objects.get(hostname='127.0.0.1')\n"


def docs_screenshot(page, name):
    """The whole admin page at 1280 px wide (the admin scrolls inside its own layout, so
    the window is made as tall as the content first)."""
    DOCS_SCREENSHOTS.mkdir(exist_ok=True)
    size = page.viewport_size
    height = page.evaluate(
        "Math.max(document.documentElement.scrollHeight,"
        " document.querySelector('main')?.scrollHeight || 0)"
    )
    page.set_viewport_size({"width": 1280, "height": max(size["height"], height)})
    page.screenshot(path=str(DOCS_SCREENSHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size(size)


def panel(page, heading):
    return page.locator("section.w-panel", has=page.get_by_role("heading", name=heading))


def clear_home_data(server_env):
    run_python(
        server_env,
        SCHOOL
        + "from home.models import FeedbackSubmission\n"
        + "from senreport.models import LinkCheck\n"
        + "FeedbackSubmission.objects.filter(page__path__startswith=site.root_page.path)"
        + ".delete()\n"
        + "LinkCheck.objects.filter(site=site).delete()\n",
    )


def test_the_office_journey_through_the_admin_home(new_page, server_env, moderation_users):
    page = new_page()
    log_in(page, *moderation_users["editor"])

    # The demo as seeded: parents' messages of the last 30 days and a review date coming
    # up (demo/feedback.py, demo/senreport.py). The editor guide's picture of the home.
    expect(panel(page, "From parents")).to_contain_text("Unread")
    expect(panel(page, "Coming up")).to_contain_text("Inclusion strategy")
    report = axe_violations(page)
    assert report == "", report
    docs_screenshot(page, "admin-home")

    clear_home_data(server_env)
    page.reload()

    # One school's editor: the to-do list in order, and no trust wording anywhere.
    headings = [h.inner_text().strip() for h in page.locator("section.w-panel h2").all()]
    assert [h for h in headings if h in PANELS] == PANELS, headings
    assert not re.search(r"\btrust\b", page.locator("body").inner_text(), re.IGNORECASE)
    assert "Nothing needs doing now" in panel(page, "Needs doing now").inner_text()
    assert "No messages from parents yet" in panel(page, "From parents").inner_text()
    report = axe_violations(page)
    assert report == "", report

    # A parent writes, and the link checker finds a broken link: both are on the list.
    run_python(
        server_env,
        SCHOOL
        + "from home.models import FeedbackFormPage, FeedbackSubmission\n"
        + "from senreport.models import LinkCheck, SENInformationReportPage\n"
        + "form = FeedbackFormPage.objects.descendant_of(site.root_page).first()\n"
        + "report = SENInformationReportPage.objects.descendant_of(site.root_page).get()\n"
        + "FeedbackSubmission.objects.create(page=form, sent_from=report, "
        + "sent_from_url=report.url, form_data={'message': 'The SENCO phone number on this "
        + "page rings out.\\nThank you.'})\n"
        + "LinkCheck.objects.create(site=site, url='https://example.org/old-leaflet', "
        + "found_in=['SEN Information Report'], on_pages=True, ok=False, "
        + "error='The page was not found (404).')\n",
    )
    page.reload()
    needs = panel(page, "Needs doing now")
    assert "https://example.org/old-leaflet" in needs.inner_text()
    parents = panel(page, "From parents")
    expect(parents).to_contain_text("1 message in the last 30 days, 1 unread")
    expect(parents).to_contain_text("“The SENCO phone number on this page rings out.”")
    report = axe_violations(page)
    assert report == "", report
    with page.expect_navigation():
        parents.get_by_role("button", name=re.compile("Mark as read")).click()
    expect(panel(page, "From parents")).not_to_contain_text("Unread")
    clear_home_data(server_env)


def test_a_refused_publish_keeps_the_draft_and_opens_the_tab_with_the_error(
    new_page, restore_pages
):
    (report_id,) = restore_pages(REPORT_URL)
    page = new_page()
    log_in(page, ADMIN_USERNAME, ADMIN_PASSWORD)
    page.goto(f"/admin/pages/{report_id}/edit/")
    page.get_by_role("tab", name="Needs and teaching").click()
    section = page.locator('[data-contentpath="wellbeing"] [contenteditable="true"]').first
    section.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.wait_for_function(
        """() => {
            const value = document.querySelector('input[name="wellbeing"]').value;
            return value === 'null' || !value.includes('Each class');
        }"""
    )
    # Back on the first tab, as an editor would be, then publish.
    page.get_by_role("tab", name="About the report").click()
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Publish").click()
    banner = page.locator(".messages").inner_text()
    assert banner.strip().startswith("Your changes are saved as a draft.")
    assert "could not be saved" not in banner
    assert banner.count("emotional, mental and social development") == 1, banner
    # The editor opens on the tab holding the emptied section.
    expect(page.get_by_role("tab", name=re.compile("Needs and teaching"))).to_have_attribute(
        "aria-selected", "true"
    )
    expect(page.get_by_role("tab", name=re.compile("Address and search"))).to_be_visible()
    docs_screenshot(page, "publish-refused")


def test_the_help_menu_opens_the_editor_guide(new_page):
    page = new_page()
    log_in(page, ADMIN_USERNAME, ADMIN_PASSWORD)
    page.get_by_role("button", name="Help").click()
    menu = page.get_by_role("list", name="Help")
    menu.get_by_role("link", name="Editor guide for your school").click()
    page.wait_for_url(re.compile(r"/admin/guide/$"))
    report = axe_violations(page)
    assert report == "", report
    page.get_by_role("link", name="Your admin home: what to do next").first.click()
    page.wait_for_url(re.compile(r"/admin/guide/your-admin-home-what-to-do-next/$"))
    image = page.locator("article img").first
    expect(image).to_be_visible()
    assert page.evaluate("(img) => img.naturalWidth", image.element_handle()) > 0
    report = axe_violations(page)
    assert report == "", report
    page.get_by_role("link", name="The year's calendar: what to review when").first.click()
    expect(page.locator("article table")).to_be_visible()
    report = axe_violations(page)
    assert report == "", report
    screenshot(page, "editor-guide-calendar")
