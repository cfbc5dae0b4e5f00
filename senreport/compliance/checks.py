"""Every statutory check, one per id of the checklist (shared/design/statutory-checklist.md).

Each function takes a `SiteData` and returns an `Outcome`. Reasons are plain English for
office staff; the public statutory-information page shows statuses, never these reasons.
"""

import re
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page

from home.models import AccessibilityStatementPage, ComplianceStatus
from home.privacy import find_pupil_data, page_text
from home.text import has_text, plain_text
from localoffer.models import LocalOfferPage

from .. import readability
from .. import report_items as items
from ..models import AccessibilityPlanPage, DisabilityAccessPage, SENInformationReportPage, Strand
from ..report_items import NO_REPORT, complaints_procedure_url, sen_policy_published
from .data import a_year_after, years_after
from .registry import Outcome, check

REPORT = SENInformationReportPage
EHC_PLAN = re.compile(r"\bEHC\b|education,?\s+health\s+and\s+care", re.IGNORECASE)


def months_ago(today, months):
    return today - timedelta(days=round(months * 365.25 / 12))


def review_outcome(last_reviewed, next_review, what, fields=(), page=None, anchor=""):
    """The shared rule for 'reviewed within 12 months, amber from 11'."""
    today = timezone.localdate()
    dates = {"last_reviewed": last_reviewed, "next_review": next_review, "page": page}
    if anchor:
        dates["anchor"] = anchor
    if not last_reviewed:
        return Outcome.fail(f"The {what} has no 'last reviewed' date.", fields=fields, **dates)
    if last_reviewed < months_ago(today, 12):
        return Outcome.fail(
            f"The {what} was last reviewed on {last_reviewed:%-d %B %Y}, more than a year ago.",
            fields=fields,
            **dates,
        )
    if next_review and next_review < today:
        return Outcome.fail(
            f"The {what}'s next review was due on {next_review:%-d %B %Y}.",
            fields=fields,
            **dates,
        )
    if last_reviewed < months_ago(today, 11):
        return Outcome.warn(
            f"The {what} is due for its yearly review (last reviewed {last_reviewed:%-d %B %Y}).",
            **dates,
        )
    return Outcome.ok(f"Reviewed on {last_reviewed:%-d %B %Y}.", **dates)


# 1. The SEN Information Report


@check(
    "sir.published",
    "must",
    "A live SEN Information Report, linked from the home page",
    "Children and Families Act 2014 s.69(2); SEND Code of Practice 6.79",
    "Every school must publish an SEN Information Report on its website.",
    page_model=REPORT,
    guards_publish=False,
)
def sir_published(data):
    report = data.page(REPORT)
    if report is None:
        return Outcome.fail(NO_REPORT)
    # Every page links the statutory pages from its footer (footer_label).
    return Outcome.ok("Published and linked from the footer of every page.", page=report)


@check(
    "sir.reviewed",
    "must",
    "The report is reviewed every year, approved by governors, with its next review date",
    "SEND Code of Practice 6.79",
    "The report must be updated at least once a year; the dates are shown on the page.",
    page_model=REPORT,
)
def sir_reviewed(data):
    report = data.page(REPORT)
    if report is None:
        return Outcome.fail(NO_REPORT)
    next_review = report.next_review
    if report.last_reviewed and not next_review:
        next_review = a_year_after(report.last_reviewed)
    if not report.governors_approved_on:
        return Outcome.fail(
            "The report has no date of approval by governors.",
            fields=("governors_approved_on",),
            page=report,
            last_reviewed=report.last_reviewed,
            next_review=next_review,
        )
    return review_outcome(
        report.last_reviewed,
        next_review,
        "report",
        fields=("last_reviewed",),
        page=report,
    )


