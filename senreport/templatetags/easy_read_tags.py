"""`{% easy_read_address as url %}`: the address of the site's easy-read SEN report, for
the links from the SEND section page and the glossary. Read from the navigation the footer
loads anyway (home.navigation.statutory_page): no query of its own."""

from django import template

from home.navigation import statutory_page

from ..easy_read import ROUTE
from ..reading import REPORT

register = template.Library()


@register.simple_tag(takes_context=True)
def easy_read_address(context):
    request = context.get("request")
    report = statutory_page(request, REPORT)
    url = report.get_url(request) if report is not None else ""
    return f"{url}{ROUTE}" if url else ""
