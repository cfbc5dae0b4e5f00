"""Small helpers for reading editor text."""

from django.utils.html import strip_tags
from django.utils.text import normalize_newlines


def plain_text(value):
    """The words of a rich-text (HTML) or plain value, without markup."""
    text = strip_tags(str(value or "")).replace("&nbsp;", " ")
    return " ".join(normalize_newlines(text).split())


def has_text(value):
    return bool(plain_text(value))
