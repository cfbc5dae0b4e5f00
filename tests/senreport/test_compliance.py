"""The compliance engine: every check passes on the demo school and fails for the right
reason when its data is removed; the command, the dashboard and the public page agree."""

import json
import uuid
from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import SchoolSettings
from home.publishing import unguarded
from senreport.compliance import Status, evaluate_site, registry
from senreport.models import (
    AccessibilityPlanPage,
    DisabilityAccessPage,
    EqualityPage,
    InclusionActivity,
    InclusionStrategyPage,
    SENInformationReportPage,
    Strand,
)
from senreport.report_items import TEXT_ITEMS
from tests.test_query_budgets import PAGE_BUDGETS

pytestmark = pytest.mark.usefixtures("demo_module")

STATUTORY_URL = "/send/statutory-information/"
TODAY = timezone.localdate


def publish(page):
    """Make a failing version live on purpose, as a page that was live before its check
    began to fail: the checks must report it (the publish guard would refuse it)."""
    with unguarded():
        page.save_revision().publish()


def edit_report(**changes):
    report = SENInformationReportPage.objects.get()
    for name, value in changes.items():
        setattr(report, name, value)
    publish(report)


def edit_access(**changes):
    page = DisabilityAccessPage.objects.get()
    for name, value in changes.items():
        setattr(page, name, value)
    publish(page)


def edit_plan(**changes):
    plan = AccessibilityPlanPage.objects.get()
    for name, value in changes.items():
        setattr(plan, name, value)
    publish(plan)


def edit_equality(**changes):
    page = EqualityPage.objects.get()
    for name, value in changes.items():
        setattr(page, name, value)
    publish(page)


def edit_school(**changes):
    school = SchoolSettings.objects.get()
    for name, value in changes.items():
        setattr(school, name, value)
    school.save()


def edit_first_action(**changes):
    plan = AccessibilityPlanPage.objects.get()
    action = plan.actions.first()
    for name, value in changes.items():
        setattr(action, name, value)
    action.save()


def edit_statement(**changes):
    from home.models import AccessibilityStatementPage

    page = AccessibilityStatementPage.objects.get()
    for name, value in changes.items():
        setattr(page, name, value)
    publish(page)


def no_contribution():
    edit_report(local_offer="")
    try:
        model = apps.get_model("localoffer", "LocalOfferPage")
    except LookupError:
        return
    for page in model.objects.live():
        page.unpublish()


HARD_TEXT = (
    "<p>Notwithstanding the aforementioned considerations, institutional differentiation "
    "methodologies necessitate comprehensive multidisciplinary interdependencies, "
    "particularly concerning individualised educational accommodations and "
    "organisational accountability frameworks.</p>"
)

