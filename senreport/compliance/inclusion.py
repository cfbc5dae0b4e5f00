"""Checklist section 5: the inclusion strategy of a school that receives the Inclusive
Mainstream Fund (DfE, "Developing an inclusion strategy using the Inclusive Mainstream
Fund", 25 June 2026: publishing it is a condition of grant).

Imported by `SENReportConfig.ready()` right after `checks`, so the registry keeps the
checklist's order.
"""

from __future__ import annotations

from home.text import has_text

from ..inclusion import barriers_named, countdown, pounds, totals
from ..models import AccessibilityPlanPage, InclusionStrategyPage, SENInformationReportPage
from .checks import review_outcome
from .registry import Outcome, check

STRATEGY = InclusionStrategyPage
NO_STRATEGY = "There is no published inclusion strategy yet."
GUIDANCE = (
    "DfE, Developing an inclusion strategy using the Inclusive Mainstream Fund (25 June "
    "2026): a condition of grant"
)


def strategy_required(data):
    """None when the school must publish an inclusion strategy, else why it need not."""
    school = data.school
    if not school.is_mainstream:
        return (
            "Only mainstream schools receive the Inclusive Mainstream Fund and must publish "
            "an inclusion strategy; this school is recorded as: "
            f"{school.get_school_type_display()}."
        )
    if not school.receives_inclusive_mainstream_fund:
        return (
            "The school details say the school does not receive the Inclusive Mainstream "
            "Fund, so it does not have to publish an inclusion strategy."
        )
    return None


@check(
    "inc.published",
    "must",
    "A live inclusion strategy page, published by the deadline",
    GUIDANCE,
    "A mainstream school that receives the Inclusive Mainstream Fund publishes its "
    "inclusion strategy on its website by the date the DfE set, linked from the SEND "
    "section and the statutory information page.",
    page_model=STRATEGY,
    guards_publish=False,
    applies=strategy_required,
)
def inc_published(data):
    strategy = data.page(STRATEGY)
    if strategy is not None:
        return Outcome.ok("Published and linked from the footer of every page.", page=strategy)
    left = countdown()
    if left.overdue:
        reason = f"Not published yet: it was due on {left.due_text} ({left.left_text})."
    elif left.days == 0:
        reason = f"Not published yet: it is due today, {left.due_text}."
    else:
        reason = f"Not published yet: due by {left.due_text} ({left.left_text})."
    # The deadline is a date the school must act by: the dashboard's due list and the
    # review reminders read it from here.
    return Outcome.fail(reason, next_review=left.due)


def _activity_problems(activities, barriers):
    problems = []
    for activity in activities:
        wrong = []
        if not activity.cost:
            wrong.append("has no cost")
        if not barriers_named(activity.barriers_addressed, barriers):
            if activity.barriers_addressed.strip():
                wrong.append(
                    f"names no barrier listed under Barriers (it says "
                    f"“{activity.barriers_addressed.strip()[:60]}”)"
                )
            else:
                wrong.append("names no barrier")
        if wrong:
            name = (activity.activity or "An activity without a name").strip()[:80]
            problems.append(f"“{name}” {' and '.join(wrong)}")
    return problems


@check(
    "inc.activities_costed",
    "must",
    "Activities that each name the barriers they address and a budgeted cost",
    GUIDANCE,
    "At least one activity; each names the barrier(s) to learning or taking part it "
    "addresses and its budgeted cost in pounds; the page shows the totals by source of "
    "funding.",
    page_model=STRATEGY,
    applies=strategy_required,
)
def inc_activities_costed(data):
    strategy = data.page(STRATEGY)
    if strategy is None:
        return Outcome.fail(NO_STRATEGY, blocks_publish=False)
    activities = data.children(strategy, "activities")
    barriers = data.children(strategy, "barriers")
    where = {"page": strategy, "anchor": "activities"}
    if not activities:
        return Outcome.fail("Add at least one activity, with its cost.", **where)
    problems = _activity_problems(activities, barriers)
    if problems:
        return Outcome.fail(
            "Every activity needs a 'budgeted cost (£)' and, in 'barriers it addresses', the "
            "short title of at least one barrier: " + "; ".join(problems) + ".",
            **where,
        )
    sums = totals(activities, data.school.inclusive_mainstream_fund_allocation)
    if sums.fund_differs:
        return Outcome.warn(
            sums.difference_text
            + " Check the activities' costs, or the allocation in the school details.",
            page=strategy,
            anchor="totals",
        )
    count = len(activities)
    reason = (
        f"{count} activit{'y' if count == 1 else 'ies'} costed, {pounds(sums.total)} in all; "
        f"{pounds(sums.fund_spend)} from the Inclusive Mainstream Fund"
    )
    if sums.allocation is not None:
        reason += ", matching this year's allocation"
    return Outcome.ok(reason + ".", **where)


@check(
    "inc.review_noted",
    "must",
    "Reviewed within the last year, with the next review date; a strategy for several "
    "years says it is reviewed every year",
    GUIDANCE,
    "The strategy shows when it was last reviewed (within the last 12 months) and when it "
    "will next be reviewed; a strategy that covers more than one school year says at the "
    "top that it is reviewed every year.",
    page_model=STRATEGY,
    applies=strategy_required,
)
def inc_review_noted(data):
    strategy = data.page(STRATEGY)
    if strategy is None:
        return Outcome.fail(NO_STRATEGY, blocks_publish=False)
    dates = {
        "page": strategy,
        "last_reviewed": strategy.last_reviewed,
        "next_review": strategy.next_review,
    }
    if strategy.is_multi_year and not has_text(strategy.annual_review_statement):
        return Outcome.fail(
            "The strategy covers more than one school year, so its 'yearly review "
            "statement' must say that it is reviewed every year.",
            fields=("annual_review_statement",),
            **dates,
        )
    if strategy.last_reviewed and not strategy.next_review:
        return Outcome.fail(
            "Give the date of the strategy's 'next review'.",
            fields=("next_review",),
            **dates,
        )
    return review_outcome(
        strategy.last_reviewed,
        strategy.next_review,
        "inclusion strategy",
        fields=("last_reviewed",),
        page=strategy,
    )


@check(
    "inc.links",
    "should",
    "Links to the SEN Information Report, the accessibility plan and the pupil premium "
    "strategy statement",
    GUIDANCE + "; plan it alongside the core budget, including the notional SEN budget",
    "The strategy links to the school's SEN Information Report, its accessibility plan and "
    "its pupil premium strategy statement, which it is planned alongside.",
    page_model=STRATEGY,
    guards_publish=False,
    applies=strategy_required,
)
def inc_links(data):
    strategy = data.page(STRATEGY)
    if strategy is None:
        return Outcome.fail(NO_STRATEGY)
    missing = []
    if data.page(SENInformationReportPage) is None:
        missing.append("the SEN Information Report (it is not published yet)")
    if data.page(AccessibilityPlanPage) is None:
        missing.append("the accessibility plan (it is not published yet)")
    if not strategy.pupil_premium_statement_link:
        missing.append(
            "the pupil premium strategy statement (give its web address or document "
            "under 'Pupil premium strategy statement')"
        )
    if missing:
        return Outcome.fail(
            "The strategy cannot link to " + "; ".join(missing) + ".",
            fields=("pupil_premium_statement_url",)
            if not strategy.pupil_premium_statement_link
            else (),
            page=strategy,
            anchor="pupil-premium",
            fix_page=strategy,
        )
    return Outcome.ok(
        "Links to the SEN Information Report, the accessibility plan and the pupil premium "
        "strategy statement.",
        page=strategy,
        anchor="pupil-premium",
    )
