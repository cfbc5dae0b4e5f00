"""The inclusion strategy of a school that receives the Inclusive Mainstream Fund."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from home.blocks import SHORT_TEXT_FEATURES
from home.models.statutory import StatutoryPage
from home.page_or_document import PageOrDocumentLink

from ..inclusion import FundingSource
from ..panels import InclusionTotalsPanel
from ..reading import inclusion_context
from .plan import ActionStatus

FIRST_YEAR = 2024
LAST_YEAR = 2035


def academic_year(start_year):
    """'2026 to 2027': how schools and the DfE name an academic year."""
    return f"{start_year} to {start_year + 1}"


ACADEMIC_YEARS = [(year, academic_year(year)) for year in range(FIRST_YEAR, LAST_YEAR + 1)]

DEFAULT_ANNUAL_REVIEW_STATEMENT = (
    "This strategy covers more than one school year. We review it every year, check what "
    "has worked, and publish the updated strategy on this page."
)


class WhoFor(models.TextChoices):
    SEN_SUPPORT = "sen_support", "Pupils on SEN support"
    EHC_PLAN = "ehc_plan", "Pupils with an EHC plan"
    ALL = "all", "All pupils"
    GROUP = "group", "A year group or group of pupils"


class InclusionStrategyPage(StatutoryPage):
    """The school's inclusion strategy: the barriers to learning and taking part it has
    found, and the costed activities it invests in to remove them (DfE, "Developing an
    inclusion strategy using the Inclusive Mainstream Fund", 25 June 2026)."""

    summary = RichTextField(
        "summary for parents",
        features=SHORT_TEXT_FEATURES,
        blank=True,
        help_text="A few plain sentences: what the strategy is for and what it changes.",
    )
    period_start_year = models.PositiveSmallIntegerField(
        "first school year",
        choices=ACADEMIC_YEARS,
        null=True,
        blank=True,
    )
    period_end_year = models.PositiveSmallIntegerField(
        "last school year",
        choices=ACADEMIC_YEARS,
        null=True,
        blank=True,
        help_text="The same as the first school year for a one-year strategy.",
    )
    annual_review_statement = models.TextField(
        "yearly review statement",
        blank=True,
        default=DEFAULT_ANNUAL_REVIEW_STATEMENT,
        help_text=(
            "Shown at the top of the page when the strategy covers more than one school "
            "year, with the review dates. A strategy that covers several years must be "
            "reviewed every year and say so."
        ),
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="Review the strategy at least once a year.",
    )
    next_review = models.DateField("next review", null=True, blank=True)
    pupil_premium_statement_url = models.URLField(
        "pupil premium strategy statement (web address)",
        blank=True,
        help_text="The page of your website that holds the statement.",
    )
    pupil_premium_statement_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="or pupil premium strategy statement document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    template = "senreport/inclusion_strategy_page.html"
    footer_label = "Inclusion strategy"
    footer_order = 35

    content_panels = Page.content_panels + [
        HelpPanel(
            content=(
                "<p>Schools that receive the Inclusive Mainstream Fund must publish this "
                "strategy. Name the barriers to learning and taking part that you have "
                "found, then the activities you will pay for to remove them: each activity "
                "names the barrier(s) it addresses and what it costs. Never name a pupil.</p>"
            )
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("period_start_year"), FieldPanel("period_end_year")]),
                FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("next_review")]),
                FieldPanel("annual_review_statement"),
            ],
            heading="School years and review",
        ),
        InlinePanel(
            "barriers",
            heading="Barriers",
            label="Barrier",
            help_text=(
                "The barriers to learning and taking part the school has found. Give each a "
                "short title: the activities below name barriers by these titles."
            ),
        ),
        InlinePanel(
            "activities",
            heading="Activities",
            label="Activity",
            help_text=(
                "What the school will do, which barrier(s) it addresses, who it is for, what "
                "it costs and where the money comes from."
            ),
        ),
        InclusionTotalsPanel(heading="Planned spending"),
        MultiFieldPanel(
            [
                FieldPanel("pupil_premium_statement_url"),
                FieldPanel("pupil_premium_statement_document"),
            ],
            heading="Pupil premium strategy statement",
            help_text=(
                "Link to it: the strategy is planned alongside the pupil premium and the "
                "rest of the budget, including the notional SEN budget."
            ),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]

    class Meta:
        verbose_name = "inclusion strategy"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(inclusion_context(self, request))
        return context

    @property
    def is_multi_year(self):
        return bool(
            self.period_start_year
            and self.period_end_year
            and self.period_end_year > self.period_start_year
        )

    @property
    def period_label(self):
        """'the 2026 to 2027 school year', 'the school years 2026 to 2027 and 2027 to
        2028', or '' when no year is given."""
        start = self.period_start_year
        end = self.period_end_year or start
        if not start:
            return ""
        if end <= start:
            return f"the {academic_year(start)} school year"
        years = [academic_year(year) for year in range(start, end + 1)]
        return f"the school years {', '.join(years[:-1])} and {years[-1]}"

    # The address of the pupil premium strategy statement to link to, or "".
    pupil_premium_statement_link = PageOrDocumentLink(
        "pupil_premium_statement_url", "pupil_premium_statement_document"
    )


