"""Review reminders: e-mail the school 60, 30 and 7 days before each review date, and once
when it is overdue, never twice for the same date.

The dates come from the compliance registry (each result's `next_review`), grouped into one
reminder per document and date, so the school gets "SEN Information Report: next review
due 9 October 2027", not one e-mail per check. `manage.py send_review_reminders` runs this
once a day (docs/operations.md).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from urllib.parse import urldefrag

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from wagtail import hooks

from home.models import SchoolSettings

from .compliance import Result, registry
from .compliance.store import stored_report
from .models import ReminderThreshold, ReviewReminder

logger = logging.getLogger(__name__)

# `fn(site)` returns [(what, admin url)]: the school's translations whose English page has
# changed since they were translated (home answers it: home/translation.py). The admin
# home's "Needs doing now" lists them, and every reminder names them.
TRANSLATIONS_OUT_OF_DATE_HOOK = "register_translations_out_of_date"

# (threshold, days before the date), the most urgent first. On the date itself the review
# is overdue.
THRESHOLDS = (
    (ReminderThreshold.OVERDUE, 0),
    (ReminderThreshold.DAYS_7, 7),
    (ReminderThreshold.DAYS_30, 30),
    (ReminderThreshold.DAYS_60, 60),
)
URGENCY = {t.value: len(THRESHOLDS) - rank for rank, (t, _) in enumerate(THRESHOLDS)}

# What the date means and what to do, by check id. Any other dated check is a review.
REVIEW = ("next review due", "Review it, update anything that has changed, and publish it.")
WORDING = {
    "sir.reviewed": (
        "next review due",
        "Read the report through with the people who know it best, update anything that "
        "has changed, ask the governors to approve it, then change the 'last reviewed' and "
        "'approved by governors on' dates and publish it.",
    ),
    "ap.reviewed": (
        "next review due",
        "Check each action of the plan, mark what is done, give new dates where needed, "
        "change the 'last reviewed' date and publish the plan.",
    ),
    "ap.period_current": (
        "plan period ends",
        "Write the next accessibility plan (it can cover up to three years), with actions "
        "for all three strands, give its start and end dates and publish it.",
    ),
    "inc.published": (
        "deadline to publish",
        "Write the inclusion strategy: the barriers to learning the school has found and "
        "the activities it pays for to remove them, each with the barrier(s) it addresses "
        "and its cost. Then publish it under the SEND section. Publishing it is a condition "
        "of the Inclusive Mainstream Fund.",
    ),
    "eq.information": (
        "equality information update due",
        "Look again at how the school meets the equality duty for its pupils, bring the "
        "facts up to date, change the 'Equality information last updated' date and publish "
        "the page.",
    ),
    "eq.objectives": (
        "new equality objectives due",
        "With staff and governors, look at what the objectives achieved, agree new ones, "
        "each with how progress will be judged, change the 'Objectives published on' date "
        "and publish the page.",
    ),
    "web.statement_reviewed": (
        "next review due",
        "Check the website is still as accessible as the statement says (try the pages and "
        "forms, look at what has been added), update the statement where it is no longer "
        "true, change its 'Last reviewed on' date and publish it.",
    ),
}


def threshold_for(days_left):
    """The reminder a review date this many days away calls for, or None if not yet."""
    for threshold, days in THRESHOLDS:
        if days_left <= days:
            return threshold
    return None


@dataclass(frozen=True)
class ReviewDate:
    """A date by which the school must act on one document, from one or more checks."""

    document: str  # the page type, e.g. "senreport.seninformationreportpage"
    title: str  # "SEN Information Report"
    date: date
    results: tuple[Result, ...]

    @property
    def wording(self):
        seen = []
        # The checks with their own wording first (in registry order), then the rest.
        ordered = sorted(self.results, key=lambda result: result.check.id not in WORDING)
        for result in ordered:
            wording = WORDING.get(result.check.id, REVIEW)
            if wording not in seen:
                seen.append(wording)
        return seen

    @property
    def what(self):
        return " and ".join(dict.fromkeys(what for what, _ in self.wording))

    @property
    def summary(self):
        return f"{self.title}: {self.what} {self.date:%-d %B %Y}"

    @property
    def fix_url(self):
        return next((r.fix_url for r in self.results if r.fix_url), "")

    @property
    def public_url(self):
        url = next((r.public_url for r in self.results if r.public_url), "")
        return urldefrag(url).url

    @property
    def evaluated_at(self):
        """When the date was read from the pages (the oldest of its stored results)."""
        return min((r.evaluated_at for r in self.results if r.evaluated_at), default=None)


def _document(check):
    model = registry.editor_model(check)
    if model is None:
        return "home.schoolsettings", "School details"
    title = getattr(model, "footer_label", "") or capfirst(model._meta.verbose_name)
    return model._meta.label_lower, title


def review_dates(site, report=None):
    """Every date the site's documents must be acted on by, one per document and date,
    soonest first."""
    report = report or stored_report(site)
    groups = {}
    for result in report.results:
        if result.next_review:
            document, title = _document(result.check)
            groups.setdefault((document, title, result.next_review), []).append(result)
    dates = [
        ReviewDate(document, title, day, tuple(results))
        for (document, title, day), results in groups.items()
    ]
    return sorted(dates, key=lambda review: (review.date, review.title))


@dataclass(frozen=True)
class Reminder:
    site: object
    school: SchoolSettings
    review: ReviewDate
    threshold: str
    today: date

    @property
    def recipient(self):
        return self.school.reminder_recipient

    @property
    def days_left(self):
        return (self.review.date - self.today).days

    @property
    def when(self):
        days = self.days_left
        if days > 1:
            return f"in {days} days"
        if days == 1:
            return "tomorrow"
        if days == 0:
            return "due today"
        return f"overdue by {-days} day{'s' if days < -1 else ''}"

    @property
    def subject(self):
        return render_to_string(
            "senreport/email/review_reminder_subject.txt", self._context(subject=True)
        ).strip()

    @property
    def admin_url(self):
        return absolute(settings.WAGTAILADMIN_BASE_URL, self.review.fix_url)

    @property
    def public_url(self):
        return absolute(self.site.root_url, self.review.public_url)

    def _context(self, subject=False):
        school = self.school.school_name
        if subject:
            school = school or self.site.site_name or self.site.hostname
        return {
            "reminder": self,
            "review": self.review,
            "school": school or "your school",
            "overdue": -self.days_left,
            "check": self.review.results[0].check,
            "settings_url": absolute(
                settings.WAGTAILADMIN_BASE_URL,
                reverse("wagtailsettings:edit", args=["home", "schoolsettings", self.site.pk]),
            ),
            "translations": [] if subject else self.translations_out_of_date(),
        }

    def translations_out_of_date(self):
        return [
            (what, absolute(settings.WAGTAILADMIN_BASE_URL, url))
            for provider in hooks.get_hooks(TRANSLATIONS_OUT_OF_DATE_HOOK)
            for what, url in provider(self.site)
        ]

    def body(self):
        """The e-mail's text (templates/senreport/email/review_reminder.txt)."""
        return render_to_string("senreport/email/review_reminder.txt", self._context())

    def message(self):
        return EmailMessage(
            subject=self.subject,
            body=self.body(),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[self.recipient],
        )


