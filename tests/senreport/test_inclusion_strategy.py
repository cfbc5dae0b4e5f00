"""The inclusion strategy of a school that receives the Inclusive Mainstream Fund: the page,
its four checks, the publishing countdown, the reminder and the demo."""

import uuid
from datetime import date, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from demo.senreport import build_inclusion_strategy
from home.models import SchoolSettings, SchoolType
from senreport import reminders
from senreport.compliance import SiteData, Status, evaluate, evaluate_site, registry
from senreport.inclusion import deadline
from senreport.models import (
    InclusionActivity,
    InclusionBarrier,
    InclusionStrategyPage,
    SENDSectionPage,
)
from tests.senreport.helpers import child_rows, form_data_for

# The demo school (Hollins Brook, with a complete live strategy) is seeded once.
# Every test may read the demo school: each runs in its own transaction, whatever ran first.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_module")]

URL = "/send/inclusion-strategy/"
INC_IDS = ["inc.published", "inc.activities_costed", "inc.review_noted", "inc.links"]
BARRIER_FIELDS = ("title", "description")
ACTIVITY_FIELDS = (
    "activity",
    "description",
    "barriers_addressed",
    "who_for",
    "who_for_detail",
    "cost",
    "funding_source",
    "intended_impact",
    "impact_measure",
    "owner",
    "status",
)


def result(site, check_id):
    return evaluate(registry[check_id], SiteData(site))


def school(site):
    return SchoolSettings.for_site(site)


def set_school(site, **fields):
    settings = school(site)
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()


def strategy():
    return InclusionStrategyPage.objects.get()


def remove_strategy():
    InclusionStrategyPage.objects.all().delete()


@pytest.fixture
def section(demo):
    return SENDSectionPage.objects.get()


# --- Applicability -------------------------------------------------------------------------


@pytest.mark.django_db
def test_demo_strategy_meets_every_item(demo):
    for check_id in INC_IDS:
        outcome = result(demo, check_id)
        assert outcome.status == Status.PASS, (check_id, outcome.reason)
    assert "matching this year's allocation" in result(demo, "inc.activities_costed").reason


@pytest.mark.django_db
def test_special_school_need_not_publish_one(demo):
    set_school(demo, school_type=SchoolType.SPECIAL)
    remove_strategy()
    for check_id in INC_IDS:
        outcome = result(demo, check_id)
        assert outcome.status == Status.NOT_APPLICABLE
        assert "Only mainstream schools receive the Inclusive Mainstream Fund" in outcome.reason
        assert "Special school" in outcome.reason
    assert not school(demo).inclusion_strategy_required


@pytest.mark.django_db
def test_mainstream_school_without_the_fund_need_not_publish_one(demo):
    set_school(demo, receives_inclusive_mainstream_fund=False)
    remove_strategy()
    for check_id in INC_IDS:
        outcome = result(demo, check_id)
        assert outcome.status == Status.NOT_APPLICABLE
        assert "does not receive the Inclusive Mainstream Fund" in outcome.reason
    assert evaluate_site(demo).compliant or all(
        not r.check.id.startswith("inc.") for r in evaluate_site(demo).failing_must
    )


# --- inc.published: the countdown ----------------------------------------------------------


@pytest.mark.django_db
@time_machine.travel(date(2026, 11, 30), tick=False)
def test_not_published_counts_down_to_the_deadline(demo):
    remove_strategy()
    outcome = result(demo, "inc.published")
    assert outcome.status == Status.FAIL
    assert outcome.reason == "Not published yet: due by 31 December 2026 (31 days left)."
    assert outcome.next_review == date(2026, 12, 31)
    assert outcome.fix_url.startswith("/admin/pages/add/senreport/inclusionstrategypage/")


@pytest.mark.django_db
@time_machine.travel(date(2027, 1, 2), tick=False)
def test_after_the_deadline_it_says_when_it_was_due(demo):
    remove_strategy()
    reason = result(demo, "inc.published").reason
    assert reason == "Not published yet: it was due on 31 December 2026 (2 days overdue)."


@pytest.mark.django_db
@time_machine.travel(date(2026, 11, 30), tick=False)
@override_settings(INCLUSION_STRATEGY_DEADLINE=date(2027, 3, 31))
def test_the_deadline_is_read_from_the_setting(demo, admin_client):
    remove_strategy()
    assert deadline() == date(2027, 3, 31)
    outcome = result(demo, "inc.published")
    assert outcome.reason == "Not published yet: due by 31 March 2027 (121 days left)."
    assert outcome.next_review == date(2027, 3, 31)
    html = admin_client.get("/admin/").content.decode()
    assert "Inclusion strategy: publish by 31 March 2027 — 121 days left" in html
    assert "31 December 2026" not in html


