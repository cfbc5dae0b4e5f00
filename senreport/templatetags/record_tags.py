"""The statutory pages' "Download as PDF" link and their previous approved versions."""

from django import template

from .. import editions, pdf

register = template.Library()


@register.simple_tag
def pdf_address(page):
    """The page's PDF address, or "" for a page type without one."""
    if not pdf.has_pdf(page):
        return ""
    return pdf.pdf_url(page.url)


@register.simple_tag
def previous_versions(page):
    """The page's replaced editions, newest first (one query), or [] for a page type that
    keeps none."""
    if not editions.keeps_editions(page):
        return []
    return editions.previous_editions(page)
