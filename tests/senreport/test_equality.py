"""Equality information and objectives (eq.information, eq.objectives) and the accessibility
statement's yearly review (web.statement_reviewed): the checks with frozen dates, the
publish guard through the editor, the public page and the links to it."""

from datetime import date, timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from demo.senreport import build_equality_page
from home.models import AccessibilityStatementPage, SchoolSettings
from home.publishing import unguarded
from senreport.compliance import Status, evaluate_site
from senreport.models import EqualityObjective, EqualityPage, ObjectiveStatus, SENDSectionPage
from senreport.reminders import review_dates
from tests.senreport.helpers import form_data_for

# The demo school is seeded once for this module (tests/conftest.py).
# Every test may read the demo school: each runs in its own transaction, whatever ran first.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_module")]

EQUALITY_URL = "/send/equality/"
PLAN_URL = "/send/accessibility-plan/"
SECTION_URL = "/send/"
OBJECTIVE_FIELDS = ("objective", "reason", "measure", "target_date", "progress", "status")
# Pinned: what every SEND page pays (see tests/test_query_budgets.py) and one query for
# the objectives, however many; the link to the accessibility plan comes from the query
# the footer's links make anyway.
# issue 15: -2, routing finds the steps in one query; +1 in issue 20: Wagtail's routing
# looks up the active language's Locale (tests/test_query_budgets.py).
EQUALITY_PAGE_QUERIES = 10


def frozen(day):
    return time_machine.travel(day, tick=False)


def result_for(site, check_id):
    return next(r for r in evaluate_site(site).results if r.check.id == check_id)


def equality_page():
    return EqualityPage.objects.get()


def publish(page):
    """Make a version live as if it had been published before its check began to fail."""
    with unguarded():
        page.save_revision().publish()


def edit_equality(**changes):
    page = equality_page()
    for name, value in changes.items():
        setattr(page, name, value)
    publish(page)
    return page


def set_objectives(page, count, **fields):
    page.objectives.all().delete()
    for n in range(count):
        values = {
            "objective": f"Objective number {n}",
            "measure": "The attendance figures each half term.",
            "status": ObjectiveStatus.IN_PROGRESS,
            "sort_order": n,
        }
        values.update(fields)
        EqualityObjective.objects.create(page=page, **values)


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(response):
    return response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')


# eq.information


@pytest.mark.django_db
class TestEqualityInformation:
    def test_passes_when_updated_this_year(self, demo):
        edit_equality(information_updated=date(2026, 10, 1))
        with frozen(date(2026, 11, 30)):
            result = result_for(demo, "eq.information")
        assert result.status == Status.PASS
        assert result.reason == "Last updated on 1 October 2026."
        assert result.last_reviewed == date(2026, 10, 1)
        assert result.next_review == date(2027, 10, 1)
        assert result.public_url.endswith("/send/equality/#equality-information")

    def test_warns_from_eleven_months(self, demo):
        edit_equality(information_updated=date(2025, 12, 20))
        with frozen(date(2026, 11, 30)):
            result = result_for(demo, "eq.information")
        assert result.status == Status.WARN
        assert "due to be updated by 20 December 2026" in result.reason

    def test_fails_after_a_year(self, demo):
        edit_equality(information_updated=date(2025, 11, 1))
        with frozen(date(2026, 11, 30)):
            result = result_for(demo, "eq.information")
        assert result.status == Status.FAIL
        assert "last updated on 1 November 2025, more than a year ago" in result.reason
        assert "“Equality information last updated”" in result.reason

    def test_fails_without_the_date_or_the_text(self, demo):
        edit_equality(information_updated=None)
        assert result_for(demo, "eq.information").reason == (
            "Fill in “Equality information last updated”."
        )
        edit_equality(equality_information="<p></p>")
        result = result_for(demo, "eq.information")
        assert result.status == Status.FAIL
        assert "The section “Equality information” is empty" in result.reason

    def test_fails_when_there_is_no_live_page(self, demo):
        equality_page().unpublish()
        for check_id in ("eq.information", "eq.objectives"):
            result = result_for(demo, check_id)
            assert result.status == Status.FAIL
            assert "no published equality information and objectives page" in result.reason
            assert result.fix_url.startswith("/admin/pages/")


