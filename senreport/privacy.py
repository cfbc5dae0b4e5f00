"""The personal-data guard (check dp.no_pupil_data): published SEND pages must not carry
identifiable pupil data. Each finding quotes the words, so the editor can find them."""

import re

from modelcluster.models import get_all_child_relations
from wagtail.fields import RichTextField, StreamField
from wagtail.models import COMMENTS_RELATION_NAME

from .text import plain_text

# A Unique Pupil Number: one letter and 12 digits.
UPN = re.compile(r"\b[A-Za-z]\d{12}\b")
# A date of birth: "DOB", "date of birth" or "born on", then a date close by.
_DATE = (
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"(?:\s+\d{2,4})?"
)
DATE_OF_BIRTH = re.compile(
    r"\b(?:D\.?O\.?B\.?|date\s+of\s+birth|born\s+on)\b[:\s-]{0,3}(?:" + _DATE + r")",
    re.IGNORECASE,
)
# A small count in a breakdown: "3 pupils", "Autism: 2", "(n=4)".
SMALL_COUNT = re.compile(
    r"(?<![\d.,£$%])\b[0-4]\s+(?:pupils?|children|child|students?|learners?|boys?|girls?)\b"
    r"|\bn\s*=\s*[0-4]\b"
    r"|\b(?!(?:key\s+)?(?:stage|step|year|level|phase|part|page|wave|tier|section)\b)"
    r"[A-Za-z][A-Za-z ()/-]{2,40}:\s*[1-4]\s*(?:pupils?|children)?(?=\s*(?:[,;.]|$|\n))",
    re.IGNORECASE,
)
PATTERNS = (
    (UPN, "a Unique Pupil Number"),
    (DATE_OF_BIRTH, "a date of birth"),
    (SMALL_COUNT, "a count under 5 that could identify pupils"),
)


TEXT_TYPES = ("CharField", "TextField")
# Page fields that hold addresses and identifiers, not words an editor wrote.
NOT_CONTENT = {"slug", "url_path", "path", "draft_title", "translation_key"}


def find_pupil_data(text):
    """[(kind, quoted words)] for each match in the text."""
    findings = []
    for pattern, kind in PATTERNS:
        for match in pattern.finditer(text):
            findings.append((kind, " ".join(match.group(0).split())))
    return findings


def page_text(page, children=None):
    """All the words an editor wrote on a page: text fields, rich text, StreamField and
    InlinePanel children (given, or read from the page)."""
    parts = [page.title]
    for field in page._meta.get_fields():
        if not getattr(field, "concrete", False) or field.is_relation:
            continue
        value = getattr(page, field.attname, None)
        if isinstance(field, StreamField):
            parts.extend(str(v) for v in field.stream_block.get_searchable_content(value))
            continue
        is_text = isinstance(field, RichTextField) or field.get_internal_type() in TEXT_TYPES
        if is_text and field.name not in NOT_CONTENT:
            parts.append(plain_text(value))
    if children is None:
        children = {
            relation.get_accessor_name(): getattr(page, relation.get_accessor_name()).all()
            for relation in get_all_child_relations(page)
            # Editors' comments in the admin are never published: not page content.
            if relation.get_accessor_name() != COMMENTS_RELATION_NAME
        }
    for relation in children:
        for child in children[relation]:
            parts.extend(
                str(getattr(child, f.attname) or "")
                for f in child._meta.get_fields()
                if getattr(f, "concrete", False)
                and not f.is_relation
                and f.get_internal_type() in ("CharField", "TextField")
            )
    return "\n".join(p for p in parts if p)
