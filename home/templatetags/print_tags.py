"""What the printed footer says of a page: its review dates, whichever fields it has."""

from django import template

register = template.Library()


@register.simple_tag
def review_dates(page):
    """{last_reviewed, next_review, approved_on} of the page; each None when it has none."""
    return {
        "last_reviewed": getattr(page, "last_reviewed", None),
        "next_review": getattr(page, "next_review_due", None),
        "approved_on": getattr(page, "governors_approved_on", None),
    }
