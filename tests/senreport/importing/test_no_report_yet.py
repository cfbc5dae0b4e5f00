"""A school with no SEN Information Report yet: the dashboard offers the import, and the
draft is a new report page that is not live."""

import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from senreport.models import ReportImport, SENDSectionPage, SENInformationReportPage

from .corpus import REPORTS, to_docx, to_html

OAK_LANE = REPORTS[0]


@pytest.fixture
def school_without_report(site, school):
    return site


def test_the_dashboard_offers_the_import_only_while_there_is_no_report(
    admin_client, school_without_report
):
    home = admin_client.get("/admin/").content.decode()
    assert "Import your current report" in home
    assert reverse("senreport_import") in home

    admin_client.post(
        reverse("senreport_import"),
        {"file": SimpleUploadedFile("report.docx", to_docx(OAK_LANE))},
    )
    row = ReportImport.objects.get()
    data = {f"item-{i}": s["item"] for i, s in enumerate(row.sections)}
    response = admin_client.post(
        reverse("senreport_import_review", args=[row.pk]), {**data, "action": "create"}
    )
    report = SENInformationReportPage.objects.get()
    assert response.url == f"/admin/pages/{report.pk}/edit/"
    assert not report.live  # a draft, never published
    assert not SENDSectionPage.objects.get().live
    draft = report.get_latest_revision_as_object()
    assert "Our SENCO is Mrs Priya Shah" in draft.contacts_policy
    assert draft.senco_name == "Mrs Priya Shah"
    # Now the school has a report (a draft): the dashboard no longer offers the import.
    assert 'id="send-import-report"' not in admin_client.get("/admin/").content.decode()


def test_the_command_dry_run_prints_the_mapping_and_audit_and_writes_nothing(
    school_without_report, tmp_path
):
    path = tmp_path / "report.html"
    path.write_bytes(to_html(OAK_LANE))
    out = StringIO()
    call_command(
        "import_sen_report",
        str(path),
        site=school_without_report.hostname,
        dry_run=True,
        stdout=out,
    )
    result = json.loads(out.getvalue())
    by_heading = {s["heading"]: s for s in result["sections"]}
    assert by_heading["Who is the SENCO?"]["item"] == "senco"
    assert by_heading["What if I am not happy?"]["item"] == "complaints"
    assert result["audit"]["senco"]["email"] == "senco@oaklane.example"
    assert result["audit"]["local_offer_link"] == "https://localoffer.example.org/send"
    assert not SENInformationReportPage.objects.exists()


def test_the_command_makes_a_draft(school_without_report, tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(to_docx(OAK_LANE))
    out = StringIO()
    call_command("import_sen_report", str(path), site=school_without_report.hostname, stdout=out)
    assert "Not published." in out.getvalue()
    report = SENInformationReportPage.objects.get()
    assert not report.live
    assert "school nurse" in report.get_latest_revision_as_object().other_bodies


def test_the_command_refuses_a_file_it_cannot_read(school_without_report, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(CommandError, match="PDF"):
        call_command("import_sen_report", str(path), site=school_without_report.hostname)
    assert not SENInformationReportPage.objects.exists()
