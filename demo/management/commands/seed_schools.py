import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from demo.bulk import create_schools, missing_schools


class Command(BaseCommand):
    help = (
        "Create N complete generated schools (school-0001.trust.localhost and so on), each "
        "a site with its SEND pages, services and editor groups: for trying out a trust, "
        "and for the scale figures (bench/scale.py). Schools already there are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many schools the trust should have.")
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show the progress bar."
        )

    def handle(self, *args, count, no_progress=False, **options):
        if count < 1:
            raise CommandError("Give a number of schools of 1 or more.")
        schools = missing_schools(count)
        if not schools:
            self.stdout.write(f"All {count} schools are already there.")
            return
        started = time.perf_counter()
        with tqdm(
            total=len(schools), unit="school", disable=no_progress, file=self.stderr
        ) as progress:
            create_schools(schools, progress=progress)
        seconds = time.perf_counter() - started
        kept = count - len(schools)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {len(schools)} school{'s' if len(schools) != 1 else ''} in "
                f"{seconds:.1f} s" + (f" ({kept} already there)." if kept else ".")
            )
        )