# For each check id: how to remove its data, and words its failure reason must contain.
BREAKERS = {
    "sir.published": (lambda: SENInformationReportPage.objects.get().unpublish(), "no published"),
    "sir.reviewed": (
        lambda: edit_report(
            last_reviewed=TODAY() - timedelta(days=400),
            next_review=TODAY() - timedelta(days=35),
        ),
        "more than a year ago",
    ),
    "sir.senco": (lambda: edit_report(senco_email="", senco_phone=""), "e-mail address or phone"),
    "sir.support_services": (lambda: edit_school(sendiass_name=""), "SENDIASS"),
    "sir.local_offer": (lambda: edit_school(local_authorities=[]), "Local Offer web address"),
    "sir.contribution_local_offer": (no_contribution, "contribution to the Local Offer"),
    "sir.plain_language": (
        lambda: edit_report(**{item.field: HARD_TEXT for item in TEXT_ITEMS}),
        "Reading ease",
    ),
    "dis.admissions": (
        lambda: edit_access(admissions="<p>We welcome all families.</p>"),
        "EHC plan",
    ),
    "dis.less_favourable": (lambda: edit_access(less_favourable_treatment=""), "empty"),
    "dis.facilities": (
        lambda: edit_access(
            other_facilities="",
            **{f"has_{key}": False for key, _ in __import__("senreport.models").models.FACILITIES},
        ),
        "Tick the access facilities",
    ),
    "dis.accessibility_plan": (
        lambda: AccessibilityPlanPage.objects.get().unpublish(),
        "Publish the accessibility plan",
    ),
    "ap.published": (
        lambda: AccessibilityPlanPage.objects.get().unpublish(),
        "no published accessibility plan",
    ),
    "ap.strands": (
        lambda: (
            AccessibilityPlanPage.objects.get().actions.filter(strand=Strand.INFORMATION).delete()
        ),
        "delivery of information",
    ),
    "ap.information_formats": (lambda: edit_plan(information_formats=""), "other formats"),
    "ap.period_current": (lambda: edit_plan(period_end=TODAY() - timedelta(days=1)), "ended"),
    "ap.reviewed": (
        lambda: edit_plan(last_reviewed=TODAY() - timedelta(days=800)),
        "more than a year ago",
    ),
    "ap.resourced": (lambda: edit_first_action(owner=""), "lack an owner"),
    "ap.on_track": (
        lambda: edit_first_action(target_date=TODAY() - timedelta(days=3), status="planned"),
        "overdue",
    ),
    "school.contact": (lambda: edit_school(phone=""), "phone number"),
    "school.complaints_policy": (
        lambda: edit_report(complaints_procedure_page=None),
        "complaints procedure",
    ),
    "school.sen_policy": (lambda: edit_report(sen_policy_combined=False), "SEN policy"),
    "school.paper_copy": (lambda: edit_report(paper_copy_statement=""), "paper copies"),
    "web.accessibility_statement": (
        lambda: edit_statement(feedback_page=None),
        "feedback form",
    ),
    "eq.information": (lambda: edit_equality(equality_information=""), "is empty"),
    "eq.objectives": (
        lambda: edit_equality(objectives_published=TODAY() - timedelta(days=5 * 365)),
        "more than four years ago",
    ),
    "web.statement_reviewed": (
        lambda: edit_statement(last_reviewed=TODAY() - timedelta(days=400)),
        "more than a year ago",
    ),
    "dp.no_pupil_data": (
        lambda: edit_access(other_facilities="A lift key is kept for Sam (UPN A123456789012)."),
        "Unique Pupil Number: “A123456789012”",
    ),
    "inc.published": (
        lambda: InclusionStrategyPage.objects.get().unpublish(),
        "Not published yet",
    ),
    "inc.activities_costed": (
        lambda: InclusionActivity.objects.filter(activity="Speech and language groups").update(
            cost=None
        ),
        "“Speech and language groups” has no cost",
    ),
    "inc.review_noted": (
        lambda: InclusionStrategyPage.objects.update(last_reviewed=TODAY() - timedelta(days=800)),
        "more than a year ago",
    ),
    "inc.links": (
        lambda: InclusionStrategyPage.objects.update(pupil_premium_statement_url=""),
        "pupil premium strategy statement",
    ),
}
for _item in TEXT_ITEMS:
    if _item.text_required and _item.check_id not in BREAKERS:
        BREAKERS[_item.check_id] = (
            (lambda field: lambda: edit_report(**{field: ""}))(_item.field),
            "is empty",
        )


def test_every_check_has_a_breaker():
    assert set(registry.ids()) == set(BREAKERS)


def result_for(site, check_id):
    report = evaluate_site(site)
    return next(r for r in report.results if r.check.id == check_id)


@pytest.mark.django_db
def test_every_check_passes_on_the_demo_school(demo):
    report = evaluate_site(demo)
    failing = [(r.check.id, r.reason) for r in report.results if r.status != Status.PASS]
    assert failing == []
    assert report.compliant
    assert report.must_passed == report.must_applicable


@pytest.mark.django_db
@pytest.mark.parametrize("check_id", sorted(BREAKERS))
def test_check_fails_for_the_right_reason(demo, check_id):
    breaker, words = BREAKERS[check_id]
    breaker()
    result = result_for(demo, check_id)
    assert result.status == Status.FAIL, result.reason
    assert words in result.reason
    assert result.fix_url.startswith("/admin/")


