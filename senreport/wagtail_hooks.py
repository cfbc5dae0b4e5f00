from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.navigation import site_page
from home.privacy_sources import PUPIL_DATA_SOURCES_HOOK, RecordSource
from home.publishing import LIVE_ITEMS_HOOK, PUBLISH_PROBLEMS_HOOK, PUBLISH_WARNINGS_HOOK
from home.schools import works_across_schools
from home.search import SEARCH_HOOK as SITE_SEARCH_HOOK
from home.send_blocks import SENCO_CONTACT_HOOK
from localoffer.feed import (
    SCHOOL_LOCATION_HOOK,
    AccessibilityEntry,
    LocationContact,
    SchoolLocationExtras,
)

from .admin_editions import editions_view
from .admin_views import ComplianceReportView, TrustOverviewView
from .editions import keeps_editions
from .home_panels import add_home_panels, add_summary_items
from .models import DisabilityAccessPage, GlossaryTerm, SENInformationReportPage
from .models.glossary import LETTER_PARAMETER
from .plan_rules import action_problems
from .publish_guard import items_turning_not_met, live_must_items, must_problems
from .reading import senco_report
from .search import send_search

# The admin home as the office's to-do list (senreport/home_panels.py).
hooks.register("construct_homepage_panels", add_home_panels)
hooks.register("construct_homepage_summary_items", add_summary_items)


@hooks.register("insert_global_admin_css")
def school_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("register_admin_urls")
def register_compliance_url():
    return [
        path("compliance/", ComplianceReportView.as_view(), name="senreport_compliance"),
        path("trust/", TrustOverviewView.as_view(), name="senreport_trust_overview"),
        path("editions/<int:page_id>/", editions_view, name="senreport_editions"),
    ]


@hooks.register("register_page_header_buttons")
def approved_versions_button(page, user, view_name, next_url=None):
    """A statutory page's approved versions and what changed (senreport/admin_editions.py)."""
    if keeps_editions(page):
        from wagtail.admin.widgets import Button

        yield Button(
            "Approved versions",
            reverse("senreport_editions", args=[page.pk]),
            icon_name="history",
            priority=66,
        )


@hooks.register("register_admin_menu_item")
def register_compliance_menu_item():
    return MenuItem(
        "SEND compliance",
        reverse("senreport_compliance"),
        icon_name="tasks",
        order=150,
    )


class TrustStaffMenuItem(MenuItem):
    """Only for trust staff, and only where there is more than one school."""

    def is_shown(self, request):
        return works_across_schools(request.user)


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
# The accessibility plan's actions, complete and in date before parents see them.
hooks.register(PUBLISH_PROBLEMS_HOOK, action_problems)
hooks.register(LIVE_ITEMS_HOOK, live_must_items)
# Items a publish would turn from met to not met: the editor confirms first.
hooks.register(PUBLISH_WARNINGS_HOOK, items_turning_not_met)

# "Import your current report" (senreport/importing/hooks.py registers itself).
from .importing import hooks as _importing_hooks  # noqa: E402, F401


@hooks.register(SITE_SEARCH_HOOK)
def search_send_pages(query, site, request):
    """Report sections (to their anchors) and glossary terms in the site search."""
    return send_search(query, site, request)


@hooks.register("register_page_cache_query_parameters")
def glossary_query_parameters():
    """The glossary page's letter filter (its word search uses the site search's `q`)."""
    return [LETTER_PARAMETER]


@hooks.register(SENCO_CONTACT_HOOK)
def senco_contact(request):
    """The SENCO's details for a "Our SENCO" contact card, from the live report."""
    report = senco_report(request)
    if report is None:
        return None
    name = f"{report.senco_name}, {report.senco_role}" if report.senco_role else report.senco_name
    return {"name": name, "phone": report.senco_phone, "email": report.senco_email, "website": ""}
