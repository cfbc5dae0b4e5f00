"""Publishing rules for the accessibility plan's actions, in the publish guard every route
passes (home/publishing.py; registered in senreport/wagtail_hooks.py).

Not compliance checks (nothing here changes a school's score): mistakes caught before
parents see them. Each action needs what it is, its aim, who leads it and a target date
within the plan's period; an action past its date is marked done or given a new date
before the plan is published again.
"""

from django.utils import timezone

from home.publishing import Problem

from .models import AccessibilityPlanPage, ActionStatus


def _day(value):
    return f"{value:%-d %B %Y}"


def _name(action):
    text = " ".join((action.action or "").split())
    if not text:
        return f"an action in “{action.get_strand_display() or 'no strand'}”"
    return f"the action “{text[:70]}{'…' if len(text) > 70 else ''}”"


def _and(words):
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def action_problems(page, site, children=None):
    """The plan's actions that may not be published as they are, each named."""
    if not isinstance(page, AccessibilityPlanPage):
        return []
    if children is not None and "actions" in children:
        actions = children["actions"]
    else:
        actions = list(page.actions.all())
    start, end = page.period_start, page.period_end
    today = timezone.localdate()
    problems = []
    for action in actions:
        name = _name(action)
        missing = [
            label
            for label, value in (
                ("what the school will do", (action.action or "").strip()),
                ("its aim", (action.target or "").strip()),
                ("who leads it", (action.owner or "").strip()),
                ("a target date", action.target_date),
            )
            if not value
        ]
        if missing:
            problems.append(
                Problem(
                    item=f"{name}: {_and(missing)}",
                    reason=f"Give {name} {_and(missing)}.",
                )
            )
            continue
        if start and end and not start <= action.target_date <= end:
            problems.append(
                Problem(
                    item=f"{name}: a target date within the plan",
                    reason=(
                        f"The target date of {name}, {_day(action.target_date)}, is outside "
                        f"the plan's period ({_day(start)} to {_day(end)}): give a date "
                        "within it, or change the plan's dates."
                    ),
                )
            )
        elif action.target_date < today and action.status != ActionStatus.DONE:
            problems.append(
                Problem(
                    item=f"{name}: marked done, or a new target date",
                    reason=(
                        f"The target date of {name}, {_day(action.target_date)}, has passed: "
                        "mark it done, or give it a new date."
                    ),
                )
            )
    return problems