@pytest.mark.django_db
def test_mainstream_items_do_not_apply_to_a_special_school(demo):
    edit_school(school_type="special")
    edit_report(identification="", senco_name="")
    report = evaluate_site(demo)
    by_id = {r.check.id: r for r in report.results}
    for check_id in ("sir.identification", "sir.senco"):
        assert by_id[check_id].status == Status.NOT_APPLICABLE
        assert "Special school" in by_id[check_id].reason
    assert report.compliant


@pytest.mark.django_db
def test_review_amber_from_eleven_months(demo):
    edit_report(last_reviewed=TODAY() - timedelta(days=345), next_review=None)
    result = result_for(demo, "sir.reviewed")
    assert result.status == Status.WARN
    assert result.passed


@pytest.mark.django_db
def test_parents_amber_without_three_meetings_a_year(demo):
    edit_report(parents="<p>We talk to parents often.</p>")
    result = result_for(demo, "sir.parents")
    assert result.status == Status.WARN
    assert "three times a year" in result.reason


def run_compliance(*args):
    out = StringIO()
    try:
        call_command("compliance", *args, stdout=out)
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


@pytest.mark.django_db
def test_command_passes_on_the_demo_school(demo):
    code, text = run_compliance()
    assert code == 0
    assert "legal duties met; compliant." in text
    code, raw = run_compliance("--format", "json")
    assert code == 0
    document = json.loads(raw)
    school = document["schools"][0]
    assert school["compliant"] is True
    assert school["site"]["school_name"] == "Hollins Brook Primary School"
    assert [c["id"] for c in school["checks"]] == registry.ids()
    first = school["checks"][0]
    assert set(first) == {
        "id",
        "level",
        "title",
        "legal_basis",
        "status",
        "reason",
        "public_url",
        "fix_url",
        "last_reviewed",
        "next_review",
        "source_verified",
        "evaluated_at",
    }
    assert document["checklist_version"] == "2026.11"
    assert first["public_url"].startswith("http://127.0.0.1:8000/send/")


@pytest.mark.django_db
def test_command_fails_naming_the_senco_when_contact_removed(demo):
    edit_report(senco_email="", senco_phone="")
    code, text = run_compliance()
    assert code == 1
    assert "FAIL  must    sir.senco" in text
    assert "NOT compliant" in text
    code, raw = run_compliance("--format", "json")
    assert code == 1
    senco = next(c for c in json.loads(raw)["schools"][0]["checks"] if c["id"] == "sir.senco")
    assert senco["status"] == "fail"


@pytest.mark.django_db
def test_command_refuses_an_unknown_site(demo):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No site with hostname"):
        call_command("compliance", "--site", "nowhere.example", stdout=StringIO())


@pytest.mark.django_db
def test_dashboard_shows_score_and_fix_links(demo, admin_client):
    html = admin_client.get("/admin/").content.decode()
    report = evaluate_site(demo)
    assert f"{report.must_applicable} of {report.must_applicable} legal duties met" in html
    # One school: the to-do list does not name it (tests/test_admin_home.py covers several).
    assert "Needs doing now" in html
    edit_report(senco_email="", senco_phone="")
    html = admin_client.get("/admin/").content.decode()
    report_page = SENInformationReportPage.objects.get()
    assert "Legal duties to fix" in html
    assert "Who is the SENCO and how do I contact them?" in html
    assert f'href="/admin/pages/{report_page.pk}/edit/"' in html
    full = admin_client.get("/admin/compliance/").content.decode()
    assert "sir.senco" in full and "Not met" in full
    assert "SEND compliance: Hollins Brook Primary School" in full


