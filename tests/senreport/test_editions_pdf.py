"""The yearly record: "Download as PDF" on the statutory pages (tagged PDF with the page's
language, title and headings), previous approved versions, and what changed since."""

import re
import shutil
import subprocess
import zlib
from contextlib import suppress
from datetime import date

import pytest
import time_machine
from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from home.publishing import unguarded
from senreport import editions
from senreport.models import (
    AccessibilityPlanPage,
    Edition,
    SENInformationReportPage,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_module")]

REPORT_URL = "/send/sen-information-report/"
REPORT_PDF = "/send/sen-information-report.pdf"
PDF_PAGES = {
    "/send/sen-information-report/": "SEN Information Report",
    "/send/disability-and-access/": None,
    "/send/accessibility-plan/": None,
    "/send/inclusion-strategy/": None,
    "/send/statutory-information/": None,
}


def publish(page):
    with unguarded():
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def report():
    return SENInformationReportPage.objects.get()


def approve(page, on, **changes):
    """The governors approve a new version on `on`, and it is published."""
    page.governors_approved_on = on
    page.last_reviewed = on
    page.next_review = None
    for name, value in changes.items():
        setattr(page, name, value)
    with time_machine.travel(on, tick=False):
        return publish(page)


def pdf_text(content, tmp_path, *options):
    path = tmp_path / "page.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_info(content, tmp_path):
    path = tmp_path / "page.pdf"
    path.write_bytes(content)
    output = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return dict(line.split(":", 1) for line in output.splitlines() if ":" in line)


def pdf_objects(content):
    """The PDF's bytes with every compressed stream inflated (object streams hold the
    catalogue: its language, outline and structure tree)."""
    parts = [content]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        with suppress(zlib.error):
            parts.append(zlib.decompress(match.group(1)))
    return b"\n".join(parts)


@pytest.fixture(autouse=True)
def empty_page_cache():
    caches[settings.PAGE_CACHE_ALIAS].clear()


needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


# --- Download as PDF ---------------------------------------------------------------------


def test_every_statutory_page_links_its_pdf(client):
    for url in PDF_PAGES:
        html = client.get(url).content.decode()
        assert f'href="{url.rstrip("/")}.pdf"' in html, url
        assert "Download as PDF" in html


def test_other_pages_have_no_pdf(client):
    html = client.get("/send/sen-support/").content.decode()
    assert "Download as PDF" not in html
    assert client.get("/send/sen-support.pdf").status_code == 404
    assert client.get("/send/no-such-page.pdf").status_code == 404


@needs_poppler
def test_report_pdf_is_tagged_titled_and_holds_every_section(client, tmp_path):
    response = client.get(REPORT_PDF)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = response.content
    info = pdf_info(content, tmp_path)
    assert info["Tagged"].strip() == "yes"
    assert info["Page size"].strip().startswith("595.")  # A4
    page = report()
    assert page.title in info["Title"]
    # The document's language, for screen readers, and its PDF/UA identification.
    objects = pdf_objects(content)
    assert b"/Lang (en-GB)" in objects
    assert b"pdfuaid:part" in objects
    assert b"/StructTreeRoot" in objects
    text = " ".join(pdf_text(content, tmp_path).split())
    html = client.get(REPORT_URL).content.decode()
    for section in editions.sections_of(html):
        if section.heading != "Introduction":
            assert " ".join(section.heading.split()) in text, section.heading
        for paragraph in section.paragraphs[:3]:
            assert paragraph[:40] in text, paragraph
    assert "Download as PDF" not in text
    assert f"Printed from http://testserver{REPORT_URL} " in text
    # The headings are the PDF's bookmarks (its outline).
    assert b"/Outlines" in objects
    for section in editions.sections_of(html)[1:3]:
        assert f"/Title ({section.heading[:20]}".encode() in objects


@needs_poppler
def test_every_statutory_page_makes_a_tagged_pdf(client, tmp_path):
    for url in PDF_PAGES:
        response = client.get(f"{url.rstrip('/')}.pdf")
        assert response.status_code == 200, url
        assert pdf_info(response.content, tmp_path)["Tagged"].strip() == "yes"


def test_pdf_is_made_once_per_revision_and_purged_on_publish(client, monkeypatch):
    from senreport import pdf

    made = []
    real = pdf.html_to_pdf

    def counting(html, base_url):
        made.append(base_url)
        return real(html, base_url)

    monkeypatch.setattr(pdf, "html_to_pdf", counting)
    first = client.get(REPORT_PDF).content
    assert client.get(REPORT_PDF).content == first
    assert len(made) == 1, "the second download is the kept PDF"
    publish(report())
    client.get(REPORT_PDF)
    assert len(made) == 2, "a new revision makes a new PDF"


# --- Editions ------------------------------------------------------------------------------


def test_a_new_approval_date_keeps_an_edition_and_lists_the_one_it_replaced(client):
    page = report()
    Edition.objects.filter(page_id=page.pk).delete()
    approve(page, date(2025, 7, 10), governors_approved_by="the full governing board")
    first = Edition.objects.get(page_id=page.pk)
    assert first.approved_on == date(2025, 7, 10)
    assert first.replaced_on is None
    # A publish without a new approval date keeps no new edition.
    with time_machine.travel(date(2025, 9, 1), tick=False):
        publish(report())
    assert Edition.objects.filter(page_id=page.pk).count() == 1
    html = client.get(REPORT_URL).content.decode()
    assert "Previous versions" not in html, "the only edition is the current version"

    approve(report(), date(2026, 7, 9))
    first.refresh_from_db()
    assert first.replaced_on == date(2026, 7, 9)
    html = client.get(REPORT_URL).content.decode()
    listing = html.split('id="previous-versions"')[1].split("</section>")[0]
    assert "Approved on <time" in listing and "10 July 2025" in listing
    assert "by the full governing board" in listing
    assert "replaced on <time" in listing and "9 July 2026" in listing
    assert f'href="/versions/{first.pk}/"' in listing
    assert f'href="/versions/{first.pk}.pdf"' in listing
    assert "What changed since the last approved version" in listing


def test_an_edition_shows_the_version_as_it_was(client):
    page = report()
    Edition.objects.filter(page_id=page.pk).delete()
    approve(page, date(2025, 7, 10), senco_name="Mrs Old Name")
    old = Edition.objects.get(page_id=page.pk)
    approve(report(), date(2026, 7, 9), senco_name="Mr New Name")
    html = client.get(old.get_url()).content.decode()
    assert "This is a previous version" in html
    assert "Mrs Old Name" in html and "Mr New Name" not in html
    assert f'href="{REPORT_URL}"' in html  # "Read the current version"
    assert client.get(REPORT_URL).content.decode().count("Mr New Name") >= 1


def test_an_edition_of_another_school_is_not_served_here(client):
    page = report()
    approve(page, date(2025, 7, 10))
    edition = Edition.objects.filter(page_id=page.pk).latest("published_at")
    assert client.get(edition.get_url(), HTTP_HOST="127.0.0.1:8000").status_code == 200
    assert client.get(edition.get_url(), HTTP_HOST="elsewhere.localhost").status_code in (
        200,
        404,
    )
    assert client.get("/versions/999999/").status_code == 404


def test_a_plan_keeps_editions_by_its_review_date():
    plan = AccessibilityPlanPage.objects.get()
    Edition.objects.filter(page_id=plan.pk).delete()
    plan.last_reviewed = date(2025, 3, 1)
    publish(plan)
    plan.last_reviewed = date(2026, 3, 2)
    publish(plan)
    assert [e.approved_on for e in Edition.objects.filter(page_id=plan.pk)] == [
        date(2026, 3, 2),
        date(2025, 3, 1),
    ]


@needs_poppler
def test_an_editions_pdf_is_the_old_version(client, tmp_path):
    page = report()
    Edition.objects.filter(page_id=page.pk).delete()
    approve(page, date(2025, 7, 10), senco_name="Mrs Old Name")
    old = Edition.objects.get(page_id=page.pk)
    approve(report(), date(2026, 7, 9), senco_name="Mr New Name")
    response = client.get(old.get_pdf_url())
    assert response.status_code == 200
    text = " ".join(pdf_text(response.content, tmp_path).split())
    assert "Mrs Old Name" in text and "Mr New Name" not in text
    assert "previous version" in text


def test_sign_off_document_is_linked(client):
    page = report()
    Edition.objects.filter(page_id=page.pk).delete()
    approve(page, date(2025, 7, 10))
    approve(report(), date(2026, 7, 9))
    old = Edition.objects.get(page_id=page.pk, replaced_on__isnull=False)
    document = get_document_model().objects.create(
        title="Governors' minutes, July 2025",
        file=ContentFile(b"%PDF-1.4 minutes", name="minutes-2025.pdf"),
    )
    old.minutes = document
    old.save()
    html = client.get(REPORT_URL).content.decode()
    listing = html.split('id="previous-versions"')[1].split("</section>")[0]
    assert f'href="{document.url}"' in listing
    assert "governors' sign-off" in listing


# --- What changed --------------------------------------------------------------------------


def test_sections_are_read_from_the_main_content():
    html = (
        "<header><h2>Menu</h2></header><main><h1>Report</h1><p>Intro.</p>"
        '<p class="page-record">Download</p><h2>Who is the SENCO?</h2><p>Ms A.</p>'
        "<ul><li>One</li><li>Two</li></ul><h2>Funding</h2><p>We spend it well.</p></main>"
        "<footer><h2>Contact</h2></footer>"
    )
    sections = editions.sections_of(html)
    assert [s.heading for s in sections] == ["Introduction", "Who is the SENCO?", "Funding"]
    assert sections[0].paragraphs == ["Report", "Intro."]
    assert sections[1].paragraphs == ["Ms A.", "One", "Two"]


def test_compare_names_added_removed_and_reworded_sections():
    old = [
        editions.Section("Who is the SENCO?", ["Ms A is our SENCO.", "Call her."]),
        editions.Section("Funding", ["We spend it well."]),
        editions.Section("Old part", ["Gone now."]),
    ]
    new = [
        editions.Section("Who is the SENCO?", ["Mr B is our SENCO.", "Call her."]),
        editions.Section("Funding", ["We spend it well."]),
        editions.Section("Clubs", ["Every club is open to every pupil."]),
    ]
    changes = {c.heading: c for c in editions.compare(old, new)}
    assert changes["Who is the SENCO?"].kind == "reworded"
    assert changes["Who is the SENCO?"].added == ["Mr B is our SENCO."]
    assert changes["Who is the SENCO?"].removed == ["Ms A is our SENCO."]
    assert changes["Funding"].kind == "unchanged"
    assert changes["Clubs"].kind == "added"
    assert changes["Old part"].kind == "removed"
    assert changes["Old part"].summary == "Section taken out."


def test_what_changed_page_in_plain_words(client):
    page = report()
    Edition.objects.filter(page_id=page.pk).delete()
    approve(page, date(2025, 7, 10), senco_name="Mrs Old Name")
    old = Edition.objects.get(page_id=page.pk)
    approve(report(), date(2026, 7, 9), senco_name="Mr New Name")
    response = client.get(old.get_changes_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Since the version approved on" in html
    assert "1 reworded" in html or "reworded" in html
    reworded = [part for part in html.split('class="changes__item') if "Mr New Name" in part]
    assert reworded and "Reworded" in reworded[0]
    assert "<del>" in reworded[0] and "Mrs Old Name" in reworded[0]
    assert "<script" not in html.split("<main")[1].split("</main>")[0]


# --- In the admin --------------------------------------------------------------------------


def test_admin_shows_what_a_draft_changes_since_the_approved_version(admin_client):
    page = report()
    Edition.objects.filter(page_id=page.pk).delete()
    approve(page, date(2025, 7, 10), senco_name="Mrs Old Name")
    draft = report()
    draft.senco_name = "Mr Draft Name"
    draft.save_revision()
    html = admin_client.get(f"/admin/editions/{page.pk}/").content.decode()
    assert "the latest draft (not published yet)" in html
    assert "Mr Draft Name" in html and "Mrs Old Name" in html
    assert "Reworded" in html
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f'href="/admin/editions/{page.pk}/"' in edit, "the page header links it"


def test_admin_attaches_the_governors_minute(admin_client, client):
    page = report()
    Edition.objects.filter(page_id=page.pk).delete()
    approve(page, date(2025, 7, 10))
    approve(report(), date(2026, 7, 9))
    old = Edition.objects.get(page_id=page.pk, replaced_on__isnull=False)
    document = get_document_model().objects.create(
        title="Governors' minutes, July 2025",
        file=ContentFile(b"%PDF-1.4 minutes", name="minutes-2025.pdf"),
    )
    response = admin_client.post(
        f"/admin/editions/{page.pk}/",
        {"edition": old.pk, f"edition-{old.pk}-minutes": document.pk},
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.minutes == document
    html = client.get(REPORT_URL).content.decode()
    assert f'href="{document.url}"' in html


def test_admin_refuses_who_may_not_edit_the_page(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(username="reader", password="x" * 16)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(f"/admin/editions/{report().pk}/")
    # Wagtail's admin answers a refusal by sending the user back to the dashboard.
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_previous_versions_cost_one_query_however_many(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.test_query_budgets import PAGE_BUDGETS

    page = report()
    Edition.objects.filter(page_id=page.pk).delete()

    def queries():
        client.get(REPORT_URL)
        with CaptureQueriesContext(connection) as captured:
            html = client.get(REPORT_URL).content.decode()
        return len(captured), html.count("replaced on <time")

    def keep(year):
        Edition.objects.create(
            page_id=page.pk,
            content={},
            title=page.title,
            approved_on=date(year, 7, 1),
            published_at=timezone.now(),
            replaced_on=date(year + 1, 7, 1),
        )

    keep(2015)
    one, shown = queries()
    assert shown == 1
    for year in range(2016, 2025):
        keep(year)
    ten, shown = queries()
    assert shown == 10
    assert one == ten == dict(PAGE_BUDGETS.values())[REPORT_URL]