def _item_check(item):
    """The check of one report item: its school details, its text, then its own rule."""

    def evaluate(data):
        report = data.page(REPORT)
        where = {"page": report, "anchor": item.anchor}
        if item.settings_rule is not None:
            outcome = item.settings_rule(data, where)
            if outcome is not None:
                return outcome
        if report is None:
            return Outcome.fail(NO_REPORT)
        if item.text_field and item.text_required and not has_text(getattr(report, item.field)):
            return Outcome.fail(
                f"The section “{report.heading_for(item)}” is empty.",
                fields=(item.field,),
                **where,
            )
        if item.rule is not None:
            outcome = item.rule(report, where)
            if outcome is not None:
                return outcome
        return Outcome.ok(**where)

    return evaluate


def _heading_on_page(item):
    return lambda page: page.heading_for(item)


def sir_contribution_local_offer(data):
    report = data.page(REPORT)
    if report is None:
        return Outcome.fail(NO_REPORT)
    if has_text(report.local_offer):
        return Outcome.ok(page=report, anchor=items.LOCAL_OFFER.anchor)
    local_offer_page = data.page(LocalOfferPage)
    if local_offer_page is not None and has_text(local_offer_page.body):
        return Outcome.ok(page=local_offer_page)
    return Outcome.fail(
        "Describe the school's contribution to the Local Offer in the report's Local Offer "
        "section, or publish a Local Offer page."
    )


# Checks that follow an item's own check in every listing, by the item's check id.
FOLLOWING_CHECKS = {
    items.LOCAL_OFFER.check_id: check(
        "sir.contribution_local_offer",
        "should",
        "The school's contribution to the Local Offer",
        "SEND Code of Practice 6.81",
        "Describe what the school offers as its part of the Local Offer, on the report "
        "or on a Local Offer page.",
        page_model=REPORT,
        guards_publish=False,
    ),
}

# Registered in the order of the report, so every listing follows the checklist.
for _item in items.REPORT_ITEMS:
    check(
        _item.check_id,
        "must" if _item.must else "should",
        _item.check_title or _item.question,
        _item.legal_basis,
        _item.check_explanation or _item.guidance,
        page_model=REPORT,
        mainstream_only=_item.mainstream_only,
        name_on_page=_heading_on_page(_item),
        fix_in_settings=_item.fix_in_settings,
    )(_item_check(_item))
    if _item.check_id in FOLLOWING_CHECKS:
        FOLLOWING_CHECKS[_item.check_id](sir_contribution_local_offer)


@check(
    "sir.plain_language",
    "should",
    "The report is written in clear, plain English",
    "SEND Code of Practice 6.81",
    f"The report's Flesch reading ease should be {readability.TARGET} or more: short "
    "sentences and everyday words. SEND acronyms are explained by the glossary.",
    page_model=REPORT,
    guards_publish=False,
)
def sir_plain_language(data):
    report = data.page(REPORT)
    if report is None:
        return Outcome.fail(NO_REPORT)
    score = readability.reading_ease(readability.report_text(report))
    where = {"page": report}
    if score is None:
        return Outcome.fail(readability.describe(score), **where)
    message = f"Reading ease {score:.0f} (target {readability.TARGET} or more). "
    message += readability.describe(score)
    if score < readability.TARGET:
        return Outcome.fail(message, **where)
    return Outcome.ok(message, **where)


# 2. Disability information (Children and Families Act 2014 s.69(3)(b))

NO_DISABILITY_PAGE = "There is no published disability and access page yet."


def _disability_check(check_id, title, legal_basis, explanation, anchor):
    def decorator(function):
        def evaluate(data):
            page = data.page(DisabilityAccessPage)
            if page is None:
                return Outcome.fail(NO_DISABILITY_PAGE)
            return function(data, page, {"page": page, "anchor": anchor})

        check(
            check_id,
            "must",
            title,
            legal_basis,
            explanation,
            page_model=DisabilityAccessPage,
        )(evaluate)
        return function

    return decorator


