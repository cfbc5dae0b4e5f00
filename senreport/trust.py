"""The trust overview: every school's SEND compliance on one page, for trust staff.

The rows are read from the stored compliance results (senreport/compliance/store.py) in a
fixed number of queries, whatever the number of schools: nothing is evaluated here.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import Group
from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from home.models import SchoolSettings
from home.schools import TRUST_OVERVIEW_PERMISSION, permissions_by_label

from .compliance import Status, registry
from .compliance.store import refresh_site
from .models import ComplianceResult
from .readability import reading_ease_from_reason

TRUST_STAFF_GROUP = "Trust staff"
PLAIN_LANGUAGE = "sir.plain_language"


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
    # The SEN Information Report's reading ease (Flesch), when it was measured.
    reading_ease: float | None = None
    plain_language_status: str = ""
    evaluated_at: datetime | None = None
    # Ids of every item (must or should) the school does not meet: the overview's filter.
    failing_ids: frozenset = frozenset()

    @property
    def score(self):
        return self.must_passed / self.must_applicable if self.must_applicable else 1.0

    @property
    def compliant(self):
        return not self.failing_must

    def review_overdue(self, today):
        return self.next_review is not None and self.next_review < today


def _summaries(sites, horizon):
    """What the overview shows of each site's stored results, summed up in the database (a
    few hundred rows come back, not every result): {site id: counts and time}, the failing
    checks, the review dates within the horizon and the plain-language results. Sites with
    no results yet are evaluated and stored first."""
    must_ids = [check.id for check in registry if check.is_must]
    stored = ComplianceResult.objects.filter(site__in=sites).order_by()
    counts = {
        entry["site_id"]: entry
        for entry in stored.values("site_id").annotate(
            applicable=Count(
                "pk", filter=Q(check_id__in=must_ids) & ~Q(status=Status.NOT_APPLICABLE)
            ),
            passed=Count(
                "pk", filter=Q(check_id__in=must_ids, status__in=[Status.PASS, Status.WARN])
            ),
            checked=Min("evaluated_at"),
        )
    }
    missing = [site for site in sites if site.pk not in counts]
    if missing:
        for site in missing:
            refresh_site(site)
        return _summaries(sites, horizon)
    failing = defaultdict(list)
    for site_id, check_id in stored.filter(status=Status.FAIL).values_list("site_id", "check_id"):
        failing[site_id].append(check_id)
    reviews = defaultdict(list)
    for site_id, *review in stored.filter(
        next_review__isnull=False, next_review__lte=horizon
    ).values_list("site_id", "check_id", "next_review", "page_title"):
        reviews[site_id].append(review)
    plain = {
        site_id: (status, reason)
        for site_id, status, reason in stored.filter(check_id=PLAIN_LANGUAGE).values_list(
            "site_id", "status", "reason"
        )
    }
    return counts, failing, reviews, plain


def school_rows(sites=None, today=None):
    """One row per school, in the order of `sites` (default: every site)."""
    today = today or timezone.localdate()
    if sites is None:
        sites = Site.objects.order_by("site_name", "hostname")
    sites = list(sites)
    schools = {s.site_id: s for s in SchoolSettings.objects.filter(site__in=sites)}
    horizon = today + timedelta(days=3650)
    counts, failing, reviews, plain = _summaries(sites, horizon)
    order = {check_id: index for index, check_id in enumerate(registry.ids())}
    dashboard = reverse("senreport_compliance")
    rows = []
    for site in sites:
        school = schools.get(site.pk) or SchoolSettings(site=site)
        count = counts[site.pk]
        # In the checklist's order; checks no longer registered are left out.
        failing_ids = sorted((c for c in failing[site.pk] if c in order), key=order.get)
        upcoming = [r for r in reviews[site.pk] if r[0] in order]
        first = min(upcoming, key=lambda r: (r[1], order[r[0]])) if upcoming else None
        status, reason = plain.get(site.pk, ("", ""))
        rows.append(
            SchoolRow(
                site=site,
                name=school.school_name or site.site_name or site.hostname,
                school_type=school.get_school_type_display(),
                must_passed=count["passed"],
                must_applicable=count["applicable"],
                failing_must=tuple(registry[c].title for c in failing_ids if registry[c].is_must),
                next_review=first[1] if first else None,
                next_review_what=(first[2] or registry[first[0]].title) if first else "",
                dashboard_url=f"{dashboard}?site={site.pk}",
                reading_ease=reading_ease_from_reason(reason),
                plain_language_status=status,
                evaluated_at=count["checked"],
                failing_ids=frozenset(failing_ids),
            )
        )
    return rows


# ?ordering=<key> (or -<key> for descending; the overview's columns' sort keys): how each
# column sorts. Ties go by name.
ORDERINGS = {
    "school": lambda row: (row.name.casefold(),),
    "type": lambda row: (row.school_type, row.name.casefold()),
    "score": lambda row: (row.score, row.must_passed, row.name.casefold()),
    "failing": lambda row: (len(row.failing_must), row.name.casefold()),
    # Schools with no review date sort after every date.
    "next_review": lambda row: (row.next_review or date.max, row.name.casefold()),
}
DEFAULT_ORDERING = "school"


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
