"""`manage.py privacy_scan`: look for personal data about pupils in what the schools publish.

    manage.py privacy_scan                 # every live page and public record of every site
    manage.py privacy_scan --text "..."    # one text
    echo "..." | manage.py privacy_scan -  # one text from standard input (also --text -)

Prints the findings as JSON and exits with 1 when there are any, 0 when there are none, so a
script or a CI job can stop on them. The detector is home/privacy.py; the records of other
apps come through the `register_pupil_data_sources` hook (home/privacy_sources.py).
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from home.privacy import find_pupil_data
from home.privacy_sources import live_public_pages, records_by_site, scan_site


def _entry(finding, place=None, site=None):
    return {
        "site": site.hostname if site is not None else None,
        "site_name": (site.site_name or site.hostname) if site is not None else None,
        "where": place.where if place else None,
        "record": place.title if place else None,
        "record_id": place.record_id if place else None,
        "field": place.field if place else None,
        "phrase": finding.phrase,
        "kind": finding.kind,
        "why": finding.why,
        "admin_url": place.admin_url if place else None,
    }


class Command(BaseCommand):
    help = (
        "Look for personal data about pupils (pupil numbers, NHS numbers, dates of birth, "
        "named children's needs, counts under 5) in every site's live pages, Local Offer, "
        "school details and glossary, or in one text. Prints JSON; exits 1 if any is found."
    )
    # call_command(..., stdin=...) in the tests.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("input", nargs="?", help="- to scan one text read from standard input")
        parser.add_argument("--text", help="Scan this one text (- reads standard input).")

    def handle(self, *args, input=None, text=None, **options):
        if input not in (None, "-"):
            raise CommandError("Give - to read the text from standard input, or --text.")
        if input == "-" or text == "-":
            text = options.get("stdin", sys.stdin).read()
        if text is not None:
            found = [_entry(finding) for finding in find_pupil_data(text)]
            scanned = {"texts": 1}
        else:
            found, scanned = self.scan_sites()
        self.stdout.write(json.dumps({"scanned": scanned, "findings": found}, indent=2))
        if found:
            raise SystemExit(1)

    def scan_sites(self):
        sites = list(Site.objects.select_related("root_page").order_by("hostname", "port"))
        records = records_by_site(site.pk for site in sites)
        found, seen, pages, record_keys = [], set(), 0, set()
        for site in sites:
            site_pages = live_public_pages(site)
            pages += len(site_pages)
            record_keys.update((s.label, r.pk) for s, r in records[site.pk])
            for place, finding in scan_site(site, pages=site_pages, records=records[site.pk]):
                # A record every school shows (the glossary) is reported once.
                key = (place.site is None, place.where, place.record_id, place.field, finding)
                if place.site is None and key in seen:
                    continue
                seen.add(key)
                found.append(_entry(finding, place, place.site))
        return found, {"sites": len(sites), "pages": pages, "records": len(record_keys)}
