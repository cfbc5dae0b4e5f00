"""What search engines and link previews read: robots.txt, the meta description and the
Open Graph tags. The sitemap is Wagtail's own (wagtail.contrib.sitemaps), per site."""

from django.http import HttpResponse
from django.shortcuts import redirect
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
