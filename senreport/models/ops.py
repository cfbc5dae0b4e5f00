"""Records kept by the scheduled jobs: review reminders sent, and external links checked."""

from django.db import models
from django.utils import timezone


class ReminderThreshold(models.TextChoices):
    """How close a review date is. Ordered from the least to the most urgent."""

    DAYS_60 = "60", "60 days before"
    DAYS_30 = "30", "30 days before"
    DAYS_7 = "7", "7 days before"
    OVERDUE = "overdue", "Overdue"


class ReviewReminder(models.Model):
    """One reminder e-mail sent, so that it is never sent twice.

    A reminder is keyed by what is due (`document`: the page type, e.g.
    "senreport.seninformationreportpage"), the date it is due and the threshold. When the
    school reviews the report, the date changes and the reminders start again for it.
    """

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    document = models.CharField(max_length=100)
    review_date = models.DateField()
    threshold = models.CharField(max_length=10, choices=ReminderThreshold.choices)
    subject = models.CharField(max_length=255)
    recipient = models.EmailField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "review reminder"
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "document", "review_date", "threshold"],
                name="senreport_reviewreminder_once",
            )
        ]

    def __str__(self):
        return f"{self.subject} ({self.get_threshold_display()}, to {self.recipient})"


class LinkKind(models.TextChoices):
    LOCAL_OFFER = "local_offer", "Local Offer"
    SENDIASS = "sendiass", "SENDIASS"
    OTHER = "other", "Other"


class LinkCheck(models.Model):
    """The latest check of one external web address that a site publishes."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    url = models.URLField(max_length=2000)
    kind = models.CharField(max_length=20, choices=LinkKind.choices, default=LinkKind.OTHER)
    # Human labels of every place the address appears, e.g.
    # "School details: Westmere Borough Council Local Offer".
    found_in = models.JSONField(default=list)
    # Where it was found, so the dashboard can hide a broken address from the school
    # details as soon as the office replaces it, before the next check runs.
    in_settings = models.BooleanField(default=False)
    on_pages = models.BooleanField(default=False)
    ok = models.BooleanField(default=False)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    final_url = models.URLField("address after redirects", max_length=2000, blank=True)
    error = models.CharField(max_length=255, blank=True)
    checked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "link check"
        ordering = ["kind", "url"]
        constraints = [
            models.UniqueConstraint(fields=["site", "url"], name="senreport_linkcheck_once")
        ]

    def __str__(self):
        return f"{self.url} ({'ok' if self.ok else 'broken'})"

    @property
    def where(self):
        return "; ".join(self.found_in)


class ComplianceResult(models.Model):
    """The stored verdict of one compliance check on one school's site.

    Written by `senreport.compliance.store.refresh_site` (a background task after every
    change that can move a verdict, and nightly for the date-based checks); read by the
    dashboard, the statutory-information page, the trust overview, the review reminders
    and `manage.py compliance`. `evaluated_at` is shown wherever a verdict is, so a stale
    row cannot go unnoticed.
    """

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    check_id = models.CharField(max_length=100)
    status = models.CharField(max_length=20)
    reason = models.TextField(blank=True)
    # Fields to mark in the editor: a list of names.
    fields = models.JSONField(default=list, blank=True)
    fix_url = models.CharField(max_length=2000, blank=True)
    public_url = models.CharField(max_length=2000, blank=True)
    last_reviewed = models.DateField(null=True, blank=True)
    next_review = models.DateField(null=True, blank=True)
    blocks_publish = models.BooleanField(default=True)
    page_title = models.CharField(max_length=255, blank=True)
    evaluated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "compliance result"
        constraints = [
            models.UniqueConstraint(
                fields=["site", "check_id"], name="senreport_complianceresult_once"
            )
        ]

    def __str__(self):
        return f"{self.check_id}: {self.status}"
