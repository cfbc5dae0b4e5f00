import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.models import Site

from senreport.compliance.registry import CHECKLIST_VERSION, SOURCES_VERIFIED
from senreport.compliance.store import refresh_site, stored_reports

STATUS_WORDS = {"pass": "PASS", "warn": "WARN", "fail": "FAIL", "not_applicable": "N/A"}
STATUSES = ("pass", "warn", "fail", "not_applicable")
# The version of the JSON document's shape (docs/compliance.md, compliance.schema.json):
# raised when a field is removed or changes meaning; adding a field keeps it.
FORMAT_VERSION = "2.0"
# What a result says when its check gave no reason of its own.
DEFAULT_REASONS = {
    "pass": "Met: published on {page}.",
    "warn": "Met, but needs attention soon.",
    "fail": "Not met.",
    "not_applicable": "Does not apply to this school.",
}


def absolute(base, url):
    return f"{base.rstrip('/')}{url}" if url.startswith("/") else url


def reason_for(result):
    """The result's reason in plain English: never empty."""
    if result.reason:
        return result.reason
    status = str(result.status)
    if status == "pass" and not result.page_title:
        return "Met."
    return DEFAULT_REASONS[status].format(page=result.page_title)


def summary(report):
    """How many must and should items have each status."""
    counts = {level: dict.fromkeys(STATUSES, 0) for level in ("must", "should")}
    for result in report.results:
        counts[str(result.check.level)][str(result.status)] += 1
    return counts


def report_as_dict(site, report):
    """The JSON shape of one school's report (documented in docs/compliance.md)."""
    admin_base = settings.WAGTAILADMIN_BASE_URL
    return {
        "site": {
            "id": site.pk,
            "hostname": site.hostname,
            "port": site.port,
            "root_url": site.root_url,
            "school_name": report.school.school_name,
            "urn": report.school.urn or None,
        },
        "checklist_version": CHECKLIST_VERSION,
        "summary": summary(report),
        "compliant": report.compliant,
        "must_passed": report.must_passed,
        "must_applicable": report.must_applicable,
        "evaluated_at": (
            report.evaluated_at.isoformat(timespec="seconds") if report.evaluated_at else None
        ),
        "checks": [
            {
                "id": r.check.id,
                "level": str(r.check.level),
                "title": r.check.title,
                "legal_basis": r.check.legal_basis,
                "status": str(r.status),
                "reason": reason_for(r),
                "public_url": absolute(site.root_url, r.public_url) if r.public_url else None,
                "fix_url": absolute(admin_base, r.fix_url) if r.fix_url else None,
                "last_reviewed": r.last_reviewed.isoformat() if r.last_reviewed else None,
                "next_review": r.next_review.isoformat() if r.next_review else None,
                "source_verified": r.check.verified_on.isoformat(),
                "evaluated_at": (
                    r.evaluated_at.isoformat(timespec="seconds") if r.evaluated_at else None
                ),
            }
            for r in report.results
        ],
    }


class Command(BaseCommand):
    help = (
        "Check the school's statutory SEND information against the law. Exits 1 when any "
        "legal duty ('must' item) is not met."
    )

    def add_arguments(self, parser):
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--site", metavar="HOSTNAME", help="The school's site hostname.")
        scope.add_argument("--all-sites", action="store_true", help="Every school.")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--refresh",
            action="store_true",
            help=(
                "Run every check again and store the results before reporting (the stored "
                "results are otherwise refreshed whenever the site changes). Run nightly: "
                "some checks depend on the date."
            ),
        )

    def handle(self, *args, **options):
        sites = self.sites(options)
        if options["refresh"]:
            for site in sites:
                refresh_site(site)
        # The stored results, read for every school together.
        reports = [(report.site, report) for report in stored_reports(sites)]
        if options["format"] == "json":
            documents = [report_as_dict(site, report) for site, report in reports]
            payload = {
                "format_version": FORMAT_VERSION,
                "generated_at": timezone.now().isoformat(timespec="seconds"),
                "checklist_version": CHECKLIST_VERSION,
                "sources_verified": SOURCES_VERIFIED.isoformat(),
                "schools": documents,
            }
            self.stdout.write(json.dumps(payload, indent=2))
        else:
            for site, report in reports:
                self.write_text(site, report)
        if any(not report.compliant for _, report in reports):
            raise SystemExit(1)

    def sites(self, options):
        queryset = Site.objects.select_related("root_page").order_by("hostname", "port")
        if options["all_sites"]:
            return list(queryset)
        if options["site"]:
            site = queryset.filter(hostname=options["site"]).first()
            if site is None:
                known = ", ".join(queryset.values_list("hostname", flat=True))
                raise CommandError(f"No site with hostname {options['site']!r}. Known: {known}")
            return [site]
        site = queryset.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default site: run `manage.py migrate` first.")
        return [site]

    def write_text(self, site, report):
        name = report.school.school_name or site.hostname
        verdict = "compliant" if report.compliant else "NOT compliant"
        urn = f", URN {report.school.urn}" if report.school.urn else ""
        self.stdout.write(
            f"{name} ({site.root_url}/{urn}): {report.must_passed} of "
            f"{report.must_applicable} legal duties met; {verdict}."
            + (f" Checked {report.evaluated_at:%Y-%m-%d %H:%M}." if report.evaluated_at else "")
        )
        counts = summary(report)
        self.stdout.write(
            f"  Checklist {CHECKLIST_VERSION}. "
            + "; ".join(
                f"{level}: "
                + ", ".join(f"{n} {STATUS_WORDS[status]}" for status, n in counts[level].items())
                for level in ("must", "should")
            )
            + "."
        )
        for result in report.results:
            line = (
                f"  {STATUS_WORDS[result.status]:<4}  {result.check.level:<6}  {result.check.id}"
            )
            line += f"  {result.check.title}"
            line += f"\n                {reason_for(result)}"
            if (result.failed or result.status == "warn") and result.fix_url:
                admin_base = settings.WAGTAILADMIN_BASE_URL
                line += f"\n                Fix: {absolute(admin_base, result.fix_url)}"
            style = self.style.ERROR if result.failed and result.check.is_must else None
            self.stdout.write(style(line) if style else line)
