"""The reviewed sections as a draft revision of the school's SEN Information Report.

Never published: the draft is a new revision of the report (or, where the school has
none yet, of a new report page that is not live), which the editor then edits and
publishes through the normal publish guard.

- Each item's text is its sections' text in order. The first section's heading becomes
  the item's heading where it is a question (the school's own wording, without its
  numbering); the headings of the sections after it become sub-headings.
- The SENCO's section has no text of its own in the report: the SENCO's name, e-mail and
  phone found in the text fill the SENCO's fields, and the section's words go to "Who
  can I talk to" so nothing is lost.
- The introduction can hold no lists or headings: they become paragraphs.
"""

import logging
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify

from ..models import SENDSectionPage, SENInformationReportPage
from ..report_items import CONTACTS_POLICY, REPORT_ITEMS, SENCO
from . import audit
from .analysis import INTRODUCTION, used
from .errors import ImportProblem
from .splitting import clean_heading

logger = logging.getLogger(__name__)
HEADING_MAX = 200


def _question(heading):
    heading = clean_heading(heading)
    return heading if heading.endswith("?") and len(heading) <= HEADING_MAX else ""


def _item_html(sections):
    parts = []
    for index, section in enumerate(sections):
        if index and section["heading"]:
            parts.append(f"<h3>{escape(clean_heading(section['heading']))}</h3>")
        parts.extend(section["blocks"])
    return "".join(parts)


def _as_paragraphs(html):
    """Lists and headings as plain paragraphs (for the introduction's short text)."""
    html = re.sub(r"</?(?:ul|ol)>", "", html)
    html = re.sub(r"<(li|h3|h4)>", "<p>", html)
    return re.sub(r"</(li|h3|h4)>", "</p>", html)


def draft_values(sections):
    """The report's field values the sections give, and notes for the office worker."""
    values, notes = {}, []
    by_target = used(sections)
    senco_sections = by_target.pop(SENCO.field, [])
    if senco_sections:
        contacts = by_target.setdefault(CONTACTS_POLICY.field, [])
        by_target[CONTACTS_POLICY.field] = senco_sections + contacts
        notes.append(
            "The SENCO's section went into “Who can I talk to”; the SENCO's contact "
            "fields were filled from it."
        )
    intro = by_target.pop(INTRODUCTION, [])
    if intro:
        values["introduction"] = _as_paragraphs(_item_html(intro))
    for item in REPORT_ITEMS:
        chosen = by_target.get(item.field)
        if not chosen or not item.text_field:
            continue
        values[item.field] = _item_html(chosen)
        question = _question(chosen[0]["heading"])
        if question:
            values[item.heading_field] = question
    details = audit.senco_details(audit.senco_text(sections))
    for name in ("name", "email", "phone"):
        if details[name]:
            values[f"senco_{name}"] = details[name]
    return values, notes


def find_report(site):
    return SENInformationReportPage.objects.descendant_of(site.root_page).order_by("path").first()


def _new_report(site, user):
    """A report page that is not live, under the school's SEND section (made, not live,
    if the school has none)."""
    section = SENDSectionPage.objects.descendant_of(site.root_page).order_by("path").first()
    if section is None:
        section = SENDSectionPage(title="SEND", slug="send", live=False, owner=user)
        site.root_page.specific.add_child(instance=section)
        section.save_revision(user=user, log_action=True)
    report = SENInformationReportPage(
        title="SEN Information Report",
        slug=slugify("SEN Information Report"),
        live=False,
        owner=user,
    )
    section.add_child(instance=report)
    return report


def create_draft(site, sections, user=None):
    """(report page, revision, notes): the draft revision of the site's report."""
    values, notes = draft_values(sections)
    if not any(key for key in values if not key.startswith("senco_")):
        raise ImportProblem("No section is chosen for the report: there is nothing to import.")
    with transaction.atomic():
        report = find_report(site)
        if report is None:
            report = _new_report(site, user)
            notes.append("The school had no SEN Information Report: a new one was made.")
        page = report.get_latest_revision_as_object()
        for name, value in values.items():
            setattr(page, name, value)
        try:
            revision = page.save_revision(user=user, log_action=True)
        except ValidationError as exc:
            raise ImportProblem(
                "The draft could not be saved: " + " ".join(exc.messages)
            ) from None
    logger.info(
        "Import applied: a draft of the SEN Information Report of %s (page %s, revision %s) "
        "from %s sections",
        site.hostname,
        report.pk,
        revision.pk,
        sum(len(v) for v in used(sections).values()),
    )
    return report, revision, notes
