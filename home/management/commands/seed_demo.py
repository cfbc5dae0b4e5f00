from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Build the fictional demo school. Safe to run again: it only adds what is missing "
        "and never changes what is there."
    )

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            self.stderr.write("No default site: run `manage.py migrate` first.")
            raise SystemExit(1)
        messages = []
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                if find_spec(module_name) is None:
                    continue
                import_module(module_name).seed(site, messages.append)
                site.refresh_from_db()
        for message in messages:
            self.stdout.write(message)
        summary = f"Demo school ready ({len(messages)} changes)."
        self.stdout.write(self.style.SUCCESS(summary) if messages else "Demo school up to date.")
