"""The personal-data guard (check dp.no_pupil_data and the publish guard of every page):
published pages must not carry identifiable pupil data. Each finding quotes the words, so
the editor can find them."""

import re
from functools import cache

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
# What every match of SMALL_COUNT must contain: the end of one of its three alternatives.
# Looking for these is several times quicker than SMALL_COUNT itself, so a text without
# any is not searched further (the trust overview checks every school's pages).
SMALL_COUNT_HINT = re.compile(
    r"[0-4]\s+(?:pupils?|children|child|students?|learners?|boys?|girls?)\b"
    r"|n\s*=\s*[0-4]"
    r"|:\s*[1-4]\s*(?:pupils?|children)?(?=\s*(?:[,;.]|$|\n))",
    re.IGNORECASE,
)


TEXT_TYPES = ("CharField", "TextField")
# Page fields that hold addresses and identifiers, not words an editor wrote.
NOT_CONTENT = {"slug", "url_path", "path", "draft_title", "translation_key"}


def find_pupil_data(text):
    """[(kind, quoted words)] for each match in the text."""
    findings = []
    for pattern, kind in PATTERNS:
        if pattern is SMALL_COUNT and not SMALL_COUNT_HINT.search(text):
            continue
        for match in pattern.finditer(text):
            findings.append((kind, " ".join(match.group(0).split())))
    return findings


@cache
def _text_fields(model):
    """(StreamField or None, attname) of each field of a model that holds editor text."""
    found = []
    for field in model._meta.get_fields():
        if not getattr(field, "concrete", False) or field.is_relation:
            continue
        if isinstance(field, StreamField):
            found.append((field, field.attname))
            continue
        is_text = isinstance(field, RichTextField) or field.get_internal_type() in TEXT_TYPES
        if is_text and field.name not in NOT_CONTENT:
            found.append((None, field.attname))
    return tuple(found)


@cache
def _child_accessors(model):
    # Editors' comments are admin notes, never published.
    return tuple(
        relation.get_accessor_name()
        for relation in get_all_child_relations(model)
        if relation.get_accessor_name() != COMMENTS_RELATION_NAME
    )


@cache
def _child_text_attnames(model):
    return tuple(
        f.attname
        for f in model._meta.get_fields()
        if getattr(f, "concrete", False)
        and not f.is_relation
        and f.get_internal_type() in ("CharField", "TextField")
    )


def page_text(page, children=None):
    """All the words an editor wrote on a page: text fields, rich text, StreamField and
    InlinePanel children (given, or read from the page)."""
    parts = [page.title]
    for stream_field, attname in _text_fields(type(page)):
        value = getattr(page, attname, None)
        if stream_field is not None:
            parts.extend(str(v) for v in stream_field.stream_block.get_searchable_content(value))
        else:
            parts.append(plain_text(value))
    if children is None:
        children = {
            accessor: getattr(page, accessor).all() for accessor in _child_accessors(type(page))
        }
    for relation in children:
        for child in children[relation]:
            parts.extend(
                str(getattr(child, attname) or "") for attname in _child_text_attnames(type(child))
            )
    return "\n".join(p for p in parts if p)
