"""`manage.py send_review_reminders`: 60, 30 and 7 days before each review date and once when
overdue, each at most once, to the address in the school details."""

from datetime import date, datetime, time, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from home.models import SchoolSettings
from senreport.compliance.store import refresh_site
from senreport.models import (
    AccessibilityPlanPage,
    InclusionStrategyPage,
    ReviewReminder,
    SENInformationReportPage,
)

# The demo school is seeded once for this module (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("demo_module")

LONDON = ZoneInfo("Europe/London")
REPORT_DUE = date(2026, 12, 1)


def at(day):
    return datetime.combine(day, time(7, 30), tzinfo=LONDON)


@pytest.fixture
def clock():
    with time_machine.travel(at(date(2026, 9, 1)), tick=False) as traveller:
        yield traveller


@pytest.fixture
def school_site(clock, demo):
    """The demo school with the report due on 1 December 2026 and the plan and the
    inclusion strategy far off."""
    SENInformationReportPage.objects.update(
        last_reviewed=date(2025, 12, 1), next_review=REPORT_DUE
    )
    AccessibilityPlanPage.objects.update(
        last_reviewed=date(2026, 8, 1),
        period_start=date(2026, 9, 1),
        period_end=date(2029, 8, 31),
    )
    InclusionStrategyPage.objects.update(
        last_reviewed=date(2026, 8, 1), next_review=date(2027, 8, 1)
    )
    school = SchoolSettings.for_site(demo)
    school.reminders_email = "senco@hollinsbrook.example"
    school.save()
    return demo


def run(*args):
    out = StringIO()
    call_command("send_review_reminders", *args, stdout=out)
    return out.getvalue()


def run_on(clock, day, *args):
    clock.move_to(at(day))
    mail.outbox.clear()
    return run(*args)


def report_mails():
    return [m for m in mail.outbox if "SEN Information Report" in m.subject]


def test_nothing_is_sent_more_than_60_days_before(school_site, clock):
    output = run_on(clock, date(2026, 10, 1))  # 61 days before
    assert mail.outbox == []
    assert "0 reminders sent." in output
    assert not ReviewReminder.objects.exists()


def test_each_threshold_is_sent_exactly_once(school_site, clock):
    expected = {
        date(2026, 10, 2): "(in 60 days)",
        date(2026, 11, 1): "(in 30 days)",
        date(2026, 11, 24): "(in 7 days)",
        REPORT_DUE: "(due today)",
    }
    for day, when in expected.items():
        output = run_on(clock, day)
        [message] = report_mails()
        assert message.subject == (
            "[Hollins Brook Primary School] SEN Information Report: next review due "
            f"1 December 2026 {when}"
        )
        assert message.to == ["senco@hollinsbrook.example"]
        assert f"Sent: {message.subject} -> senco@hollinsbrook.example" in output
        assert "1 reminder sent." in output
        # The same day again, and a few days later: nothing new.
        assert "0 reminders sent." in run()
        run_on(clock, day + timedelta(days=2))
        assert report_mails() == []
    assert sorted(
        ReviewReminder.objects.filter(review_date=REPORT_DUE).values_list("threshold", flat=True)
    ) == ["30", "60", "7", "overdue"]
    run_on(clock, date(2027, 1, 15))
    assert mail.outbox == []


def test_the_mail_says_what_is_due_and_links_the_editor_and_the_page(school_site, clock):
    run_on(clock, date(2026, 11, 1))
    [message] = mail.outbox
    report = SENInformationReportPage.objects.get()
    body = message.body
    assert "SEN Information Report: next review due 1 December 2026. That is in 30 days." in body
    assert f"http://testserver/admin/pages/{report.pk}/edit/" in body
    assert f"{school_site.root_url}/send/sen-information-report/" in body
    assert "ask the governors to approve it" in body
    # When the website's stored checks read the date (senreport/compliance/store.py).
    assert "The website's checks read this date on " in body
    assert f"http://testserver/admin/settings/home/schoolsettings/{school_site.pk}/" in body


def test_after_weeks_without_a_run_only_the_most_urgent_reminder_is_sent(school_site, clock):
    run_on(clock, date(2026, 11, 27))  # 4 days before: 60, 30 and 7 have all passed
    [message] = report_mails()
    assert message.subject.endswith("(in 4 days)")
    assert list(ReviewReminder.objects.values_list("threshold", flat=True)) == ["7"]
    run_on(clock, date(2026, 11, 29))
    assert mail.outbox == []
    run_on(clock, date(2026, 12, 5))
    [overdue] = report_mails()
    assert overdue.subject.endswith("(overdue by 4 days)")
    assert "That date has passed" in overdue.body


