"""What the SEND page templates show, gathered in one place per page (templates only show).

The page models call these from `get_context`; this module imports none of them. A page
links another statutory page by its type's label, as Wagtail's tree rules name types
(`home.navigation.statutory_page`), so the page modules need not import one another.
"""

from dataclasses import dataclass

from django.utils.functional import SimpleLazyObject

from home.models import SchoolSettings
from home.navigation import request_site, statutory_page

from .compliance.data import a_year_after
from .inclusion import barriers_named, totals
from .report_items import REPORT_ITEMS

REPORT = "senreport.SENInformationReportPage"
DISABILITY = "senreport.DisabilityAccessPage"
PLAN = "senreport.AccessibilityPlanPage"
EQUALITY = "senreport.EqualityPage"

# The disability sections (field or kind, anchor, heading), as both the disability and
# access page and the SEN Information Report show them. Anchors never change, whatever the
# headings say.
DISABILITY_SECTIONS = (
    ("admissions", "disabled-pupils-admissions", "How are disabled children admitted?"),
    (
        "less_favourable_treatment",
        "disabled-pupils-fair-treatment",
        "How does the school make sure disabled pupils are treated fairly?",
    ),
    ("facilities", "disabled-pupils-facilities", "What facilities help disabled pupils?"),
    ("accessibility_plan", "accessibility-plan", "What is in the accessibility plan?"),
)


@dataclass(frozen=True)
class Section:
    anchor: str
    heading: str
    kind: str
    text: object = None


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
    if disability_page is None:
        return []
    return [
        Section(anchor, heading, kind, getattr(disability_page, kind, None))
        for kind, anchor, heading in DISABILITY_SECTIONS
    ]


REPORT_CONTEXT_NAMES = (
    "sections",
    "disability_page",
    "disability_sections",
    "accessibility_plan_page",
    "contents",
)


def report_context(page, request, disability_page):
    """The report's sections followed by those of `disability_page` (the site's live
    disability and access page, a callable so it is looked up only when needed), each value
    worked out when the template first reads it: a body remembered by `{% pagefragment %}`
    (pagecache/fragments.py) reads none of them, so costs none of their queries."""
    gathered = SimpleLazyObject(lambda: gather_report_context(page, request, disability_page()))
    return {
        name: SimpleLazyObject(lambda name=name: gathered[name]) for name in REPORT_CONTEXT_NAMES
    }


def gather_report_context(page, request, disability_page):
    sections = report_sections(page)
    disability = disability_sections(disability_page)
    return {
        "sections": sections,
        "disability_page": disability_page,
        "disability_sections": disability,
        "accessibility_plan_page": statutory_page(request, PLAN),
        "contents": [(s.anchor, s.heading) for s in sections + disability],
    }


def disability_context(page, request):
    return {
        "disability_sections": disability_sections(page),
        "report_page": statutory_page(request, REPORT),
        "accessibility_plan_page": statutory_page(request, PLAN),
    }


def plan_context(page, request):
    return {
        "strands": page.actions_by_strand(),
        "disability_page": statutory_page(request, DISABILITY),
        "equality_page": statutory_page(request, EQUALITY),
    }


def equality_context(page, request):
    updated = page.information_updated
    return {
        "objectives": list(page.objectives.all()),
        "information_next_update": a_year_after(updated) if updated else None,
        "accessibility_plan_page": statutory_page(request, PLAN),
    }


def inclusion_context(page, request):
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
        "report_page": statutory_page(request, REPORT),
        "accessibility_plan_page": statutory_page(request, PLAN),
    }


def senco_report(request):
    """The site's live SEN Information Report when it names a SENCO to contact (whose
    details it keeps: the one place they are written), else None."""
    if request is None:
        return None
    found = statutory_page(request, REPORT)
    if found is None:
        return None
    report = found.specific
    return report if report.has_senco_contact else None
