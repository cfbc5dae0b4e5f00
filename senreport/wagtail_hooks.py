from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

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
