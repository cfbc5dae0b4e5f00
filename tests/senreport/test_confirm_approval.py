"""Approving the last task of a workflow publishes the page: when that would turn items on
the statutory information page from met to not met, the approver sees which and confirms
first (home/confirm_approval.py), from Wagtail's task action (the dashboard's "Approve",
the action modal) and from the editor's "Approve"."""

import json
from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, TaskState, WorkflowState, WorkflowTask

from senreport.compliance.store import refresh_site
from senreport.models import AccessibilityPlanPage, ActionStatus
from tests.senreport.helpers import ACTION_FIELDS, child_rows, form_data_for

pytestmark = pytest.mark.usefixtures("demo_module")

RESOURCED = "Every action has an owner, a target date, resources and a success measure"


def plan():
    return AccessibilityPlanPage.objects.get()


def today_in_plan(page):
    dates = [a.target_date for a in page.actions.all() if a.status != ActionStatus.DONE]
    return min([page.period_start + timedelta(days=1), *dates])


def in_moderation(user, break_an_item=True):
    """The plan submitted for approval by `user`; its latest version drops the first
    action's resources (an item parents see as met) unless `break_an_item` is False.
    Returns the task state waiting for approval."""
    page = plan()
    draft = plan()
    if break_an_item:
        first = draft.actions.first()
        first.resources = ""
        draft.actions = [first, *list(draft.actions.all())[1:]]
    else:
        draft.title = "Accessibility plan (reviewed)"
    draft.save_revision(user=user)
    workflow = page.get_workflow()
    assert workflow is not None
    return workflow.start(page, user).current_task_state


def approve_url(page, task_state):
    return f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"


def published_resources():
    return [a.resources for a in plan().actions.all()]


def live_is_latest():
    """The latest version is the live one. (Not `has_unpublished_changes`: Wagtail sets it
    by the revisions' times, and the tests travel back from the day the demo was seeded.)"""
    page = plan()
    return page.live_revision_id == page.latest_revision_id


def items_shown(html):
    soup = BeautifulSoup(html, "html.parser")
    return [li.get_text(strip=True) for li in soup.select(".school-confirm__items li")]


@pytest.fixture
def at_plan_date():
    with time_machine.travel(today_in_plan(plan()), tick=False):
        refresh_site(plan().get_site())
        yield


@pytest.mark.usefixtures("at_plan_date")
def test_approving_a_change_that_breaks_an_item_asks_first_naming_it(admin_client):
    task_state = in_moderation(plan().owner)
    page = plan()
    response = admin_client.post(approve_url(page, task_state), {"comment": "Checked by Sam"})
    assert response.status_code == 302
    confirm = response["Location"]
    assert confirm.startswith(f"/admin/pages/{page.pk}/confirm-approval/{task_state.pk}/")
    # Nothing approved, nothing published yet.
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert all(published_resources())

    html = admin_client.get(confirm).content.decode()
    assert items_shown(html) == [RESOURCED]
    form = BeautifulSoup(html, "html.parser").select_one(".school-confirm form")
    assert form["action"] == approve_url(page, task_state)
    # The comment the approver typed is kept, to be sent with the approval.
    assert form.select_one("textarea[name=comment]").get_text() == "Checked by Sam"
    assert "Approve and publish anyway" in form.get_text()


@pytest.mark.usefixtures("at_plan_date")
def test_confirming_approves_the_task_with_its_comment_and_publishes(admin_client):
    task_state = in_moderation(plan().owner)
    page = plan()
    response = admin_client.post(
        approve_url(page, task_state), {"comment": "Checked by Sam", "confirmed-not-met": "1"}
    )
    assert response.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.comment == "Checked by Sam"
    assert task_state.workflow_state.status == WorkflowState.STATUS_APPROVED
    # Published: parents now see the action without its resources.
    assert not all(published_resources())
    assert live_is_latest()


@pytest.mark.usefixtures("at_plan_date")
def test_going_back_leaves_the_task_in_progress_and_the_changes_unpublished(admin_client):
    task_state = in_moderation(plan().owner)
    page = plan()
    confirm = admin_client.post(approve_url(page, task_state))["Location"]
    html = BeautifulSoup(admin_client.get(confirm).content, "html.parser")
    back = html.find("a", string="Back to the editor")
    assert back["href"] == f"/admin/pages/{page.pk}/edit/"
    assert admin_client.get(back["href"]).status_code == 200
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert plan().has_unpublished_changes and not live_is_latest()
    assert all(published_resources())


