"""The publish guard: the one rule every route to a live page passes.

A page goes live only if the version about to go live passes its own *must* checks and
holds no identifiable pupil data. Every route ends here: the edit form (`home.forms`, also
revert-and-publish), `SchoolPageMixin.publish` (bulk publish, workflow approval, scheduled
publishing, create), the copy form, the move signal, and the admin API's publish and copy
actions (`home.guard_admin`).

`home` is the base layer and knows nothing of the compliance engine: higher apps plug
their checks in through Wagtail hooks (`PUBLISH_PROBLEMS_HOOK`, `LIVE_ITEMS_HOOK`; senreport
does, in its wagtail_hooks.py), as they do for school permissions and the privacy scan. The privacy
detector lives in `home` and runs here for every page type.

What each problem says is written once, in `refusal_message`, for the form and every route.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from .languages import is_translation
from .models.school import SchoolSettings
from .privacy import find_pupil_data, page_text

logger = logging.getLogger(__name__)

# The log entry of a go-live that the guard refused (registered in home/wagtail_hooks.py).
REFUSED_LOG_ACTION = "home.publish.refused"
# Wagtail's log action for a revision that publish_scheduled makes live: the one route with
# no person to tell, so a refusal there is recorded and e-mailed instead of raised.
SCHEDULED_LOG_ACTION = "wagtail.publish.scheduled"

PUPIL_DATA_WHY = (
    "Pupils could be identified from it, and the law (UK GDPR) does not allow it on a public "
    "website. Remove it, or give figures without small numbers."
)


@dataclass(frozen=True)
class Problem:
    """One reason a page may not go live."""

    # The item in plain words: the missing item's name, or "a date of birth: “…”".
    item: str
    # What is wrong and what to do, shown beside the field in the editor.
    reason: str
    # Fields of the page to mark in the editor.
    fields: tuple[str, ...] = ()
    # True for a pupil-data finding, False for a missing *must* item.
    pupil_data: bool = False


class PublishRefused(Exception):
    """The guard refused to make `page` live. The message names each problem.

    Not a PermissionDenied: Wagtail's admin turns those into "you do not have permission",
    which would hide the reason (home.guard_admin.PublishRefusedMiddleware shows it)."""

    def __init__(self, page, problems, message=None):
        self.page = page
        self.problems = list(problems)
        self.message = message or refusal_message(page, self.problems)
        super().__init__(self.message)


# Wagtail hooks the higher apps register with (senreport/wagtail_hooks.py). Asking for a hook
# loads every app's wagtail_hooks, in commands (publish_scheduled) as in requests.
# `fn(page, site, children)` returns a list of `Problem` for the page (an unsaved or
# revision instance) on that site.
PUBLISH_PROBLEMS_HOOK = "register_publish_problems"
# `fn(page, site)` returns the plain-words names of the *must* items a live page carries.
LIVE_ITEMS_HOOK = "register_live_must_items"
# `fn(page, site, children)` returns the names of the items the school's public statutory
# information shows as met now and would show as not met once this version is live: the
# editor confirms before such a publish (home/confirm_publish.py).
PUBLISH_WARNINGS_HOOK = "register_publish_warnings"


def privacy_problems(page, children=None):
    """The pupil data the detector finds in the words of the page."""
    return [
        Problem(item=str(finding), reason=finding.why, pupil_data=True)
        for finding in find_pupil_data(page_text(page, children))
    ]


def publish_problems(page, site=None, children=None):
    """Every reason this version of the page may not go live, the missing items first.

    `site` is the site the page is (or will be) published on; `children` the InlinePanel
    rows of an editor's form, when they are not saved yet. A translation is judged by its
    English original: only the privacy detector reads it.
    """
    if site is None and page.path:
        site = page.get_site()
    problems = []
    if site is not None and not is_translation(page):
        for provider in hooks.get_hooks(PUBLISH_PROBLEMS_HOOK):
            problems.extend(provider(page, site, children))
    problems.extend(privacy_problems(page, children))
    return problems


def publish_warnings(page, site=None, children=None):
    """The items that this version going live would turn from met to not met."""
    if site is None and page.path:
        site = page.get_site()
    if site is None or is_translation(page):
        return []
    warnings = []
    for provider in hooks.get_hooks(PUBLISH_WARNINGS_HOOK):
        warnings.extend(provider(page, site, children))
    return warnings


def refusal_message(page, problems, subject=None):
    """The sentence an editor reads, on every route: each missing item named, each piece
    of pupil data quoted, and why."""
    subject = subject or f"“{page.title}”"
    missing = [p for p in problems if not p.pupil_data]
    pupil_data = [p for p in problems if p.pupil_data]
    sentences = []
    if missing:
        sentences.append(
            f"{subject} cannot be published until "
            + ("this item is" if len(missing) == 1 else f"these {len(missing)} items are")
            + " filled in: "
            + "; ".join(f"“{p.item}”" for p in missing)
            + "."
        )
    if pupil_data:
        opening = "It also seems" if missing else f"{subject} cannot be published: it seems"
        sentences.append(
            f"{opening} to hold personal data about pupils: "
            + "; ".join(f"{p.item} ({p.reason})" for p in pupil_data[:5])
            + ". "
            + PUPIL_DATA_WHY
        )
    return " ".join(sentences)


def copy_refusals(page, parent, recursive=False, new_title=None):
    """The refusal of each page that a copy would make live under `parent` (the copy keeps
    the source's live content, with its new title) where it fails the guard; [] if none."""
    site = parent.get_site()
    pages = []
    source = page.specific
    if source.live:
        source.title = new_title or source.title
        pages.append(source)
    if recursive:
        pages.extend(page.get_descendants().live().specific())
    refusals = []
    for live_page in pages:
        problems = publish_problems(live_page, site)
        if problems:
            refusals.append(refusal_message(live_page, problems))
    return refusals


def check_revision(revision):
    """The problems of the version this revision would make live (not the latest draft,
    not the form's)."""
    page = revision.as_object()
    return page, publish_problems(page)


_unguarded = ContextVar("publish_guard_off", default=False)


@contextmanager
def unguarded():
    """Publish without the guard, for code that must make a failing version live on purpose:
    tests and demo data standing for a page that was live before a check began to fail (a
    review date passing, school details changing). No admin route uses it."""
    token = _unguarded.set(True)
    try:
        yield
    finally:
        _unguarded.reset(token)


def guard_translation_save(page, update_fields=None):
    """wagtail-localize writes a translation's words straight into its live page row (its
    translation editor's save and publish, a PO upload's sync, `save_target`) before any
    revision is published, so the privacy detector reads them there too: pupil data typed
    into a translation never reaches parents. Raises `PublishRefused`, which rolls the save
    back and is shown on the editor (home.guard_admin)."""
    if _unguarded.get() or update_fields is not None:
        return
    if page.pk is None or not page.live or not is_translation(page):
        return
    problems = privacy_problems(page)
    if problems:
        raise PublishRefused(page, problems)


def guard_publish(page, revision, log_action):
    """Called by `SchoolPageMixin.publish` before any route makes `revision` live (or
    schedules it). Raises `PublishRefused`, except for publish_scheduled, where the refusal
    is recorded and e-mailed and False returned, so the run carries on with other pages."""
    if _unguarded.get():
        return True
    version, problems = check_revision(revision)
    if not problems:
        return True
    refusal = PublishRefused(version, problems)
    logger.info("Publish refused for page %s (revision %s): %s", page.pk, revision.pk, refusal)
    if log_action == SCHEDULED_LOG_ACTION:
        refuse_scheduled(page, revision, refusal)
        return False
    raise refusal


def refuse_scheduled(page, revision, refusal):
    """A scheduled go-live that fails its checks when its time comes (a date check that has
    lapsed, school details changed since). The live version stays; the schedule is
    cleared, so the refusal is not repeated (and e-mailed) every run; the page's history
    says why; the school is told."""
    from wagtail.log_actions import log

    revision.approved_go_live_at = None
    revision.save(update_fields=["approved_go_live_at"])
    log(
        instance=page.specific,
        action=REFUSED_LOG_ACTION,
        data={"reason": refusal.message, "revision": {"id": revision.pk}},
        revision=revision,
    )
    email_scheduled_refusal(page, refusal)


def email_scheduled_refusal(page, refusal):
    """E-mail the school's reminder address (the address review reminders go to)."""
    site = page.get_site()
    if site is None:
        return
    school = SchoolSettings.for_site(site)
    recipient = school.reminder_recipient
    if not recipient:
        logger.warning("No reminder address for site %s: refusal not e-mailed", site.pk)
        return
    name = school.school_name or site.site_name or site.hostname
    edit_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailadmin_pages:edit", args=[page.pk]
    )
    body = "\n".join(
        [
            "Hello,",
            "",
            f"This is a message from the {name} website.",
            "",
            f"The version of “{page.title}” scheduled to go live was not published on "
            f"{timezone.localtime():%-d %B %Y at %H:%M}, because it no longer passes the "
            "checks every published page must pass:",
            "",
            refusal.message,
            "",
            "The version parents saw before is still live (if there was one). The schedule has "
            "been cleared: fix the page and publish or schedule it again here:",
            edit_url,
        ]
    )
    EmailMessage(
        subject=f"[{name}] “{page.title}” was not published as scheduled",
        body=body + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
    ).send()


def live_must_items(page):
    """The *must* items the school publishes through this live page, by their names: what
    it would be missing if the page were unpublished or deleted. Empty when the page is not
    live or carries none."""
    if not page.live or is_translation(page):
        return []
    site = page.get_site()
    if site is None:
        return []
    items = []
    for provider in hooks.get_hooks(LIVE_ITEMS_HOOK):
        items.extend(provider(page.specific, site))
    return items
