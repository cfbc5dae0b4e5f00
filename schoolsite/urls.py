from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.account import RateLimitedPasswordResetView
from home.search import search
from home.seo import favicon, robots_txt
from senreport import views_pdf

urlpatterns = [
    # Per school: each site's own pages, from the request's host (Wagtail's sitemaps).
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    # Site search, scoped to the request's school (home/search.py).
    path("search/", search, name="search"),
    # A few of Wagtail's admin views narrowed to the editor's schools, at Wagtail's own
    # addresses: before Wagtail's admin so they answer first (home/admin_urls.py).
    path("admin/", include("home.admin_urls")),
    # Before the admin's own: the same address and name, with rate limits (home/account.py).
    path(
        "admin/password_reset/",
        RateLimitedPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The Local Offer as Open Referral UK JSON (localoffer/urls.py).
    path("openreferral/", include("localoffer.urls")),
    # The statutory pages' PDFs and previous approved versions (senreport/views_pdf.py).
    # Wagtail's slugs never hold a dot, so `<page path>.pdf` is no page's address.
    path("versions/<int:pk>/", views_pdf.edition_view, name="edition"),
    path("versions/<int:pk>.pdf", views_pdf.edition_pdf, name="edition_pdf"),
    path("versions/<int:pk>/changes/", views_pdf.changes_view, name="edition_changes"),
    re_path(
        r"^(?!media/|static/)(?P<path>(?:[-\w]+/)*[-\w]+)\.pdf$",
        views_pdf.page_pdf,
        name="page_pdf",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler500 = "home.seo.server_error"

# Wagtail's page serving takes everything not matched above; keep it last. English pages
# keep their unprefixed addresses; a translation is served under its language (/pl/...).
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
