"""Compliance results are stored (senreport/compliance/store.py): each change that can move
a verdict refreshes the school's rows once its transaction commits; the dashboard, the
statutory-information page, the trust overview and `manage.py compliance` show the stored
verdict and when it was worked out; `--refresh` recomputes on demand; only the publish guard
evaluates live."""

import io
import json
import uuid
from contextlib import contextmanager
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, Site

from home.models import HomePage, SchoolSettings
from home.publishing import unguarded
from senreport.compliance import registry
from senreport.compliance.store import refresh_site, stored_report
from senreport.models import (
    AccessibilityPlanPage,
    ComplianceResult,
    GlossaryTerm,
    SENDSectionPage,
    SENInformationReportPage,
)
from senreport.signals import _PendingRefresh
from senreport.trust import ensure_trust_staff_group
from tests.senreport import test_compliance as compliance_tests
from tests.senreport.helpers import form_data_for
from tests.test_query_budgets import PAGE_BUDGETS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_module")]

STATUTORY_URL = "/send/statutory-information/"
LATER = timezone.now() + timedelta(days=2)

# Pinned: the statutory-information page reads the stored rows (one query), the school
# details and the stored inclusion evidence, whatever the content; the dashboard reads the
# stored rows instead of running the checks (51 queries before).
STATUTORY_PAGE_QUERIES = PAGE_BUDGETS["statutory information"][1]
DASHBOARD_QUERIES = compliance_tests.DASHBOARD_QUERIES


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Refresh as production does: once the change's transaction commits (the callbacks
    registered inside the block run at its end, as at a commit)."""

    @contextmanager
    def commit():
        with (
            override_settings(COMPLIANCE_REFRESH_ON_COMMIT=True),
            django_capture_on_commit_callbacks(execute=True) as callbacks,
        ):
            yield callbacks

    return commit


def site():
    return Site.objects.select_related("root_page").get(is_default_site=True)


def row(check_id, site_id=None):
    return ComplianceResult.objects.get(site_id=site_id or site().pk, check_id=check_id)


def publish(page):
    with unguarded():
        page.save_revision().publish()


def report_page():
    return SENInformationReportPage.objects.get()


@pytest.fixture
def stored():
    """The demo school's results stored now (before the change the test makes)."""
    refresh_site(site())
    assert row("sir.senco").status == "pass"


def test_publish_refreshes_the_rows_after_commit(stored, on_commit):
    page = report_page()
    page.senco_email, page.senco_phone = "", ""
    with time_machine.travel(LATER, tick=False), on_commit() as callbacks:
        publish(page)
    # One refresh for the whole transaction.
    assert sum(isinstance(c, _PendingRefresh) for c in callbacks) == 1
    senco = row("sir.senco")
    assert senco.status == "fail" and "e-mail address or phone" in senco.reason
    assert senco.evaluated_at == LATER


def test_unpublish_refreshes_the_rows(stored, on_commit):
    with on_commit():
        report_page().unpublish()
    assert row("sir.published").status == "fail"


def test_delete_refreshes_the_rows(stored, on_commit):
    with on_commit():
        AccessibilityPlanPage.objects.get().delete()
    assert row("ap.published").status == "fail"


def test_move_refreshes_the_rows(stored, on_commit):
    """The report moved to another SEND section: its published address changes."""
    section = SENDSectionPage(title="Help", slug="help")
    site().root_page.add_child(instance=section)
    publish(section)
    with on_commit():
        report_page().move(section, pos="last-child")
    assert row("sir.senco").public_url.startswith("/help/sen-information-report/")


def test_school_details_save_refreshes_the_rows(stored, on_commit):
    school = SchoolSettings.objects.get()
    school.sendiass_name = ""
    with on_commit():
        school.save()
    assert row("sir.support_services").status == "fail"


def test_a_local_offer_service_change_refreshes_the_rows(stored, on_commit):
    from localoffer.models import Service

    service = Service.objects.filter(site=site()).first()
    assert service is not None
    with time_machine.travel(LATER, tick=False), on_commit():
        service.save()
    assert row("sir.contribution_local_offer").evaluated_at == LATER


