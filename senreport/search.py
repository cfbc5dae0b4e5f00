"""What the site search (home/search.py) finds in the SEND pages: each SEN Information
Report section whose heading or text has the words, linked to its anchor, and the
glossary terms, linked to their entry on the school's glossary page."""

from django.db.models import Q

from home.navigation import site_page
from home.search import SearchResult, matches, summarise

from .models import GlossaryPage, GlossaryTerm, SENInformationReportPage
from .reading import report_sections


def report_section_results(query, site, request):
    report = site_page(SENInformationReportPage, site, request)
    if report is None:
        return []
    url = report.get_url(request)
    return [
        SearchResult(
            title=section.heading,
            url=f"{url}#{section.anchor}",
            kind=f"{report.title}: section",
            summary=summarise(section.text),
        )
        for section in report_sections(report)
        if matches(query, section.heading, section.text)
    ]


def glossary_filter(query):
    """Terms whose words, abbreviation or explanation hold every word of the query."""
    condition = Q()
    for word in query.split():
        condition &= (
            Q(term__icontains=word)
            | Q(abbreviation__icontains=word)
            | Q(definition__icontains=word)
        )
    return condition


def glossary_results(query, site, request):
    glossary = site_page(GlossaryPage, site, request)
    if glossary is None:
        return []
    url = glossary.get_url(request)
    return [
        SearchResult(
            title=str(term),
            url=f"{url}#{term.anchor}",
            kind="Glossary",
            summary=term.definition,
        )
        for term in GlossaryTerm.objects.filter(glossary_filter(query))
    ]


def send_search(query, site, request):
    return report_section_results(query, site, request) + glossary_results(query, site, request)
