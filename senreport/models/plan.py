from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from home.blocks import PARAGRAPH_FEATURES, SHORT_TEXT_FEATURES
from home.models.statutory import StatutoryPage

from ..reading import plan_context


class Strand(models.TextChoices):
    """The three strands of an accessibility plan (Equality Act 2010 Sch 10 para 3(2))."""

    CURRICULUM = "curriculum", "Access to the curriculum"
    PHYSICAL = "physical", "The physical environment"
    INFORMATION = "information", "Delivery of information"


class ActionStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


class AccessibilityPlanPage(StatutoryPage):
    """The school's accessibility plan (Equality Act 2010, Schedule 10 paragraph 3)."""

    introduction = RichTextField(features=SHORT_TEXT_FEATURES, blank=True)
    period_start = models.DateField("plan starts", null=True, blank=True)
    period_end = models.DateField(
        "plan ends",
        null=True,
        blank=True,
        help_text="A plan covers a period of up to three years.",
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="Review the plan at least once a year.",
    )
    information_formats = RichTextField(
        "other formats on request",
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text=(
            "How the school gives information to disabled pupils and parents in other "
            "formats (large print, audio, easy read, a translated or spoken version) within "
            "a reasonable time, taking their preferences into account. Required before "
            "publishing. Legal basis: Equality Act 2010 Sch 10 para 3(3)."
        ),
    )

    template = "senreport/accessibility_plan_page.html"
    footer_label = "Accessibility plan"
    footer_order = 30

    content_panels = Page.content_panels + [
        HelpPanel(
            content=(
                "<p>The plan sets out how the school will, over up to three years, improve "
                "access for disabled pupils in three strands. Every strand needs at least "
                "one action before the plan can be published.</p>"
            )
        ),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldPanel("last_reviewed"),
            ],
            heading="Plan period and review",
            help_text="Legal basis: Equality Act 2010 Sch 10 paras 3(2) and 3(5).",
        ),
        InlinePanel(
            "actions",
            heading="Actions",
            label="Action",
            help_text=(
                "Each action: what you will do, what it should achieve, who leads it, by "
                "when, with what resources, and how you will know it worked."
            ),
        ),
        FieldPanel("information_formats"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    class Meta:
        verbose_name = "accessibility plan"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(plan_context(self, request))
        return context

    def actions_by_strand(self, actions=None, today=None):
        """[(strand value, strand label, [actions])] for all three strands, in order."""
        actions = list(self.actions.all()) if actions is None else actions
        today = today or timezone.localdate()
        for action in actions:
            action.is_overdue = action.overdue_on(today)
        return [
            (value, label, [a for a in actions if a.strand == value])
            for value, label in Strand.choices
        ]


class AccessibilityPlanAction(TranslatableMixin, Orderable):
    page = ParentalKey(AccessibilityPlanPage, on_delete=models.CASCADE, related_name="actions")
    strand = models.CharField(max_length=20, choices=Strand.choices)
    action = models.TextField(help_text="What the school will do.")
    target = models.TextField("aim", blank=True, help_text="What it should achieve.")
    owner = models.CharField("who leads it", max_length=150, blank=True)
    target_date = models.DateField(null=True, blank=True)
    resources = models.CharField(max_length=250, blank=True)
    success_criteria = models.TextField(
        "how we will know it worked",
        blank=True,
    )
    status = models.CharField(
        max_length=20,
        choices=ActionStatus.choices,
        default=ActionStatus.PLANNED,
    )

    panels = [
        FieldRowPanel([FieldPanel("strand"), FieldPanel("status")]),
        FieldPanel("action"),
        FieldPanel("target"),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("target_date")]),
        FieldPanel("resources"),
        FieldPanel("success_criteria"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "action"

    def __str__(self):
        return self.action[:60]

    def overdue_on(self, day):
        return bool(
            self.target_date and self.target_date < day and self.status != ActionStatus.DONE
        )

    @property
    def is_resourced(self):
        return bool(self.owner and self.target_date and self.resources and self.success_criteria)
