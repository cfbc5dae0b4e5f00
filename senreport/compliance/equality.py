"""Checks of section 5 of the checklist: the equality information and objectives, and
keeping the website's accessibility statement current (eq.*, web.statement_reviewed).

Reasons name each field as the editor's form labels it.
"""

from datetime import timedelta

from django.utils import timezone

from home.models import AccessibilityStatementPage
from home.text import has_text

from ..models import EqualityPage
from .checks import months_ago
from .data import a_year_after, years_after
from .registry import Outcome, check

REGULATIONS = "Equality Act 2010 (Specific Duties and Public Authorities) Regulations 2017"
NO_EQUALITY_PAGE = "There is no published equality information and objectives page yet."
INFORMATION_ANCHOR = "equality-information"
OBJECTIVES_ANCHOR = "equality-objectives"
# How long equality objectives last before new ones must be published (reg 5), and how
# early the dashboard starts to warn.
OBJECTIVES_YEARS = 4
OBJECTIVES_WARNING = timedelta(days=31)
# Rows are named in a refusal by their first words.
QUOTED = 80


def yearly_outcome(day, label, what, done, fields, where):
    """The rule for 'within the last 12 months, amber from 11': `day` is when the thing
    was last `done` ("updated", "reviewed"), kept in the field the editor calls `label`."""
    today = timezone.localdate()
    dates = {"last_reviewed": day, "next_review": a_year_after(day) if day else None, **where}
    if not day:
        return Outcome.fail(f"Fill in “{label}”.", fields=fields, **dates)
    if day > today:
        return Outcome.fail(
            f"“{label}” is {day:%-d %B %Y}, a date still to come: give the date the {what} "
            f"was last {done}.",
            fields=fields,
            **dates,
        )
    if dates["next_review"] < today:
        return Outcome.fail(
            f"The {what} was last {done} on {day:%-d %B %Y}, more than a year ago: check "
            f"it, then change “{label}”.",
            fields=fields,
            **dates,
        )
    if day < months_ago(today, 11):
        return Outcome.warn(
            f"The {what} is due to be {done} by {dates['next_review']:%-d %B %Y} (last "
            f"{done} {day:%-d %B %Y}).",
            **dates,
        )
    return Outcome.ok(f"Last {done} on {day:%-d %B %Y}.", **dates)


def quote(text):
    text = " ".join(text.split())
    return f"“{text[:QUOTED]}…”" if len(text) > QUOTED else f"“{text}”"


@check(
    "eq.information",
    "must",
    "Equality information for pupils with protected characteristics, updated within the "
    "last 12 months",
    f"{REGULATIONS}, reg 4",
    "Publish how the school meets the public sector equality duty for its pupils (removing "
    "discrimination, giving equal chances, helping pupils get on together), and update it "
    "at least once a year.",
    page_model=EqualityPage,
)
def eq_information(data):
    page = data.page(EqualityPage)
    if page is None:
        # Another page being published is not held back by this one being missing.
        return Outcome.fail(NO_EQUALITY_PAGE, blocks_publish=False)
    where = {"page": page, "anchor": INFORMATION_ANCHOR}
    if not has_text(page.equality_information):
        return Outcome.fail(
            "The section “Equality information” is empty: say how the school meets the "
            "public sector equality duty for its pupils.",
            fields=("equality_information",),
            **where,
        )
    return yearly_outcome(
        page.information_updated,
        "Equality information last updated",
        "equality information",
        "updated",
        ("information_updated",),
        where,
    )


@check(
    "eq.objectives",
    "must",
    "At least one specific, measurable equality objective, published within the last 4 years",
    f"{REGULATIONS}, reg 5",
    "Publish at least one equality objective, each with how progress is judged, and publish "
    "new objectives at least every four years.",
    page_model=EqualityPage,
)
def eq_objectives(data):
    page = data.page(EqualityPage)
    if page is None:
        return Outcome.fail(NO_EQUALITY_PAGE, blocks_publish=False)
    published = page.objectives_published
    due = years_after(published, OBJECTIVES_YEARS) if published else None
    where = {
        "page": page,
        "anchor": OBJECTIVES_ANCHOR,
        "last_reviewed": published,
        "next_review": due,
    }
    objectives = data.children(page, "objectives")
    if not objectives:
        return Outcome.fail("Add at least one equality objective.", **where)
    problems = []
    for number, row in enumerate(objectives, start=1):
        if not row.objective.strip():
            problems.append(f"objective {number} has no text in “Objective”")
        elif not row.measure.strip():
            problems.append(
                f"objective {number}, {quote(row.objective)}, does not say “How we will "
                "judge progress”"
            )
    if problems:
        return Outcome.fail(
            "Each objective must be measurable: " + "; ".join(problems) + ".",
            **where,
        )
    label = "Objectives published on"
    today = timezone.localdate()
    if not published:
        return Outcome.fail(f"Fill in “{label}”.", fields=("objectives_published",), **where)
    if published > today:
        return Outcome.fail(
            f"“{label}” is {published:%-d %B %Y}, a date still to come: give the date the "
            "objectives were published.",
            fields=("objectives_published",),
            **where,
        )
    if due <= today:
        return Outcome.fail(
            f"The objectives were published on {published:%-d %B %Y}, more than four years "
            f"ago: set new objectives, publish them and change “{label}”.",
            fields=("objectives_published",),
            **where,
        )
    if due - OBJECTIVES_WARNING <= today:
        return Outcome.warn(
            f"New equality objectives are due by {due:%-d %B %Y} (four years after "
            f"{published:%-d %B %Y}).",
            **where,
        )
    count = len(objectives)
    return Outcome.ok(
        f"{count} objective{'s' if count != 1 else ''}, published on {published:%-d %B %Y}.",
        **where,
    )


@check(
    "web.statement_reviewed",
    "should",
    "The accessibility statement was reviewed within the last 12 months",
    "Public Sector Bodies (Websites and Mobile Applications) Accessibility Regulations 2018, "
    "regulation 8; government monitoring practice",
    "Check the website and the statement at least once a year and change its 'last "
    "reviewed' date: government monitors find many statements out of date.",
    page_model=AccessibilityStatementPage,
    guards_publish=False,
)
def web_statement_reviewed(data):
    statement = data.page(AccessibilityStatementPage)
    if statement is None:
        return Outcome.fail("There is no published accessibility statement yet.")
    return yearly_outcome(
        statement.last_reviewed,
        "Last reviewed on",
        "accessibility statement",
        "reviewed",
        ("last_reviewed",),
        {"page": statement},
    )
