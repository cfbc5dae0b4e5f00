"""What the printed footer says of a page: its review dates, whichever fields it has."""

from django import template

register = template.Library()


@register.simple_tag
def review_dates(page):
    """{last_reviewed, next_review, approved_on} of the page; each None when it has none."""
    return {
        "last_reviewed": getattr(page, "last_reviewed", None),
        "next_review": getattr(page, "next_review", None),
        "approved_on": getattr(page, "governors_approved_on", None),
    }


@register.filter
def css_string(value):
    """The text as the inside of a CSS string: quotes, backslashes, line breaks and any
    character outside printable ASCII escaped (`\\HHHHHH `), so nothing can end the string
    or the style sheet."""
    out = []
    for char in str(value):
        if char.isascii() and char.isprintable() and char not in '"\\<>&':
            out.append(char)
        else:
            out.append(f"\\{ord(char):06x}")
    return "".join(out)
