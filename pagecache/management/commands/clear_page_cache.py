from django.core.management.base import BaseCommand

from pagecache import purge_all_sites


class Command(BaseCommand):
    help = (
        "Empty the page cache of every site (and purge the CDN, if one is configured). "
        "Run it after each deployment: cached pages name the old static files."
    )

    def handle(self, *args, **options):
        purge_all_sites("clear_page_cache")
        self.stdout.write("Page cache cleared.")
