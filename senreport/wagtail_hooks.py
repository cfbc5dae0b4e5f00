from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from localoffer.feed import (
    SCHOOL_LOCATION_HOOK,
    AccessibilityEntry,
    LocationContact,
    SchoolLocationExtras,
)

from .admin_views import CompliancePanel, ComplianceReportView


@hooks.register("construct_homepage_panels")
def add_compliance_panel(request, panels):
    panels.append(CompliancePanel(request))


@hooks.register("register_admin_urls")
def register_compliance_url():
    return [path("compliance/", ComplianceReportView.as_view(), name="senreport_compliance")]


@hooks.register("register_admin_menu_item")
def register_compliance_menu_item():
    return MenuItem(
        "SEND compliance",
        reverse("senreport_compliance"),
        icon_name="tasks",
        order=150,
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
