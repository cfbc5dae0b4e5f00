from django import template

from home.seo import meta_description as describe

register = template.Library()


@register.simple_tag
def meta_description(page, school_name=""):
    """The page's meta description (home.seo.meta_description)."""
    return describe(page, school_name)
