"""The publish guard's admin confirmations (see home/guard_admin.py)."""

from django import template

from home.guard_admin import live_pages_under, would_miss

register = template.Library()


@register.inclusion_tag("home/admin/would_miss.html")
def would_miss_warning(page, verb):
    """The *must* items the school loses if `page` (and, if ticked, the pages under it)
    is unpublished."""
    return {
        "missing": would_miss([page.specific]),
        "below": would_miss(live_pages_under(page)),
        "verb": verb,
    }
