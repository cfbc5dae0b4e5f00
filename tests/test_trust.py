"""The trust overview: every school's compliance in one sortable table and a CSV file,
loaded in a number of queries that does not grow with the number of schools."""

import csv
import io
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from demo.schools import HOLLINS_BROOK, LARKSPUR_HILL, generated_school
from home.models import SchoolSettings, SchoolType
from senreport.compliance import evaluate_site
from senreport.models import SENInformationReportPage
from senreport.trust import ensure_trust_staff_group, school_rows

URL = "/admin/trust/"

# Pinned, and the same for 1 school and for 5: the overview reads every school's stored
# compliance results and details together (senreport/compliance/store.py), never school by
# school. Issue 15: 39 -> 15 (nothing is evaluated; the results are summed up in the
# database; the rest is the admin page itself). Issue 16: 15 -> 16, the menu counts the
# schools (home.schools.works_across_schools: one school never sees trust wording).
TRUST_OVERVIEW_QUERIES = 16


@pytest.fixture
def trust_client(client, django_user_model, db):
    staff = django_user_model.objects.create_user(username="trust", password="x" * 16)
    staff.groups.add(ensure_trust_staff_group())
    client.force_login(staff)
    return client


@pytest.fixture
def two_schools(db):
    call_command("seed_demo", "--schools", "2", stdout=StringIO())
    return [
        Site.objects.select_related("root_page").get(hostname=school.hostname)
        for school in (HOLLINS_BROOK, LARKSPUR_HILL)
    ]


def seed_schools(count):
    call_command("seed_schools", str(count), "--no-progress", stdout=StringIO())


def queries(run):
    run()  # the first run fills Django's and Wagtail's per-process caches
    with CaptureQueriesContext(connection) as captured:
        run()
    return len(captured)