@pytest.mark.django_db
def test_a_draft_does_not_count_as_published(demo):
    page = strategy()
    page.unpublish()
    outcome = result(demo, "inc.published")
    assert outcome.status == Status.FAIL
    assert outcome.fix_url == f"/admin/pages/{page.pk}/edit/"


# --- The dashboard countdown ---------------------------------------------------------------


@pytest.mark.django_db
@time_machine.travel(date(2026, 11, 30), tick=False)
def test_dashboard_counts_down_while_it_is_not_live(demo, admin_client):
    remove_strategy()
    html = admin_client.get("/admin/").content.decode()
    assert "Inclusion strategy: publish by 31 December 2026 — 31 days left" in html
    assert "/admin/pages/add/senreport/inclusionstrategypage/" in html


@pytest.mark.django_db
@time_machine.travel(date(2027, 1, 2), tick=False)
def test_dashboard_says_how_overdue_it_is(demo, admin_client, django_user_model):
    remove_strategy()
    # Signed in again on the day: the fixture's session began weeks earlier.
    admin_client.force_login(django_user_model.objects.get(username="office"))
    html = admin_client.get("/admin/").content.decode()
    assert "Inclusion strategy: publish by 31 December 2026 — 2 days overdue" in html


@pytest.mark.django_db
@time_machine.travel(date(2026, 11, 30), tick=False)
def test_dashboard_countdown_is_gone_once_live_or_not_needed(demo, admin_client):
    assert "Inclusion strategy: publish by" not in admin_client.get("/admin/").content.decode()
    remove_strategy()
    set_school(demo, receives_inclusive_mainstream_fund=False)
    assert "Inclusion strategy: publish by" not in admin_client.get("/admin/").content.decode()


# --- The reminder --------------------------------------------------------------------------


@pytest.mark.django_db
@time_machine.travel(date(2026, 11, 30), tick=False)
def test_the_deadline_is_reminded_like_a_review(demo):
    remove_strategy()
    set_school(demo, reminders_email="senco@school.example")
    due = [r for r in reminders.due_reminders(demo) if r.review.title == "Inclusion strategy"]
    assert len(due) == 1
    reminder = due[0]
    assert reminder.review.date == date(2026, 12, 31)
    assert reminder.subject.endswith(
        "Inclusion strategy: deadline to publish 31 December 2026 (in 31 days)"
    )
    body = reminder.body()
    assert "Write the inclusion strategy" in body
    assert "/admin/pages/add/senreport/inclusionstrategypage/" in body


# --- inc.activities_costed -----------------------------------------------------------------


@pytest.mark.django_db
def test_activities_without_cost_or_barrier_are_named(demo):
    page = strategy()
    first, second = list(page.activities.all())[:2]
    InclusionActivity.objects.filter(pk=first.pk).update(cost=None)
    InclusionActivity.objects.filter(pk=second.pk).update(barriers_addressed="")
    outcome = result(demo, "inc.activities_costed")
    assert outcome.status == Status.FAIL
    assert f"“{first.activity}” has no cost" in outcome.reason
    assert f"“{second.activity}” names no barrier" in outcome.reason
    assert "'budgeted cost (£)'" in outcome.reason


@pytest.mark.django_db
def test_an_activity_naming_an_unknown_barrier_is_named(demo):
    activity = strategy().activities.first()
    InclusionActivity.objects.filter(pk=activity.pk).update(barriers_addressed="Homework")
    reason = result(demo, "inc.activities_costed").reason
    assert f"“{activity.activity}” names no barrier listed under Barriers" in reason


@pytest.mark.django_db
def test_a_strategy_without_activities_fails(demo):
    strategy().activities.all().delete()
    outcome = result(demo, "inc.activities_costed")
    assert outcome.status == Status.FAIL
    assert "Add at least one activity" in outcome.reason


@pytest.mark.django_db
def test_fund_spend_differing_from_the_allocation_is_a_warning(demo, admin_client):
    set_school(demo, inclusive_mainstream_fund_allocation=20_000)
    outcome = result(demo, "inc.activities_costed")
    assert outcome.status == Status.WARN
    assert "£18,000" in outcome.reason and "£20,000" in outcome.reason
    assert "£2,000 less than" in outcome.reason
    report = evaluate_site(demo)
    assert "inc.activities_costed" not in [r.check.id for r in report.failing_must]
    assert "inc.activities_costed" in [r.check.id for r in report.warnings]
    dashboard = admin_client.get("/admin/").content.decode()
    assert "Worth a look" in dashboard
    assert "is £2,000 less than this year&#x27;s allocation (£20,000)" in dashboard


