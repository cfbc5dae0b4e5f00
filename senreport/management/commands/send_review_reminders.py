import logging

from django.core.management.base import BaseCommand, CommandError

from senreport import reminders
from senreport.management.sites import add_site_argument, selected_sites

logger = logging.getLogger("senreport.reminders")


class Command(BaseCommand):
    help = (
        "E-mail each school 60, 30 and 7 days before the review dates of its SEND documents, "
        "and once when a review is overdue. Each reminder is sent once; run it every day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print the reminders that are due without sending or recording them.",
        )
        add_site_argument(parser)

    def handle(self, *args, dry_run=False, site=None, **options):
        sent = failed = would_send = 0
        for one_site in selected_sites(site):
            for reminder in reminders.due_reminders(one_site):
                line = f"{reminder.subject} -> {reminder.recipient or '(no address)'}"
                if not reminder.recipient:
                    self.stdout.write(f"Not sent, no e-mail address in the school details: {line}")
                    logger.warning(
                        "Review reminder not sent: site=%s has no reminders or enquiries "
                        "e-mail address",
                        one_site.hostname,
                    )
                elif dry_run:
                    would_send += 1
                    self.stdout.write(f"Would send: {line}")
                else:
                    try:
                        if reminders.send(reminder):
                            sent += 1
                            self.stdout.write(f"Sent: {line}")
                    except Exception as error:  # SMTP and network errors: try the rest
                        failed += 1
                        self.stderr.write(f"Could not send: {line}: {error}")
                        logger.exception("Review reminder failed: site=%s", one_site.hostname)
        if dry_run:
            self.stdout.write(
                f"Dry run: {would_send} reminder{'' if would_send == 1 else 's'} due; "
                "nothing was sent or recorded."
            )
        else:
            self.stdout.write(f"{sent} reminder{'' if sent == 1 else 's'} sent.")
        if failed:
            # A non-zero exit makes cron and systemd report the failure; the next run
            # retries, as nothing was recorded for these.
            raise CommandError(f"{failed} reminder(s) could not be sent.")