def test_a_glossary_change_refreshes_every_site(stored, on_commit):
    home = HomePage(title="Other School", slug="other-school")
    Page.get_first_root_node().add_child(instance=home)
    other = Site.objects.create(hostname="other.example", port=80, root_page=home)
    try:
        with time_machine.travel(LATER, tick=False), on_commit():
            GlossaryTerm.objects.create(term="Stored results", definition="Kept verdicts.")
        assert row("sir.senco").evaluated_at == LATER
        assert row("sir.published", other.pk).evaluated_at == LATER
    finally:
        Site.clear_site_root_paths_cache()


def make_stale():
    """The stored SENCO row says something the live data no longer does, three days ago."""
    ComplianceResult.objects.filter(site=site(), check_id="sir.senco").update(
        status="fail",
        reason="Stale: the SENCO's contact details were missing.",
        evaluated_at=timezone.now() - timedelta(days=3),
    )


def test_consumers_show_the_stored_row_and_when_it_was_checked(stored, admin_client, client):
    make_stale()
    dashboard = admin_client.get("/admin/").content.decode()
    assert "Stale: the SENCO&#x27;s contact details were missing." in dashboard
    assert "Checked <time" in dashboard and "3\xa0days ago" in dashboard
    full = admin_client.get(f"/admin/compliance/?site={site().pk}").content.decode()
    senco = full.split('<tr data-check="sir.senco">')[1].split("</tr>")[0]
    assert "3\xa0days ago" in senco
    html = client.get(STATUTORY_URL).content.decode()
    public_row = html.split('id="item-sirsenco"')[1].split("</tr>")[0]
    assert ">Not met</strong>" in public_row
    assert "last checked on <time" in html
    out = StringIO()
    with pytest.raises(SystemExit):
        call_command("compliance", stdout=out)
    assert "FAIL  must    sir.senco" in out.getvalue()


def test_a_refresh_that_changes_a_verdict_empties_the_page_cache(stored, client, settings):
    """A reader who caches the statutory page between a change and its (background)
    refresh must not leave the old verdict cached after the refresh."""
    settings.PAGE_CACHE_ENABLED = True
    caches[settings.PAGE_CACHE_ALIAS].clear()
    make_stale()
    before = client.get(STATUTORY_URL).content.decode()
    assert ">Not met</strong>" in before.split('id="item-sirsenco"')[1].split("</tr>")[0]
    assert client.get(STATUTORY_URL)["X-Page-Cache"] == "hit"
    refresh_site(site())
    after = client.get(STATUTORY_URL)
    assert after["X-Page-Cache"] != "hit"
    senco = after.content.decode().split('id="item-sirsenco"')[1].split("</tr>")[0]
    assert ">Met</strong>" in senco
    # A refresh that changes no verdict keeps the cached page.
    assert client.get(STATUTORY_URL)["X-Page-Cache"] == "hit"
    refresh_site(site())
    assert client.get(STATUTORY_URL)["X-Page-Cache"] == "hit"


def test_refresh_option_recomputes_a_stale_row(stored, admin_client):
    make_stale()
    out = StringIO()
    call_command("compliance", "--refresh", "--format", "json", stdout=out)
    checks = {c["id"]: c for c in json.loads(out.getvalue())["schools"][0]["checks"]}
    assert checks["sir.senco"]["status"] == "pass"
    assert row("sir.senco").status == "pass"
    assert row("sir.senco").evaluated_at > timezone.now() - timedelta(minutes=1)
    dashboard = admin_client.get("/admin/").content.decode()
    assert "Stale:" not in dashboard


@pytest.fixture
def trust_client(client, django_user_model):
    staff = django_user_model.objects.create_user(username="trust", password="x" * 16)
    staff.groups.add(ensure_trust_staff_group())
    client.force_login(staff)
    return client