# --- inc.review_noted ----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes, reason",
    [
        ({"last_reviewed": None}, "The inclusion strategy has no 'last reviewed' date."),
        ({"next_review": None}, "Give the date of the strategy's 'next review'."),
        ({"annual_review_statement": ""}, "its 'yearly review statement' must say"),
        ({"last_reviewed": date(2025, 6, 1)}, "more than a year ago"),
    ],
)
@time_machine.travel(date(2026, 11, 30), tick=False)
def test_review_refusals(demo, changes, reason):
    InclusionStrategyPage.objects.update(**changes)
    outcome = result(demo, "inc.review_noted")
    assert outcome.status == Status.FAIL
    assert reason in outcome.reason


@pytest.mark.django_db
def test_one_year_strategy_needs_no_yearly_statement(demo):
    page = strategy()
    InclusionStrategyPage.objects.update(
        period_end_year=page.period_start_year, annual_review_statement=""
    )
    assert result(demo, "inc.review_noted").status == Status.PASS


# --- inc.links -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_links_name_what_is_missing(demo):
    InclusionStrategyPage.objects.update(pupil_premium_statement_url="")
    from senreport.models import AccessibilityPlanPage

    AccessibilityPlanPage.objects.get().unpublish()
    outcome = result(demo, "inc.links")
    assert outcome.status == Status.FAIL
    assert "the accessibility plan (it is not published yet)" in outcome.reason
    assert "the pupil premium strategy statement" in outcome.reason
    assert "SEN Information Report" not in outcome.reason
    assert not strategy().pupil_premium_statement_link


# --- Publishing through the editor ---------------------------------------------------------


def strategy_form(page, barriers, activities, **overrides):
    data = form_data_for(
        page,
        barriers=child_rows(barriers, BARRIER_FIELDS),
        activities=child_rows(activities, ACTIVITY_FIELDS),
        **overrides,
    )
    data["action-publish"] = "publish"
    return data


def create(admin_client, section, data):
    url = f"/admin/pages/add/senreport/inclusionstrategypage/{section.pk}/"
    return admin_client.post(url, data, follow=True)


@pytest.fixture
def fresh_strategy(section):
    remove_strategy()
    page = build_inclusion_strategy()
    page.slug = "inclusion-strategy"
    return page


@pytest.mark.django_db
def test_complete_strategy_publishes(admin_client, section, fresh_strategy):
    page = fresh_strategy
    create(admin_client, section, strategy_form(page, page.barriers.all(), page.activities.all()))
    live = InclusionStrategyPage.objects.get()
    assert live.live
    assert live.activities.count() == 6


@pytest.mark.django_db
def test_publishing_is_refused_naming_activities_without_cost_or_barrier(
    admin_client, section, fresh_strategy
):
    page = fresh_strategy
    activities = list(page.activities.all())
    activities[0].cost = None
    activities[1].barriers_addressed = ""
    response = create(admin_client, section, strategy_form(page, page.barriers.all(), activities))
    html = response.content.decode()
    assert "cannot be published until" in html
    assert "“Speech and language groups” has no cost" in html
    assert "“Reading catch-up sessions” names no barrier" in html
    assert not InclusionStrategyPage.objects.filter(live=True).exists()


@pytest.mark.django_db
def test_allocation_mismatch_never_stops_publishing(admin_client, section, fresh_strategy, demo):
    set_school(demo, inclusive_mainstream_fund_allocation=25_000)
    page = fresh_strategy
    create(admin_client, section, strategy_form(page, page.barriers.all(), page.activities.all()))
    assert InclusionStrategyPage.objects.get().live
    edit = admin_client.get(f"/admin/pages/{strategy().pk}/edit/").content.decode()
    assert "is £7,000 less than this year&#x27;s allocation (£25,000)" in edit


@pytest.mark.django_db
def test_a_child_named_with_needs_in_an_activity_is_refused(admin_client, section, fresh_strategy):
    page = fresh_strategy
    activities = list(page.activities.all())
    activities[0].description = "Tom in Year 3 has an EHC plan and joins the group."
    response = create(admin_client, section, strategy_form(page, page.barriers.all(), activities))
    html = response.content.decode()
    assert "personal data about" in html
    assert "Tom in Year 3 has an EHC plan" in html
    assert not InclusionStrategyPage.objects.filter(live=True).exists()


# --- The public page -----------------------------------------------------------------------


@pytest.mark.django_db
def test_public_page_shows_barriers_activities_totals_and_links(demo, client):
    html = client.get(URL).content.decode()
    for anchor in ('id="barriers"', 'id="activities"', 'id="totals"', 'id="pupil-premium"'):
        assert anchor in html
    page = strategy()
    # The yearly review statement comes before the barriers, with the dates.
    top = html.index(page.annual_review_statement)
    assert top < html.index('id="barriers"')
    assert page.last_reviewed.strftime("%-d %B %Y") in html[top:]
    assert "Speech and language groups" in html
    assert "£6,500" in html
    assert "<caption>Planned spending by where the money comes from</caption>" in html
    assert "£18,000" in html  # the fund line, equal to the allocation
    assert "£23,400" in html  # the total
    assert 'href="/send/sen-information-report/"' in html
    assert 'href="/send/accessibility-plan/"' in html
    # The page is linked from every page's footer.
    assert 'href="/send/inclusion-strategy/"' in client.get("/").content.decode()