def overview(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def row_order(html):
    names = [HOLLINS_BROOK.name, LARKSPUR_HILL.name]
    body = html.split("<tbody>")[1]
    return sorted(names, key=body.index)


def break_larkspur_hill(b):
    school = SchoolSettings.for_site(b)
    school.sendiass_name = ""
    school.save()


@pytest.mark.django_db
def test_overview_queries_do_not_grow_with_the_number_of_schools(trust_client):
    seed_schools(1)
    one = queries(lambda: trust_client.get(URL))
    seed_schools(5)
    assert Site.objects.count() == 6  # Wagtail's first site and five schools
    five = queries(lambda: trust_client.get(URL))
    assert one == five == TRUST_OVERVIEW_QUERIES
    html = overview(trust_client)
    for number in range(1, 6):
        assert generated_school(number).name in html


@pytest.mark.django_db
def test_compliance_all_sites_queries_do_not_grow_with_the_number_of_schools():
    def run():
        with pytest.raises(SystemExit):  # Wagtail's first site has no SEND pages
            call_command("compliance", "--all-sites", "--format", "json", stdout=StringIO())

    seed_schools(1)
    one = queries(run)
    seed_schools(5)
    assert queries(run) == one


def test_overview_rows_agree_with_each_schools_dashboard(two_schools, trust_client):
    a, b = two_schools
    break_larkspur_hill(b)
    rows = {row.site.pk: row for row in school_rows()}
    for site in (a, b):
        report = evaluate_site(site)
        row = rows[site.pk]
        assert (row.must_passed, row.must_applicable) == (
            report.must_passed,
            report.must_applicable,
        )
        assert row.failing_must == tuple(r.check.title for r in report.failing_must)
        assert row.next_review == report.due_for_review(days=3650)[0].next_review
    assert rows[a.pk].compliant and not rows[b.pk].compliant
    assert rows[b.pk].school_type == SchoolType.SPECIAL.label

    html = overview(trust_client)
    assert "1 of 2 schools meets every legal duty" in html
    assert f"{rows[a.pk].must_passed} of {rows[a.pk].must_applicable}" in html
    assert "Contact details of support services for parents, including SENDIASS" in html
    assert f'href="/admin/compliance/?site={b.pk}"' in html
    assert rows[a.pk].next_review.strftime("%-d %b %Y") in html


def test_overview_sorts_by_each_column_without_javascript(two_schools, trust_client):
    a, b = two_schools
    break_larkspur_hill(b)
    assert row_order(overview(trust_client)) == [HOLLINS_BROOK.name, LARKSPUR_HILL.name]
    assert row_order(overview(trust_client, ordering="-school")) == [
        LARKSPUR_HILL.name,
        HOLLINS_BROOK.name,
    ]
    # The lowest score first: the school with a legal duty not met.
    assert row_order(overview(trust_client, ordering="score"))[0] == LARKSPUR_HILL.name
    assert row_order(overview(trust_client, ordering="-failing"))[0] == LARKSPUR_HILL.name
    assert row_order(overview(trust_client, ordering="type"))[0] == HOLLINS_BROOK.name
    # An unknown ordering falls back to the school's name.
    assert row_order(overview(trust_client, ordering="drop table")) == [
        HOLLINS_BROOK.name,
        LARKSPUR_HILL.name,
    ]
    html = overview(trust_client, ordering="score")
    header = html.split('aria-sort="ascending"')[1].split("</th>")[0]
    # The sorted column says so, and its link reverses the order.
    assert 'href="?ordering=-score"' in header and "Legal duties met" in header
    assert 'href="?ordering=next_review"' in html


def test_overview_downloads_as_csv_in_the_chosen_order(two_schools, trust_client):
    a, b = two_schools
    break_larkspur_hill(b)
    response = trust_client.get(URL, {"format": "csv", "ordering": "-school"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["School", "Type", "Website", "Legal duties met"]
    assert [row[0] for row in rows[1:]] == [LARKSPUR_HILL.name, HOLLINS_BROOK.name]
    larkspur = rows[1]
    assert larkspur[1] == "Special school"
    assert larkspur[2] == "http://larkspur-hill.localhost:8000"
    assert "SENDIASS" in larkspur[5]
    assert larkspur[8] == f"http://testserver/admin/compliance/?site={b.pk}"
    assert 'href="?export=csv"' in overview(trust_client)


def test_csv_cells_are_never_spreadsheet_formulas(two_schools, trust_client):
    a, _ = two_schools
    school = SchoolSettings.for_site(a)
    school.school_name = '=HYPERLINK("https://evil.example","Click")'
    school.save()
    rows = list(csv.reader(io.StringIO(trust_client.get(URL, {"format": "csv"}).content.decode())))
    assert rows[1][0] == "'" + school.school_name


def test_compliance_command_reports_every_school(two_schools):
    a, b = two_schools
    out = StringIO()
    call_command("compliance", "--all-sites", "--format", "json", stdout=out)
    schools = {s["site"]["school_name"]: s for s in json.loads(out.getvalue())["schools"]}
    assert set(schools) == {HOLLINS_BROOK.name, LARKSPUR_HILL.name}
    special = {c["id"]: c["status"] for c in schools[LARKSPUR_HILL.name]["checks"]}
    assert special["sir.senco"] == "not_applicable"
    assert all(s["compliant"] for s in schools.values())


def test_generated_schools_are_complete_and_compliant(db):
    seed_schools(2)
    for number in (1, 2):
        school = generated_school(number)
        site = Site.objects.get(hostname=school.hostname)
        report = evaluate_site(site)
        assert report.compliant, [r.check.id for r in report.failing_must]
        assert SchoolSettings.for_site(site).school_name == school.name
        page = SENInformationReportPage.objects.descendant_of(site.root_page).get()
        assert page.live and page.live_revision_id and not page.has_unpublished_changes
        assert page.complaints_procedure_page.get_site() == site
        assert Page.objects.descendant_of(site.root_page, inclusive=True).live().count() == 14
    # Running again with more keeps the schools there and adds the rest.
    out = StringIO()
    call_command("seed_schools", "3", "--no-progress", stdout=out)
    assert "Created 1 school" in out.getvalue() and "2 already there" in out.getvalue()
