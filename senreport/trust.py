"""The trust overview: every school's SEND compliance on one page, for trust staff.

The rows are read from the stored compliance results (senreport/compliance/store.py) in a
fixed number of queries, whatever the number of schools: nothing is evaluated here.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import Group
from django.db.models import Case, TextField, Value, When
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from home.models import SchoolSettings
from home.schools import TRUST_OVERVIEW_PERMISSION, permissions_by_label

from .compliance import Status, registry
from .compliance.store import THEMES_ROW, refresh_site
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


def _stored_rows(sites):
    """{site id: [(check, status, next_review, page_title, reason, evaluated_at)]}, in one
    query; sites with no rows yet are evaluated and stored first."""
    fields = ("site_id", "check_id", "status", "next_review", "page_title")
    found = defaultdict(list)
    # The reason only where it is shown (the reading ease): the rest stays in the database.
    reason = Case(
        When(check_id=PLAIN_LANGUAGE, then="reason"), default=Value(""), output_field=TextField()
    )
    rows = ComplianceResult.objects.filter(site__in=sites).values_list(
        *fields, reason, "evaluated_at"
    )
    for site_id, check_id, *rest in rows:
        if check_id == THEMES_ROW:
            continue
        try:
            found[site_id].append((registry[check_id], *rest))
        except KeyError:  # a check no longer registered
            continue
    missing = [site for site in sites if not found[site.pk]]
    for site in missing:
        for result in refresh_site(site).results:
            found[site.pk].append(
                (
                    result.check,
                    str(result.status),
                    result.next_review,
                    result.page_title,
                    result.reason,
                    result.evaluated_at,
                )
            )
    return found


def school_rows(sites=None, today=None):
    """One row per school, in the order of `sites` (default: every site)."""
    today = today or timezone.localdate()
    if sites is None:
        sites = Site.objects.order_by("site_name", "hostname")
    sites = list(sites)
    schools = {s.site_id: s for s in SchoolSettings.objects.filter(site__in=sites)}
    stored = _stored_rows(sites)
    order = {check_id: index for index, check_id in enumerate(registry.ids())}
    horizon = today + timedelta(days=3650)
    dashboard = reverse("senreport_compliance")
    rows = []
    for site in sites:
        school = schools.get(site.pk) or SchoolSettings(site=site)
        results = sorted(stored[site.pk], key=lambda r: order[r[0].id])
        must = [r for r in results if r[0].is_must and r[1] != Status.NOT_APPLICABLE]
        upcoming = sorted((r for r in results if r[2] and r[2] <= horizon), key=lambda r: r[2])
        first = upcoming[0] if upcoming else None
        plain = next((r for r in results if r[0].id == PLAIN_LANGUAGE), None)
        times = [r[5] for r in results if r[5]]
        rows.append(
            SchoolRow(
                site=site,
                name=school.school_name or site.site_name or site.hostname,
                school_type=school.get_school_type_display(),
                must_passed=sum(1 for r in must if r[1] in (Status.PASS, Status.WARN)),
                must_applicable=len(must),
                failing_must=tuple(r[0].title for r in must if r[1] == Status.FAIL),
                next_review=first[2] if first else None,
                next_review_what=(first[3] or first[0].title) if first else "",
                dashboard_url=f"{dashboard}?site={site.pk}",
                reading_ease=reading_ease_from_reason(plain[4]) if plain else None,
                plain_language_status=plain[1] if plain else "",
                evaluated_at=min(times) if times else None,
                failing_ids=frozenset(r[0].id for r in results if r[1] == Status.FAIL),
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