@_disability_check(
    "dis.admissions",
    "Admission arrangements for disabled pupils",
    "Children and Families Act 2014 s.69(3)(b)(i) and s.43",
    "Applications from disabled pupils are considered like any other; a school named in an "
    "EHC plan must admit the child; a link to the full admission arrangements.",
    "disabled-pupils-admissions",
)
def dis_admissions(data, page, where):
    if not has_text(page.admissions):
        return Outcome.fail(
            "The admission arrangements for disabled pupils are empty.",
            fields=("admissions",),
            **where,
        )
    if not EHC_PLAN.search(plain_text(page.admissions)):
        return Outcome.fail(
            "Say that a school named in a child's EHC plan must admit the child.",
            fields=("admissions",),
            **where,
        )
    if not page.admission_arrangements_link:
        return Outcome.fail(
            "Link the full admission arrangements (a page on this site or a web address).",
            fields=("admission_arrangements_url",),
            **where,
        )
    return Outcome.ok(**where)


@_disability_check(
    "dis.less_favourable",
    "Steps to prevent disabled pupils being treated less favourably",
    "Children and Families Act 2014 s.69(3)(b)(ii)",
    "The steps the school takes so disabled pupils are not treated less favourably.",
    "disabled-pupils-fair-treatment",
)
def dis_less_favourable(data, page, where):
    if not has_text(page.less_favourable_treatment):
        return Outcome.fail(
            "The steps against less favourable treatment are empty.",
            fields=("less_favourable_treatment",),
            **where,
        )
    return Outcome.ok(**where)


@_disability_check(
    "dis.facilities",
    "Facilities that help disabled pupils access the school",
    "Children and Families Act 2014 s.69(3)(b)(iii)",
    "A list of the access facilities (step-free access, accessible toilet, hearing loop, ...).",
    "disabled-pupils-facilities",
)
def dis_facilities(data, page, where):
    if not page.has_any_facility:
        return Outcome.fail(
            "Tick the access facilities the school has, or describe them under 'other'.",
            fields=("has_step_free_entrance", "other_facilities"),
            **where,
        )
    return Outcome.ok(**where)


@_disability_check(
    "dis.accessibility_plan",
    "Information about the accessibility plan, with a link to it",
    "Children and Families Act 2014 s.69(3)(b)(iv)",
    "A few words about the accessibility plan and a link to the published plan.",
    "accessibility-plan",
)
def dis_accessibility_plan(data, page, where):
    if not has_text(page.accessibility_plan_summary):
        return Outcome.fail(
            "Write a few words about the accessibility plan.",
            fields=("accessibility_plan_summary",),
            **where,
        )
    if data.page(AccessibilityPlanPage) is None:
        return Outcome.fail(
            "Publish the accessibility plan so this page can link to it.",
            blocks_publish=False,
            **where,
        )
    return Outcome.ok(**where)


# 3. The accessibility plan (Equality Act 2010 Schedule 10)

PLAN = AccessibilityPlanPage
NO_PLAN = "There is no published accessibility plan yet."


def _plan_and_actions(data):
    plan = data.page(PLAN)
    return plan, data.children(plan, "actions")


@check(
    "ap.published",
    "must",
    "A live accessibility plan page",
    "Equality Act 2010 Sch 10 paras 3(1) and 3(4)",
    "The accessibility plan must be published, as a web page (a PDF may be offered too).",
    page_model=PLAN,
    guards_publish=False,
)
def ap_published(data):
    plan = data.page(PLAN)
    if plan is None:
        return Outcome.fail(NO_PLAN)
    return Outcome.ok(page=plan)


@check(
    "ap.strands",
    "must",
    "Actions in all three strands of the plan",
    "Equality Act 2010 Sch 10 para 3(2)",
    "At least one action for each strand: the curriculum, the physical environment, and "
    "the delivery of information.",
    page_model=PLAN,
)
def ap_strands(data):
    plan, actions = _plan_and_actions(data)
    if plan is None:
        return Outcome.fail(NO_PLAN)
    covered = {action.strand for action in actions}
    missing = [label for value, label in Strand.choices if value not in covered]
    if missing:
        return Outcome.fail(
            "Add at least one action for: " + ", ".join(m.lower() for m in missing) + ".",
            page=plan,
        )
    return Outcome.ok(page=plan)