def only_activities(count):
    page = strategy()
    first = page.activities.first()
    page.activities.exclude(pk=first.pk).delete()
    for number in range(count - 1):
        first.pk = None
        first.translation_key = uuid.uuid4()  # a row of its own (TranslatableMixin)
        first.activity = f"Extra activity {number}"
        first.save()
    assert page.activities.count() == count


def queries_for(client):
    assert client.get(URL).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


# The shell every SEND page pays (tests/test_query_budgets.py) plus the barriers and the
# activities; the report and the accessibility plan it links to come from the footer's query.
# issue 15: -2, routing finds the steps in one query; +1 in issue 19: the "Previous
# versions" list (one query, flat: test_editions_pdf.py).
# +1 in issue 20: Wagtail's routing looks up the active language's Locale.
PINNED_QUERIES = 12


@pytest.mark.django_db
def test_public_page_query_count_is_pinned_and_flat(demo, client):
    only_activities(1)
    one = queries_for(client)
    only_activities(10)
    ten = queries_for(client)
    assert one == ten == PINNED_QUERIES


# --- The demo ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_special_school_does_not_receive_the_fund_and_has_no_strategy(demo):
    call_command("seed_demo", schools=2, stdout=StringIO())
    special = Site.objects.get(hostname="larkspur-hill.localhost")
    assert not school(special).receives_inclusive_mainstream_fund
    assert not InclusionStrategyPage.objects.descendant_of(special.root_page).exists()
    for check_id in INC_IDS:
        assert result(special, check_id).status == Status.NOT_APPLICABLE
    assert school(demo).inclusive_mainstream_fund_allocation == 18_000
    assert InclusionBarrier.objects.count() == 4


@pytest.mark.django_db
def test_the_edit_panel_shows_totals_beside_the_allocation(demo, admin_client):
    html = admin_client.get(f"/admin/pages/{strategy().pk}/edit/").content.decode()
    assert "Inclusive Mainstream Fund: £18,000" in html
    assert "Total: £23,400" in html
    assert "allocation: £18,000" in html


def test_deadline_is_the_setting():
    from django.conf import settings

    assert deadline() == settings.INCLUSION_STRATEGY_DEADLINE
    assert isinstance(deadline() - timedelta(days=1), date)


@pytest.mark.django_db
def test_a_pupil_premium_document_is_linked_when_there_is_no_address(demo, client):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Pupil premium strategy statement",
        file=ContentFile(b"Our statement.", name="pupil-premium.txt"),
    )
    InclusionStrategyPage.objects.update(
        pupil_premium_statement_url="", pupil_premium_statement_document=document
    )
    assert strategy().pupil_premium_statement_link == document.url
    assert result(demo, "inc.links").status == Status.PASS
    html = client.get(URL).content.decode()
    assert f'<li id="pupil-premium"><a href="{document.url}">' in html


@pytest.mark.django_db
def test_the_school_details_ask_about_the_fund(demo, admin_client):
    url = f"/admin/settings/home/schoolsettings/{demo.pk}/"
    html = admin_client.get(url).content.decode()
    assert "The school receives the Inclusive Mainstream Fund" in html
    assert "Only mainstream schools receive the Inclusive Mainstream Fund" in html
    assert "This year&#x27;s Inclusive Mainstream Fund allocation (£)" in html


def test_school_years_are_named_as_schools_name_them():
    one = InclusionStrategyPage(period_start_year=2026, period_end_year=2026)
    assert one.period_label == "the 2026 to 2027 school year"
    assert not one.is_multi_year
    three = InclusionStrategyPage(period_start_year=2026, period_end_year=2028)
    assert three.is_multi_year
    assert three.period_label == ("the school years 2026 to 2027, 2027 to 2028 and 2028 to 2029")


@pytest.mark.django_db
def test_the_statutory_information_page_lists_the_strategy(demo, client):
    html = client.get("/send/statutory-information/").content.decode()
    assert "Inclusion strategy" in html
    assert "A live inclusion strategy page, published by the deadline" in html
    assert 'href="/send/inclusion-strategy/#pupil-premium"' in html


@pytest.mark.django_db
def test_a_new_strategy_editor_shows_the_allocation(section, admin_client):
    remove_strategy()
    url = f"/admin/pages/add/senreport/inclusionstrategypage/{section.pk}/"
    html = admin_client.get(url).content.decode()
    assert "No activity has a cost yet." in html
    assert "allocation: £18,000" in html
    assert "This strategy covers more than one school year. We review it every year" in html
