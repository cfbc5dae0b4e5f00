"""The website's accessibility statement, in the sections of the government's model statement.

The fields are explicit so that the compliance check `web.accessibility_statement` can read
them: compliance status, content that is not accessible, alternatives, how to report a
problem (with the feedback form page), the enforcement procedure, prepared and reviewed dates.
"""

import datetime

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import PARAGRAPH_FEATURES

from .statutory import StatutoryPage

STATEMENT_FEATURES = [f for f in PARAGRAPH_FEATURES if f not in ("h3", "h4")]
WCAG_VERSION = "2.2"

DEFAULT_INTRODUCTION = (
    "<p>We want as many people as possible to be able to use this website. You should be "
    "able to:</p>"
    "<ul><li>zoom in up to 400% and still read every page without scrolling sideways</li>"
    "<li>change colours, contrast levels and fonts in your browser</li>"
    "<li>move around the website using only a keyboard</li>"
    "<li>use a screen reader or speech recognition software</li>"
    "<li>read every page without JavaScript, and print it</li></ul>"
    "<p>We have also tried to write in plain English. On our pages about special "
    "educational needs, the first time we use an abbreviation it links to our glossary.</p>"
    '<p><a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> explains how to make your '
    "own device easier to use if you have a disability.</p>"
)
DEFAULT_ALTERNATIVES = (
    "<p>If you need anything on this website in another format, such as large print, easy "
    "read, an audio recording or braille, please contact the school office. Tell us which "
    "page or document you need and the format that suits you. We will reply within 5 school "
    "days. A free paper copy of any page is always available.</p>"
)
DEFAULT_HOW_TO_REPORT = (
    "<p>We are always working to make this website easier to use. If you find a problem that "
    "is not listed on this page, or you think we are not meeting the accessibility "
    "requirements, please tell us. Say which page it was and what went wrong. We will "
    "reply within 5 school days.</p>"
)
DEFAULT_ENFORCEMENT = (
    "<p>The Equality and Human Rights Commission (EHRC) makes sure that public bodies follow "
    "the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
    "Regulations 2018, the 'accessibility regulations'.</p>"
    "<p>If you are not happy with how we answer your complaint, contact the "
    '<a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service '
    "(EASS)</a>.</p>"
)
DEFAULT_TESTING = (
    "<p>We check every page with automated accessibility tests (axe) against WCAG 2.2 level "
    "AA each time the website changes, and by hand with a keyboard, a screen reader and a "
    "phone.</p>"
)


class ComplianceStatus(models.TextChoices):
    FULLY = "fully", "Fully compliant"
    PARTIALLY = "partially", "Partially compliant"
    NOT = "not", "Not compliant"


COMPLIANCE_SENTENCES = {
    ComplianceStatus.FULLY: (
        f"This website is fully compliant with the Web Content Accessibility Guidelines "
        f"version {WCAG_VERSION} AA standard."
    ),
    ComplianceStatus.PARTIALLY: (
        f"This website is partially compliant with the Web Content Accessibility Guidelines "
        f"version {WCAG_VERSION} AA standard, because of the problems listed below."
    ),
    ComplianceStatus.NOT: (
        f"This website is not compliant with the Web Content Accessibility Guidelines version "
        f"{WCAG_VERSION} AA standard. The problems are listed below."
    ),
}


class AccessibilityStatementPage(StatutoryPage):
    """How accessible the website is, what is not, and what to do about it."""

    footer_label = "Accessibility statement"
    footer_order = 80

    introduction = RichTextField(
        features=STATEMENT_FEATURES,
        default=DEFAULT_INTRODUCTION,
        help_text="What people should be able to do on this website.",
    )
    compliance_status = models.CharField(
        max_length=10,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.PARTIALLY,
        help_text=(
            "Fully: no known problems. Partially: some problems, listed below. Not compliant: "
            "most of the website does not meet the standard."
        ),
    )
    non_accessible_content = RichTextField(
        "content that is not accessible",
        features=STATEMENT_FEATURES,
        blank=True,
        help_text=(
            "List each known problem in plain words, why it happens (for example, old PDF "
            "documents), the WCAG rule it fails and when you plan to fix it. Needed unless "
            "the website is fully compliant."
        ),
    )
    alternatives = RichTextField(
        "other formats",
        features=STATEMENT_FEATURES,
        default=DEFAULT_ALTERNATIVES,
        help_text="How people can get information in another format, and how fast you reply.",
    )
    how_to_report = RichTextField(
        "how to report a problem",
        features=STATEMENT_FEATURES,
        default=DEFAULT_HOW_TO_REPORT,
        help_text="The page adds a button to the feedback form chosen below.",
    )
    feedback_page = models.ForeignKey(
        "home.FeedbackFormPage",
        verbose_name="feedback form",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The form where people report a problem.",
    )
    enforcement_procedure = RichTextField(
        features=STATEMENT_FEATURES,
        default=DEFAULT_ENFORCEMENT,
        help_text="Who enforces the rules (EHRC) and where to go if unhappy (EASS).",
    )
    improvements = RichTextField(
        "what we are doing to improve",
        features=STATEMENT_FEATURES,
        blank=True,
        help_text="Optional: your plans to fix the problems listed, with dates.",
    )
    testing = RichTextField(
        "how we tested",
        features=STATEMENT_FEATURES,
        default=DEFAULT_TESTING,
        blank=True,
    )
    prepared_on = models.DateField(
        default=datetime.date.today, help_text="When this statement was first written."
    )
    last_reviewed = models.DateField(
        default=datetime.date.today,
        help_text="When someone last checked the statement was still true. Review it every year.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("compliance_status"), FieldPanel("non_accessible_content")],
            heading="How accessible the website is",
        ),
        FieldPanel("alternatives"),
        MultiFieldPanel(
            [FieldPanel("how_to_report"), PageChooserPanel("feedback_page")],
            heading="Reporting a problem",
        ),
        FieldPanel("enforcement_procedure"),
        FieldPanel("improvements"),
        MultiFieldPanel(
            [
                FieldPanel("testing"),
                FieldRowPanel([FieldPanel("prepared_on"), FieldPanel("last_reviewed")]),
            ],
            heading="Preparing this statement",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("non_accessible_content"),
        index.SearchField("alternatives"),
    ]

    template = "home/accessibility_statement_page.html"
    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = "accessibility statement"

    @property
    def compliance_sentence(self):
        return COMPLIANCE_SENTENCES.get(self.compliance_status, "")

    @property
    def wcag_version(self):
        return WCAG_VERSION
