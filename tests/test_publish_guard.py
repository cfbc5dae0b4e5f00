"""The publish guard (home/publishing.py): nothing that fails its own *must* checks or holds
pupil data goes live, by any route, and each route tells the editor what is missing.

One test per route: the edit form, bulk publish (with and without descendants), workflow
approval, scheduled publishing, revert-and-publish, copy with publish, move; and the
confirmations before unpublishing or deleting a page that carries a *must* item.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Site
from wagtail.test.utils.form_data import rich_text

from home.models import HomePage, SchoolSettings, StandardPage
from home.publishing import REFUSED_LOG_ACTION, PublishRefused, unguarded
from senreport.models import SENDSectionPage, SENInformationReportPage
from tests.senreport.helpers import form_data_for

pytestmark = pytest.mark.usefixtures("demo_module")

WELLBEING = "“What support is there for emotional, mental and social development?”"
PUPIL_DATA = "<p>Jay Smith, DOB 12/03/2016, chose his own targets.</p>"


def text(response):
    return response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')


def report_page():
    return SENInformationReportPage.objects.get()


def unlinked_report_page():
    """The live report without its link to the school's complaints page: a page linking to
    its school's pages cannot move or be copied to another school at all (school isolation,
    tests/test_school_isolation.py), so the guard would never be asked."""
    report = report_page()
    report.complaints_procedure_page = None
    with unguarded():
        report.save_revision().publish()
    return report_page()


def section_page():
    return SENDSectionPage.objects.get()


def failing_draft(report):
    """Save a draft of the report with its wellbeing section emptied; return the revision."""
    report.wellbeing = ""
    return report.save_revision()


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def live_revision_id(page):
    return Page.objects.get(pk=page.pk).live_revision_id


def draft_standard_page(parent, title, body_html):
    page = StandardPage(title=title, slug=title.lower().replace(" ", "-"), live=False)
    parent.add_child(instance=page)
    page.body = [("paragraph", rich_text_value(body_html))]
    page.save_revision()
    return page


def rich_text_value(html):
    from wagtail.rich_text import RichText

    return RichText(html)


def bulk_url(action, *pages):
    ids = "&".join(f"id={page.pk}" for page in pages)
    # As from the page listing, which says where to return to.
    return f"/admin/bulk/wagtailcore/page/{action}/?{ids}&next=/admin/pages/"


@pytest.fixture
def other_school(demo):
    """A second school whose details lack what the report needs: no SENDIASS, no Local
    Offer. Its SEND section is where pages of the demo school are moved or copied to."""
    home = HomePage(title="Other School", slug="other-school")
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.create(
        hostname="other.example", port=80, site_name="Other School", root_page=home
    )
    school = SchoolSettings.for_site(site)
    school.school_name = "Other School"
    school.save()
    section = SENDSectionPage(title="SEND", slug="send")
    home.add_child(instance=section)
    section.save_revision().publish()
    yield site, section
    # Wagtail caches every site's root path; the site goes when the test's savepoint does.
    Site.clear_site_root_paths_cache()


# The edit form.


def test_edit_form_refuses_pupil_data_on_a_standard_page(admin_client):
    page = StandardPage.objects.live().first()
    before = live_revision_id(page)
    data = form_data_for(page)
    data["body-count"] = "1"
    data.update(
        {
            "body-0-type": "paragraph",
            "body-0-value": rich_text(PUPIL_DATA),
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": "",
            "action-publish": "publish",
        }
    )
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)
    content = text(response)
    assert "This standard page cannot be published: it seems to hold personal data" in content
    assert "a date of birth: “DOB 12/03/2016”" in content
    assert "UK GDPR" in content
    assert live_revision_id(page) == before


# Bulk publish.


def test_bulk_publish_refuses_the_failing_page_and_publishes_the_rest(admin_client):
    report = report_page()
    before = live_revision_id(report)
    failing_draft(report)
    other = StandardPage.objects.live().first()
    other.title = "Visiting us"
    other.save_revision()

    response = admin_client.post(
        bulk_url("publish", report, other), {"include_descendants": ""}, follow=True
    )

    shown = " ".join(messages_of(response))
    assert (
        f"“SEN Information Report” cannot be published until this item is filled in: {WELLBEING}"
        in shown.replace("&#x27;", "'")
    )
    assert "It has not been published." in shown
    assert live_revision_id(report) == before
    assert Page.objects.get(pk=report.pk).has_unpublished_changes
    other.refresh_from_db()
    assert other.title == "Visiting us" and not other.has_unpublished_changes
    assert "1 page has been published" in shown


def test_bulk_publish_with_descendants_refuses_pupil_data_on_a_standard_page(admin_client):
    section = section_page()
    leaking = draft_standard_page(section, "Our pupils", PUPIL_DATA)
    fine = draft_standard_page(section, "Clubs", "<p>Clubs run every day after school.</p>")

    response = admin_client.post(
        bulk_url("publish", section), {"include_descendants": "on"}, follow=True
    )

    shown = " ".join(messages_of(response))
    assert "“Our pupils” cannot be published: it seems to hold personal data about pupils" in shown
    assert "a date of birth: “DOB 12/03/2016”" in shown
    assert not Page.objects.get(pk=leaking.pk).live
    assert Page.objects.get(pk=fine.pk).live


# Workflow approval.


def test_approving_refuses_when_the_latest_version_fails(admin_client, django_user_model):
    report = report_page()
    before = live_revision_id(report)
    user = django_user_model.objects.get(username="office")
    workflow = report.get_workflow()
    assert workflow is not None
    # The submitted version is complete; a draft saved after it is not.
    report.save_revision(user=user)
    workflow_state = workflow.start(report, user)
    failing_draft(report_page())
    task_state = workflow_state.current_task_state

    response = admin_client.post(
        f"/admin/pages/workflow/action/{report.pk}/approve/{task_state.pk}/",
        {"comment": ""},
        follow=True,
    )

    shown = " ".join(messages_of(response)).replace("&#x27;", "'")
    assert f"cannot be published until this item is filled in: {WELLBEING}" in shown
    assert "stays in moderation" in shown
    assert live_revision_id(report) == before
    workflow_state.refresh_from_db()
    assert workflow_state.status == workflow_state.STATUS_IN_PROGRESS
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS


# Scheduled publishing.


def schedule(page, hours_ago=1):
    """Schedule the page's current content (checked now), then make the schedule due."""
    page.go_live_at = timezone.now() + timedelta(days=1)
    revision = page.save_revision()
    revision.publish()
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None
    due = timezone.now() - timedelta(hours=hours_ago)
    revision.content["go_live_at"] = due.isoformat()
    revision.approved_go_live_at = due
    revision.save()
    return revision


