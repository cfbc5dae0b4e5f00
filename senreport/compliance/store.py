"""Compliance results kept in the database, so that nothing that shows them recomputes them.

`refresh_site(site)` runs every registered check once on the site's live data and stores one
`ComplianceResult` row per check, and one (`THEMES_ROW`) with the inclusion themes' evidence
the public page shows.
A background task calls it after every change that can move a verdict (senreport/signals.py)
and `manage.py compliance --refresh` nightly, for the checks that depend on the date.

`stored_report(site)` and `stored_reports(sites)` read the rows back as the `SiteReport` and
`Result`s the consumers use; a site with no rows yet is evaluated there and then.
Only the publish guard evaluates live (`publish_problems`), against the editor's unsaved data.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from django.db import transaction
from django.utils import timezone

from home.models import SchoolSettings
from pagecache.store import purge_sites

from ..inclusion_themes import theme_evidence
from ..models.ops import ComplianceResult
from . import SiteReport, evaluate
from .data import SiteData
from .registry import Result, Status, registry

# The row that holds the public page's inclusion-theme evidence ({theme id: [links]}, in
# `fields`), stored with the results so that the page reads both in one query. Its id is
# no check's, so readers of results skip it.
THEMES_ROW = "_inclusion_themes"


def _row_values(result: Result, now):
    return {
        "status": str(result.status),
        "reason": result.reason,
        "fields": list(result.fields),
        "fix_url": result.fix_url,
        "public_url": result.public_url,
        "last_reviewed": result.last_reviewed,
        "next_review": result.next_review,
        "blocks_publish": result.blocks_publish,
        "page_title": result.page_title,
        "evaluated_at": now,
    }


def refresh_site(site) -> SiteReport:
    """Evaluate every check on the site once and store the results; returns the report."""
    data = SiteData(site)
    results = [evaluate(check, data) for check in registry]
    themes = theme_evidence(data)
    now = timezone.now()
    with transaction.atomic():
        existing = {row.check_id: row for row in ComplianceResult.objects.filter(site=site)}
        new, changed, differs = [], [], False
        themes_values = {"status": Status.NOT_APPLICABLE, "fields": themes, "evaluated_at": now}
        for check_id, values in [
            *((result.check.id, _row_values(result, now)) for result in results),
            (THEMES_ROW, themes_values),
        ]:
            row = existing.get(check_id)
            if row is None:
                new.append(ComplianceResult(site=site, check_id=check_id, **values))
                continue
            for name, value in values.items():
                differs = differs or (name != "evaluated_at" and getattr(row, name) != value)
                setattr(row, name, value)
            changed.append(row)
        ComplianceResult.objects.bulk_create(new)
        if changed:
            ComplianceResult.objects.bulk_update(changed, list(_row_values(results[0], now)))
        # Checks no longer registered leave no row behind.
        ComplianceResult.objects.filter(site=site).exclude(
            check_id__in=[*registry.ids(), THEMES_ROW]
        ).delete()
        if differs:
            # The statutory-information page shows these rows: a page cached before the
            # (background) refresh must not outlive it. (Rows stored for the first time
            # are worked out by the page that needs them, so nothing cached is older.)
            purge_sites([site.pk], "compliance results changed")
    results = [_with_time(result, now) for result in results]
    return SiteReport(site, results, school=data.school, themes=themes, evaluated_at=now)


def _with_time(result, when):
    return replace(result, evaluated_at=when)


def result_from_row(row) -> Result | None:
    """The `Result` a stored row holds; None when its check is no longer registered."""
    if row.check_id == THEMES_ROW:
        return None
    try:
        check = registry[row.check_id]
    except KeyError:
        return None
    return Result(
        check,
        Status(row.status),
        row.reason,
        fix_url=row.fix_url,
        public_url=row.public_url,
        fields=tuple(row.fields or ()),
        last_reviewed=row.last_reviewed,
        next_review=row.next_review,
        blocks_publish=row.blocks_publish,
        page_title=row.page_title,
        evaluated_at=row.evaluated_at,
    )


def _report_from_rows(site, rows, school, themes=None):
    by_id = {}
    for row in rows:
        result = result_from_row(row)
        if result is not None:
            by_id[row.check_id] = result
    # In the registry's order (the checklist's), whatever order the rows came in.
    results = [by_id[check_id] for check_id in registry.ids() if check_id in by_id]
    times = [r.evaluated_at for r in results if r.evaluated_at]
    return SiteReport(
        site,
        results,
        school=school,
        themes=themes,
        evaluated_at=min(times) if times else None,
    )


def stored_report(site, school=None, with_themes=False) -> SiteReport:
    """The site's stored report; evaluated and stored first if the site has none yet.

    `school` saves the query for the school details when the caller has them already;
    `with_themes` also gives the stored inclusion-theme evidence (the public page)."""
    rows = list(ComplianceResult.objects.filter(site=site))
    themes_row = next((row for row in rows if row.check_id == THEMES_ROW), None)
    if not rows or (with_themes and themes_row is None):
        return refresh_site(site)
    themes = themes_row.fields if with_themes else None
    school = school or SchoolSettings.for_site(site)
    return _report_from_rows(site, rows, school, themes)


def stored_reports(sites) -> list[SiteReport]:
    """The stored report of each site, in a fixed number of queries (the sites that have
    no rows yet are evaluated and stored first, one by one)."""
    sites = list(sites)
    rows = defaultdict(list)
    for row in ComplianceResult.objects.filter(site__in=sites):
        rows[row.site_id].append(row)
    schools = {s.site_id: s for s in SchoolSettings.objects.filter(site__in=sites)}
    reports = []
    for site in sites:
        if not rows[site.pk]:
            reports.append(refresh_site(site))
            continue
        school = schools.get(site.pk) or SchoolSettings(site=site)
        reports.append(_report_from_rows(site, rows[site.pk], school))
    return reports


def refresh_sites(sites):
    for site in sites:
        refresh_site(site)
