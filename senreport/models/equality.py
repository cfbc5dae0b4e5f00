from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from home.blocks import PARAGRAPH_FEATURES, SHORT_TEXT_FEATURES
from home.models.statutory import StatutoryPage

from ..reading import equality_context

REGULATIONS = "Equality Act 2010 (Specific Duties and Public Authorities) Regulations 2017"


class ObjectiveStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    MET = "met", "Met"


class EqualityPage(StatutoryPage):
    """The school's equality information and equality objectives (the public sector
    equality duty's specific duties: Regulations 2017, regs 4 and 5)."""

    introduction = RichTextField(features=SHORT_TEXT_FEATURES, blank=True)
    equality_information = RichTextField(
        "equality information",
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text=(
            "How the school meets the public sector equality duty for its pupils: how it "
            "removes discrimination, harassment and victimisation, gives pupils with "
            "protected characteristics (such as disability, race, sex, religion or belief) "
            "the same chances as others, and helps pupils get on well together. Give facts "
            "without naming or identifying any child, and no counts under 5. Required "
            f"before publishing; update it at least every year. Legal basis: {REGULATIONS}, "
            "reg 4."
        ),
    )
    information_updated = models.DateField(
        "equality information last updated",
        null=True,
        blank=True,
        help_text=(
            "The date you last checked and updated the equality information. It must be "
            f"updated at least once a year ({REGULATIONS}, reg 4)."
        ),
    )
    objectives_published = models.DateField(
        "objectives published on",
        null=True,
        blank=True,
        help_text=(
            "The date this set of objectives was first published. Publish new objectives "
            f"at least every four years ({REGULATIONS}, reg 5)."
        ),
    )
    objectives_review_due = models.DateField(
        "objectives next review due",
        null=True,
        blank=True,
        help_text="Optional: when you plan to look at the objectives again.",
    )

    template = "senreport/equality_page.html"
    footer_label = "Equality information and objectives"
    footer_order = 40

    content_panels = Page.content_panels + [
        HelpPanel(
            content=(
                "<p>Every school must publish how it meets the public sector equality duty "
                "(its equality information, updated every year) and at least one specific, "
                "measurable equality objective (published at least every four years).</p>"
            )
        ),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("equality_information"), FieldPanel("information_updated")],
            heading="Equality information",
            help_text=f"Legal basis: {REGULATIONS}, reg 4.",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("objectives_published"), FieldPanel("objectives_review_due")]
                ),
                InlinePanel(
                    "objectives",
                    heading="Objectives",
                    label="Objective",
                    min_num=0,
                    help_text=(
                        "Each objective: what the school will do, why it chose it, and how "
                        "it will judge progress. At least one is required before publishing."
                    ),
                ),
            ],
            heading="Equality objectives",
            help_text=f"Legal basis: {REGULATIONS}, reg 5.",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("equality_information"),
    ]

    class Meta:
        verbose_name = "equality information and objectives"
        verbose_name_plural = "equality information and objectives"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(equality_context(self, request))
        return context


class EqualityObjective(TranslatableMixin, Orderable):
    page = ParentalKey(EqualityPage, on_delete=models.CASCADE, related_name="objectives")
    objective = models.TextField(
        help_text=(
            "What the school will achieve, specific enough to check: for example 'Close "
            "the gap in attendance between disabled pupils and others to 2 percentage "
            f"points by July 2028'. Required ({REGULATIONS}, reg 5)."
        ),
    )
    reason = models.TextField(
        "why we chose it",
        blank=True,
        help_text=(
            "Why this objective matters and which pupils it concerns (for example disabled "
            "pupils, or girls in Year 6). Describe groups, never a single child."
        ),
    )
    measure = models.TextField(
        "how we will judge progress",
        blank=True,
        help_text=(
            "The measure that shows whether the objective is being met: a figure you will "
            "check, a survey, a record. Required before publishing: an objective must be "
            f"measurable ({REGULATIONS}, reg 5)."
        ),
    )
    target_date = models.DateField(
        "target date", null=True, blank=True, help_text="Optional: when it should be met."
    )
    progress = models.TextField(
        "progress so far",
        blank=True,
        help_text="Optional: what has happened so far, in a sentence or two.",
    )
    status = models.CharField(
        max_length=20,
        choices=ObjectiveStatus.choices,
        default=ObjectiveStatus.NOT_STARTED,
    )

    panels = [
        FieldPanel("objective"),
        FieldPanel("reason"),
        FieldPanel("measure"),
        FieldRowPanel([FieldPanel("target_date"), FieldPanel("status")]),
        FieldPanel("progress"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "equality objective"

    def __str__(self):
        return self.objective[:60]
