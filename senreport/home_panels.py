"""The admin home as the office's to-do list: one Wagtail panel per concern.

In this order (`order`): the trust overview (trust staff only), what needs doing now, what
is coming up, what parents said, what was recently published. Each panel reads stored
records only (compliance results, reminders sent, link checks, feedback, the page log),
in a fixed number of queries, and says so plainly when it has nothing to show.
Registered in senreport/wagtail_hooks.py through `construct_homepage_panels`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page, PageLogEntry, Site, TaskState

from home.models import FeedbackFormPage, FeedbackSubmission, SchoolSettings
from home.models.feedback import RESERVED_NAMES
from home.publishing import REFUSED_LOG_ACTION
from home.schools import sites_for_user, works_across_schools

from .admin_views import inclusion_countdown, site_for_admin
from .compliance.store import stored_report
from .links import broken_links
from .models import ReviewReminder
from .reminders import TRANSLATIONS_OUT_OF_DATE_HOOK, review_dates
from .trust import school_rows

COMING_UP_DAYS = 90
FEEDBACK_DAYS = 30
LATEST_FEEDBACK = 5
RECENTLY_PUBLISHED = 6
# A scheduled go-live refused this recently, and not published since, still needs doing.
REFUSED_DAYS = 60

# `fn(site)` returns [(what, url)]: translations whose source page changed since they were
# translated (home answers it: home/translation.py). The reminders name them too.


def school_name(site, school=None):
    """The school's own name, never Wagtail's "localhost [default]"."""
    name = school.school_name if school is not None else ""
    return name or site.site_name or site.hostname


@dataclass
class HomeData:
    """What several panels share, read once a request."""

    site: Site | None
    school: SchoolSettings | None = None
    report: object = None
    # The person works on more than one school: headings then say which.
    several: bool = False

    @property
    def name(self):
        return school_name(self.site, self.school) if self.site else ""


def home_data(request) -> HomeData:
    data = getattr(request, "_school_home", None)
    if data is None:
        sites = sites_for_user(request.user)
        site = site_for_admin(request, sites=sites)
        data = HomeData(site, several=len(sites) > 1)
        if site is not None:
            data.school = SchoolSettings.for_site(site)
            data.report = stored_report(site, school=data.school)
        request._school_home = data
    return data


class HomePanel(Component):
    """A panel of the admin home for the school the admin is looking at."""

    def __init__(self, request):
        self.request = request

    @property
    def data(self):
        return home_data(self.request)

    def is_shown(self):
        return self.data.site is not None

    def render_html(self, parent_context=None):
        if not self.is_shown():
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        data = self.data
        return {
            "request": self.request,
            "site": data.site,
            "school_name": data.name,
            # A person who works on one school is not told which: they know.
            "several_schools": data.several,
            "today": timezone.localdate(),
            "csrf_token": (parent_context or {}).get("csrf_token"),
            **self.panel_context(data),
        }

    def panel_context(self, data):
        return {}


class TrustOverviewPanel(Component):
    """Trust staff: every school's legal duties at a glance, first on the page."""

    name = "school_trust_overview"
    template_name = "senreport/admin/home/trust_overview_panel.html"
    order = 10

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        if not works_across_schools(self.request.user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        rows = school_rows(Site.objects.select_related("root_page").order_by("site_name"))
        behind = sorted((row for row in rows if not row.compliant), key=lambda row: row.score)
        return {
            "total": len(rows),
            "compliant": len(rows) - len(behind),
            "behind": behind[:5],
            "more_behind": max(0, len(behind) - 5),
            "overview_url": reverse("senreport_trust_overview"),
        }


class NeedsDoingNowPanel(HomePanel):
    """Failing legal duties, refused scheduled go-lives, drafts awaiting this person's
    approval, broken links and translations out of date."""

    name = "school_needs_doing_now"
    template_name = "senreport/admin/home/needs_doing_now_panel.html"
    order = 20

    def panel_context(self, data):
        site, report = data.site, data.report
        today = timezone.localdate()
        translations = []
        for provider in hooks.get_hooks(TRANSLATIONS_OUT_OF_DATE_HOOK):
            translations.extend(provider(site))
        context = {
            "report": report,
            "failing_must": report.failing_must,
            "should_count": len(report.failing_should),
            # Met, but worth a look (a review due soon, spending that differs).
            "warnings": report.warnings,
            "inclusion_countdown": inclusion_countdown(report, today),
            "refused": refused_go_lives(site),
            "to_approve": awaiting_approval(self.request.user, site),
            "broken_links": broken_links(site),
            "translations": translations,
            "settings_url": reverse(
                "wagtailsettings:edit", args=["home", "schoolsettings", site.pk]
            ),
            "report_url": f"{reverse('senreport_compliance')}?site={site.pk}",
        }
        context["nothing_to_do"] = not any(
            context[key]
            for key in ("failing_must", "refused", "to_approve", "broken_links", "translations")
        )
        return context


def refused_go_lives(site):
    """Scheduled go-lives the publish guard refused lately, on pages not published since."""
    since = timezone.now() - timedelta(days=REFUSED_DAYS)
    entries = (
        PageLogEntry.objects.filter(
            action=REFUSED_LOG_ACTION,
            timestamp__gte=since,
            page__path__startswith=site.root_page.path,
        )
        .select_related("page")
        .order_by("-timestamp")[:10]
    )
    found, seen = [], set()
    for entry in entries:
        page = entry.page
        if page is None or page.pk in seen:
            continue
        seen.add(page.pk)
        if page.last_published_at and page.last_published_at > entry.timestamp:
            continue
        found.append(
            {
                "title": page.title,
                "when": entry.timestamp,
                "reason": entry.data.get("reason", ""),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            }
        )
    return found


def awaiting_approval(user, site):
    """Drafts (pages and Local Offer records) this person is asked to approve, for this
    school."""
    if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        return []
    states = (
        TaskState.objects.reviewable_by(user)
        .select_related("revision", "workflow_state__requested_by")
        .prefetch_related("revision__content_object")
        .order_by("-started_at")[:20]
    )
    finder = AdminURLFinder(user)
    root_path = site.root_page.path
    found = []
    for state in states:
        obj = state.revision.content_object
        if obj is None:
            continue
        if isinstance(obj, Page):
            if not obj.path.startswith(root_path):
                continue
        elif getattr(obj, "site_id", site.pk) != site.pk:
            continue
        found.append(
            {
                "title": str(obj),
                "by": state.workflow_state.requested_by,
                "since": state.started_at,
                "url": finder.get_edit_url(obj) or "",
            }
        )
    return found


class ComingUpPanel(HomePanel):
    """Every review date in the next 90 days (and any overdue), soonest first, with who was
    reminded and when."""

    name = "school_coming_up"
    template_name = "senreport/admin/home/coming_up_panel.html"
    order = 30

    def panel_context(self, data):
        today = timezone.localdate()
        horizon = today + timedelta(days=COMING_UP_DAYS)
        dates = review_dates(data.site, data.report)
        soon = [review for review in dates if review.date <= horizon]
        later = next((review for review in dates if review.date > horizon), None)
        reminders = {}
        if soon:
            for reminder in ReviewReminder.objects.filter(
                site=data.site, review_date__in={review.date for review in soon}
            ).order_by("-sent_at"):
                reminders.setdefault((reminder.document, reminder.review_date), reminder)
        rows = []
        for review in soon:
            days = (review.date - today).days
            rows.append(
                {
                    "review": review,
                    "days": days,
                    "overdue": days < 0,
                    "overdue_days": -days,
                    "reminder": reminders.get((review.document, review.date)),
                }
            )
        return {"rows": rows, "horizon_days": COMING_UP_DAYS, "later": later}


class FromParentsPanel(HomePanel):
    """The latest messages parents sent through the school's feedback forms."""

    name = "school_from_parents"
    template_name = "senreport/admin/home/from_parents_panel.html"
    order = 40

    def panel_context(self, data):
        root_path = data.site.root_page.path
        submissions = FeedbackSubmission.objects.filter(page__path__startswith=root_path)
        since = timezone.now() - timedelta(days=FEEDBACK_DAYS)
        latest = list(
            submissions.select_related("sent_from").order_by("-submit_time", "-pk")[
                :LATEST_FEEDBACK
            ]
        )
        forms = list(
            FeedbackFormPage.objects.filter(path__startswith=root_path)
            .order_by("path")
            .values_list("pk", flat=True)[:2]
        )
        if len(forms) == 1:
            all_url = reverse("wagtailforms:list_submissions", args=[forms[0]])
        else:
            all_url = reverse("wagtailforms:index")
        counts = submissions.aggregate(
            last_days=Count("pk", filter=Q(submit_time__gte=since)),
            unread=Count("pk", filter=Q(read_at__isnull=True)),
        )
        return {
            "messages": [feedback_row(submission) for submission in latest],
            **counts,
            "feedback_days": FEEDBACK_DAYS,
            "all_url": all_url if forms else "",
            "mark_read_url": reverse("school_feedback_read"),
        }


def feedback_row(submission):
    data = submission.form_data or {}
    # The message is the longest answer (the others are a name, an address, a choice); the
    # stored answers' order is not kept by every database (PostgreSQL's jsonb sorts keys).
    answers = [
        value.strip()
        for name, value in data.items()
        if name not in RESERVED_NAMES and isinstance(value, str) and value.strip()
    ]
    first_line = max(answers, key=len).splitlines()[0] if answers else ""
    if len(first_line) > 140:
        first_line = first_line[:139].rstrip() + "…"
    page = submission.sent_from
    return {
        "submission": submission,
        "page_title": page.title if page is not None else "",
        "page_url": submission.sent_from_url,
        "first_line": first_line,
        "unread": submission.read_at is None,
    }


class RecentlyPublishedPanel(HomePanel):
    """What went live lately on the school's website, by whom and when."""

    name = "school_recently_published"
    template_name = "senreport/admin/home/recently_published_panel.html"
    order = 50

    def panel_context(self, data):
        entries = list(
            PageLogEntry.objects.filter(
                action__in=["wagtail.publish", "wagtail.publish.scheduled", "wagtail.unpublish"],
                page__path__startswith=data.site.root_page.path,
            )
            .select_related("user")
            .order_by("-timestamp", "-pk")[:RECENTLY_PUBLISHED]
        )
        rows = [
            {
                "entry": entry,
                "title": entry.label,
                "unpublished": entry.action == "wagtail.unpublish",
                "by": entry.user.get_full_name() or entry.user.get_username()
                if entry.user
                else "",
                "history_url": reverse("wagtailadmin_pages:history", args=[entry.page_id]),
            }
            for entry in entries
        ]
        return {"rows": rows}


HOME_PANELS = (
    TrustOverviewPanel,
    NeedsDoingNowPanel,
    ComingUpPanel,
    FromParentsPanel,
    RecentlyPublishedPanel,
)
# Wagtail's own panels that the to-do list replaces: drafts to approve are under "Needs
# doing now", recent publishing under "Recently published".
REPLACED_PANELS = {"workflow_objects_to_moderate", "recent_edits"}


def add_home_panels(request, panels):
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_PANELS]
    panels.extend(panel(request) for panel in HOME_PANELS)


class DutiesSummaryItem(SummaryItem):
    """ "30 of 32 legal duties met", beside Wagtail's page count."""

    order = 50
    template_name = "senreport/admin/home/summary_duties.html"

    def is_shown(self):
        return home_data(self.request).site is not None

    def get_context_data(self, parent_context):
        data = home_data(self.request)
        return {
            "report": data.report,
            "url": f"{reverse('senreport_compliance')}?site={data.site.pk}",
        }


def add_summary_items(request, items):
    items.append(DutiesSummaryItem(request))