@check(
    "ap.information_formats",
    "must",
    "How information is given in other formats",
    "Equality Act 2010 Sch 10 para 3(3)",
    "The information strand says how information is given in other formats within a "
    "reasonable time, taking account of pupils' and parents' preferences.",
    page_model=PLAN,
)
def ap_information_formats(data):
    plan = data.page(PLAN)
    if plan is None:
        return Outcome.fail(NO_PLAN)
    if not has_text(plan.information_formats):
        return Outcome.fail(
            "Say how information is given in other formats on request.",
            fields=("information_formats",),
            page=plan,
            anchor="information-formats",
        )
    return Outcome.ok(page=plan, anchor="information-formats")


@check(
    "ap.period_current",
    "must",
    "A current plan period of no more than three years",
    "Equality Act 2010 Sch 10 para 3(2)",
    "The plan has a start and an end date, ends in the future, and lasts no more than "
    "three years.",
    page_model=PLAN,
)
def ap_period_current(data):
    plan = data.page(PLAN)
    if plan is None:
        return Outcome.fail(NO_PLAN)
    fields = ("period_start", "period_end")
    start, end = plan.period_start, plan.period_end
    if not (start and end):
        return Outcome.fail("Give the plan's start and end dates.", fields=fields, page=plan)
    if end <= start:
        return Outcome.fail("The plan ends before it starts.", fields=fields, page=plan)
    # The end of the period is when a new plan must be in place: the dashboard and the
    # review reminders treat it as a date the school must act by.
    where = {"page": plan, "next_review": end}
    if end > years_after(start, 3):
        return Outcome.fail(
            "The plan lasts more than three years: a plan covers up to three years.",
            fields=fields,
            **where,
        )
    if end < timezone.localdate():
        return Outcome.fail(
            f"The plan ended on {end:%-d %B %Y}: write the next one.",
            fields=("period_end",),
            **where,
        )
    return Outcome.ok(f"Runs from {start:%-d %B %Y} to {end:%-d %B %Y}.", **where)


@check(
    "ap.reviewed",
    "should",
    "The plan is reviewed every year",
    "Equality Act 2010 Sch 10 para 3(5)",
    "Keep the plan under review: review it at least once a year.",
    page_model=PLAN,
    guards_publish=False,
)
def ap_reviewed(data):
    plan = data.page(PLAN)
    if plan is None:
        return Outcome.fail(NO_PLAN)
    next_review = None
    if plan.last_reviewed:
        next_review = a_year_after(plan.last_reviewed)
    return review_outcome(plan.last_reviewed, next_review, "accessibility plan", page=plan)


@check(
    "ap.resourced",
    "should",
    "Every action has an owner, a target date, resources and a success measure",
    "Equality Act 2010 Sch 10 para 4(1)",
    "The school must resource its plan: each action says who, by when, with what, and how "
    "success is judged.",
    page_model=PLAN,
    guards_publish=False,
)
def ap_resourced(data):
    plan, actions = _plan_and_actions(data)
    if plan is None:
        return Outcome.fail(NO_PLAN)
    incomplete = [a for a in actions if not a.is_resourced]
    if incomplete:
        return Outcome.fail(
            f"{len(incomplete)} action(s) lack an owner, target date, resources or success "
            f"measure, starting with: “{incomplete[0].action[:80]}”.",
            page=plan,
        )
    return Outcome.ok(page=plan)


@check(
    "ap.on_track",
    "should",
    "No action is past its target date without being done",
    "Equality Act 2010 Sch 10 para 3(6)",
    "Actions past their target date should be completed or given a new date.",
    page_model=PLAN,
    guards_publish=False,
)
def ap_on_track(data):
    plan, actions = _plan_and_actions(data)
    if plan is None:
        return Outcome.fail(NO_PLAN)
    today = timezone.localdate()
    overdue = [a for a in actions if a.overdue_on(today)]
    if overdue:
        return Outcome.fail(
            f"{len(overdue)} action(s) are overdue, starting with: “{overdue[0].action[:80]}”.",
            page=plan,
        )
    return Outcome.ok(page=plan)


