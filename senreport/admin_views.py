"""The compliance dashboard panel and the full report, in the Wagtail admin."""

from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Site

from .compliance import evaluate_site
from .links import broken_links, links_last_checked
from .models import LinkKind

REVIEW_HORIZON_DAYS = 60


def site_for_admin(request):
    """The school the admin is looking at: ?site=<id>, else the request's site."""
    site_id = request.GET.get("site", "")
    if site_id.isdigit():
        site = Site.objects.filter(pk=site_id).select_related("root_page").first()
        if site is not None:
            return site
    return Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()


def dashboard_context(site):
    report = evaluate_site(site)
    today = timezone.localdate()
    due = report.due_for_review(REVIEW_HORIZON_DAYS, today=today)
    # One row per page and date: several checks share a page's review date.
    due_rows, seen = [], set()
    for result in due:
        key = (result.public_url.split("#")[0], result.next_review)
        if key in seen:
            continue
        seen.add(key)
        due_rows.append(
            {
                "result": result,
                "overdue": result.next_review < today,
                "days": (result.next_review - today).days,
            }
        )
    upcoming = report.due_for_review(days=3650, today=today)
    return {
        "broken_links": broken_links(site, kinds=[LinkKind.LOCAL_OFFER, LinkKind.SENDIASS]),
        "links_last_checked": links_last_checked(site),
        "site": site,
        "report": report,
        "next_review": upcoming[0] if upcoming else None,
        "failing_must": report.failing_must,
        "failing_should": report.failing_should,
        "warnings": report.warnings,
        "due_for_review": due_rows,
        "horizon_days": REVIEW_HORIZON_DAYS,
    }


class CompliancePanel(Component):
    """The dashboard panel on the admin home page."""

    name = "send_compliance"
    template_name = "senreport/admin/compliance_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        site = site_for_admin(self.request)
        context = dashboard_context(site) if site else {}
        context["request"] = self.request
        return context


class ComplianceReportView(WagtailAdminTemplateMixin, TemplateView):
    """Every check for one school, with its status, reason and where to fix it."""

    template_name = "senreport/admin/compliance_report.html"
    page_title = "SEND compliance"
    header_icon = "tasks"

    def get_page_subtitle(self):
        return self.site_settings_name

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        site = site_for_admin(self.request)
        from home.models import SchoolSettings

        self.site_settings_name = SchoolSettings.for_site(site).school_name or str(site)
        context = super().get_context_data(**kwargs)
        context.update(dashboard_context(site))
        context["results"] = context["report"].results
        return context