def test_scheduling_in_the_editor_is_refused(admin_client):
    report = report_page()
    data = form_data_for(report, wellbeing="")
    data["go_live_at"] = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%d %H:%M")
    data["action-publish"] = "publish"
    content = text(admin_client.post(f"/admin/pages/{report.pk}/edit/", data, follow=True))
    assert f"cannot be published until this item is filled in: {WELLBEING}" in content
    assert not report.revisions.filter(approved_go_live_at__isnull=False).exists()


def test_scheduling_a_failing_version_is_refused():
    report = report_page()
    report.wellbeing = ""
    report.go_live_at = timezone.now() + timedelta(days=1)
    revision = report.save_revision()
    with pytest.raises(PublishRefused, match="What support is there for emotional"):
        revision.publish()
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None


def test_publish_scheduled_refuses_a_version_that_fails_when_due_and_carries_on():
    report = report_page()
    before = live_revision_id(report)
    report.senco_email = "new-senco@hollinsbrook.example"
    refused = schedule(report, hours_ago=2)
    other = StandardPage.objects.live().first()
    other.title = "Visiting us"
    passing = schedule(other, hours_ago=1)
    # Between scheduling and going live, the school details lose the SENDIASS.
    school = SchoolSettings.objects.get()
    school.sendiass_name = ""
    school.save()
    mail.outbox.clear()

    call_command("publish_scheduled", stdout=StringIO())

    # The refused version did not go live, is no longer scheduled, and the history says why.
    assert live_revision_id(report) == before
    assert report_page().senco_email != "new-senco@hollinsbrook.example"
    refused.refresh_from_db()
    assert refused.approved_go_live_at is None
    entry = PageLogEntry.objects.filter(page=report, action=REFUSED_LOG_ACTION).get()
    assert "cannot be published until" in entry.data["reason"]
    assert entry.message.startswith("Publishing refused. “SEN Information Report” cannot")
    # The school was told, at its reminder address.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [school.reminder_recipient]
    assert "was not published as scheduled" in message.subject
    assert "cannot be published until" in message.body
    assert f"/admin/pages/{report.pk}/edit/" in message.body
    # The run carried on: the passing page went live.
    other.refresh_from_db()
    assert other.live_revision_id == passing.pk
    assert other.title == "Visiting us"


# Revert and publish.


def test_reverting_to_a_failing_version_and_publishing_is_refused(admin_client):
    report = report_page()
    old = failing_draft(report)
    report = report_page()
    report.save_revision().publish()  # the complete version is live again
    before = live_revision_id(report)

    old_version = old.as_object()
    data = form_data_for(old_version)
    data["action-publish"] = "publish"
    response = admin_client.post(
        f"/admin/pages/{report.pk}/revisions/{old.pk}/revert/", data, follow=True
    )

    assert f"cannot be published until this item is filled in: {WELLBEING}" in text(response)
    assert live_revision_id(report) == before


# Copy with publish.


