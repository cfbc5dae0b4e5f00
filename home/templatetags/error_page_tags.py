"""Tags for the error pages, which must never fail themselves."""

from django import template
from django.conf import settings
from django.templatetags.static import static

register = template.Library()


@register.simple_tag
def static_or_plain(path):
    """The static file's address under its hashed name, or under its plain name when the
    manifest does not know it (an error page must draw even then)."""
    try:
        return static(path)
    except ValueError:
        return f"{settings.STATIC_URL}{path}"
