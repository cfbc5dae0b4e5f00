"""What inspectors look for on inclusion, and which published sections show it.

Ofsted's inspections since November 2025 grade inclusion on its own. The public
statutory-information page has a section "How we include pupils with SEND" that takes each
inclusion theme inspectors use and links the sections the school has published that
evidence it. This module is the one place that maps themes to their evidence: editors type
nothing, and a theme with no published evidence says so rather than disappearing.

A source is evidence only when it is published: its page is live and public and the
section has text. The links are worked out from the `SiteData` the compliance checks read
when the results are refreshed, and stored with them, so showing the themes costs one query.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import slugify

from home.text import has_text

from . import report_items as items
from .models.inclusion import InclusionStrategyPage
from .models.report import SENInformationReportPage
from .models.support import SENSupportPage


@dataclass(frozen=True)
class Evidence:
    """One link on the public page: a published section that shows a theme."""

    url: str
    text: str
    # The title of the page the section is on.
    page_title: str


@dataclass(frozen=True)
class ReportSection:
    """A section of the SEN Information Report (its anchor comes from report_items)."""

    item: items.ReportItem

    @property
    def check_id(self):
        return self.item.check_id

    @property
    def anchor(self):
        return self.item.anchor

    def evidence(self, data):
        # Read from the page rather than the check's result: an item that does not apply
        # to this school (identification, for a special school) still counts when written.
        report = data.page(SENInformationReportPage)
        if report is None or not has_text(getattr(report, self.item.field, None)):
            return []
        url = data.public_url(report, self.anchor)
        return [Evidence(url, report.heading_for(self.item), report.title)] if url else []


@dataclass(frozen=True)
class GraduatedApproachBlock:
    """The graduated-approach (assess, plan, do, review) blocks of the SEN support page."""

    block_type: str = "graduated_approach"

    def evidence(self, data):
        found = []
        for page in data.send_pages():
            if not isinstance(page, SENSupportPage):
                continue
            # The raw blocks: turning the whole body into values would fetch the pages and
            # documents other blocks link to.
            for block in page.body.raw_data:
                if block.get("type") != self.block_type:
                    continue
                heading = (block.get("value") or {}).get("heading")
                if not heading:
                    continue
                # The block's template gives its heading this id (see SENSupportPage.contents).
                url = data.public_url(page, slugify(heading))
                if url:
                    found.append(Evidence(url, heading, page.title))
        return found


@dataclass(frozen=True)
class PupilPremiumStatement:
    """The inclusion strategy page's link to the school's pupil premium strategy statement
    (the page shows it under this anchor)."""

    anchor: str = "pupil-premium"
    text: str = "Our pupil premium strategy statement"

    def evidence(self, data):
        page = data.page(InclusionStrategyPage)
        if page is None or not page.pupil_premium_statement_link:
            return []
        url = data.public_url(page, self.anchor)
        return [Evidence(url, self.text, page.title)] if url else []


@dataclass(frozen=True)
class Theme:
    id: str
    # Parent-readable.
    title: str
    # One sentence on what inspectors look for.
    looks_for: str
    sources: tuple


THEMES = (
    Theme(
        "high-expectations",
        "High expectations for pupils with SEND",
        "Inspectors look at whether pupils with SEND are expected to achieve as much as "
        "other pupils, and whether teaching and the curriculum are adapted so that they can.",
        (
            ReportSection(items.TEACHING_APPROACH),
            ReportSection(items.EVALUATING_EFFECTIVENESS),
            ReportSection(items.ADAPTATIONS),
        ),
    ),
    Theme(
        "identification",
        "Finding out early and accurately what a pupil needs",
        "Inspectors look at how quickly staff notice that a pupil may have SEND, how "
        "parents can raise a worry, and how the pupil's needs are then assessed.",
        (ReportSection(items.IDENTIFICATION),),
    ),
    Theme(
        "assess-plan-do-review",
        "Assess, plan, do, review",
        "Inspectors look at whether each pupil's support is planned, given and reviewed "
        "with the family, and changed when it is not working.",
        (ReportSection(items.ASSESSING_PROGRESS), GraduatedApproachBlock()),
    ),
    Theme(
        "specialists",
        "Help from specialists",
        "Inspectors look at how staff are trained and how the school brings in specialists, "
        "such as speech and language therapists or educational psychologists, when pupils "
        "need them.",
        (ReportSection(items.EXPERTISE), ReportSection(items.OTHER_BODIES)),
    ),
    Theme(
        "pupil-premium",
        "The pupil premium strategy",
        "Inspectors look at how the school spends its pupil premium to remove barriers for "
        "disadvantaged pupils, many of whom also have SEND.",
        (PupilPremiumStatement(),),
    ),
    Theme(
        "parents",
        "Working with parents and pupils",
        "Inspectors look at how the school listens to parents and pupils and involves them "
        "in decisions about the pupil's support.",
        (ReportSection(items.PARENTS), ReportSection(items.PUPILS)),
    ),
)


@dataclass(frozen=True)
class ThemeEvidence:
    theme: Theme
    links: list

    @property
    def id(self):
        return self.theme.id

    @property
    def title(self):
        return self.theme.title

    @property
    def looks_for(self):
        return self.theme.looks_for


def theme_evidence(data):
    """{theme id: [{url, text, page_title}]}: each theme's links to the published sections
    that show it, read from a `SiteData`. Worked out when the compliance results are
    refreshed and stored with them (senreport/compliance/store.py)."""
    return {
        theme.id: [
            {"url": link.url, "text": link.text, "page_title": link.page_title}
            for source in theme.sources
            for link in source.evidence(data)
        ]
        for theme in THEMES
    }


def inclusion_evidence(report):
    """Each theme with its links, from a `SiteReport` read with its stored themes."""
    themes = report.themes or {}
    return [
        ThemeEvidence(theme, [Evidence(**link) for link in themes.get(theme.id, [])])
        for theme in THEMES
    ]
