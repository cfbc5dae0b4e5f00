"""What the SEND page templates show, gathered in one place per page (templates only show)."""

from dataclasses import dataclass

from wagtail.models import Site

from home.public import public

from .report_items import REPORT_ITEMS


@dataclass(frozen=True)
class Section:
    anchor: str
    heading: str
    kind: str
    text: object = None


def site_page(model, site, request=None):
    """The site's first live public page of this type; `request` shares the privacy query."""
    if site is None:
        return None
    pages = model.objects.live().descendant_of(site.root_page, inclusive=True)
    return public(pages, request).order_by("path").first()


def report_sections(page):
    return [
        Section(
            item.anchor,
            page.heading_for(item),
            item.field if item.own_section else "text",
            getattr(page, item.field, None) if item.text_field else None,
        )
        for item in REPORT_ITEMS
        if item.shown_on(page)
    ]


def disability_sections(disability_page):
    from .models.disability import DISABILITY_SECTIONS

    if disability_page is None:
        return []
    return [
        Section(anchor, heading, kind, getattr(disability_page, kind, None))
        for kind, anchor, heading in DISABILITY_SECTIONS
    ]


def report_context(page, request):
    from .models import AccessibilityPlanPage, DisabilityAccessPage

    site = request_site(page, request)
    disability_page = site_page(DisabilityAccessPage, site, request)
    sections = report_sections(page)
    disability = disability_sections(disability_page)
    return {
        "sections": sections,
        "disability_page": disability_page,
        "disability_sections": disability,
        "accessibility_plan_page": statutory_page(AccessibilityPlanPage, request),
        "contents": [(s.anchor, s.heading) for s in sections + disability],
    }


def disability_context(page, request):
    from .models import AccessibilityPlanPage, SENInformationReportPage

    return {
        "disability_sections": disability_sections(page),
        "report_page": statutory_page(SENInformationReportPage, request),
        "accessibility_plan_page": statutory_page(AccessibilityPlanPage, request),
    }


def statutory_page(model, request):
    """The site's live page of a statutory type (one with a footer label), as the footer
    links it: read from the navigation the footer loads anyway, so no query of its own."""
    from django.contrib.contenttypes.models import ContentType

    from home.templatetags.navigation_tags import site_navigation

    type_id = ContentType.objects.get_for_model(model).id
    for _label, found in site_navigation({"request": request}).statutory:
        if found.content_type_id == type_id:
            return found
    return None


def plan_context(page, request):
    from .models import DisabilityAccessPage, EqualityPage

    return {
        "strands": page.actions_by_strand(),
        "disability_page": statutory_page(DisabilityAccessPage, request),
        "equality_page": statutory_page(EqualityPage, request),
    }


def equality_context(page, request):
    from .compliance.data import a_year_after
    from .models import AccessibilityPlanPage

    updated = page.information_updated
    return {
        "objectives": list(page.objectives.all()),
        "information_next_update": a_year_after(updated) if updated else None,
        "accessibility_plan_page": statutory_page(AccessibilityPlanPage, request),
    }


def inclusion_context(page, request):
    from home.models import SchoolSettings

    from .inclusion import barriers_named, totals
    from .models import AccessibilityPlanPage, SENInformationReportPage

    site = request_site(page, request)
    barriers = list(page.barriers.all())
    for number, barrier in enumerate(barriers, start=1):
        barrier.anchor = f"barrier-{number}"
    activities = list(page.activities.all())
    for activity in activities:
        activity.named_barriers = barriers_named(activity.barriers_addressed, barriers)
    school = SchoolSettings.for_request(request) if request else SchoolSettings.for_site(site)
    return {
        "barriers": barriers,
        "activities": activities,
        "totals": totals(activities, school.inclusive_mainstream_fund_allocation),
        "report_page": statutory_page(SENInformationReportPage, request),
        "accessibility_plan_page": statutory_page(AccessibilityPlanPage, request),
    }


def request_site(page, request):
    return (Site.find_for_request(request) if request else None) or page.get_site()


# What the public statutory-information page says of each status: facts, not reasons.
PUBLIC_STATUS = {
    "pass": "Met",
    "warn": "Met",
    "fail": "Not met",
    "not_applicable": "Does not apply",
}


def statutory_groups(site, school=None):
    """The compliance report and its results grouped by the checklist's sections."""
    from .compliance.store import stored_report
    from .models.statutory import GROUPS

    # The stored results (refreshed after every publish), with the inclusion themes'.
    report = stored_report(site, school=school, with_themes=True)
    groups = []
    for prefix, label in GROUPS:
        rows = [
            {"result": r, "public_status": PUBLIC_STATUS[r.status]}
            for r in report.results
            if r.check.id.split(".")[0] == prefix
        ]
        if rows:
            groups.append({"prefix": prefix, "label": label, "rows": rows})
    return report, groups


def senco_report(request):
    """The site's live SEN Information Report when it names a SENCO to contact (whose
    details it keeps: the one place they are written), else None."""
    from .models import SENInformationReportPage

    if request is None:
        return None
    found = statutory_page(SENInformationReportPage, request)
    if found is None:
        return None
    report = found.specific
    return report if report.has_senco_contact else None