def test_copying_a_live_page_to_a_school_where_it_fails_is_refused(admin_client, other_school):
    site, destination = other_school
    report = unlinked_report_page()
    data = {
        "new_title": "SEN Information Report",
        "new_slug": "sen-information-report",
        "new_parent_page": destination.pk,
        "publish_copies": "on",
    }

    response = admin_client.post(f"/admin/pages/{report.pk}/copy/", data, follow=True)

    content = text(response)
    assert "cannot be published until" in content
    assert "Nothing has been copied" in content
    assert not Page.objects.child_of(destination).exists()
    # Unticked, the copy is made as a draft.
    del data["publish_copies"]
    admin_client.post(f"/admin/pages/{report.pk}/copy/", data)
    copy = Page.objects.child_of(destination).get()
    assert not copy.live


# Move.


def test_moving_a_live_page_to_a_school_where_it_fails_is_refused(admin_client, other_school):
    site, destination = other_school
    report = unlinked_report_page()
    parent_before = report.get_parent()

    response = admin_client.post(
        f"/admin/pages/{report.pk}/move/{destination.pk}/confirm/", follow=True
    )

    shown = " ".join(messages_of(response))
    assert "cannot be published until" in shown
    assert "It has not been moved to Other School" in shown
    report = report_page()
    assert report.get_parent().pk == parent_before.pk
    assert report.live


def test_bulk_move_keeps_the_refused_page_and_moves_the_rest(admin_client, other_school):
    site, destination = other_school
    report = unlinked_report_page()
    parent_before = report.get_parent()
    clubs = draft_standard_page(parent_before, "Our clubs", "<p>After school.</p>")
    clubs.save_revision().publish()

    response = admin_client.post(
        bulk_url("move", report, clubs), {"chooser": destination.pk}, follow=True
    )

    shown = " ".join(messages_of(response))
    assert "“SEN Information Report” cannot be published until" in shown
    assert "It has not been moved to Other School" in shown
    assert report_page().get_parent().pk == parent_before.pk
    assert Page.objects.get(pk=clubs.pk).get_parent().pk == destination.pk


def test_moving_within_the_school_is_not_checked(admin_client):
    page = draft_standard_page(section_page(), "Our clubs", "<p>After school.</p>")
    page.save_revision().publish()
    destination = HomePage.objects.get(pk=Site.objects.get().root_page_id)
    admin_client.post(f"/admin/pages/{page.pk}/move/{destination.pk}/confirm/")
    assert Page.objects.get(pk=page.pk).get_parent().pk == destination.pk


# Unpublish and delete: the confirmation names what the school will then be missing.


def test_unpublish_confirmation_names_the_missing_items(admin_client):
    report = report_page()
    content = text(admin_client.get(f"/admin/pages/{report.pk}/unpublish/"))
    assert "will then be missing items the law requires" in content
    assert "A live SEN Information Report, linked from the home page" in content
    assert WELLBEING in content


def test_delete_confirmation_of_a_parent_names_the_items_under_it(admin_client):
    section = section_page()
    response = admin_client.get(f"/admin/pages/{section.pk}/delete/")
    shown = " ".join(messages_of(response)).replace("&#x27;", "'")
    assert "will no longer publish these items the law requires" in shown
    assert "(on “SEN Information Report”)" in shown
    assert "A live SEN Information Report, linked from the home page" in shown


def test_bulk_unpublish_and_delete_confirmations_name_the_missing_items(admin_client):
    report = report_page()
    section = section_page()
    unpublish = text(admin_client.get(bulk_url("unpublish", report)))
    assert "will then be missing items the law requires" in unpublish
    assert WELLBEING in unpublish
    delete = text(admin_client.get(bulk_url("delete", section)))
    assert "The pages under it go too" in delete
    assert "From “SEN Information Report”" in delete


def test_a_page_without_must_items_needs_no_such_confirmation(admin_client):
    page = StandardPage.objects.live().first()
    content = text(admin_client.get(f"/admin/pages/{page.pk}/unpublish/"))
    assert "will then be missing" not in content


# The admin's own API publishes and copies through Wagtail's actions directly.


def test_admin_api_publish_is_refused(admin_client):
    report = report_page()
    before = live_revision_id(report)
    failing_draft(report)
    response = admin_client.post(f"/admin/api/main/pages/{report.pk}/action/publish/")
    assert response.status_code == 400
    assert "cannot be published until this item is filled in" in response.json()["publish"][0]
    assert live_revision_id(report) == before


def test_admin_api_copy_keeping_live_is_refused(admin_client, other_school):
    site, destination = other_school
    report = report_page()
    response = admin_client.post(
        f"/admin/api/main/pages/{report.pk}/action/copy/",
        {"destination_page_id": destination.pk},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "cannot be published until" in response.json()["keep_live"][0]
    assert not Page.objects.child_of(destination).exists()