@pytest.mark.django_db
def test_dashboard_and_public_page_agree_with_the_command(demo, admin_client, client):
    edit_report(senco_email="", senco_phone="")
    edit_plan(information_formats="")
    _, raw = run_compliance("--format", "json")
    verdicts = {c["id"]: c["status"] for c in json.loads(raw)["schools"][0]["checks"]}
    html = client.get(STATUTORY_URL).content.decode()
    admin_html = admin_client.get("/admin/compliance/").content.decode()
    for check_id, status in verdicts.items():
        row = html.split(f'id="item-{check_id.replace(".", "")}"')[1].split("</tr>")[0]
        admin_row = admin_html.split(f'<tr data-check="{check_id}">')[1].split("</tr>")[0]
        expected = {"fail": "Not met", "not_applicable": "Does not apply"}.get(status, "Met")
        assert f">{expected}</strong>" in row, check_id
        assert ("Not met" in admin_row) == (status == "fail"), check_id


@pytest.mark.django_db
def test_public_page_lists_facts_not_internal_reasons(demo, client):
    edit_report(senco_email="", senco_phone="")
    html = client.get(STATUTORY_URL).content.decode()
    report = SENInformationReportPage.objects.get()
    assert "Give a work e-mail address or phone number" not in html
    assert 'href="/send/sen-information-report/#senco"' in html
    assert f"{report.last_reviewed:%-d %b %Y}" in html
    assert "SEND Regulations 2014, Schedule 1 paragraph 4" in html


def query_count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# Pinned. Both read the stored compliance results (senreport/compliance/store.py): a fixed
# number of queries, whatever the checks and however many pages and plan actions.
# Issue 15: the statutory page 41 -> 13, the dashboard 51 -> 24 (most of the rest is
# Wagtail's own admin home).
# The dashboard also reads which schools the user works on (home.schools.sites_for_user).
# The pupil-data check reads every live page (one query per page type and child relation)
# and the public records (services, organisations, glossary: one query each).
# Both +5 in issue 14: the inclusion strategy (page type, barriers, activities) and the
# equality page (page type, objectives).
# Dashboard +1 in issue 17: whether the school has a report yet (one query), for the
# "Import your current report" panel shown to a school without one.
STATUTORY_PAGE_QUERIES = PAGE_BUDGETS["statutory information"][1]
# Issue 16: the admin home became the to-do list, 25 -> 29: five panels (one concern
# each, tests/senreport/test_admin_home.py pins each), less Wagtail's two it replaces.
# 29 -> 30: the demo now has a review date within 90 days, so "Coming up" reads who was
# reminded of it (its one query, skipped when nothing is coming up).
# 30 -> 31 in issue 20: "Needs doing now" asks whether the school has translations (one query).
DASHBOARD_QUERIES = 31


@pytest.mark.django_db
def test_statutory_page_query_count_is_pinned_and_flat(demo, client):
    assert query_count(client, STATUTORY_URL) == STATUTORY_PAGE_QUERIES
    plan = AccessibilityPlanPage.objects.get()
    first = plan.actions.first()
    for n in range(30):
        first.pk = None
        first.translation_key = uuid.uuid4()  # a row of its own (TranslatableMixin)
        first.action = f"Extra action {n}"
        first.save()
    assert query_count(client, STATUTORY_URL) == STATUTORY_PAGE_QUERIES


@pytest.mark.django_db
def test_dashboard_query_count_is_pinned(demo, admin_client):
    assert query_count(admin_client, "/admin/") == DASHBOARD_QUERIES


@pytest.mark.django_db
def test_dashboard_shows_broken_local_offer_link(demo, admin_client):
    from senreport.models import LinkCheck, LinkKind

    url = SchoolSettings.objects.get().local_offer_links[0][1]
    LinkCheck.objects.create(
        site=demo,
        url=url,
        kind=LinkKind.LOCAL_OFFER,
        found_in=["School details: Westmere Borough Council Local Offer"],
        in_settings=True,
        ok=False,
        status_code=404,
        error="The page was not found (404).",
    )
    html = admin_client.get("/admin/").content.decode()
    assert "Broken links" in html
    assert f'<a href="{url}">{url}</a>' in html
    assert "The page was not found (404)." in html
