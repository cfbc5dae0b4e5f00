"""An accessibility plan's actions are complete and in date before parents see them
(senreport/plan_rules.py, in the publish guard): each names what is missing."""

from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup

from senreport.models import AccessibilityPlanPage, ActionStatus
from tests.senreport.helpers import ACTION_FIELDS, child_rows, form_data_for

pytestmark = pytest.mark.usefixtures("demo_module")

RAMP = "Build a ramp at the main entrance"


def plan():
    return AccessibilityPlanPage.objects.get()


def rows_with(first, **changes):
    rows = child_rows(first.actions.all(), ACTION_FIELDS)
    rows[0].update({"action": RAMP, **changes})
    return rows


def publish(client, page, rows):
    data = form_data_for(page, actions=rows)
    data["action-publish"] = "publish"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    html = BeautifulSoup(response.content, "html.parser")
    return response, " ".join(m.get_text(" ", strip=True) for m in html.select(".messages li"))


def within_period(page):
    """A day inside the plan's period, before every action's target date."""
    dates = [a.target_date for a in page.actions.all() if a.status != ActionStatus.DONE]
    return min([page.period_start + timedelta(days=1), *dates])


@pytest.mark.parametrize(
    ("blank", "named"),
    [
        ("target", "its aim"),
        ("owner", "who leads it"),
        ("target_date", "a target date"),
    ],
)
def test_an_incomplete_action_is_refused_by_name(admin_client, blank, named):
    page = plan()
    with time_machine.travel(within_period(page), tick=False):
        response, shown = publish(admin_client, page, rows_with(page, **{blank: ""}))
    assert f"the action “{RAMP}”: {named}" in shown, shown
    assert "Your changes are saved as a draft." in shown
    assert RAMP not in plan().actions.values_list("action", flat=True)  # live rows unchanged


def test_a_target_date_outside_the_plan_is_refused(admin_client):
    page = plan()
    before = page.period_start - timedelta(days=1)
    with time_machine.travel(within_period(page), tick=False):
        _, shown = publish(admin_client, page, rows_with(page, target_date=before.isoformat()))
    assert f"the action “{RAMP}”: a target date within the plan" in shown
    assert f"{before:%-d %B %Y}, is outside the plan's period" in shown


def test_an_action_past_its_date_is_done_or_given_a_new_date_before_publishing(admin_client):
    page = plan()
    due = within_period(page) + timedelta(days=5)
    rows = rows_with(page, target_date=due.isoformat(), status=ActionStatus.PLANNED)
    with time_machine.travel(due + timedelta(days=1), tick=False):
        _, shown = publish(admin_client, page, rows)
        assert f"the action “{RAMP}”: marked done, or a new target date" in shown
        for row in rows:
            if row["status"] != ActionStatus.DONE:
                row["target_date"] = page.period_end.isoformat()
        response, shown = publish(admin_client, page, rows)
    assert "cannot be published" not in shown, shown
    assert RAMP in plan().actions.values_list("action", flat=True)


def test_a_complete_plan_publishes(admin_client):
    page = plan()
    with time_machine.travel(within_period(page), tick=False):
        _, shown = publish(admin_client, page, rows_with(page))
    assert "cannot be published" not in shown, shown
    assert RAMP in plan().actions.values_list("action", flat=True)
