"""The statutory pages' "Download as PDF" link and their previous approved versions."""

from django import template

from .. import editions, pdf

register = template.Library()


@register.simple_tag(takes_context=True)
def pdf_address(context, page):
    """The page's PDF address (relative on the page's own site), or "" for a page type
    without one."""
    if not pdf.has_pdf(page):
        return ""
    return pdf.pdf_url(page.get_url(context.get("request")))


@register.simple_tag
def previous_versions(page):
    """The page's replaced editions, newest first (one query), or [] for a page type that
    keeps none."""
    if not editions.keeps_editions(page):
        return []
    return editions.previous_editions(page)