# eq.objectives


@pytest.mark.django_db
class TestEqualityObjectives:
    def test_passes_within_four_years(self, demo):
        edit_equality(objectives_published=date(2023, 9, 1))
        with frozen(date(2026, 11, 30)):
            result = result_for(demo, "eq.objectives")
        assert result.status == Status.PASS
        assert result.reason == "3 objectives, published on 1 September 2023."
        assert result.next_review == date(2027, 9, 1)

    def test_warns_in_the_last_month(self, demo):
        edit_equality(objectives_published=date(2022, 12, 20))
        with frozen(date(2026, 11, 30)):
            result = result_for(demo, "eq.objectives")
        assert result.status == Status.WARN
        assert "New equality objectives are due by 20 December 2026" in result.reason

    def test_fails_after_four_years(self, demo):
        edit_equality(objectives_published=date(2022, 11, 29))
        with frozen(date(2026, 11, 30)):
            result = result_for(demo, "eq.objectives")
        assert result.status == Status.FAIL
        assert "published on 29 November 2022, more than four years ago" in result.reason

    def test_fails_without_objectives(self, demo):
        equality_page().objectives.all().delete()
        result = result_for(demo, "eq.objectives")
        assert result.status == Status.FAIL
        assert result.reason == "Add at least one equality objective."

    def test_names_each_objective_without_a_measure(self, demo):
        page = equality_page()
        set_objectives(page, 3)
        page.objectives.filter(sort_order__in=[0, 2]).update(measure="")
        result = result_for(demo, "eq.objectives")
        assert result.status == Status.FAIL
        assert "objective 1, “Objective number 0”, does not say" in result.reason
        assert "objective 3, “Objective number 2”, does not say" in result.reason
        assert "Objective number 1" not in result.reason
        assert "“How we will judge progress”" in result.reason


@pytest.mark.django_db
def test_the_special_school_is_judged_too(demo):
    school = SchoolSettings.for_site(demo)
    school.school_type = "special"
    school.save()
    for check_id in ("eq.information", "eq.objectives", "web.statement_reviewed"):
        assert result_for(demo, check_id).status == Status.PASS, check_id
    equality_page().objectives.all().delete()
    assert result_for(demo, "eq.objectives").status == Status.FAIL


@pytest.mark.django_db
def test_the_special_schools_demo_objectives_suit_a_special_school():
    from demo.schools import LARKSPUR_HILL

    page = build_equality_page(LARKSPUR_HILL)
    objectives = list(page.objectives.all())
    assert 2 <= len(objectives) <= 3
    assert all(o.objective and o.measure for o in objectives)
    assert any("communication aid" in o.objective for o in objectives)


@pytest.mark.django_db
@pytest.mark.parametrize("school_name", ["HOLLINS_BROOK", "LARKSPUR_HILL"])
def test_no_demo_objective_still_to_do_is_past_its_target_date(school_name):
    from demo import schools as demo_schools

    today = date.today()
    page = build_equality_page(getattr(demo_schools, school_name))
    late = [
        o.objective
        for o in page.objectives.all()
        if o.target_date and o.target_date < today and o.status != ObjectiveStatus.MET
    ]
    assert not late, late


# web.statement_reviewed


def edit_statement(**changes):
    page = AccessibilityStatementPage.objects.get()
    for name, value in changes.items():
        setattr(page, name, value)
    publish(page)


