"""What search engines and link previews read: robots.txt, the meta description and the
Open Graph tags. The sitemap is Wagtail's own (wagtail.contrib.sitemaps), per site."""

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect
from django.template import loader
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.views.decorators.http import require_GET

from home.models import SchoolSettings

# Search engines show about this many characters of a description.
DESCRIPTION_LENGTH = 160


def meta_description(page, school_name=""):
    """The page's description for search results and link previews: what the editor wrote
    in "Search description", else the start of the page's introduction, else a sentence
    naming the page and the school."""
    if not page:  # pages that are not Wagtail pages: search results, "not found"
        return ""
    written = (getattr(page, "search_description", "") or "").strip()
    if written:
        return written
    introduction = getattr(page, "introduction", "") or ""
    # Rich text or plain: the words only, on one line.
    text = " ".join(strip_tags(str(introduction)).split())
    if text:
        return Truncator(text).chars(DESCRIPTION_LENGTH)
    title = getattr(page, "title", "")
    return f"{title} – {school_name}" if school_name and title else title


@require_GET
def robots_txt(request):
    """Crawlers may read the public site, not the admin; the sitemap lists every page."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """The school's icon: its logo made small, or the site's plain icon without one."""
    school = SchoolSettings.for_request(request)
    logo = getattr(school, "logo", None)
    if logo is not None:
        return redirect(logo.get_rendition("fill-64x64|format-png").url)
    return redirect(static("img/favicon.svg"))


# The last resort when even the branded error page cannot be drawn (say a stylesheet's
# hashed name is missing): plain words, nothing read from anywhere.
PLAIN_SERVER_ERROR = (
    '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    "<title>Sorry, something went wrong</title></head><body><main>"
    "<h1>Sorry, something went wrong</h1>"
    "<p>The website could not show this page just now. The problem is on our side, not "
    "yours. Please try again in a few minutes.</p>"
    '<p><a href="/">Go to the home page</a></p></main></body></html>'
)


def server_error(request):
    """The 500 page (templates/500.html, which reads nothing from the database); plain
    words if drawing it fails too, so an error page never raises an error of its own."""
    try:
        return HttpResponseServerError(loader.get_template("500.html").render())
    except Exception:  # noqa: BLE001 - any failure here must still answer the reader
        return HttpResponseServerError(PLAIN_SERVER_ERROR)
