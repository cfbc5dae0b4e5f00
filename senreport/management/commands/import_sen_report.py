"""Bring a school's existing SEN Information Report in, for a trust migrating many
schools: `manage.py import_sen_report --site HOST PATH_OR_URL [--dry-run]`.

The sections go where the matcher puts them (sections that match nothing, and any with
personal data, are left out and listed). With --dry-run nothing is written and the
mapping and the audit are printed as JSON; without it a draft revision of the school's
report is made (never published) and a summary printed.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from home.models import SchoolSettings
from senreport.importing import ImportProblem, audit, reading
from senreport.importing.analysis import LEAVE_OUT, NOT_USED, analyse, section_words
from senreport.importing.draft import create_draft
from senreport.importing.matching import CONFIDENCE_LABELS

from ...management.sites import selected_sites


class Command(BaseCommand):
    help = "Import a school's existing SEN Information Report (.docx, .pdf, .html, .txt or "
    "a web address) as a draft of its report."

    def add_arguments(self, parser):
        parser.add_argument("--site", required=True, metavar="HOSTNAME", help="The school.")
        parser.add_argument("source", metavar="PATH_OR_URL")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Write nothing: print the mapping and the audit as JSON.",
        )

    def handle(self, *args, source, site, dry_run, **options):
        (site,) = selected_sites(site)
        try:
            if source.startswith(("http://", "https://")):
                document = reading.read_url(source)
            else:
                document = reading.read_path(source)
            title, sections = analyse(document)
        except ImportProblem as exc:
            raise CommandError(str(exc)) from None
        mainstream = SchoolSettings.for_site(site).is_mainstream
        result = audit.run(sections, mainstream=mainstream)
        if dry_run:
            mapping = [
                {
                    "heading": section["heading"],
                    "item": section["item"] or None,
                    "confidence": CONFIDENCE_LABELS[section["confidence"]],
                    "score": section["score"],
                    "why": section["why"],
                    "words": section_words(section),
                    "personal_data": [f["phrase"] for f in section["findings"]],
                }
                for section in sections
            ]
            payload = {
                "site": site.hostname,
                "source": document.source,
                "title": title,
                "images_left_out": document.images,
                "sections": mapping,
                "audit": result,
            }
            self.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False))
            return
        try:
            report, revision, notes = create_draft(site, sections)
        except ImportProblem as exc:
            raise CommandError(str(exc)) from None
        unused = [s["heading"] or "(no heading)" for s in sections if s["item"] == NOT_USED]
        held = [s["heading"] or "(no heading)" for s in sections if s["item"] == LEAVE_OUT]
        self.stdout.write(
            f"{site.hostname}: a draft of “{report.title}” (page {report.pk}, revision "
            f"{revision.pk}) from {len(sections) - len(unused) - len(held)} of "
            f"{len(sections)} sections. Not published."
        )
        self.stdout.write(
            f"Audit: {result['must_covered']} of {result['must_total']} legal items covered."
        )
        for question in result["missing"]:
            self.stdout.write(f"  missing: {question}")
        for heading in unused:
            self.stdout.write(f"  not used (matches no item): {heading}")
        for heading in held:
            self.stdout.write(f"  left out (personal data): {heading}")
        for note in notes:
            self.stdout.write(f"  {note}")
