"""The importer's place in the admin: its URLs, "Import your current report" on the SEN
report (its header menu and the page listing) and, for a school with no report yet, a
small dashboard panel. Registered from senreport/wagtail_hooks.py."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.widgets import Button, ListingButton

from ..models import SENInformationReportPage
from .views import ImportReportPanel, ImportReviewView, ImportStartView, import_url, may_import

LABEL = "Import your current report"


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("sen-report/import/", ImportStartView.as_view(), name="senreport_import"),
        path(
            "sen-report/import/<int:pk>/",
            ImportReviewView.as_view(),
            name="senreport_import_review",
        ),
    ]


def _is_report(page):
    return issubclass(page.specific_class or type(page), SENInformationReportPage)


@hooks.register("register_page_header_buttons")
def import_header_button(page, user, view_name, next_url=None):
    if _is_report(page):
        site = page.get_site()
        if site is not None and may_import(user, site):
            yield Button(LABEL, import_url(site), icon_name="upload", priority=5)


@hooks.register("register_page_listing_buttons")
def import_listing_button(page, user, next_url=None):
    if _is_report(page):
        site = page.get_site()
        if site is not None and may_import(user, site):
            yield ListingButton(LABEL, import_url(site), icon_name="upload", priority=60)


@hooks.register("construct_homepage_panels")
def add_import_panel(request, panels):
    panels.append(ImportReportPanel(request))