def test_trust_overview_shows_stored_rows_and_the_plain_language_score(stored, trust_client):
    make_stale()
    html = trust_client.get("/admin/trust/").content.decode()
    assert "Who is the SENCO and how do I contact them?" in html
    ease = row("sir.plain_language").reason.split()[2]
    assert f'<span class="trust-overview__ease">{ease}</span>' in html
    assert "3\xa0days ago" in html


def test_trust_overview_filters_by_a_failing_item(stored, trust_client):
    make_stale()
    school = SchoolSettings.objects.get().school_name
    assert school in trust_client.get("/admin/trust/", {"failing": "sir.senco"}).content.decode()
    html = trust_client.get("/admin/trust/", {"failing": "sir.published"}).content.decode()
    assert "No school fails this item." in html


def test_trust_overview_downloads_as_xlsx_without_formulae(stored, trust_client):
    from openpyxl import load_workbook

    school = SchoolSettings.objects.get()
    school.school_name = '=HYPERLINK("https://evil.example","Click")'
    school.save()
    response = trust_client.get("/admin/trust/", {"export": "xlsx"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(body)).active
    rows = [[cell.value for cell in r] for r in sheet.iter_rows()]
    assert rows[0][:4] == ["School", "Type", "Website", "Legal duties met"]
    assert "Reading ease (plain English)" in rows[0]
    names = [r[0] for r in rows[1:]]
    assert "'" + school.school_name in names
    ease = rows[0].index("Reading ease (plain English)")
    ours = next(r for r in rows[1:] if r[0] == "'" + school.school_name)
    assert ours[ease] == int(row("sir.plain_language").reason.split()[2])


def test_publish_guard_still_refuses_live_from_the_unsaved_form(stored, admin_client):
    page = report_page()
    before = page.live_revision_id
    data = form_data_for(page, senco_email="", senco_phone="")
    data["action-publish"] = "publish"
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)
    assert "cannot be published" in response.content.decode()
    assert report_page().live_revision_id == before
    # The stored verdict is untouched: nothing unsaved reaches it.
    assert row("sir.senco").status == "pass"


def test_a_row_of_a_check_no_longer_registered_is_ignored_and_removed(stored):
    ComplianceResult.objects.create(site=site(), check_id="old.gone", status="fail")
    report = stored_report(site())
    assert [r.check.id for r in report.results] == registry.ids()
    refresh_site(site())
    assert not ComplianceResult.objects.filter(check_id="old.gone").exists()


def query_count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_plan_actions(count):
    plan = AccessibilityPlanPage.objects.get()
    first = plan.actions.first()
    for n in range(count):
        first.pk = None
        first.translation_key = uuid.uuid4()  # a row of its own (TranslatableMixin)
        first.action = f"Extra action {n}"
        first.save()
    publish(AccessibilityPlanPage.objects.get())


def test_statutory_page_queries_are_pinned_and_flat(client):
    assert query_count(client, STATUTORY_URL) == STATUTORY_PAGE_QUERIES
    add_plan_actions(10)
    assert query_count(client, STATUTORY_URL) == STATUTORY_PAGE_QUERIES


def test_dashboard_queries_are_pinned_and_flat(admin_client):
    assert query_count(admin_client, "/admin/") == DASHBOARD_QUERIES
    add_plan_actions(10)
    assert query_count(admin_client, "/admin/") == DASHBOARD_QUERIES


def test_trust_overview_pages_its_schools(stored, trust_client, monkeypatch):
    from senreport.admin_views import TrustOverviewView

    home = HomePage(title="Other School", slug="other-school")
    Page.get_first_root_node().add_child(instance=home)
    Site.objects.create(hostname="other.example", port=80, root_page=home)
    monkeypatch.setattr(TrustOverviewView, "paginate_by", 1)
    try:
        html = trust_client.get("/admin/trust/").content.decode()
        assert "of 2 schools meets every legal duty" in html or "of 2 schools meet" in html
        assert "Schools 1 to 1 of 2." in html and "Next page" in html
        second = trust_client.get("/admin/trust/", {"p": "2"}).content.decode()
        assert "Schools 2 to 2 of 2." in second and "Previous page" in second
    finally:
        Site.clear_site_root_paths_cache()