def absolute(base, path):
    if not path or path.startswith(("http://", "https://")):
        return path
    return base.rstrip("/") + "/" + path.lstrip("/")


def due_reminders(site, today=None):
    """The reminders the site should get today and has not had yet.

    For each review date only the most urgent threshold reached is due, and only if no
    reminder as urgent (or more) was sent for that date: if the command has not run for
    weeks, the school gets one reminder, not a backlog.
    """
    today = today or timezone.localdate()
    school = SchoolSettings.for_site(site)
    sent = {}
    for document, review_date, threshold in ReviewReminder.objects.filter(site=site).values_list(
        "document", "review_date", "threshold"
    ):
        key = (document, review_date)
        sent[key] = max(sent.get(key, 0), URGENCY[threshold])
    reminders = []
    for review in review_dates(site):
        threshold = threshold_for((review.date - today).days)
        if threshold is None:
            continue
        if sent.get((review.document, review.date), 0) >= URGENCY[threshold]:
            continue
        reminders.append(Reminder(site, school, review, threshold, today))
    return reminders


def send(reminder):
    """Record and send one reminder. False if it was recorded meanwhile (another run).

    The record is written first, in the same transaction as the sending: if the e-mail
    cannot be sent the record is rolled back and the next run tries again.
    """
    try:
        with transaction.atomic():
            ReviewReminder.objects.create(
                site=reminder.site,
                document=reminder.review.document,
                review_date=reminder.review.date,
                threshold=reminder.threshold,
                subject=reminder.review.summary[:255],
                recipient=reminder.recipient,
            )
            reminder.message().send()
    except IntegrityError:
        return False
    logger.info(
        "Review reminder sent: site=%s document=%s review_date=%s threshold=%s to=%s",
        reminder.site.hostname,
        reminder.review.document,
        reminder.review.date.isoformat(),
        reminder.threshold,
        reminder.recipient,
    )
    return True
