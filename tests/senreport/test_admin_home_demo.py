"""A freshly seeded demo shows the admin home populated: a few messages from parents in the
last 30 days (two unread) and a review date within 90 days, counted from the day of
seeding; the demo stays compliant, and the special school keeps the zero states."""

from datetime import date, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from home.models import FeedbackSubmission
from senreport.compliance import Status, evaluate_site
from senreport.models import InclusionStrategyPage

pytestmark = pytest.mark.django_db

SEEDED_ON = date(2027, 2, 10)


def seed(*args):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def panel_text(html, panel_id):
    panel = html.find(id=f"{panel_id}-content") or html.find(id=panel_id)
    return (panel.find_parent("section") or panel).get_text(" ", strip=True)


@pytest.fixture
def seeded_on_a_known_day():
    with time_machine.travel(datetime(2027, 2, 10, 8, 0, tzinfo=timezone.get_current_timezone())):
        seed("--schools", "2")
        yield


@pytest.mark.usefixtures("seeded_on_a_known_day")
def test_the_demo_school_has_parents_messages_and_a_date_coming_up(admin_client):
    html = BeautifulSoup(admin_client.get("/admin/").content, "html.parser")
    parents = panel_text(html, "from-parents")
    assert "4 messages in the last 30 days , 2 unread" in parents
    assert "Thank you for explaining the steps of SEN support so clearly." in parents
    assert "No messages from parents yet" not in parents

    coming_up = panel_text(html, "coming-up")
    assert "Nothing is due for review in the next 90 days" not in coming_up
    assert "Inclusion strategy" in coming_up
    assert "in 60 days" in coming_up
    assert InclusionStrategyPage.objects.get().next_review == SEEDED_ON + timedelta(days=60)


@pytest.mark.usefixtures("seeded_on_a_known_day")
def test_the_messages_are_dated_from_the_day_of_seeding():
    sent = sorted(FeedbackSubmission.objects.values_list("submit_time", flat=True))
    days_before = [(SEEDED_ON - timezone.localtime(when).date()).days for when in sent]
    assert days_before == [26, 12, 5, 2]
    # Each names the page it was sent from.
    assert all(s.sent_from is not None for s in FeedbackSubmission.objects.all())


@pytest.mark.usefixtures("seeded_on_a_known_day")
def test_the_demo_stays_compliant_and_a_second_run_adds_no_messages():
    for site in Site.objects.all():
        report = evaluate_site(site)
        shown = (Status.PASS, Status.NOT_APPLICABLE)
        assert [(r.check.id, r.reason) for r in report.results if r.status not in shown] == []
        assert report.compliant
    seed("--schools", "2")
    assert FeedbackSubmission.objects.count() == 4


@pytest.mark.usefixtures("seeded_on_a_known_day")
def test_the_special_school_keeps_the_zero_states(client, django_user_model):
    larkspur = Site.objects.get(is_default_site=False)
    assert not FeedbackSubmission.objects.filter(
        page__path__startswith=larkspur.root_page.path
    ).exists()
    assert not InclusionStrategyPage.objects.descendant_of(larkspur.root_page).exists()
