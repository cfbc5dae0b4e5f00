"""The compliance engine: the registry of statutory checks and the ways to run them.

The checks themselves live in `senreport.compliance.checks` and register themselves when
the app is ready (see `SENReportConfig.ready`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from .data import SiteData, review_dates
from .registry import Check, Level, Outcome, Result, Status, check, registry

__all__ = [
    "Check",
    "Level",
    "Outcome",
    "Result",
    "SiteData",
    "SiteReport",
    "Status",
    "check",
    "evaluate",
    "evaluate_site",
    "publish_problems",
    "registry",
]


def fix_url_for(check: Check, data: SiteData) -> str:
    """Where in the admin the item is fixed, before the check has looked at anything."""
    if check.page_model is None or check.fix_in_settings:
        return data.settings_url()
    if registry.editor_model(check) is Page:
        return reverse("wagtailadmin_explore", args=[data.site.root_page_id])
    return data.page_admin_url(registry.editor_model(check))


def evaluate(check: Check, data: SiteData, urls=True) -> Result:
    """Run one check on one site's data. `urls=False` leaves the result's admin and public
    addresses empty, for consumers that show neither (the trust overview)."""
    if check.mainstream_only and not data.school.is_mainstream:
        return Result(
            check,
            Status.NOT_APPLICABLE,
            "This duty applies only to mainstream schools and maintained nursery schools; "
            f"this school is recorded as: {data.school.get_school_type_display()}.",
            fix_url=data.settings_url() if urls else "",
        )
    not_applicable = check.applies(data) if check.applies is not None else None
    if not_applicable:
        return Result(
            check,
            Status.NOT_APPLICABLE,
            not_applicable,
            fix_url=data.settings_url() if urls else "",
        )
    outcome = check.evaluate(data)
    last_reviewed, next_review = outcome.last_reviewed, outcome.next_review
    # Items a page publishes take that page's review dates.
    if (
        last_reviewed is None
        and check.page_model is not None
        and isinstance(outcome.page, check.page_model)
    ):
        last_reviewed, next_review = review_dates(outcome.page)
    fix_url = public_url = ""
    if urls and outcome.fix_page is not None and outcome.fix_page.pk:
        fix_url = reverse("wagtailadmin_pages:edit", args=[outcome.fix_page.pk])
    elif urls and outcome.fix_url:
        fix_url = outcome.fix_url
    elif urls:
        fix_url = fix_url_for(check, data)
    if urls:
        public_url = data.public_url(outcome.page, outcome.anchor)
    return Result(
        check,
        outcome.status,
        outcome.reason,
        fix_url=fix_url,
        public_url=public_url,
        fields=outcome.fields,
        last_reviewed=last_reviewed,
        next_review=next_review,
        blocks_publish=outcome.blocks_publish,
        page_title=outcome.page.title if outcome.page is not None else "",
    )


@dataclass(frozen=True)
class SiteReport:
    site: object
    results: list[Result]
    # The site's school details, as the checks read them.
    school: object = None
    # {theme id: [evidence links]} of the public page's inclusion themes, when stored ones
    # were asked for (senreport/inclusion_themes.py).
    themes: dict | None = None
    # When the results were evaluated (the oldest row's time, for stored results).
    evaluated_at: object = None

    @property
    def must_results(self):
        return [r for r in self.results if r.check.is_must and r.applicable]

    @property
    def must_passed(self):
        return sum(1 for r in self.must_results if r.passed)

    @property
    def must_applicable(self):
        return len(self.must_results)

    @property
    def failing_must(self):
        return [r for r in self.must_results if r.failed]

    @property
    def failing_should(self):
        return [r for r in self.results if not r.check.is_must and r.failed]

    @property
    def warnings(self):
        return [r for r in self.results if r.status == Status.WARN]

    @property
    def compliant(self):
        return not self.failing_must

    def due_for_review(self, days=60, today=None):
        """Results whose next review falls within `days` (or is overdue), soonest first."""
        today = today or timezone.localdate()
        horizon = today + timedelta(days=days)
        due = [r for r in self.results if r.next_review and r.next_review <= horizon]
        return sorted(due, key=lambda r: r.next_review)


def evaluate_site(site, checks=None) -> SiteReport:
    """Evaluate the checks on the site's live data now. Consumers read stored results
    instead (`store.stored_report`); this is what `store.refresh_site` and tests call."""
    data = SiteData(site)
    results = [evaluate(c, data) for c in (checks or registry)]
    return SiteReport(site, results, school=data.school)


def publish_problems(page, site, children=None) -> list[Result]:
    """The failing *must* checks that stop this page (an unsaved instance) being published.

    `children` maps a child relation name (an InlinePanel's) to the objects the editor's
    form holds, which are not saved yet.
    """
    data = SiteData(site, overrides=[page], children=children)
    problems = []
    for page_check in registry.for_page_model(type(page)):
        if not (page_check.is_must and page_check.guards_publish):
            continue
        result = evaluate(page_check, data)
        if result.failed and result.blocks_publish:
            problems.append(result)
    return problems