# 4. The rest of the school's statutory SEND-related information


@check(
    "school.contact",
    "must",
    "School name, address, phone, an enquiries contact, and the SENCO's name and contact",
    "DfE 'What maintained schools must publish online'; School Information (England) "
    "Regulations 2008",
    "The school's contact details, and who to contact about SEND.",
    fix_in_settings=True,
)
def school_contact(data):
    school = data.school
    missing = [
        label
        for label, value in (
            ("school name", school.school_name),
            ("address", school.address),
            ("postcode", school.postcode),
            ("phone number", school.phone),
            ("enquiries e-mail", school.email),
        )
        if not value
    ]
    if missing:
        return Outcome.fail("Add to the school details: " + ", ".join(missing) + ".")
    report = data.page(REPORT)
    # Only mainstream schools and nurseries must name a SENCO (SEND Regulations Sch 1 para 4).
    if school.is_mainstream and (report is None or not report.has_senco_contact):
        return Outcome.fail(
            "Give the SENCO's name and a work contact in the SEN Information Report."
        )
    return Outcome.ok(page=report, anchor=items.SENCO.anchor if report else "")


@check(
    "school.complaints_policy",
    "must",
    "The complaints procedure is published and linked from the report",
    "Education Act 2002 s.29; DfE 'What maintained schools must publish online'",
    "Publish the complaints procedure (a page or a document) and link it from the report.",
    page_model=REPORT,
    guards_publish=False,
)
def school_complaints_policy(data):
    report = data.page(REPORT)
    if report is None:
        return Outcome.fail(NO_REPORT)
    if not complaints_procedure_url(report):
        return Outcome.fail(
            "Choose the complaints procedure in the report's complaints section.",
            fields=("complaints_procedure_page",),
        )
    page = report.complaints_procedure_page
    return Outcome.ok(
        page=page if page and page.live else report, anchor="" if page else "complaints"
    )


@check(
    "school.sen_policy",
    "should",
    "The SEN policy is published",
    "SEND Code of Practice 6.2 and 6.81",
    "Publish the SEN policy, separately or combined with the report (and say which).",
    page_model=REPORT,
    guards_publish=False,
)
def school_sen_policy(data):
    report = data.page(REPORT)
    if report is None:
        return Outcome.fail(NO_REPORT)
    if not sen_policy_published(report):
        return Outcome.fail(
            "Link the SEN policy from the report, or tick that the report is also the policy.",
            fields=("sen_policy_page",),
        )
    if report.sen_policy_combined:
        return Outcome.ok("Combined with the SEN Information Report.", page=report)
    page = report.sen_policy_page
    return Outcome.ok(page=page if page and page.live else report)


@check(
    "school.paper_copy",
    "should",
    "A free paper copy is available on request",
    "DfE 'What maintained schools must publish online'",
    "Tell parents they can ask for a free paper copy, and how.",
    page_model=REPORT,
    guards_publish=False,
)
def school_paper_copy(data):
    report = data.page(REPORT)
    if report is None:
        return Outcome.fail(NO_REPORT)
    if not report.paper_copy_statement.strip():
        return Outcome.fail(
            "Add the sentence about free paper copies to the report.",
            fields=("paper_copy_statement",),
        )
    return Outcome.ok(page=report, anchor="paper-copy")


