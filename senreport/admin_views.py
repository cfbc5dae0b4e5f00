"""The compliance dashboard panel, the full report and the trust overview, in the admin."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.models import Site

from home.schools import is_trust_staff, sites_for_user

from .compliance import registry
from .compliance.store import stored_report
from .inclusion import countdown
from .links import broken_links, links_last_checked
from .models import LinkKind
from .trust import ORDERINGS, parse_ordering, school_rows, sort_rows

REVIEW_HORIZON_DAYS = 60


def site_for_admin(request, strict=False):
    """The school the admin is looking at, among those the user works on: ?site=<id>, else
    the site the admin is served from, else the user's first school; None if they have none.

    With `strict`, asking for a school the user does not work on is refused (403).
    """
    sites = {site.pk: site for site in sites_for_user(request.user)}
    site_id = request.GET.get("site", "")
    if site_id.isdigit():
        if int(site_id) in sites:
            return sites[int(site_id)]
        if strict:
            raise PermissionDenied
    current = Site.find_for_request(request)
    if current is not None and current.pk in sites:
        return sites[current.pk]
    return next(iter(sites.values()), None)


def dashboard_context(site):
    report = stored_report(site)
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
        "inclusion_countdown": inclusion_countdown(report, today),
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


def inclusion_countdown(report, today):
    """While the school must publish its inclusion strategy and it is not live: the days
    left to the deadline (or overdue) and where to create or edit it; else None."""
    result = next((r for r in report.results if r.check.id == "inc.published"), None)
    if result is None or not result.failed:
        return None
    return {"countdown": countdown(today), "fix_url": result.fix_url}


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
        # The school's name in the heading: editors of several schools see whose this is.
        return self.breadcrumbs_items + [{"url": "", "label": self.get_header_title()}]

    def get_context_data(self, **kwargs):
        site = site_for_admin(self.request, strict=True)
        if site is None:
            raise PermissionDenied
        context_data = dashboard_context(site)
        self.site_settings_name = context_data["report"].school.school_name or str(site)
        context = super().get_context_data(**kwargs)
        context.update(context_data)
        context["results"] = context["report"].results
        # Trust staff move between schools through the trust overview; someone who works
        # on a few schools chooses among them here.
        trust_staff = is_trust_staff(self.request.user)
        sites = [] if trust_staff else sites_for_user(self.request.user)
        context["other_sites"] = sites if len(sites) > 1 else []
        context["trust_staff"] = trust_staff
        return context


# The overview's columns: (ordering key, heading). The dashboard link is not sortable.
OVERVIEW_COLUMNS = (
    ("school", "School"),
    ("type", "Type"),
    ("score", "Legal duties met"),
    ("failing", "Legal duties not met"),
    ("next_review", "Next review due"),
)
assert {key for key, _ in OVERVIEW_COLUMNS} == set(ORDERINGS)


class TrustOverviewView(SpreadsheetExportMixin, WagtailAdminTemplateMixin, TemplateView):
    """Every school in one table, for trust staff: sortable, filtered by a failing item, and
    as a CSV or XLSX file (?export=csv|xlsx; ?format=csv as before)."""

    list_export = [
        "name",
        "school_type",
        "website",
        "must_passed",
        "must_applicable",
        "failing_must",
        "next_review",
        "next_review_what",
        "dashboard",
        "reading_ease",
        "evaluated_at",
    ]
    export_headings = {
        "name": "School",
        "school_type": "Type",
        "website": "Website",
        "must_passed": "Legal duties met",
        "must_applicable": "Legal duties that apply",
        "failing_must": "Legal duties not met",
        "next_review": "Next review due",
        "next_review_what": "Next review of",
        "reading_ease": "Reading ease (plain English)",
        "evaluated_at": "Checked",
        "dashboard": "Dashboard",
    }
    export_filename = "trust-overview"
    paginate_by = 50

    template_name = "senreport/admin/trust_overview.html"
    page_title = "Trust overview"
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not is_trust_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        self.ordering = parse_ordering(request.GET.get("ordering"))
        self.rows = sort_rows(school_rows(), self.ordering)
        # ?failing=<check id>: only the schools that do not meet that item.
        failing = request.GET.get("failing", "")
        self.failing = failing if failing in registry.ids() else ""
        if self.failing:
            self.rows = [row for row in self.rows if self.failing in row.failing_ids]
        export_format = request.GET.get("export") or request.GET.get("format")
        if export_format in self.FORMATS:
            return self.export_response(export_format)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        columns = []
        for key, label in OVERVIEW_COLUMNS:
            sorted_here = self.ordering.removeprefix("-") == key
            descending = self.ordering.startswith("-")
            columns.append(
                {
                    "label": label,
                    "aria_sort": (
                        ("descending" if descending else "ascending") if sorted_here else ""
                    ),
                    # A second click on the sorted column reverses it.
                    "ordering": f"-{key}" if sorted_here and not descending else key,
                }
            )
        # 50 schools a page, as Wagtail's listings page theirs; the counts and the
        # downloads cover every school.
        page = Paginator(self.rows, self.paginate_by).get_page(self.request.GET.get("p"))
        query = {"ordering": self.ordering}
        if self.failing:
            query["failing"] = self.failing
        context.update(
            {
                "rows": [(row, row.review_overdue(today)) for row in page.object_list],
                "page_obj": page,
                "page_query": urlencode(query),
                "total": len(self.rows),
                "columns": columns,
                "ordering": self.ordering,
                "compliant_count": sum(1 for row in self.rows if row.compliant),
                "failing": self.failing,
                "filter_checks": list(registry),
            }
        )
        return context

    def export_response(self, export_format):
        """The table as a spreadsheet, through Wagtail's export (formula-safe: see
        home/spreadsheets.py)."""
        admin_base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        rows = [ExportRow(row, admin_base) for row in self.rows]
        return self.as_spreadsheet(rows, export_format)

    def write_csv_response(self, queryset):
        # One school a line, a few hundred at most: one response rather than a stream.
        response = HttpResponse(
            b"".join(self.stream_csv(queryset)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response


class ExportRow:
    """One school of the overview as the spreadsheet's columns read it."""

    def __init__(self, row, admin_base):
        self.row = row
        self.name = row.name
        self.school_type = row.school_type
        self.website = row.site.root_url
        self.must_passed = row.must_passed
        self.must_applicable = row.must_applicable
        self.failing_must = "; ".join(row.failing_must)
        self.next_review = row.next_review
        self.next_review_what = row.next_review_what
        self.reading_ease = row.reading_ease
        self.evaluated_at = (
            timezone.localtime(row.evaluated_at).replace(tzinfo=None) if row.evaluated_at else None
        )
        self.dashboard = f"{admin_base}{row.dashboard_url}"
