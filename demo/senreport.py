"""Demo SEND pages for the fictional schools (see demo/home.py for the pattern).

The builders take the school (demo/schools.py) and return unsaved pages, so that
`seed_demo` and `seed_schools` make the same pages. A primary school's text is Hollins
Brook's, adapted; Larkspur Hill, a special school, has its own (content_special.py).
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page

from senreport.compliance.data import a_year_after
from senreport.models import (
    FACILITIES,
    AccessibilityPlanAction,
    AccessibilityPlanPage,
    DisabilityAccessPage,
    EqualityObjective,
    EqualityPage,
    InclusionActivity,
    InclusionBarrier,
    InclusionStrategyPage,
    SENDSectionPage,
    SENInformationReportPage,
    StatutoryInformationPage,
)
from senreport.trust import ensure_trust_staff_group

from . import content as demo_content
from . import content_special as demo_content_special
from . import support as demo_support
from .easy_read import easy_read_lines
from .editions import seed_previous_edition
from .home import ensure_child, p
from .schools import HOLLINS_BROOK, demo_school_for

CONTENT = {"primary": demo_content, "special": demo_content_special}


def content_for(school):
    return CONTENT[school.kind]


def build_send_section(school=HOLLINS_BROOK):
    return SENDSectionPage(
        title="Special educational needs and disabilities (SEND)",
        show_in_menus=True,
        seo_title="SEND information",
        search_description=(
            "How we support children with special educational needs and disabilities."
        ),
        introduction=school.adapt(content_for(school).SECTION_INTRODUCTION),
    )


def seed_send_section(home, log, school=HOLLINS_BROOK):
    section, _ = ensure_child(home, "send", lambda: build_send_section(school), log)
    if home.send_page_id is None:
        home.send_page = section
        home.save_revision().publish()
        log("Linked the home page to the SEND section")
    return section


def build_report(home, school=HOLLINS_BROOK, complaints=None):
    """The report; `complaints` is the school's complaints procedure page, looked up under
    `home` unless given."""
    text = content_for(school)
    today = timezone.localdate()
    reviewed = today - timedelta(days=45)
    if complaints is None:
        complaints = Page.objects.descendant_of(home).filter(slug="complaints-procedure").first()
    report = SENInformationReportPage(
        title="SEN Information Report",
        search_description=(
            "Our yearly report on how we support children with special educational needs: "
            "who to contact, what help there is, and how we work with families."
        ),
        introduction=school.adapt(text.REPORT_INTRODUCTION),
        last_reviewed=reviewed,
        next_review=a_year_after(reviewed),
        governors_approved_on=reviewed + timedelta(days=7),
        governors_approved_by="the full governing board",
        senco_name=school.senco_name,
        senco_role=school.senco_role,
        senco_email=school.senco_email,
        senco_phone=school.senco_phone,
        senco_qualification=school.senco_qualification,
        complaints_procedure_page=complaints,
        sen_policy_combined=True,
        need_communication_interaction=True,
        need_cognition_learning=True,
        need_social_emotional_mental_health=True,
        need_sensory_physical=True,
    )
    for field, value in text.REPORT_SECTIONS.items():
        setattr(report, field, school.adapt(value))
    report.easy_read_lines = easy_read_lines(school)
    return report


def build_disability_page(school=HOLLINS_BROOK):
    text = content_for(school)
    page = DisabilityAccessPage(
        title="Disability and access",
        search_description=(
            "How we admit disabled pupils, treat them fairly, and the access facilities we have."
        ),
        introduction=school.adapt(text.DISABILITY_INTRODUCTION),
        admissions=school.adapt(text.DISABILITY_ADMISSIONS),
        admission_arrangements_url=f"https://www.{school.council_domain}/school-admissions",
        less_favourable_treatment=school.adapt(text.DISABILITY_FAIR_TREATMENT),
        accessibility_plan_summary=school.adapt(text.DISABILITY_PLAN_SUMMARY),
        other_facilities=text.OTHER_FACILITIES,
        last_reviewed=timezone.localdate() - timedelta(days=45),
    )
    notes = school.adapt(text.FACILITY_NOTES)
    for key, _ in FACILITIES:
        setattr(page, f"has_{key}", key in notes)
        setattr(page, f"{key}_notes", notes.get(key, ""))
    page.lift_notes = text.LIFT_NOTES
    return page


def plan_start(today):
    """The start of the school year the plan began in (1 September)."""
    year = today.year if today.month >= 9 else today.year - 1
    return today.replace(year=year, month=9, day=1)


def plan_actions(school=HOLLINS_BROOK, today=None):
    """The accessibility plan's actions (unsaved, without their page)."""
    start = plan_start(today or timezone.localdate())
    actions = []
    for strand, action, target, owner, due, resources, success, status in content_for(
        school
    ).PLAN_ROWS:
        years, month, day = due
        actions.append(
            AccessibilityPlanAction(
                strand=strand,
                action=action,
                target=target,
                owner=owner,
                target_date=start.replace(year=start.year + years, month=month, day=day),
                resources=resources,
                success_criteria=success,
                status=status,
            )
        )
    return actions