@pytest.mark.usefixtures("at_plan_date")
def test_an_approval_that_breaks_nothing_publishes_with_no_extra_step(admin_client):
    task_state = in_moderation(plan().owner, break_an_item=False)
    page = plan()
    response = admin_client.post(approve_url(page, task_state), {"comment": ""})
    assert "confirm-approval" not in response["Location"]
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert plan().title == "Accessibility plan (reviewed)"
    assert plan().live and live_is_latest()


@pytest.mark.usefixtures("at_plan_date")
def test_in_the_action_modal_the_confirmation_is_the_next_step(admin_client):
    task_state = in_moderation(plan().owner)
    page = plan()
    response = admin_client.post(
        approve_url(page, task_state),
        {"comment": "Looks fine", "next": "/admin/"},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    answer = json.loads(response.content)
    assert answer["step"] == "action"
    assert items_shown(answer["html"]) == [RESOURCED]
    form = BeautifulSoup(answer["html"], "html.parser").select_one("form")
    assert form.select_one("input[name=confirmed-not-met]")["value"] == "1"
    assert form.select_one("input[name=next]")["value"] == "/admin/"
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS

    # The modal posts its form back: approved, and the modal is told where to go.
    confirmed = admin_client.post(
        approve_url(page, task_state),
        {"comment": "Looks fine", "confirmed-not-met": "1", "next": "/admin/"},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert json.loads(confirmed.content) == {"step": "success", "redirect": "/admin/"}
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert not all(published_resources())


@pytest.mark.usefixtures("at_plan_date")
def test_approving_in_the_editor_saves_the_changes_then_asks(admin_client):
    task_state = in_moderation(plan().owner, break_an_item=False)
    page = plan()
    rows = child_rows(page.actions.all(), ACTION_FIELDS)
    rows[0]["resources"] = ""
    data = form_data_for(page, actions=rows)
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"
    data["workflow-action-extra-data"] = json.dumps({"comment": "Resources to follow"})
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    confirm = response["Location"]
    assert confirm.startswith(f"/admin/pages/{page.pk}/confirm-approval/{task_state.pk}/")
    # The editor's change is saved as a draft, not published, and the task still waits.
    latest = plan().get_latest_revision_as_object()
    assert not all(a.resources for a in latest.actions.all())
    assert all(published_resources())
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS

    html = admin_client.get(confirm).content.decode()
    assert items_shown(html) == [RESOURCED]
    form = BeautifulSoup(html, "html.parser").select_one(".school-confirm form")
    assert form.select_one("textarea[name=comment]").get_text() == "Resources to follow"
    admin_client.post(form["action"], {"comment": "Resources to follow", "confirmed-not-met": "1"})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.comment == "Resources to follow"
    assert not all(published_resources())


@pytest.mark.usefixtures("at_plan_date")
def test_approving_in_the_editor_a_change_that_breaks_nothing_is_not_asked_about(admin_client):
    task_state = in_moderation(plan().owner, break_an_item=False)
    page = plan()
    data = form_data_for(page, actions=child_rows(page.actions.all(), ACTION_FIELDS))
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert "confirm-approval" not in response["Location"]
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert plan().live and live_is_latest()


@pytest.mark.usefixtures("at_plan_date")
def test_only_the_approval_that_publishes_is_asked_about(admin_client):
    """In a workflow of two steps, approving the first publishes nothing: no question. The
    last step's approval publishes, and is asked about."""
    workflow = plan().get_workflow()
    sign_off = GroupApprovalTask.objects.create(name="Governors' sign-off")
    sign_off.groups.set(Group.objects.filter(name="Moderators"))
    WorkflowTask.objects.create(workflow=workflow, task=sign_off, sort_order=99)
    first = in_moderation(plan().owner)
    page = plan()

    response = admin_client.post(approve_url(page, first), {"comment": ""})
    assert "confirm-approval" not in response["Location"]
    first.refresh_from_db()
    assert first.status == TaskState.STATUS_APPROVED
    assert all(published_resources())

    last = first.workflow_state.current_task_state
    assert last.task_id == sign_off.pk
    response = admin_client.post(approve_url(page, last), {"comment": ""})
    assert "/confirm-approval/" in response["Location"]
    assert all(published_resources())


@pytest.mark.usefixtures("at_plan_date")
def test_wagtails_own_action_modal_and_request_changes_are_unchanged(admin_client):
    task_state = in_moderation(plan().owner)
    page = plan()
    modal = admin_client.get(
        approve_url(page, task_state), headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert json.loads(modal.content)["step"] == "action"
    reject = f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/"
    admin_client.post(reject, {"comment": "Add the resources back, please."})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert all(published_resources())
