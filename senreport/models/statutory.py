from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.blocks import SHORT_TEXT_FEATURES
from home.models import SchoolSettings
from home.models.statutory import StatutoryPage

from ..compliance.registry import CHECKLIST_VERSION, SOURCES_VERIFIED
from ..compliance.store import stored_report
from ..inclusion_themes import inclusion_evidence
from ..reading import request_site

# The checklist's sections, in order, by check-id prefix.
GROUPS = (
    ("sir", "SEN Information Report"),
    ("dis", "Disabled pupils"),
    ("ap", "Accessibility plan"),
    ("inc", "Inclusion strategy"),
    ("eq", "Equality information and objectives"),
    ("school", "School information"),
    ("web", "Website accessibility"),
    ("dp", "Privacy"),
)

# What the public statutory-information page says of each status: facts, not reasons.
PUBLIC_STATUS = {
    "pass": "Met",
    "warn": "Met",
    "fail": "Not met",
    "not_applicable": "Does not apply",
}


def statutory_groups(site, school=None):
    """The compliance report and its results grouped by the checklist's sections."""
    # The stored results (refreshed after every publish), with the inclusion themes'.
    report = stored_report(site, school=school, with_themes=True)
    groups = []
    for prefix, label in GROUPS:
        rows = [
            {"result": r, "public_status": PUBLIC_STATUS[r.status]}
            for r in report.results
            if r.check.id.split(".")[0] == prefix
        ]
        if rows:
            groups.append({"prefix": prefix, "label": label, "rows": rows})
    return report, groups


class StatutoryInformationPage(StatutoryPage):
    """For inspectors, governors and the local authority: every statutory item, where it
    is published, when it was reviewed, and its legal basis. Generated from the
    compliance registry; nothing here is kept by hand."""

    introduction = RichTextField(features=SHORT_TEXT_FEATURES, blank=True)

    template = "senreport/statutory_information_page.html"
    parent_page_types = ["senreport.SENDSectionPage", "home.HomePage"]
    footer_label = "Statutory information"
    footer_order = 5

    content_panels = Page.content_panels + [
        HelpPanel(
            content=(
                "<p>The table on this page, and its section on how the school includes "
                "pupils with SEND, are built from the compliance checks and the published "
                "pages, and brought up to date whenever a page, the school details or the "
                "Local Offer change: there is nothing to keep up to date here.</p>"
            )
        ),
        FieldPanel("introduction"),
    ]

    class Meta:
        verbose_name = "statutory information page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = request_site(self, request)
        # The school details the page's header and footer read already (cached on request).
        school = SchoolSettings.for_request(request) if request else None
        report, groups = statutory_groups(site, school=school)
        context.update(
            {
                "compliance": report,
                "groups": groups,
                "inclusion_themes": inclusion_evidence(report),
                "checklist_version": CHECKLIST_VERSION,
                "sources_verified": SOURCES_VERIFIED,
            }
        )
        return context
