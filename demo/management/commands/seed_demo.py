from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from demo import feedback, home, localoffer, senreport, translations
from demo.home import ensure_school_site
from demo.schools import DEMO_SCHOOLS

# Each builds what its app shows, on the pages the one before it made (home first; the
# parents' messages next, as they name the pages they were sent from; the translations
# last, once the English pages are published).
SEEDERS = (home, senreport, localoffer, feedback, translations)


class Command(BaseCommand):
    help = (
        "Build the fictional demo school (with --schools 2, a second one on its own "
        "address). Safe to run again: it only adds what is missing and never changes what "
        "is there."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schools",
            type=int,
            default=1,
            choices=range(1, len(DEMO_SCHOOLS) + 1),
            metavar=f"1-{len(DEMO_SCHOOLS)}",
            help=(
                "How many demo schools: 1 (Hollins Brook Primary School, on the default "
                "site) or 2 (also Larkspur Hill School, a special school, at "
                f"http://{DEMO_SCHOOLS[1].hostname}:{DEMO_SCHOOLS[1].port}/)."
            ),
        )
        parser.add_argument(
            "--without-translations",
            action="store_true",
            help=(
                "Leave out the demo's Polish and Arabic translations (the English demo "
                "only, as most tests use it: one page of each type)."
            ),
        )

    def handle(self, *args, schools=1, without_translations=False, **options):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            self.stderr.write("No default site: run `manage.py migrate` first.")
            raise SystemExit(1)
        messages = []
        with transaction.atomic():
            for number, school in enumerate(DEMO_SCHOOLS[:schools]):
                if number:
                    site = ensure_school_site(school, messages.append)
                for seeder in SEEDERS:
                    if without_translations and seeder is translations:
                        continue
                    seeder.seed(site, messages.append)
                    site.refresh_from_db()
        for message in messages:
            self.stdout.write(message)
        summary = f"Demo school ready ({len(messages)} changes)."
        if schools > 1:
            summary = f"{schools} demo schools ready ({len(messages)} changes)."
        self.stdout.write(self.style.SUCCESS(summary) if messages else "Demo school up to date.")
