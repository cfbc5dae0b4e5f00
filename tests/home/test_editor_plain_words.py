"""The page editor in the office's words (home/edit_views.py): a refused publish keeps the
changes as a draft and says so once, the editor reopens on the tab with the error, and the
tabs have names a school understands."""

import pytest
from bs4 import BeautifulSoup
from django.utils.html import strip_tags

from home.models import StandardPage
from senreport.models import SENInformationReportPage
from tests.senreport.helpers import form_data_for

pytestmark = pytest.mark.usefixtures("demo_module")

WELLBEING = "“What support is there for emotional, mental and social development?”"


def banner(html):
    return " ".join(m.get_text(" ", strip=True) for m in html.select(".messages li"))


def publish(client, page, **overrides):
    data = form_data_for(page, **overrides)
    data["action-publish"] = "publish"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_a_refused_publish_keeps_the_draft_and_says_what_is_missing_once(admin_client):
    report = SENInformationReportPage.objects.get()
    live_wellbeing = report.wellbeing
    html = publish(admin_client, report, wellbeing="", introduction="<p>New words.</p>")
    shown = banner(html)
    assert shown.startswith("Your changes are saved as a draft.")
    assert "could not be saved" not in shown
    assert shown.count("emotional, mental and social development") == 1, shown
    # The draft holds the editor's words; parents still see the live version.
    report = SENInformationReportPage.objects.get()
    draft = report.get_latest_revision_as_object()
    assert "New words." in draft.introduction and not strip_tags(draft.wellbeing).strip()
    assert report.live and report.wellbeing == live_wellbeing
    assert report.has_unpublished_changes


def test_the_editor_reopens_on_the_first_tab_with_an_error(admin_client):
    report = SENInformationReportPage.objects.get()
    html = publish(admin_client, report, wellbeing="")
    tabs = html.select_one('[data-controller~="w-tabs"]')
    active = tabs["data-w-tabs-active-panel-id-value"]
    panel = html.find(id=active)
    assert panel.select_one('[name="wellbeing"]') is not None
    assert active != html.select('[role="tabpanel"]')[0]["id"]


def test_a_valid_edit_opens_on_the_first_tab(admin_client):
    report = SENInformationReportPage.objects.get()
    html = BeautifulSoup(
        admin_client.get(f"/admin/pages/{report.pk}/edit/").content, "html.parser"
    )
    tabs = html.select_one('[data-controller~="w-tabs"]')
    assert not tabs.get("data-w-tabs-active-panel-id-value")


@pytest.mark.parametrize("model", [SENInformationReportPage, StandardPage])
def test_tabs_are_named_for_a_school(admin_client, model):
    page = model.objects.first()
    html = BeautifulSoup(admin_client.get(f"/admin/pages/{page.pk}/edit/").content, "html.parser")
    labels = [tab.contents[0].strip() for tab in html.select('[role="tab"]')]
    assert "Address and search" in labels
    assert "Promote" not in labels


def test_a_publish_refused_for_pupil_data_keeps_nothing(admin_client):
    """Pupil data is not kept unasked, even in a draft: the editor removes it first."""
    from wagtail.test.utils.form_data import rich_text

    page = StandardPage.objects.live().first()
    before = page.latest_revision_id
    data = form_data_for(page)
    data["body-count"] = "1"
    data.update(
        {
            "body-0-type": "paragraph",
            "body-0-value": rich_text("<p>Jay Smith, DOB 12/03/2016, chose his targets.</p>"),
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": "",
            "action-publish": "publish",
        }
    )
    html = BeautifulSoup(
        admin_client.post(f"/admin/pages/{page.pk}/edit/", data).content, "html.parser"
    )
    assert "saved as a draft" not in banner(html)
    page.refresh_from_db()
    assert page.latest_revision_id == before
