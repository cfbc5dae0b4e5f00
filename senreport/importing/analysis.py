"""A document's sections, each with its match and the office worker's decision.

A section is a plain dict, so the review can keep it between requests (the
`ReportImport` model holds the list as JSON): its heading, its blocks (clean HTML) and
their words, the item it goes to, and how the match was made. The review's changes
(move, merge, split, leave out) are functions on the list here.
"""

import re

from django.utils.html import escape

from home.privacy import find_pupil_data

from ..report_items import REPORT_ITEMS
from .errors import ImportProblem
from .matching import CONFIDENCE_LABELS, match
from .splitting import clean_heading, split

INTRODUCTION = "introduction"
LEAVE_OUT = "leave_out"
NOT_USED = ""
ITEMS_BY_FIELD = {item.field: item for item in REPORT_ITEMS}
INTRODUCTION_HEADING = re.compile(
    r"^(introduction|welcome|foreword|about (this|our|the) (report|school)|purpose)\b",
    re.IGNORECASE,
)
# A document must answer at least this many different items to be taken for a report.
LEAST_ITEMS = 3


def target_choices():
    """Where a section can go, in the order parents read the report."""
    return [
        (INTRODUCTION, "Introduction"),
        *((item.field, item.question) for item in REPORT_ITEMS),
        (NOT_USED, "Not used yet"),
        (LEAVE_OUT, "Leave out"),
    ]


def target_label(target):
    return dict(target_choices()).get(target, "Not used yet")


def new_section(heading, blocks, texts):
    section = {
        "heading": heading,
        "blocks": list(blocks),
        "texts": list(texts),
        "item": NOT_USED,
        "matched": NOT_USED,
        "confidence": "",
        "score": 0.0,
        "why": [],
        "chosen": False,
        "findings": [],
    }
    rematch(section)
    return section


def section_text(section):
    return "\n".join(section["texts"])


def section_words(section):
    return len(section_text(section).split())


def rematch(section, keep_choice=False):
    """Match (again) a section against the items and look for personal data in it."""
    heading = clean_heading(section["heading"])
    found = match(heading, section_text(section))
    section["matched"] = found.field
    section["confidence"] = found.confidence
    section["score"] = found.score
    section["why"] = found.why
    findings = find_pupil_data(f"{section['heading']}\n{section_text(section)}")
    section["findings"] = [{"kind": f.kind, "phrase": f.phrase, "why": f.why} for f in findings]
    if keep_choice and section["chosen"]:
        return section
    if not section["heading"] or INTRODUCTION_HEADING.match(heading):
        section["item"] = INTRODUCTION
    else:
        section["item"] = found.field or NOT_USED
    if section["findings"]:
        # Personal data is never imported without a person deciding to.
        section["item"] = LEAVE_OUT
    section["chosen"] = False
    return section


def analyse(document):
    """The document's title and sections, matched; ImportProblem if it is not a report."""
    title, parts = split(document)
    sections = [new_section(part.heading, part.blocks, part.texts) for part in parts]
    matched = {s["matched"] for s in sections if s["matched"]}
    if len(matched) < LEAST_ITEMS:
        raise ImportProblem(
            f"“{document.source}” does not look like an SEN Information Report: of its "
            f"{len(sections)} section{'s' if len(sections) != 1 else ''}, "
            f"{len(matched) or 'none'} answer{'s' if len(matched) == 1 else ''} the "
            "report's questions. Check that it is the right file or page."
        )
    return title, sections


def confidence_label(section):
    if section["chosen"]:
        return "Chosen by you"
    return CONFIDENCE_LABELS[section["confidence"]]


# The review's changes --------------------------------------------------------------------


def move(sections, index, target):
    section = sections[index]
    if target != section["item"]:
        section["item"] = target
        section["chosen"] = True


def merge_with_next(sections, index):
    """The section and the one after it become one (the first's item; the second's
    heading becomes a sub-heading)."""
    if index + 1 >= len(sections):
        return
    first, second = sections[index], sections.pop(index + 1)
    if second["heading"]:
        heading = escape(clean_heading(second["heading"]) or second["heading"])
        first["blocks"].append(f"<h3>{heading}</h3>")
        first["texts"].append(second["heading"])
    first["blocks"].extend(second["blocks"])
    first["texts"].extend(second["texts"])
    rematch(first, keep_choice=True)
    if not first["chosen"] and first["item"] != LEAVE_OUT:
        first["item"] = first["matched"] or first["item"]


def split_at(sections, index, paragraph):
    """The section's paragraphs from `paragraph` on become a new section after it."""
    section = sections[index]
    if not 0 < paragraph < len(section["blocks"]):
        return
    rest = new_section("", section["blocks"][paragraph:], section["texts"][paragraph:])
    if rest["item"] == INTRODUCTION:
        rest["item"] = rest["matched"] or NOT_USED
    del section["blocks"][paragraph:]
    del section["texts"][paragraph:]
    rematch(section, keep_choice=True)
    sections.insert(index + 1, rest)


def used(sections):
    """The sections that will go into the draft, by where they go."""
    by_target = {}
    for section in sections:
        if section["item"] not in (NOT_USED, LEAVE_OUT):
            by_target.setdefault(section["item"], []).append(section)
    return by_target
