"""The full compliance report and the trust overview, in the admin (the admin home's panels
are in senreport/home_panels.py)."""

import django_filters
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, WagtailAdminTemplateMixin
from wagtail.models import Site

from home.schools import is_trust_staff, sites_for_user, works_across_schools

from .compliance import Status, registry
from .compliance.store import stored_report
from .inclusion import countdown
from .links import broken_links, links_last_checked
from .models import ComplianceResult, LinkKind
from .trust import DEFAULT_ORDERING, school_rows, sort_rows

REVIEW_HORIZON_DAYS = 60


def site_for_admin(request, strict=False, sites=None):
    """The school the admin is looking at, among those the user works on (`sites`, read if
    not given): ?site=<id>, else the site the admin is served from, else the user's first
    school; None if they have none.

    With `strict`, asking for a school the user does not work on is refused (403).
    """
    if sites is None:
        sites = sites_for_user(request.user)
    sites = {site.pk: site for site in sites}
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
        school = context_data["report"].school
        # The school's name, never Wagtail's "localhost [default]".
        self.site_settings_name = school.school_name or site.site_name or site.hostname
        context = super().get_context_data(**kwargs)
        context.update(context_data)
        context["results"] = context["report"].results
        context["school_name"] = self.site_settings_name
        # Trust staff move between schools through the trust overview; someone who works
        # on a few schools chooses among them here.
        trust_staff = works_across_schools(self.request.user)
        sites = [] if trust_staff else sites_for_user(self.request.user)
        context["other_sites"] = sites if len(sites) > 1 else []
        context["trust_staff"] = trust_staff
        return context


class TrustOverviewFilterSet(WagtailFilterSet):
    """The overview's filter: the schools that do not meet one item, listed by its title."""

    failing = django_filters.ChoiceFilter(
        label="Show schools not meeting",
        choices=lambda: [(check.id, check.title) for check in registry],
        empty_label="Any item (every school)",
        method="filter_failing",
    )

    class Meta:
        model = Site
        fields = []

    def filter_failing(self, queryset, name, value):
        return queryset.filter(
            Exists(
                ComplianceResult.objects.filter(
                    site=OuterRef("pk"), check_id=value, status=Status.FAIL
                )
            )
        )


class TrustColumn(Column):
    """A column of the overview; one template draws every cell, by the column's name."""

    header_template_name = "senreport/admin/includes/trust_column_header.html"
    cell_template_name = "senreport/admin/includes/trust_cell.html"


class TrustOverviewView(IndexView):
    """Every school in one table, for trust staff: sortable, filtered by a failing item, 50
    schools a page, and as a CSV or XLSX file through Wagtail's export (?export=csv|xlsx;
    ?format=csv as before). The rows are the sites with their stored results, summed up in
    the database in a fixed number of queries (senreport/trust.py)."""

    model = Site
    index_url_name = "senreport_trust_overview"
    template_name = "senreport/admin/trust_overview.html"
    results_template_name = "senreport/admin/trust_overview_results.html"
    page_title = "Trust overview"
    header_icon = "site"
    paginate_by = 50
    filterset_class = TrustOverviewFilterSet
    default_ordering = DEFAULT_ORDERING
    table_classname = "listing trust-overview"
    verbose_name_plural = "schools"
    columns = [
        TrustColumn("school", label="School", sort_key="school"),
        TrustColumn("type", label="Type", sort_key="type"),
        TrustColumn("score", label="Legal duties met", sort_key="score"),
        TrustColumn("failing", label="Legal duties not met", sort_key="failing"),
        TrustColumn("next_review", label="Next review due", sort_key="next_review"),
        TrustColumn("reading_ease", label="Plain English (reading ease)"),
        TrustColumn("checked", label="Checked"),
        TrustColumn("dashboard", label="Dashboard"),
    ]
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

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # ?format=csv, the overview's download link before Wagtail's export.
        if request.GET.get("format") in self.FORMATS and not self.is_export:
            request.GET = request.GET.copy()
            request.GET["export"] = request.GET["format"]
            self.is_export = True

    # Trust staff only (the group's permission), whatever their permissions on sites.
    permission_policy = None
    any_permission_required = None
    # The filter is the form above the table (no JavaScript needed), not Wagtail's drop-down.
    active_filters = []

    def dispatch(self, request, *args, **kwargs):
        if not is_trust_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return Site.objects.order_by("site_name", "hostname")

    def order_queryset(self, queryset):
        # The columns sort the summed-up rows (senreport/trust.py), not the sites.
        return queryset

    def get_queryset(self):
        sites = super().get_queryset()
        self.all_rows = school_rows(sites)
        return sort_rows(self.all_rows, self.ordering)

    @cached_property
    def no_results_message(self):
        if self.is_filtering:
            return "No school fails this item."
        return "There are no schools yet."

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["total"] = len(self.all_rows)
        context["compliant_count"] = sum(1 for row in self.all_rows if row.compliant)
        context["today"] = timezone.localdate()
        return context

    def as_spreadsheet(self, queryset, spreadsheet_format):
        """The table as a spreadsheet, every school (formula-safe: see home/spreadsheets.py)."""
        admin_base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        rows = [ExportRow(row, admin_base) for row in queryset]
        return super().as_spreadsheet(rows, spreadsheet_format)

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
