"""The trust overview: every school's SEND compliance on one page, for trust staff.

The rows come from `evaluate_sites`, which loads every school's settings and pages in a
fixed number of queries (see compliance/preload.py), then runs the same checks as each
school's own dashboard.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from home.schools import TRUST_OVERVIEW_PERMISSION, permissions_by_label

from .compliance import evaluate_sites, registry

TRUST_STAFF_GROUP = "Trust staff"

# The overview shows each school's legal duties and its next review date. The plain-English
# score is statutory guidance that each school's own dashboard shows; it is by far the
# slowest check (a readability formula over the whole report), and the report's review
# dates it would add come from the report's other checks too. So the overview leaves it out.
OVERVIEW_SKIPS = frozenset({"sir.plain_language"})


def overview_checks():
    return [check for check in registry if check.id not in OVERVIEW_SKIPS]


@dataclass(frozen=True)
class SchoolRow:
    site: Site
    name: str
    school_type: str
    must_passed: int
    must_applicable: int
    failing_must: tuple[str, ...]
    next_review: date | None
    next_review_what: str
    dashboard_url: str

    @property
    def score(self):
        return self.must_passed / self.must_applicable if self.must_applicable else 1.0

    @property
    def compliant(self):
        return not self.failing_must

    def review_overdue(self, today):
        return self.next_review is not None and self.next_review < today


def school_rows(sites=None, today=None):
    """One row per school, in the order of `sites` (default: every site)."""
    today = today or timezone.localdate()
    if sites is None:
        sites = Site.objects.select_related("root_page").order_by("site_name", "hostname")
    rows = []
    # Only the statuses and dates are shown: no admin or public addresses to work out.
    for report in evaluate_sites(sites, checks=overview_checks(), urls=False):
        site, school = report.site, report.school
        upcoming = report.due_for_review(days=3650, today=today)
        first = upcoming[0] if upcoming else None
        rows.append(
            SchoolRow(
                site=site,
                name=school.school_name or site.site_name or site.hostname,
                school_type=school.get_school_type_display(),
                must_passed=report.must_passed,
                must_applicable=report.must_applicable,
                failing_must=tuple(r.check.title for r in report.failing_must),
                next_review=first.next_review if first else None,
                next_review_what=(first.page_title or first.check.title) if first else "",
                dashboard_url=f"{reverse('senreport_compliance')}?site={site.pk}",
            )
        )
    return rows


# ?ordering=<key> (or -<key> for descending): how each column sorts. Ties go by name.
ORDERINGS = {
    "school": lambda row: (row.name.casefold(),),
    "type": lambda row: (row.school_type, row.name.casefold()),
    "score": lambda row: (row.score, row.must_passed, row.name.casefold()),
    "failing": lambda row: (len(row.failing_must), row.name.casefold()),
    # Schools with no review date sort after every date.
    "next_review": lambda row: (row.next_review or date.max, row.name.casefold()),
}
DEFAULT_ORDERING = "school"


def parse_ordering(value):
    """A valid ordering from the query string, else the default."""
    key = (value or "").removeprefix("-")
    return value if key in ORDERINGS else DEFAULT_ORDERING


def sort_rows(rows, ordering):
    key = ordering.removeprefix("-")
    return sorted(rows, key=ORDERINGS[key], reverse=ordering.startswith("-"))


def ensure_trust_staff_group():
    """The group whose members see the trust overview and every school's dashboard."""
    group, _ = Group.objects.get_or_create(name=TRUST_STAFF_GROUP)
    group.permissions.add(
        *permissions_by_label(["wagtailadmin.access_admin", TRUST_OVERVIEW_PERMISSION])
    )
    return group
