"""Site search: the school's own pages, and whatever the SEND apps add through the
`register_site_search` hook (report sections, glossary terms, Local Offer services).

Wagtail's search with the database backend (PostgreSQL full text in production, SQLite in
development) finds the pages; each source is scoped to the request's site, so a school's
search never shows another school's pages or services.
"""

from dataclasses import dataclass

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail.models import Page, Site

from home.public import public

SEARCH_HOOK = "register_site_search"
QUERY_PARAMETER = "q"
RESULTS_PAGE_PARAMETER = "page"
# Longer queries are cut: nobody types more, and a long one would only cost the database.
MAX_QUERY_LENGTH = 100
RESULTS_PER_PAGE = 20
# Pages found by Wagtail's search: enough for a school's site, a fixed cost per search.
MAX_PAGE_RESULTS = 40


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    kind: str  # what a parent reads beside the title: "Page", "Glossary", "Local Offer"...
    summary: str = ""


def summarise(text, words=30):
    """Plain text of rich or plain `text`, cut to a few words."""
    return Truncator(" ".join(strip_tags(str(text or "")).split())).words(words)


def matches(query, *texts):
    """Whether every word of the query appears in the texts (case-insensitive)."""
    haystack = " ".join(strip_tags(str(text or "")) for text in texts).casefold()
    return all(word in haystack for word in query.casefold().split())


def search_pages(query, site, request):
    """The site's live public pages that Wagtail's search finds, best first."""
    pages = public(
        Page.objects.live().descendant_of(site.root_page, inclusive=True).defer_streamfields(),
        request,
    )
    found = pages.search(query, operator="and")[:MAX_PAGE_RESULTS]
    return [
        SearchResult(
            title=page.title,
            url=page.get_url(request),
            kind="Page",
            summary=page.search_description,
        )
        for page in found
    ]


def site_search(query, site, request):
    """Everything the search finds for `query` on `site`: pages first, then each app's."""
    results = search_pages(query, site, request)
    for source in hooks.get_hooks(SEARCH_HOOK):
        results.extend(source(query, site, request))
    return results


@require_GET
def search(request):
    query = " ".join(request.GET.get(QUERY_PARAMETER, "").split())[:MAX_QUERY_LENGTH]
    site = Site.find_for_request(request)
    results = site_search(query, site, request) if query and site else []
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        shown = paginator.page(request.GET.get(RESULTS_PAGE_PARAMETER, 1))
    except (PageNotAnInteger, EmptyPage):
        shown = paginator.page(1)
    return render(
        request,
        "home/search_results.html",
        {"search_query": query, "results": shown, "result_count": len(results)},
    )