@pytest.mark.django_db
class TestStatementReviewed:
    def test_passes_when_reviewed_this_year(self, demo):
        edit_statement(last_reviewed=date(2026, 6, 1))
        with frozen(date(2026, 11, 30)):
            result = result_for(demo, "web.statement_reviewed")
        assert result.status == Status.PASS
        assert (result.last_reviewed, result.next_review) == (date(2026, 6, 1), date(2027, 6, 1))

    def test_warns_from_eleven_months(self, demo):
        edit_statement(last_reviewed=date(2025, 12, 15))
        with frozen(date(2026, 11, 30)):
            result = result_for(demo, "web.statement_reviewed")
        assert result.status == Status.WARN
        assert "due to be reviewed by 15 December 2026" in result.reason

    def test_fails_after_a_year_while_the_contents_still_pass(self, demo):
        edit_statement(last_reviewed=date(2025, 10, 1))
        with frozen(date(2026, 11, 30)):
            stale = result_for(demo, "web.statement_reviewed")
            contents = result_for(demo, "web.accessibility_statement")
        assert stale.status == Status.FAIL
        assert "reviewed on 1 October 2025, more than a year ago" in stale.reason
        assert "“Last reviewed on”" in stale.reason
        assert stale.fields == ("last_reviewed",)
        # The statement's contents are judged on their own: still complete.
        assert contents.status == Status.PASS

    def test_demo_statement_passes_today(self, demo):
        assert result_for(demo, "web.statement_reviewed").status == Status.PASS

    def test_reminders_include_the_statement_review(self, demo):
        edit_statement(last_reviewed=date(2025, 12, 5))
        with frozen(date(2026, 11, 30)):
            due = [
                d for d in review_dates(demo) if d.document == "home.accessibilitystatementpage"
            ]
        assert [d.date for d in due] == [date(2026, 12, 5)]
        assert due[0].summary == "Accessibility statement: next review due 5 December 2026"
        advice = " ".join(todo for _, todo in due[0].wording)
        assert "Check the website" in advice
        assert "'Last reviewed on'" in advice

    def test_reminder_mail_says_what_to_do(self, demo):
        from io import StringIO

        from django.core import mail
        from django.core.management import call_command

        school = SchoolSettings.for_site(demo)
        school.reminders_email = "office@hollinsbrook.example"
        school.save()
        edit_statement(last_reviewed=date(2025, 12, 7))
        mail.outbox.clear()
        with frozen(date(2026, 11, 30)):
            call_command("send_review_reminders", stdout=StringIO())
        [message] = [m for m in mail.outbox if "Accessibility statement" in m.subject]
        assert "Accessibility statement: next review due 7 December 2026" in message.body
        assert "Check the website is still as accessible as the statement says" in message.body


# The publish guard, through the editor.


def edit_form(page, objectives, **overrides):
    rows = []
    for objective in objectives:
        row = {name: getattr(objective, name) for name in OBJECTIVE_FIELDS}
        row["target_date"] = row["target_date"].isoformat() if row["target_date"] else ""
        row["id"] = objective.pk or ""
        rows.append(row)
    data = form_data_for(page, **overrides)
    existing = sum(1 for o in objectives if o.pk)
    data.update(nested_form_data({"objectives": inline_formset(rows, initial=existing)}))
    data["action-publish"] = "publish"
    return data


@pytest.mark.django_db
class TestPublishGuard:
    def post(self, admin_client, page, data):
        return admin_client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)

    def test_an_objective_without_a_measure_is_refused_by_name(self, admin_client):
        page = equality_page()
        before = page.live_revision_id
        objectives = list(page.objectives.all())
        objectives[1].measure = ""
        content = text(self.post(admin_client, page, edit_form(page, objectives)))
        assert "cannot be published until" in content
        assert "At least one specific, measurable equality objective" in content
        assert f"objective 2, “{objectives[1].objective[:80]}…”, does not say" in content
        page.refresh_from_db()
        assert page.live_revision_id == before

    def test_empty_equality_information_is_refused(self, admin_client):
        page = equality_page()
        data = edit_form(page, list(page.objectives.all()), equality_information="")
        content = text(self.post(admin_client, page, data))
        assert "The section “Equality information” is empty" in content
        assert equality_page().live_revision_id == page.live_revision_id

    def test_a_child_named_with_their_needs_in_an_objective_is_refused(self, admin_client):
        page = equality_page()
        objectives = list(page.objectives.all())
        objectives[0].reason = "Jay Smith in Year 4, who has autism, finds lunchtimes hard."
        content = text(self.post(admin_client, page, edit_form(page, objectives)))
        assert "it seems to hold personal data about pupils" in content
        assert "Jay Smith in Year 4, who has autism" in content
        assert "Jay Smith" not in " ".join(o.reason for o in equality_page().objectives.all())

    def test_a_complete_edit_publishes(self, admin_client):
        page = equality_page()
        objectives = list(page.objectives.all())
        objectives[0].progress = "Halfway there."
        self.post(admin_client, page, edit_form(page, objectives))
        assert equality_page().objectives.first().progress == "Halfway there."


