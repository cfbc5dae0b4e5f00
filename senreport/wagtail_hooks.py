from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.privacy_sources import PUPIL_DATA_SOURCES_HOOK, RecordSource
from home.publishing import LIVE_ITEMS_HOOK, PUBLISH_PROBLEMS_HOOK
from home.schools import is_trust_staff
from home.search import SEARCH_HOOK as SITE_SEARCH_HOOK
from localoffer.feed import (
    SCHOOL_LOCATION_HOOK,
    AccessibilityEntry,
    LocationContact,
    SchoolLocationExtras,
)

from .admin_views import CompliancePanel, ComplianceReportView, TrustOverviewView
from .models import GlossaryTerm
from .models.glossary import LETTER_PARAMETER
from .publish_guard import live_must_items, must_problems
from .search import send_search


@hooks.register("construct_homepage_panels")
def add_compliance_panel(request, panels):
    panels.append(CompliancePanel(request))


@hooks.register("register_admin_urls")
def register_compliance_url():
    return [
        path("compliance/", ComplianceReportView.as_view(), name="senreport_compliance"),
        path("trust/", TrustOverviewView.as_view(), name="senreport_trust_overview"),
    ]


@hooks.register("register_admin_menu_item")
def register_compliance_menu_item():
    return MenuItem(
        "SEND compliance",
        reverse("senreport_compliance"),
        icon_name="tasks",
        order=150,
    )


class TrustStaffMenuItem(MenuItem):
    def is_shown(self, request):
        return is_trust_staff(request.user)


@hooks.register("register_admin_menu_item")
def register_trust_overview_menu_item():
    return TrustStaffMenuItem(
        "Trust overview",
        reverse("senreport_trust_overview"),
        icon_name="site",
        order=140,
    )


@hooks.register("register_permissions")
def register_trust_overview_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="senreport", codename="view_trust_overview"
    )


@hooks.register(SCHOOL_LOCATION_HOOK)
def school_location_for_local_offer(site):
    """The Local Offer feed's school location: the SENCO as its contact and the access
    facilities from the disability and access page (each kept in one place)."""
    from .models import DisabilityAccessPage, SENInformationReportPage
    from .reading import site_page

    contacts, accessibility = [], []
    report = site_page(SENInformationReportPage, site)
    if report is not None and report.senco_name:
        contacts.append(
            LocationContact(
                name=report.senco_name,
                title=report.senco_role,
                email=report.senco_email,
                phone=report.senco_phone,
                key="senco",
            )
        )
    access = site_page(DisabilityAccessPage, site)
    if access is not None:
        url = access.get_full_url() or ""
        for label, available, notes in access.facilities:
            if available:
                accessibility.append(
                    AccessibilityEntry(label, details=notes, url=url, key=f"facility-{label}")
                )
        if access.other_facilities.strip():
            accessibility.append(
                AccessibilityEntry(access.other_facilities.strip(), url=url, key="facility-other")
            )
    return SchoolLocationExtras(accessibility=accessibility, contacts=contacts)


class GlossaryTermViewSet(SnippetViewSet):
    """'Glossary' in the admin menu: the SEND words explained to parents."""

    model = GlossaryTerm
    icon = "help"
    menu_label = "Glossary"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["term", "abbreviation", "definition"]
    list_export = ["term", "abbreviation", "definition"]
    export_filename = "glossary"
    # No search_fields here: the admin searches the model's own index (index.Indexed).
    # Field-restricted search crashes on SQLite's full-text backend (wagtail#10217).
    ordering = ["term"]


register_snippet(GlossaryTermViewSet)


@hooks.register(PUPIL_DATA_SOURCES_HOOK)
def glossary_pupil_data_sources():
    """Glossary terms show on every school's SEND pages: the pupil-data scan reads them."""
    return [RecordSource("glossary term", GlossaryTerm, site_field=None)]


# The statutory pages' own *must* checks, in the publish guard every page type shares
# (home/publishing.py), and the items a live page carries, for the unpublish and delete
# confirmations.
hooks.register(PUBLISH_PROBLEMS_HOOK, must_problems)
hooks.register(LIVE_ITEMS_HOOK, live_must_items)


@hooks.register(SITE_SEARCH_HOOK)
def search_send_pages(query, site, request):
    """Report sections (to their anchors) and glossary terms in the site search."""
    return send_search(query, site, request)


@hooks.register("register_page_cache_query_parameters")
def glossary_query_parameters():
    """The glossary page's letter filter (its word search uses the site search's `q`)."""
    return [LETTER_PARAMETER]
