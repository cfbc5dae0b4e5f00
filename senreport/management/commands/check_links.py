from django.core.management.base import BaseCommand, CommandError

from home.models import SchoolSettings
from senreport import links
from senreport.management.sites import add_site_argument, selected_sites


class Command(BaseCommand):
    help = (
        "Check the external web addresses in the school details and on the live pages "
        "(Local Offer, SENDIASS and every other link), record the results for the admin "
        "dashboard, and list the broken ones. Run it once a day."
    )

    def add_arguments(self, parser):
        add_site_argument(parser)
        parser.add_argument(
            "--timeout",
            type=float,
            default=links.DEFAULT_TIMEOUT,
            help="Seconds to wait for each website (default %(default)s).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=links.DEFAULT_WORKERS,
            help="How many addresses to check at once (default %(default)s).",
        )
        parser.add_argument(
            "--fail-on-broken",
            action="store_true",
            help="Exit with status 1 if any link is broken (by default the exit status is 0: "
            "the command is a report).",
        )

    def handle(self, *args, site=None, timeout, workers, fail_on_broken=False, **options):
        if timeout <= 0 or workers < 1:
            raise CommandError("--timeout must be above 0 and --workers at least 1.")
        total_broken = 0
        for one_site in selected_sites(site):
            run = links.check_site_links(one_site, timeout=timeout, workers=workers)
            name = SchoolSettings.for_site(one_site).school_name or one_site.site_name
            checked, broken = len(run.checks), len(run.broken)
            total_broken += broken
            self.stdout.write(
                f"{name or one_site.hostname} ({one_site.hostname}): checked {checked} "
                f"link{'' if checked == 1 else 's'}, {broken} broken."
            )
            for row in links.broken_links(one_site):
                self.stdout.write(f"  Broken: {row.url}")
                self.stdout.write(f"    {row.error}")
                self.stdout.write(f"    Found in: {row.where}")
        if fail_on_broken and total_broken:
            raise CommandError(f"{total_broken} broken link{'' if total_broken == 1 else 's'}.")
