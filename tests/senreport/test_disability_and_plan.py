from datetime import date

import pytest
import time_machine

from demo.senreport import build_plan
from senreport.models import (
    AccessibilityPlanPage,
    ActionStatus,
    SENDSectionPage,
    Strand,
)
from tests.senreport.helpers import ACTION_FIELDS, child_rows, form_data_for

# The demo school is seeded once for this module (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("demo_module")

PLAN_URL = "/send/accessibility-plan/"
ACCESS_URL = "/send/disability-and-access/"


def plan_form(plan, actions=None, **overrides):
    rows = child_rows(actions if actions is not None else plan.actions.all(), ACTION_FIELDS)
    data = form_data_for(plan, actions=rows, **overrides)
    data["action-publish"] = "publish"
    return data


@pytest.fixture
def section(demo):
    return SENDSectionPage.objects.get()


@pytest.fixture
def fresh_plan(section):
    """The demo plan removed, and an unsaved complete plan to create in its place."""
    AccessibilityPlanPage.objects.all().delete()
    plan = build_plan()
    plan.slug = "accessibility-plan"
    return plan


def create(admin_client, section, data):
    url = f"/admin/pages/add/senreport/accessibilityplanpage/{section.pk}/"
    return admin_client.post(url, data, follow=True)


@pytest.mark.django_db
class TestPlanPublishRefusals:
    def test_complete_plan_publishes(self, admin_client, section, fresh_plan):
        create(admin_client, section, plan_form(fresh_plan, fresh_plan.actions.all()))
        plan = AccessibilityPlanPage.objects.get()
        assert plan.live
        assert plan.actions.count() == 4

    @pytest.mark.parametrize(
        ("period", "reason"),
        [
            ({"period_start": "", "period_end": ""}, "Give the plan's start and end dates."),
            (
                {"period_start": "2026-09-01", "period_end": "2026-08-31"},
                "The plan ends before it starts.",
            ),
            (
                {"period_start": "2026-09-01", "period_end": "2029-09-02"},
                "The plan lasts more than three years",
            ),
        ],
    )
    def test_period_refusals(self, admin_client, section, fresh_plan, period, reason):
        response = create(
            admin_client, section, plan_form(fresh_plan, fresh_plan.actions.all(), **period)
        )
        content = response.content.decode().replace("&#x27;", "'")
        assert "cannot be published until" in content
        assert "A current plan period of no more than three years" in content
        assert reason in content
        # Kept as a draft, not published (home/edit_views.py).
        assert "Your changes are saved as a draft." in content
        assert not AccessibilityPlanPage.objects.get().live

    @pytest.mark.parametrize("strand", [s for s, _ in Strand.choices])
    def test_strand_without_an_action_is_refused(self, admin_client, section, fresh_plan, strand):
        actions = [a for a in fresh_plan.actions.all() if a.strand != strand]
        response = create(admin_client, section, plan_form(fresh_plan, actions))
        content = response.content.decode()
        label = Strand(strand).label.lower()
        assert "Actions in all three strands of the plan" in content
        assert f"Add at least one action for: {label}." in content
        assert not AccessibilityPlanPage.objects.get().live

    def test_missing_other_formats_statement_is_refused(self, admin_client, section, fresh_plan):
        data = plan_form(fresh_plan, fresh_plan.actions.all(), information_formats="")
        content = create(admin_client, section, data).content.decode()
        assert "How information is given in other formats" in content

    def test_draft_saves_with_no_period_and_no_actions(self, admin_client, section, fresh_plan):
        data = plan_form(fresh_plan, [], period_start="", period_end="")
        del data["action-publish"]
        create(admin_client, section, data)
        plan = AccessibilityPlanPage.objects.get()
        assert not plan.live


@pytest.mark.django_db
def test_overdue_actions_are_marked_in_words(demo, client):
    plan = AccessibilityPlanPage.objects.get()
    action = plan.actions.filter(status=ActionStatus.PLANNED).first()
    target = action.target_date
    with time_machine.travel(date(target.year, target.month, target.day), tick=False):
        html = client.get(PLAN_URL).content.decode()
        assert "Overdue" not in html
    with time_machine.travel(date(target.year + 1, 1, 15), tick=False):
        html = client.get(PLAN_URL).content.decode()
    row = html.split(action.action)[1].split("</tr>")[0]
    assert "Overdue" in row
    done = plan.actions.filter(status=ActionStatus.DONE)
    assert not done.exists() or all(a.action not in html.split("Overdue")[0] for a in done)


@pytest.mark.django_db
def test_plan_shows_one_accessible_table_per_strand(demo, client):
    html = client.get(PLAN_URL).content.decode()
    assert html.count("<table") == 3
    assert html.count("<caption") == 3
    assert '<th scope="col">Target date</th>' in html
    assert '<th scope="row">' in html
    assert "Information in other formats" in html


@pytest.mark.django_db
def test_facilities_show_what_is_and_is_not_available(demo, client):
    html = client.get(ACCESS_URL).content.decode()
    assert "Yes:</span> Step-free entrance. Main entrance on Mill Lane" in html
    assert "Not available:</span> Lift to upper floors. The school is on one floor" in html
    assert "Adjustable-height tables" in html
    assert 'href="/send/accessibility-plan/">Read our accessibility plan</a>' in html
