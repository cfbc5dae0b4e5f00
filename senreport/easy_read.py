"""Easy read: a version of the SEN Information Report in short sentences, one idea a line,
each with a picture beside it.

An editor writes the lines of each section on the report's "Easy read" tab
(`EasyReadLine`, senreport/models/report.py). The public version is at
`<report>/easy-read/`: it goes through the report's sections in the order of the one list
of items (senreport/report_items.py), so no section is forgotten; a section without lines
is listed as "not yet in easy read" with a link to the full section.

Easy read has its own reading target, stricter than the report's plain English: a reading
ease of at least 80 and no sentence over 15 words (`check_lines`).
"""

import re
from dataclasses import dataclass, field

import textstat

from .report_items import REPORT_ITEMS

# The address of the easy-read version under the report's own.
ROUTE = "easy-read/"
ROUTE_NAME = "easy_read"
PREVIEW_MODE = "easy_read"

TARGET = 80
MAX_WORDS = 15

# The built-in pictures (templates/senreport/includes/easy_read_icon.html draws each).
ICONS = (
    ("people", "People"),
    ("school", "School"),
    ("talk", "Talk"),
    ("help", "Help"),
    ("calendar", "Calendar or meeting"),
    ("phone", "Phone"),
    ("email", "E-mail or letter"),
    ("complain", "Complain or worry"),
    ("move_school", "Move school or class"),
    ("learn", "Learning and books"),
    ("play", "Clubs, play and trips"),
    ("feelings", "Feelings"),
    ("check", "Check or review"),
    ("equipment", "Equipment"),
    ("information", "Information"),
)
ICON_NAMES = tuple(name for name, _ in ICONS)

SECTION_CHOICES = tuple((item.field, item.question) for item in REPORT_ITEMS)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[\w’'-]+")


def words_in(sentence):
    return len(_WORD.findall(sentence))


def sentences_in(text):
    return [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]


def as_sentence(text):
    text = text.strip()
    return text if not text or text[-1] in ".!?" else f"{text}."


@dataclass(frozen=True)
class Miss:
    section: str
    sentence: str
    reasons: tuple


@dataclass(frozen=True)
class Verdict:
    score: float | None
    misses: list = field(default_factory=list)
    line_count: int = 0

    @property
    def meets_target(self):
        return self.line_count > 0 and not self.misses and (self.score or 0) >= TARGET


def sentence_ease(sentence):
    return round(textstat.flesch_reading_ease(sentence), 1)


def check_lines(lines):
    """How easy the easy-read lines are: the reading ease of them all, and each sentence
    that misses the target, naming its section: over 15 words, more than one sentence on
    a line, or (when the whole misses a reading ease of 80) long words."""
    headings = dict(SECTION_CHOICES)
    lines = [line for line in lines if line.text.strip()]
    joined = " ".join(as_sentence(line.text) for line in lines)
    score = sentence_ease(joined) if len(joined.split()) >= 10 else None
    too_hard = score is not None and score < TARGET
    misses = []
    for line in lines:
        section = headings.get(line.section, "")
        sentences = sentences_in(line.text)
        if len(sentences) > 1:
            misses.append(
                Miss(section, line.text.strip(), ("more than one sentence: one idea a line",))
            )
        for sentence in sentences:
            reasons = []
            count = words_in(sentence)
            if count > MAX_WORDS:
                reasons.append(f"{count} words: keep to {MAX_WORDS} or fewer")
            if too_hard and count >= 4 and sentence_ease(sentence) < TARGET:
                reasons.append("long words: try shorter, everyday ones")
            if reasons:
                misses.append(Miss(section, sentence, tuple(reasons)))
    return Verdict(score, misses, len(lines))


@dataclass(frozen=True)
class EasyReadSection:
    item: object
    anchor: str
    heading: str
    lines: list

    @property
    def kind(self):
        return self.item.field


def easy_read_sections(page, lines):
    """Every section the report shows, in order, each with its easy-read lines (maybe
    none), and any section that has lines though the report leaves it out."""
    by_section = {}
    for line in lines:
        by_section.setdefault(line.section, []).append(line)
    return [
        EasyReadSection(item, item.anchor, page.heading_for(item), by_section.get(item.field, []))
        for item in REPORT_ITEMS
        if item.field in by_section or item.shown_on(page)
    ]
