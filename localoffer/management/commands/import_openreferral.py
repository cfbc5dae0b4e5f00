from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from localoffer import importer


class Command(BaseCommand):
    help = (
        "Import services from an Open Referral UK feed into the Local Offer directory. "
        "SOURCE is a file holding a /services response, or a feed's base URL (its /services "
        "pages are followed). Every record is validated first; if any is invalid nothing is "
        "imported, unless --skip-invalid is given. Then services are created or updated by "
        "id, a batch at a time (OPENREFERRAL_IMPORT_BATCH_SIZE)."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", metavar="PATH_OR_URL")
        parser.add_argument(
            "--site",
            help="Hostname of the school's site (default: the default site).",
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the valid records and report the invalid ones, instead of refusing.",
        )
        parser.add_argument(
            "--per-page",
            type=int,
            default=importer.DEFAULT_PER_PAGE,
            help="Services per page to ask a feed for (default %(default)s).",
        )
        parser.add_argument(
            "--list-only",
            action="store_true",
            help="From a feed, use the /services list items without fetching each service.",
        )
        progress = parser.add_mutually_exclusive_group()
        progress.add_argument(
            "--progress",
            dest="progress",
            action="store_const",
            const=True,
            help="Always show progress bars (default: only on a terminal).",
        )
        progress.add_argument("--no-progress", dest="progress", action="store_const", const=False)

    def handle(self, *args, source, site=None, **options):
        target = self.get_site(site)
        if options["per_page"] < 1:
            raise CommandError("--per-page must be 1 or more.")
        try:
            records = importer.load(
                source,
                per_page=options["per_page"],
                details=not options["list_only"],
                progress=options["progress"],
            )
        except importer.FeedError as exc:
            raise CommandError(f"{exc} Nothing was imported.") from None
        try:
            result = importer.import_services(
                target,
                records,
                source,
                skip_invalid=options["skip_invalid"],
                progress=options["progress"],
            )
        except importer.ImportRefused as exc:
            self.report_problems(exc.problems)
            raise CommandError(
                f"{exc} Fix the records above, or run again with --skip-invalid."
            ) from None
        except importer.ImportInterrupted as exc:
            raise CommandError(str(exc)) from exc
        if result.problems:
            self.report_problems(result.problems)
        self.stdout.write(
            self.style.SUCCESS(
                f"Read {len(records)} service{'' if len(records) == 1 else 's'} for {target}: "
                f"{result.summary()}."
            )
        )

    def get_site(self, hostname):
        sites = Site.objects.all()
        site = (
            sites.filter(hostname=hostname).first()
            if hostname
            else sites.filter(is_default_site=True).first()
        )
        if site is None:
            raise CommandError(
                f"No site with hostname {hostname}." if hostname else "No default site."
            )
        return site

    def report_problems(self, problems):
        self.stderr.write("Invalid records (id: field: problem):")
        for problem in problems:
            self.stderr.write(f"  {problem}")
