"""Public views of the yearly record: a statutory page as PDF, its previous approved
versions (HTML and PDF) and what changed since the last approved version.

Addresses (schoolsite/urls.py, before Wagtail's page serving):
- `/<page path>.pdf`: the live page as a tagged PDF (`/send/sen-information-report.pdf`).
  Wagtail's slugs never hold a dot, so no page can have such an address;
- `/versions/<id>/` and `/versions/<id>.pdf`: an edition (senreport/models/editions.py);
- `/versions/<id>/changes/`: what changed between that edition and the live page.

Only live public pages of the site asked for are served; every answer to a visitor who
is not logged in is kept by the page cache, and PDFs are made once per revision
(senreport/pdf.py).
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

from pagecache import mark_cacheable

from . import editions as record
from . import pdf
from .models import Edition


def _site(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site here")
    return site


def _public_page(site, url_path):
    page = Page.objects.live().public().filter(url_path=url_path).first()
    if page is None or not page.url_path.startswith(site.root_page.url_path):
        raise Http404("No such page")
    return page.specific


def _pdf_response(content, filename):
    response = HttpResponse(content, content_type=pdf.CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Content-Length"] = str(len(content))
    return response


def page_pdf(request, path):
    """The live statutory page at `path` as a PDF."""
    site = _site(request)
    page = _public_page(site, f"{site.root_page.url_path}{path}/")
    if not pdf.has_pdf(page):
        raise Http404("This page has no PDF")
    content = pdf.page_pdf(page, request)
    mark_cacheable(request)
    return _pdf_response(content, pdf.filename_for(page))


def _edition(request, pk):
    """The edition, if its page is live, public and on this site."""
    site = _site(request)
    edition = get_object_or_404(Edition.objects.select_related("page", "minutes"), pk=pk)
    live = _public_page(site, edition.page.url_path)
    return site, edition, live


def edition_response(request, edition, live):
    """The edition as its page's template showed it, with a banner naming it."""
    page = edition.as_page()
    visitor = pdf.anonymous(request) if request.user.is_authenticated else request
    context = page.get_context(visitor)
    context.update(edition=edition, live_page=live, edition_banner=True)
    return TemplateResponse(visitor, page.get_template(visitor), context)


def edition_html(request, edition, live):
    response = edition_response(request, edition, live)
    response.render()
    return response.content.decode(response.charset or "utf-8")


def edition_view(request, pk):
    _site_, edition, live = _edition(request, pk)
    mark_cacheable(request)
    return edition_response(request, edition, live)


def edition_pdf(request, pk):
    site, edition, live = _edition(request, pk)

    def build():
        html = edition_html(request, edition, live)
        return pdf.html_to_pdf(html, request.build_absolute_uri(edition.get_url()))

    content = pdf.cached_pdf(site.pk, ("edition", edition.pk), build)
    mark_cacheable(request)
    return _pdf_response(content, pdf.filename_for(live, f"-approved-{edition.approved_on}"))


def comparison(request, edition, live):
    """[Change] between the edition and the live page, with the counts."""
    old = record.sections_of(edition_html(request, edition, live))
    new = record.sections_of(pdf.render_page_html(live, request))
    changes = record.compare(old, new)
    return changes, record.count(changes)


def changes_view(request, pk):
    _site_, edition, live = _edition(request, pk)
    changes, counts = comparison(request, edition, live)
    mark_cacheable(request)
    return TemplateResponse(
        request,
        "senreport/edition_changes.html",
        {"page": live, "edition": edition, "changes": changes, "counts": counts},
    )
