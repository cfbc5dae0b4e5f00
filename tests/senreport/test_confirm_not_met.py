"""Publishing a version that would turn items on the statutory information page from met
to not met waits for the editor to confirm, naming the items (home/confirm_publish.py),
from the editor and from the listing's bulk publish."""

from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages

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


def without_resources(page):
    rows = child_rows(page.actions.all(), ACTION_FIELDS)
    rows[0]["resources"] = ""
    return rows


def test_publishing_asks_first_then_publishes_when_confirmed(admin_client):
    page = plan()
    with time_machine.travel(today_in_plan(page), tick=False):
        refresh_site(page.get_site())
        data = form_data_for(page, actions=without_resources(page))
        data["action-publish"] = "publish"
        response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
        confirm = f"/admin/pages/{page.pk}/confirm-publish/"
        assert response.status_code == 302 and response["Location"] == confirm
        # Not published yet: the draft waits, parents see the plan as it was.
        assert all(a.resources for a in plan().actions.all())
        html = BeautifulSoup(admin_client.get(confirm).content, "html.parser")
        items = [li.get_text(strip=True) for li in html.select(".school-confirm__items li")]
        assert items == [RESOURCED]
        assert "saved as a draft" in html.get_text(" ")
        admin_client.post(confirm)
    assert not all(a.resources for a in plan().actions.all())


def test_bulk_publish_leaves_such_a_page_for_its_own_confirmation(admin_client):
    page = plan()
    with time_machine.travel(today_in_plan(page), tick=False):
        refresh_site(page.get_site())
        draft = plan()
        first = draft.actions.first()
        first.resources = ""
        draft.actions = [first, *list(draft.actions.all())[1:]]
        draft.save_revision()
        response = admin_client.post(
            f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}", {"include_descendants": ""}
        )
        shown = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "has not been published: it would change items" in shown
    assert f"/admin/pages/{page.pk}/confirm-publish/" in shown
    assert all(a.resources for a in plan().actions.all())


def test_a_publish_that_keeps_every_item_met_is_not_asked_about(admin_client):
    page = plan()
    with time_machine.travel(today_in_plan(page), tick=False):
        refresh_site(page.get_site())
        data = form_data_for(page, actions=child_rows(page.actions.all(), ACTION_FIELDS))
        data["action-publish"] = "publish"
        response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert "confirm-publish" not in response.get("Location", "")
