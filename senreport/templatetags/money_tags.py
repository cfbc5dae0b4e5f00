from django import template

from ..inclusion import pounds as format_pounds

register = template.Library()


@register.filter
def pounds(amount):
    """12400 -> £12,400."""
    return format_pounds(amount)