def build_plan(school=HOLLINS_BROOK, with_actions=True):
    text = content_for(school)
    today = timezone.localdate()
    start = plan_start(today)
    end = start.replace(year=start.year + 3) - timedelta(days=1)
    plan = AccessibilityPlanPage(
        title="Accessibility plan",
        search_description="How we will make school more accessible for disabled pupils.",
        introduction=school.adapt(text.PLAN_INTRODUCTION),
        period_start=start,
        period_end=end,
        last_reviewed=today - timedelta(days=30),
        information_formats=school.adapt(text.PLAN_INFORMATION_FORMATS),
    )
    if with_actions:
        plan.actions = plan_actions(school, today)
    return plan


# Days from seeding to the inclusion strategy's next review: within the admin home's 90.
STRATEGY_REVIEW_DAYS = 60


def build_inclusion_strategy(school=HOLLINS_BROOK, with_rows=True):
    """The inclusion strategy of a school that receives the Inclusive Mainstream Fund: two
    school years, reviewed a few weeks ago, its fund line matching the allocation. Governors
    look at it again each term: its next review is two months after seeding, so the admin
    home's "Coming up" has a date on it."""
    text = demo_content
    today = timezone.localdate()
    start_year = plan_start(today).year
    last_reviewed = today - timedelta(days=21)
    page = InclusionStrategyPage(
        title="Inclusion strategy",
        search_description=(
            "The barriers to learning we have found, what we do to remove them, and what it costs."
        ),
        summary=school.adapt(text.INCLUSION_SUMMARY),
        period_start_year=start_year,
        period_end_year=start_year + 1,
        last_reviewed=last_reviewed,
        next_review=today + timedelta(days=STRATEGY_REVIEW_DAYS),
        pupil_premium_statement_url=(
            f"https://www.{school.domain}/policies/pupil-premium-strategy-statement"
        ),
    )
    if with_rows:
        page.barriers, page.activities = inclusion_rows(school)
    return page


def needs_inclusion_strategy(school):
    return school.receives_inclusive_mainstream_fund and school.kind == "primary"


def inclusion_rows(school=HOLLINS_BROOK):
    """The inclusion strategy's barriers and activities (unsaved, without their page)."""
    text = demo_content
    barriers = [
        InclusionBarrier(title=title, description=school.adapt(description))
        for title, description in text.INCLUSION_BARRIERS
    ]
    activities = [
        InclusionActivity(
            activity=activity,
            description=description,
            barriers_addressed=barriers,
            who_for=who_for,
            who_for_detail=detail,
            cost=cost,
            funding_source=source,
            intended_impact=impact,
            impact_measure=measure,
            owner=owner,
            status=status,
        )
        for (
            activity,
            description,
            barriers,
            who_for,
            detail,
            cost,
            source,
            impact,
            measure,
            owner,
            status,
        ) in text.INCLUSION_ACTIVITIES
    ]
    return barriers, activities


def objectives_start(today):
    """When the demo's equality objectives were published: the start of the school year
    before the current one (they run for four years)."""
    start = plan_start(today)
    return start.replace(year=start.year - 1)


def equality_objectives(school=HOLLINS_BROOK, today=None):
    """The equality objectives (unsaved, without their page)."""
    start = objectives_start(today or timezone.localdate())
    objectives = []
    for objective, reason, measure, due, progress, status in content_for(
        school
    ).EQUALITY_OBJECTIVES:
        target_date = None
        if due:
            years, month, day = due
            target_date = start.replace(year=start.year + years, month=month, day=day)
        objectives.append(
            EqualityObjective(
                objective=school.adapt(objective),
                reason=school.adapt(reason),
                measure=school.adapt(measure),
                target_date=target_date,
                progress=school.adapt(progress),
                status=status,
            )
        )
    return objectives


def build_equality_page(school=HOLLINS_BROOK, with_objectives=True):
    text = content_for(school)
    today = timezone.localdate()
    published = objectives_start(today)
    page = EqualityPage(
        title="Equality information and objectives",
        search_description=(
            "How we treat every pupil fairly, and the equality goals we have set ourselves."
        ),
        introduction=school.adapt(text.EQUALITY_INTRODUCTION),
        equality_information=school.adapt(text.EQUALITY_INFORMATION),
        information_updated=today - timedelta(days=40),
        objectives_published=published,
        objectives_review_due=published.replace(year=published.year + 2),
    )
    if with_objectives:
        page.objectives = equality_objectives(school, today)
    return page


def build_statutory_page():
    return StatutoryInformationPage(
        title="Statutory SEND information",
        search_description=(
            "For inspectors, governors and the council: every item the law asks us to "
            "publish, where it is, and when it was last reviewed."
        ),
        introduction=p(
            "Every item of SEND information the law asks a school to publish, with a link "
            "to where it is on this website, when it was last reviewed and the law behind "
            "it."
        ),
    )


def seed(site, log):
    school = demo_school_for(site)
    home = site.root_page.specific
    section = seed_send_section(home, log, school)
    report, _ = ensure_child(
        section, "sen-information-report", lambda: build_report(home, school), log
    )
    seed_previous_edition(report, school, log)
    ensure_child(section, "disability-and-access", lambda: build_disability_page(school), log)
    ensure_child(section, "accessibility-plan", lambda: build_plan(school), log)
    if needs_inclusion_strategy(school):
        ensure_child(section, "inclusion-strategy", lambda: build_inclusion_strategy(school), log)
    ensure_child(section, "equality", lambda: build_equality_page(school), log)
    demo_support.seed(section, log, school)
    ensure_child(section, "statutory-information", build_statutory_page, log)
    ensure_trust_staff_group()
