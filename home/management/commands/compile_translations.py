"""Compile the template translations (locale/<lang>/LC_MESSAGES/django.po) to .mo with polib,
so no GNU gettext is needed. The .mo files are committed; tests/test_shell_translations.py
fails when one no longer matches its .po."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def po_files():
    for folder in settings.LOCALE_PATHS:
        yield from sorted(Path(folder).glob("*/LC_MESSAGES/django.po"))


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/django.po to django.mo (no gettext needed)."

    def handle(self, *args, **options):
        for po_path in po_files():
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
            self.stdout.write(f"Compiled {po_path.parent.parent.name}")
