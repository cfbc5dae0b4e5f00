"""One registry of legal checks, keyed by the check ids of the statutory checklist.

A check reads one site's settings and pages (through `SiteData`) and returns an
`Outcome`. The registry adds what every consumer needs (applicability, the admin URL
where it is fixed, where it is published) and hands back a `Result`. The dashboard, the
public statutory-information page, `manage.py compliance`, the publish guard and the
review reminders all go through here; none re-implements a check.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

# The statutory checklist this registry implements, and the day its rows' legal sources
# were last verified (a row may carry its own date: `Check.source_verified`). Shown
# wherever the checklist is shown to inspectors.
CHECKLIST_VERSION = "2026.11"
SOURCES_VERIFIED = date(2026, 11, 30)


class Level(enum.StrEnum):
    MUST = "must"
    SHOULD = "should"


class Status(enum.StrEnum):
    PASS = "pass"  # noqa: S105 (a verdict, not a password)
    # Met, but needs attention soon (for example a review falls due within a month).
    WARN = "warn"
    FAIL = "fail"
    NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class Outcome:
    """What a check function returns: the verdict on one site's data."""

    status: Status
    reason: str
    # Fields of the page (or settings) to mark in the editor when the check fails.
    fields: tuple[str, ...] = ()
    # The page that publishes the item and the anchor of its section, if any.
    page: object = None
    anchor: str = ""
    last_reviewed: date | None = None
    next_review: date | None = None
    # False when the failure lies outside the page being published (another page is not
    # live yet): it shows on the dashboard but does not hold this page back.
    blocks_publish: bool = True
    # The page whose editor fixes the failure, when it is not the check's page type.
    fix_page: object = None
    # Where a failure outside any page is fixed (a Local Offer record, say), in the admin.
    fix_url: str = ""

    @classmethod
    def ok(cls, reason="", **kwargs):
        return cls(Status.PASS, reason, **kwargs)

    @classmethod
    def warn(cls, reason, **kwargs):
        return cls(Status.WARN, reason, **kwargs)

    @classmethod
    def fail(cls, reason, **kwargs):
        return cls(Status.FAIL, reason, **kwargs)


@dataclass(frozen=True)
class Check:
    id: str
    level: Level
    title: str
    legal_basis: str
    explanation: str
    evaluate: Callable
    # The page type(s) that publish this item: their publish guard runs the check, and
    # the editor of the first is where the item is fixed.
    page_model: type | tuple | None = None
    # The item is kept in the school details, so that is where it is fixed.
    fix_in_settings: bool = False
    mainstream_only: bool = False
    # Optional: given a `SiteData`, None when the check applies to the school, else the
    # plain-English reason it does not (the result is then "not applicable").
    applies: Callable | None = None
    # False for checks that judge the site around a page (is it live, is it linked),
    # which must not stop that page from being published.
    guards_publish: bool = True
    # For the publish guard's message: the parent-facing name of the item, read from the
    # page being edited (an editable heading) or fixed.
    name_on_page: Callable | None = None
    # When this row's legal source was last verified, if not on the checklist's date.
    source_verified: date | None = None

    @property
    def is_must(self):
        return self.level == Level.MUST

    @property
    def verified_on(self):
        """The day this item's legal source was last verified."""
        return self.source_verified or SOURCES_VERIFIED


@dataclass(frozen=True)
class Result:
    check: Check
    status: Status
    reason: str
    fix_url: str = ""
    public_url: str = ""
    fields: tuple[str, ...] = field(default=())
    last_reviewed: date | None = None
    next_review: date | None = None
    blocks_publish: bool = True
    # The title of the page that publishes the item.
    page_title: str = ""
    # When the verdict was worked out: None while it is being evaluated live (the publish
    # guard), else the time of the stored row (senreport/compliance/store.py).
    evaluated_at: datetime | None = None

    @property
    def passed(self):
        return self.status in (Status.PASS, Status.WARN)

    @property
    def failed(self):
        return self.status == Status.FAIL

    @property
    def applicable(self):
        return self.status != Status.NOT_APPLICABLE


class Registry:
    def __init__(self):
        self._checks: dict[str, Check] = {}

    def register(self, check: Check) -> Check:
        if check.id in self._checks:
            raise ValueError(f"Check {check.id} is registered twice")
        self._checks[check.id] = check
        return check

    def __iter__(self):
        return iter(self._checks.values())

    def __len__(self):
        return len(self._checks)

    def __getitem__(self, check_id) -> Check:
        return self._checks[check_id]

    def ids(self):
        return list(self._checks)

    def for_page_model(self, model):
        return [c for c in self if c.page_model is not None and issubclass(model, c.page_model)]

    @staticmethod
    def editor_model(check):
        models = check.page_model
        return models[0] if isinstance(models, tuple) else models


registry = Registry()


def check(check_id, level, title, legal_basis, explanation, **options):
    """Decorator: register the function as the check with this id."""

    def decorator(function):
        registry.register(
            Check(
                id=check_id,
                level=Level(level),
                title=title,
                legal_basis=legal_basis,
                explanation=explanation,
                evaluate=function,
                **options,
            )
        )
        return function

    return decorator
