"""Small helpers for reading editor text."""

from functools import lru_cache

from django.utils.html import strip_tags
from django.utils.text import normalize_newlines


def plain_text(value):
    """The words of a rich-text (HTML) or plain value, without markup."""
    return _plain_text(str(value or ""))


# Remembered by the text itself (the function is pure): the checks read each field more
# than once, and the trust overview reads every school's fields on each visit.
@lru_cache(maxsize=8192)
def _plain_text(html):
    text = strip_tags(html).replace("&nbsp;", " ")
    return " ".join(normalize_newlines(text).split())


def has_text(value):
    return bool(plain_text(value))
