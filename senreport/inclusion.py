"""The inclusion strategy's dated deadline and its sums, read by the checks, the dashboard,
the reminders, the editor and the public page alike.

The deadline is a Django setting (`INCLUSION_STRATEGY_DEADLINE`); `deadline()` is the only
place that reads it, so moving the date moves it everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone


class FundingSource(models.TextChoices):
    """Where an inclusion activity's money comes from."""

    INCLUSIVE_MAINSTREAM_FUND = "imf", "Inclusive Mainstream Fund"
    NOTIONAL_SEN_BUDGET = "notional_sen", "Notional SEN budget"
    PUPIL_PREMIUM = "pupil_premium", "Pupil premium"
    OTHER = "other", "Other funding"


def deadline() -> date:
    """The date by which the school must publish its inclusion strategy."""
    return settings.INCLUSION_STRATEGY_DEADLINE


@dataclass(frozen=True)
class Countdown:
    due: date
    days: int  # days left; negative once the deadline has passed

    @property
    def overdue(self):
        return self.days < 0

    @property
    def due_text(self):
        return f"{self.due:%-d %B %Y}"

    @property
    def left_text(self):
        """'31 days left', '1 day left', 'due today' or '2 days overdue'."""
        if self.days == 0:
            return "due today"
        count = abs(self.days)
        unit = "day" if count == 1 else "days"
        return f"{count} {unit} overdue" if self.overdue else f"{count} {unit} left"


def countdown(today=None) -> Countdown:
    today = today or timezone.localdate()
    due = deadline()
    return Countdown(due, (due - today).days)


def pounds(amount) -> str:
    """£12,400: whole pounds with thousands separated."""
    return f"£{int(amount or 0):,}"


def _normalise(text):
    return " ".join(re.sub(r"[^\w\s]", " ", text or "").lower().split())


def barriers_named(text, barriers):
    """The barriers (rows with a `title`) whose title the activity's text names."""
    named = f" {_normalise(text)} "
    return [b for b in barriers if _normalise(b.title) and f" {_normalise(b.title)} " in named]


@dataclass(frozen=True)
class Totals:
    # [(funding source label, pounds)] in the order of the choices, sources with spend only.
    by_source: list
    total: int
    fund_spend: int
    allocation: int | None

    @property
    def fund_differs(self):
        return self.allocation is not None and self.fund_spend != self.allocation

    @property
    def difference_text(self):
        """What the editor is told when the fund spend and the allocation differ."""
        if not self.fund_differs:
            return ""
        gap = self.fund_spend - self.allocation
        if gap > 0:
            return (
                f"The planned Inclusive Mainstream Fund spend ({pounds(self.fund_spend)}) is "
                f"{pounds(gap)} more than this year's allocation ({pounds(self.allocation)})."
            )
        return (
            f"The planned Inclusive Mainstream Fund spend ({pounds(self.fund_spend)}) is "
            f"{pounds(-gap)} less than this year's allocation ({pounds(self.allocation)})."
        )


def totals(activities, allocation=None) -> Totals:
    sums = dict.fromkeys(FundingSource.values, 0)
    for activity in activities:
        if activity.funding_source in sums:
            sums[activity.funding_source] += activity.cost or 0
    by_source = [(label, sums[value]) for value, label in FundingSource.choices if sums[value]]
    return Totals(
        by_source=by_source,
        total=sum(sums.values()),
        fund_spend=sums[FundingSource.INCLUSIVE_MAINSTREAM_FUND],
        allocation=allocation,
    )