class InclusionBarrier(TranslatableMixin, Orderable):
    page = ParentalKey(InclusionStrategyPage, on_delete=models.CASCADE, related_name="barriers")
    title = models.CharField(
        "short title",
        max_length=120,
        help_text="A few words, for example “Speech and language”. Activities name it.",
    )
    description = models.TextField(
        blank=True,
        help_text="What the barrier is and whom it affects, without naming any pupil.",
    )

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "barrier"

    def __str__(self):
        return self.title


class InclusionActivity(TranslatableMixin, Orderable):
    page = ParentalKey(InclusionStrategyPage, on_delete=models.CASCADE, related_name="activities")
    activity = models.CharField(
        "what we do",
        max_length=250,
        help_text="A short name for the activity, for example “Speech and language groups”.",
    )
    description = models.TextField("more about it", blank=True)
    barriers_addressed = models.CharField(
        "barriers it addresses",
        max_length=250,
        blank=True,
        help_text=(
            "Type the short title of each barrier this activity addresses, as written under "
            "Barriers above, separated by semicolons."
        ),
    )
    who_for = models.CharField(
        "who it is for",
        max_length=20,
        choices=WhoFor.choices,
        default=WhoFor.SEN_SUPPORT,
    )
    who_for_detail = models.CharField(
        "which pupils",
        max_length=150,
        blank=True,
        help_text="For a year group or group: which one, for example “Year 1”. No names.",
    )
    cost = models.PositiveIntegerField(
        "budgeted cost (£)",
        null=True,
        blank=True,
        help_text="In whole pounds, for this school year.",
    )
    funding_source = models.CharField(
        "paid for from",
        max_length=20,
        choices=FundingSource.choices,
        default=FundingSource.INCLUSIVE_MAINSTREAM_FUND,
    )
    intended_impact = models.TextField("what it should change", blank=True)
    impact_measure = models.TextField("how we will measure the impact", blank=True)
    owner = models.CharField("who leads it", max_length=150, blank=True)
    status = models.CharField(
        max_length=20,
        choices=ActionStatus.choices,
        default=ActionStatus.PLANNED,
    )

    panels = [
        FieldPanel("activity"),
        FieldPanel("description"),
        FieldPanel("barriers_addressed"),
        FieldRowPanel([FieldPanel("who_for"), FieldPanel("who_for_detail")]),
        FieldRowPanel([FieldPanel("cost"), FieldPanel("funding_source")]),
        FieldPanel("intended_impact"),
        FieldPanel("impact_measure"),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("status")]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "activity"
        verbose_name_plural = "activities"

    def __str__(self):
        return self.activity[:60]

    @property
    def who_for_text(self):
        label = self.get_who_for_display()
        if not self.who_for_detail:
            return label
        # "Reception and Year 1" says more than "A year group or group of pupils: ...".
        if self.who_for == WhoFor.GROUP:
            return self.who_for_detail
        return f"{label}: {self.who_for_detail}"