@check(
    "web.accessibility_statement",
    "should",
    "An accessibility statement for the website",
    "Public Sector Bodies (Websites and Mobile Applications) Accessibility Regulations 2018, "
    "regulation 8",
    "A statement of how accessible the website is: compliance status, content that is not "
    "accessible and why, alternatives, how to report a problem, the enforcement procedure, "
    "and when it was prepared and reviewed.",
    page_model=AccessibilityStatementPage,
    guards_publish=False,
)
def web_accessibility_statement(data):
    statement = data.page(AccessibilityStatementPage)
    if statement is None:
        return Outcome.fail("There is no published accessibility statement yet.")
    where = {"page": statement}
    if statement.compliance_status != ComplianceStatus.FULLY and not has_text(
        statement.non_accessible_content
    ):
        return Outcome.fail(
            "List the content that is not accessible, and why.",
            fields=("non_accessible_content",),
            **where,
        )
    for field, label in (
        ("alternatives", "how to get information in other formats"),
        ("how_to_report", "how to report a problem"),
        ("enforcement_procedure", "the enforcement procedure"),
    ):
        if not has_text(getattr(statement, field)):
            return Outcome.fail(f"Say {label}.", fields=(field,), **where)
    if statement.feedback_page is None or not statement.feedback_page.live:
        return Outcome.fail(
            "Choose the feedback form where people report a problem.",
            fields=("feedback_page",),
            **where,
        )
    if "EHRC" not in plain_text(statement.enforcement_procedure) and "Equality and Human" not in (
        plain_text(statement.enforcement_procedure)
    ):
        return Outcome.fail(
            "Name the Equality and Human Rights Commission (EHRC) in the enforcement procedure.",
            fields=("enforcement_procedure",),
            **where,
        )
    missing = [
        label
        for field, label in (
            ("prepared_on", "Prepared on"),
            ("last_reviewed", "Last reviewed on"),
        )
        if not getattr(statement, field)
    ]
    if missing:
        return Outcome.fail(
            "Fill in " + " and ".join(f"“{label}”" for label in missing) + ".",
            fields=("prepared_on", "last_reviewed"),
            **where,
        )
    # Whether the review is recent is web.statement_reviewed (compliance/equality.py),
    # which puts the review date on the dashboard's due list and in the reminders.
    return Outcome.ok(
        f"Prepared on {statement.prepared_on:%-d %B %Y}.",
        last_reviewed=statement.last_reviewed,
        **where,
    )


# How many places the dashboard lists; it says how many more there are.
PUPIL_DATA_LISTED = 8


@check(
    "dp.no_pupil_data",
    "must",
    "No identifiable pupil data on the public website",
    "UK GDPR Articles 5 and 9; ICO anonymisation code of practice",
    "No Unique Pupil Numbers, Unique Learner Numbers or NHS numbers, no dates of birth, no "
    "child named with their class or age and their needs, and no counts under 5 of pupils: "
    "on any public page, in the Local Offer, the school details or the glossary.",
    page_model=Page,
    # The publish guard of every page type runs the same detector itself
    # (home/publishing.py), so it is not run twice as the page is published.
    guards_publish=False,
)
def dp_no_pupil_data(data):
    if data.publishing is not None:
        page = data.publishing
        findings = find_pupil_data(page_text(page, data.children_of(page)))
        if findings:
            quoted = "; ".join(f"{finding} ({finding.why})" for finding in findings[:5])
            return Outcome.fail(
                f"“{page.title}” seems to hold personal data about pupils: {quoted}. "
                "Remove it or give figures without small numbers.",
                page=page,
                fix_page=page,
            )
        return Outcome.ok("No personal data about pupils on this page.")
    found = data.pupil_data()
    if not found:
        return Outcome.ok("No personal data about pupils on the public website.")
    listed = "; ".join(
        f"{place.describe()}: {finding}" for place, finding in found[:PUPIL_DATA_LISTED]
    )
    if len(found) > PUPIL_DATA_LISTED:
        listed += f"; and {len(found) - PUPIL_DATA_LISTED} more"
    first_place, first = found[0]
    page = None
    if first_place.where == "page":
        page = next(p for p in data.public_pages() if p.pk == first_place.record_id)
    return Outcome.fail(
        f"Personal data about pupils seems to be public in {len(found)} place(s): {listed}. "
        f"Remove it or give figures without small numbers ({first.why}).",
        page=page,
        fix_page=page,
        fix_url=first_place.admin_url,
    )
