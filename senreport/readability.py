"""Plain language (check sir.plain_language): the Flesch reading ease of the report.

60 or more reads as plain English for most adults; 80 or more is easy. The score is shown
to editors and on the dashboard and never stops publishing.
"""

import re

import textstat

from home.text import plain_text

from .report_items import TEXT_ITEMS

TARGET = 60


def report_text(report):
    parts = [plain_text(report.introduction)]
    for item in TEXT_ITEMS:
        parts.append(report.heading_for(item))
        parts.append(plain_text(getattr(report, item.field)))
    return "\n".join(p for p in parts if p)


def reading_ease(text):
    """Flesch reading ease of the text, or None if there are too few words to judge."""
    if len(text.split()) < 30:
        return None
    return round(textstat.flesch_reading_ease(text), 1)


def describe(score):
    if score is None:
        return "Not enough text yet to judge how easy it is to read."
    if score >= 80:
        return "Easy to read."
    if score >= TARGET:
        return "Plain English: most parents will read it easily."
    if score >= 50:
        return "Fairly hard to read: try shorter sentences and everyday words."
    return "Hard to read: use shorter sentences, everyday words and explain jargon."


def reading_ease_from_reason(reason):
    """The reading ease a stored sir.plain_language result gives ("Reading ease 62 ..."),
    or None when it gives none (too little text, no report)."""
    match = re.match(r"Reading ease (-?\d+)", reason or "")
    return int(match.group(1)) if match else None