def test_a_second_run_sends_nothing(school_site, clock):
    run_on(clock, date(2026, 11, 1))
    assert len(mail.outbox) == 1
    output = run_on(clock, date(2026, 11, 1))
    assert mail.outbox == []
    assert "0 reminders sent." in output
    assert ReviewReminder.objects.count() == 1


def test_dry_run_prints_but_neither_sends_nor_records(school_site, clock):
    output = run_on(clock, date(2026, 11, 1), "--dry-run")
    assert (
        "Would send: [Hollins Brook Primary School] SEN Information Report: next review due "
        "1 December 2026 (in 30 days) -> senco@hollinsbrook.example"
    ) in output
    assert "Dry run: 1 reminder due; nothing was sent or recorded." in output
    assert mail.outbox == []
    assert not ReviewReminder.objects.exists()
    # The real run afterwards still sends it.
    run()
    assert len(mail.outbox) == 1


def test_falls_back_to_the_enquiries_address(school_site, clock):
    SchoolSettings.objects.update(reminders_email="")
    run_on(clock, date(2026, 11, 1))
    [message] = mail.outbox
    assert message.to == ["office@hollinsbrook.example"]
    assert ReviewReminder.objects.get().recipient == "office@hollinsbrook.example"


def test_without_any_address_nothing_is_sent_or_recorded(school_site, clock):
    SchoolSettings.objects.update(reminders_email="", email="")
    output = run_on(clock, date(2026, 11, 1))
    assert "Not sent, no e-mail address in the school details" in output
    assert mail.outbox == []
    assert not ReviewReminder.objects.exists()


def test_a_new_review_date_starts_the_reminders_again(school_site, clock):
    run_on(clock, date(2026, 11, 24))
    run_on(clock, REPORT_DUE)
    assert len(report_mails()) == 1
    # The school reviews the report: the next review is a year on. (Its publish would
    # refresh the stored compliance results, which the reminders read: refreshed here.)
    SENInformationReportPage.objects.update(
        last_reviewed=date(2026, 12, 3), next_review=date(2027, 12, 3)
    )
    refresh_site(school_site)
    run_on(clock, date(2026, 12, 10))
    assert mail.outbox == []
    run_on(clock, date(2027, 10, 4))  # 60 days before the new date
    [message] = report_mails()
    assert "next review due 3 December 2027 (in 60 days)" in message.subject
    assert ReviewReminder.objects.filter(review_date=date(2027, 12, 3)).count() == 1


def test_one_reminder_per_document_and_the_plan_period_end(school_site, clock):
    # The plan's yearly review and the end of its period fall on the same day.
    AccessibilityPlanPage.objects.update(
        last_reviewed=date(2025, 12, 1),
        period_start=date(2023, 12, 2),
        period_end=REPORT_DUE,
    )
    run_on(clock, date(2026, 11, 1))
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == [
        "[Hollins Brook Primary School] Accessibility plan: plan period ends and next review "
        "due 1 December 2026 (in 30 days)",
        "[Hollins Brook Primary School] SEN Information Report: next review due "
        "1 December 2026 (in 30 days)",
    ]
    plan_mail = next(m for m in mail.outbox if "Accessibility plan" in m.subject)
    assert "Write the next accessibility plan" in plan_mail.body
    assert "Check each action of the plan" in plan_mail.body


def test_logs_one_line_per_reminder_sent(school_site, clock, caplog):
    caplog.set_level("INFO", logger="senreport.reminders")
    run_on(clock, date(2026, 11, 1))
    lines = [r.getMessage() for r in caplog.records if r.name == "senreport.reminders"]
    assert lines == [
        "Review reminder sent: site=127.0.0.1 document=senreport.seninformationreportpage "
        "review_date=2026-12-01 threshold=30 to=senco@hollinsbrook.example"
    ]


def test_site_option(school_site, clock):
    clock.move_to(at(date(2026, 11, 1)))
    run("--site", school_site.hostname.upper())
    assert len(mail.outbox) == 1
    with pytest.raises(CommandError, match="No site has the hostname 'www.nowhere.example'"):
        run("--site", "www.nowhere.example")


def test_a_failed_send_is_not_recorded_and_the_command_fails(school_site, clock, monkeypatch):
    def refuse(self, fail_silently=False):
        raise OSError("connection refused")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    clock.move_to(at(date(2026, 11, 1)))
    with pytest.raises(CommandError, match="1 reminder"):
        run()
    assert not ReviewReminder.objects.exists()
