"""The office worker's import in the admin: upload, review (move, merge, split, leave
out), create the draft; and what it refuses."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from home.publishing import PublishRefused
from home.text import plain_text
from senreport.importing import reading
from senreport.models import ReportImport, SENInformationReportPage
from tests import factories

from .corpus import MIXED, REPORTS, to_docx, to_pdf

pytestmark = pytest.mark.usefixtures("demo_module")

OAK_LANE = REPORTS[0]
ST_AIDANS = next(r for r in REPORTS if r.layout == MIXED)
START = reverse("senreport_import")


def report():
    return SENInformationReportPage.objects.get(
        path__startswith=factories.default_site().root_page.path
    )


def upload(client, data, name="old-report.docx", **extra):
    return client.post(START, {"file": SimpleUploadedFile(name, data), **extra})


def review_url(row):
    return reverse("senreport_import_review", args=[row.pk])


def post_review(client, row, action="save", **fields):
    data = {f"item-{i}": s["item"] for i, s in enumerate(row.sections)}
    data.update(fields)
    data["action"] = action
    return client.post(review_url(row), data)


def section_index(row, heading):
    return next(i for i, s in enumerate(row.sections) if s["heading"] == heading)


def test_the_report_editor_offers_import_your_current_report(admin_client):
    page = report()
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert "Import your current report" in response.content.decode()
    site = factories.default_site()
    # ...and so does the report's row in the page listing.
    listing = admin_client.get(f"/admin/pages/{page.get_parent().pk}/").content.decode()
    assert f'href="{START}?site={site.pk}"' in listing


def test_office_uploads_a_word_file_reviews_it_and_gets_a_draft(admin_client):
    page = report()
    live_before = page.live_revision_id
    response = upload(admin_client, to_docx(OAK_LANE))
    row = ReportImport.objects.get()
    assert response.status_code == 302 and response.url == review_url(row)

    review = admin_client.get(review_url(row)).content.decode()
    assert "Which needs do we support at Oak Lane?" in review
    assert "Sure" in review and "Why:" in review
    assert "legal items covered" in review
    assert "Mrs Priya Shah" in review  # the SENCO found, with contact details

    # Move one section to another item; the choice is kept.
    moved = section_index(row, "How do you get special equipment?")
    post_review(admin_client, row, **{f"item-{moved}": "adaptations"})
    row.refresh_from_db()
    assert row.sections[moved]["item"] == "adaptations"
    assert "Chosen by you" in admin_client.get(review_url(row)).content.decode()

    response = post_review(admin_client, row, action="create")
    assert response.status_code == 302 and response.url == f"/admin/pages/{page.pk}/edit/"
    assert not ReportImport.objects.exists()  # kept only while the review lasts

    page.refresh_from_db()
    assert page.live_revision_id == live_before  # nothing published
    assert page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    assert "writing slope" in plain_text(draft.adaptations)  # the moved section
    assert "every club and trip is open" in plain_text(draft.activities).lower()
    # The school's own question is the heading; links are kept.
    assert draft.kinds_of_need_heading == "Which needs do we support at Oak Lane?"
    assert '<a href="https://localoffer.example.org/send">Local Offer</a>' in draft.local_offer
    assert (draft.senco_name, draft.senco_email, draft.senco_phone) == (
        "Mrs Priya Shah",
        "senco@oaklane.example",
        "01632 960 412",
    )
    # The live page still shows the old text.
    assert "writing slope" not in plain_text(page.adaptations)


def test_sections_merge_split_and_can_be_left_out(admin_client):
    upload(admin_client, to_pdf(OAK_LANE), name="old-report.pdf")
    row = ReportImport.objects.get()
    count = len(row.sections)
    extra = section_index(row, "What extra help is there?")

    post_review(admin_client, row, action=f"merge-{extra}")
    row.refresh_from_db()
    assert len(row.sections) == count - 1
    merged = row.sections[extra]
    assert "Can my child go on trips and join clubs?" in merged["texts"]

    post_review(admin_client, row, action=f"split-{extra}", **{f"split_at-{extra}": "1"})
    row.refresh_from_db()
    assert len(row.sections) == count
    assert row.sections[extra]["texts"] == [merged["texts"][0]]

    post_review(admin_client, row, **{f"item-{extra}": "leave_out"})
    row.refresh_from_db()
    assert row.sections[extra]["item"] == "leave_out"


def test_text_that_matches_nothing_is_listed_not_used_yet(admin_client):
    text = (
        "How does the school know if my child needs extra help?\n"
        "Teachers check progress each term and talk to the SENCO about any worries.\n\n"
        "How are parents involved?\nWe meet parents three times a year.\n\n"
        "What if I want to complain?\nPlease follow our complaints procedure.\n\n"
        "Our school song\nWe sing it every Friday in assembly with the whole school."
    )
    admin_client.post(START, {"text": text})
    row = ReportImport.objects.get()
    review = admin_client.get(review_url(row)).content.decode()
    assert "Not used yet" in review
    song = section_index(row, "Our school song")
    assert row.sections[song]["item"] == ""
    assert f'href="#section-{song}"' in review


def test_personal_data_is_flagged_left_out_and_refused_at_publish(admin_client):
    upload(admin_client, to_docx(ST_AIDANS))
    row = ReportImport.objects.get()
    extra = section_index(row, "Extra help")
    assert row.sections[extra]["item"] == "leave_out"
    review = admin_client.get(review_url(row)).content.decode()
    assert "Personal data found" in review
    assert "Jacob in Year 5 has dyslexia" in review

    # Moved into the report on purpose: the draft has it, and publishing refuses it.
    post_review(admin_client, row, action="create", **{f"item-{extra}": "additional_support"})
    page = report()
    revision = page.get_latest_revision()
    assert "Jacob" in plain_text(revision.as_object().additional_support)
    with pytest.raises(PublishRefused, match="personal data"):
        revision.publish()
    page.refresh_from_db()
    assert "Jacob" not in plain_text(page.additional_support)


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("report.doc", b"old word", "is not a file the import can read"),
        ("report.docx", b"", "empty"),
        ("report.docx", b"PK\x03\x04 broken", "could not be read as a Word file"),
    ],
)
def test_bad_files_get_a_clear_message_and_change_nothing(admin_client, name, data, message):
    revisions = report().revisions.count()
    response = upload(admin_client, data, name=name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ReportImport.objects.exists()
    assert report().revisions.count() == revisions


def test_a_file_over_20_mb_is_refused(admin_client, monkeypatch):
    monkeypatch.setattr(reading, "MAX_BYTES", 1000)
    response = upload(admin_client, to_docx(OAK_LANE))
    assert "larger than 20 MB" in response.content.decode()
    assert not ReportImport.objects.exists()


def test_an_address_that_cannot_be_fetched_is_refused(admin_client):
    response = admin_client.post(START, {"url": "http://127.0.0.1:9/send"})
    assert "Could not read the web address" in response.content.decode()
    assert "loopback" in response.content.decode()
    assert not ReportImport.objects.exists()


def test_a_web_page_is_fetched_with_the_safe_fetcher(admin_client, monkeypatch):
    from senreport.importing import reading

    from .corpus import to_html

    fetched = []

    def fake_fetch(url, accept):
        fetched.append(url)
        return to_html(OAK_LANE)

    monkeypatch.setattr(reading, "fetch", fake_fetch)
    admin_client.post(START, {"url": "https://www.oaklane.example/send"})
    row = ReportImport.objects.get()
    assert fetched == ["https://www.oaklane.example/send"]
    assert row.source == "https://www.oaklane.example/send"
    assert "Home" not in " ".join(s["heading"] for s in row.sections)  # navigation dropped


def test_cancel_removes_the_upload_and_changes_nothing(admin_client):
    revisions = report().revisions.count()
    upload(admin_client, to_docx(OAK_LANE))
    row = ReportImport.objects.get()
    post_review(admin_client, row, action="cancel")
    assert not ReportImport.objects.exists()
    assert report().revisions.count() == revisions


def test_someone_who_does_not_work_on_the_school_cannot_import(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("outsider", password="a-long-password-1")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    refused = client.get(START)
    assert refused.status_code == 302 and refused.url == "/admin/"
    client.post(START, {"file": SimpleUploadedFile("r.docx", to_docx(OAK_LANE))})
    assert not ReportImport.objects.exists()


def review_queries(client, row):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(review_url(row))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(review_url(row)).status_code == 200
    return len(queries)


# Pinned: the review screen reads its one row (the sections are JSON in it), whatever the
# number of sections. 14 -> 15 with issue 16: the admin menu asks whether the user works
# across schools (one query on every admin page).
REVIEW_QUERIES = 15


def test_the_review_screen_costs_the_same_queries_for_3_or_20_sections(admin_client):
    admin_client.post(
        START,
        {
            "text": "How do you know my child needs help?\nWe check progress.\n\n"
            "How are parents involved?\nWe meet termly.\n\n"
            "How do I complain?\nTalk to the head teacher."
        },
    )
    small = ReportImport.objects.get()
    assert len(small.sections) == 3
    upload(admin_client, to_docx(OAK_LANE))
    large = ReportImport.objects.latest("pk")
    assert len(large.sections) == 20
    assert review_queries(admin_client, small) == REVIEW_QUERIES
    assert review_queries(admin_client, large) == REVIEW_QUERIES
