"""The yearly record of the statutory pages: editions and what changed between them.

- `record_edition` (connected to `page_published` in senreport/signals.py) keeps the
  published version of a statutory page as an edition when its approval date changed:
  the governors' approval date where the page has one, else "last reviewed". The edition
  before it is marked "replaced on" that day.
- `sections_of(html)` reads a rendered page's main content as sections (one per `<h2>`),
  and `compare` says, section by section, what was added, taken out or reworded, in
  plain words (public page and admin alike, no JavaScript).
"""

import difflib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.utils import timezone

from .models.editions import Edition

# The page's approval date: the first of these fields that the page type has.
APPROVAL_FIELDS = ("governors_approved_on", "last_reviewed")
# The statutory pages whose approved versions are kept (model labels).
EDITION_PAGE_MODELS = (
    "senreport.SENInformationReportPage",
    "senreport.DisabilityAccessPage",
    "senreport.AccessibilityPlanPage",
    "senreport.InclusionStrategyPage",
)


def keeps_editions(page):
    return page is not None and page.specific_class._meta.label in EDITION_PAGE_MODELS


def approval_date(page):
    for name in APPROVAL_FIELDS:
        if hasattr(page, name):
            return getattr(page, name)
    return None


def record_edition(page, revision=None, when=None):
    """Keep this published version as an edition if its approval date is new. Returns the
    new edition, or None."""
    page = page.specific
    if not keeps_editions(page):
        return None
    approved_on = approval_date(page)
    if approved_on is None:
        return None
    when = when or timezone.now()
    latest = Edition.objects.filter(page_id=page.pk).order_by("-published_at").first()
    if latest is not None and latest.approved_on == approved_on:
        return None
    revision = revision or page.live_revision
    edition = Edition.objects.create(
        page_id=page.pk,
        revision=revision,
        content=revision.content if revision is not None else page.serializable_data(),
        title=page.title,
        approved_on=approved_on,
        approved_by=getattr(page, "governors_approved_by", "") or "",
        published_at=when,
    )
    Edition.objects.filter(page_id=page.pk, replaced_on__isnull=True).exclude(
        pk=edition.pk
    ).update(replaced_on=timezone.localdate(when))
    return edition


def page_published(sender, instance, revision=None, **kwargs):
    record_edition(instance, revision)


def previous_editions(page):
    """The page's editions that a later approved version replaced, newest first."""
    return list(
        Edition.objects.filter(page_id=page.pk, replaced_on__isnull=False)
        .select_related("minutes")
        .order_by("-approved_on", "-published_at")
    )


# Sections of a rendered page


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self):
        return " ".join(self.paragraphs)


BLOCK_TAGS = {
    "p", "li", "dt", "dd", "tr", "th", "td", "h3", "h4", "h5", "h6", "caption",
    "blockquote", "address", "div", "section", "table", "ul", "ol", "dl", "br",
}  # fmt: skip
SKIPPED_TAGS = {"script", "style", "nav", "template"}


class _SectionParser(HTMLParser):
    """Text of `<main>`, split at each `<h2>`; lines at block boundaries. Screen-only and
    print-only parts and the page's own record links (`no-print`, `print-only`,
    `page-record`) are left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_main = 0
        self.skip_tag = None
        self.skip_depth = 0
        self.in_heading = False
        self.sections = [Section("Introduction")]
        self.line = []
        self.heading = []

    def flush(self):
        text = re.sub(r"\s+", " ", "".join(self.line)).strip()
        if text:
            self.sections[-1].paragraphs.append(text)
        self.line = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main += 1
            return
        if not self.in_main:
            return
        if self.skip_tag:
            self.skip_depth += tag == self.skip_tag
            return
        classes = (dict(attrs).get("class") or "").split()
        if tag in SKIPPED_TAGS or {"print-only", "page-record", "no-print"} & set(classes):
            self.skip_tag, self.skip_depth = tag, 1
            return
        if tag == "h2":
            self.flush()
            self.in_heading = True
            self.heading = []
        elif tag in BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag):
        if tag == "main":
            self.flush()
            self.in_main -= 1
            return
        if not self.in_main:
            return
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if not self.skip_depth:
                    self.skip_tag = None
            return
        if tag == "h2" and self.in_heading:
            self.in_heading = False
            heading = re.sub(r"\s+", " ", "".join(self.heading)).strip()
            self.sections.append(Section(heading))
        elif tag in BLOCK_TAGS:
            self.flush()

    def handle_data(self, data):
        if not self.in_main or self.skip_tag:
            return
        (self.heading if self.in_heading else self.line).append(data)


def sections_of(html):
    """[Section] of the page's main content; the part before the first `<h2>` (title,
    dates, introduction) is "Introduction"."""
    parser = _SectionParser()
    parser.feed(html)
    parser.close()
    return [s for s in parser.sections if s.paragraphs or s.heading != "Introduction"]


# Comparison


@dataclass
class Change:
    heading: str
    kind: str  # "added", "removed", "reworded" or "unchanged"
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def summary(self):
        if self.kind == "added":
            return "New section."
        if self.kind == "removed":
            return "Section taken out."
        if self.kind == "unchanged":
            return "No change."
        parts = []
        if self.added:
            parts.append(_passages(len(self.added), "new or reworded"))
        if self.removed:
            parts.append(_passages(len(self.removed), "taken out or reworded"))
        return "Reworded: " + " and ".join(parts) + "."


def _passages(number, what):
    return f"{number} passage{'s' if number != 1 else ''} {what}"


def _key(heading):
    return re.sub(r"[^a-z0-9]+", " ", heading.lower()).strip()


def _line_diff(old, new):
    """(added, removed) passages between two lists of paragraphs, in reading order."""
    added, removed = [], []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op in ("replace", "delete"):
            removed.extend(old[a1:a2])
        if op in ("replace", "insert"):
            added.extend(new[b1:b2])
    return added, removed


def compare(old_sections, new_sections):
    """[Change] for every section of either version, in the newer version's order (the
    sections taken out after it)."""
    old = {_key(s.heading): s for s in old_sections}
    new_keys = {_key(s.heading) for s in new_sections}
    changes = []
    for section in new_sections:
        before = old.get(_key(section.heading))
        if before is None:
            changes.append(Change(section.heading, "added", added=list(section.paragraphs)))
            continue
        added, removed = _line_diff(before.paragraphs, section.paragraphs)
        kind = "reworded" if added or removed else "unchanged"
        changes.append(Change(section.heading, kind, added=added, removed=removed))
    for section in old_sections:
        if _key(section.heading) not in new_keys:
            changes.append(Change(section.heading, "removed", removed=list(section.paragraphs)))
    return changes


def count(changes):
    """{kind: how many sections}."""
    totals = {"added": 0, "removed": 0, "reworded": 0, "unchanged": 0}
    for change in changes:
        totals[change.kind] += 1
    return totals