# The public page and the links to it.


@pytest.mark.django_db
def test_public_page_shows_both_parts_with_their_dates(client):
    page = edit_equality(
        information_updated=date(2026, 10, 1),
        objectives_published=date(2025, 9, 1),
        objectives_review_due=date(2027, 9, 1),
    )
    html = soup(client, EQUALITY_URL)
    headings = [h.name for h in html.select("main h1, main h2, main h3")]
    assert headings[0] == "h1" and headings.count("h1") == 1
    assert all(int(b[1]) - int(a[1]) <= 1 for a, b in zip(headings, headings[1:], strict=False))
    information = html.find(id="equality-information")
    assert "Last updated 1 October 2026, next update by 1 October 2027." in information.get_text(
        " ", strip=True
    ).replace(" ,", ",").replace(" .", ".")
    objectives = html.find(id="equality-objectives")
    assert "Published 1 September 2025" in objectives.get_text(" ", strip=True)
    cards = objectives.select("ol.objective-list > li")
    assert len(cards) == page.objectives.count() == 3
    first = cards[0]
    assert first.h3.get_text(strip=True).startswith("Objective 1: Close the gap in attendance")
    terms = [dt.get_text(strip=True) for dt in first.select("dt")]
    assert terms[:2] == ["Why we chose it", "How we will judge progress"]
    assert "Status" in terms


@pytest.mark.django_db
def test_section_lists_the_equality_page(client):
    links = [a["href"] for a in soup(client, SECTION_URL).select("main .card a")]
    assert EQUALITY_URL in links


@pytest.mark.django_db
def test_footer_links_the_equality_page(client):
    footer = soup(client, PLAN_URL).find("footer")
    assert footer.find("a", string="Equality information and objectives")["href"] == EQUALITY_URL


@pytest.mark.django_db
def test_accessibility_plan_links_the_live_equality_page(client):
    link = soup(client, PLAN_URL).find("a", string="equality information and objectives")
    assert link["href"] == EQUALITY_URL
    equality_page().unpublish()
    assert soup(client, PLAN_URL).find("a", string="equality information and objectives") is None


def query_count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_public_page_query_count_is_pinned_and_flat(client):
    page = equality_page()
    set_objectives(page, 1)
    assert query_count(client, EQUALITY_URL) == EQUALITY_PAGE_QUERIES
    set_objectives(page, 10, target_date=date(2027, 7, 1), reason="Why.", progress="Some.")
    assert query_count(client, EQUALITY_URL) == EQUALITY_PAGE_QUERIES
    assert len(soup(client, EQUALITY_URL).select("ol.objective-list > li")) == 10


@pytest.mark.django_db
def test_page_tree_rules():
    assert EqualityPage.parent_page_types == ["senreport.SENDSectionPage"]
    assert EqualityPage.max_count_per_parent == 1
    assert EqualityPage in SENDSectionPage.allowed_subpage_models()


@pytest.mark.django_db
def test_demo_page_is_complete_today(demo):
    for check_id in ("eq.information", "eq.objectives"):
        assert result_for(demo, check_id).status == Status.PASS
    assert timedelta(0) < date.today() - equality_page().information_updated


@pytest.mark.django_db
def test_dashboard_lists_the_statement_review_when_due(admin_client):
    edit_statement(last_reviewed=date(2025, 12, 20))
    with frozen(date(2026, 11, 30)):
        panel = BeautifulSoup(admin_client.get("/admin/").content, "html.parser")
    due = [li.get_text(" ", strip=True) for li in panel.select(".school-home__when")]
    assert any(
        line.startswith("20 December 2026 in 20 days Accessibility statement : next review due")
        for line in due
    ), due


@pytest.mark.django_db
def test_statutory_page_lists_the_equality_items(client):
    html = soup(client, "/send/statutory-information/")
    group = html.find(id="eq")
    assert group.h2.get_text(strip=True) == "Equality information and objectives"
    links = [a["href"] for a in group.select("a")]
    assert any(href.endswith("/send/equality/#equality-information") for href in links)
    assert any(href.endswith("/send/equality/#equality-objectives") for href in links)
    web = html.find(id="web").get_text(" ", strip=True)
    assert "The accessibility statement was reviewed within the last 12 months" in web
