"""The demo school shows last year's approved report and what changed since."""

import pytest

from senreport.models import Edition, SENInformationReportPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_module")]


def test_demo_report_lists_last_years_version_and_what_changed(client):
    report = SENInformationReportPage.objects.get()
    editions = list(Edition.objects.filter(page_id=report.pk).order_by("approved_on"))
    assert len(editions) == 2, "last year's and this year's approved versions"
    old, current = editions
    assert old.replaced_on == current.approved_on == report.governors_approved_on
    html = client.get(report.url).content.decode()
    assert 'id="previous-versions"' in html
    assert f'href="{old.get_url()}"' in html
    assert "Please talk to us if anything is unclear" in client.get(old.get_url()).content.decode()
    changes = client.get(old.get_changes_url()).content.decode()
    assert "3 reworded" in changes, "the introduction and two sections"
    assert client.get(old.get_pdf_url())["Content-Type"] == "application/pdf"
