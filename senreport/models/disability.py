from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import PARAGRAPH_FEATURES, SHORT_TEXT_FEATURES
from home.models.statutory import StatutoryPage
from home.page_or_document import PageOrDocumentLink

from ..reading import disability_context

# The access facilities a school records, in the order parents look for them.
FACILITIES = (
    ("step_free_entrance", "Step-free entrance"),
    ("lift", "Lift to upper floors"),
    ("accessible_toilet", "Accessible toilet"),
    ("changing_room", "Changing and hygiene room"),
    ("hearing_loop", "Hearing loop"),
    ("disabled_parking", "Disabled parking"),
    ("visual_aids", "Visual aids (for example high-contrast edges and clear signs)"),
    ("quiet_room", "Quiet room"),
)


class DisabilityAccessPage(StatutoryPage):
    """What the Children and Families Act 2014 s.69(3)(b) asks about disabled pupils:
    admissions, less favourable treatment, access facilities and the accessibility plan."""

    introduction = RichTextField(features=SHORT_TEXT_FEATURES, blank=True)
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="Review this page with the SEN Information Report, at least once a year.",
    )
    admissions = RichTextField(
        "admission arrangements for disabled pupils",
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text=(
            "Say that applications from disabled children are considered on the same basis "
            "as any other, and that a school named in a child's Education, Health and Care "
            "(EHC) plan must admit the child. Required before publishing. Legal basis: "
            "Children and Families Act 2014 s.69(3)(b)(i) and s.43."
        ),
    )
    admission_arrangements_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="full admission arrangements (page on this site)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    admission_arrangements_url = models.URLField(
        "or full admission arrangements (web address)",
        blank=True,
        help_text="For example, the council's admissions page.",
    )
    less_favourable_treatment = RichTextField(
        "steps to prevent less favourable treatment",
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text=(
            "The steps the school takes so that disabled pupils are not treated less "
            "favourably than others: training, reasonable adjustments, how concerns are "
            "dealt with. Required before publishing. Legal basis: Children and Families Act "
            "2014 s.69(3)(b)(ii)."
        ),
    )
    other_facilities = models.TextField(
        "other facilities",
        blank=True,
        help_text="Anything else that helps disabled pupils, parents and visitors.",
    )
    accessibility_plan_summary = RichTextField(
        "about the accessibility plan",
        features=SHORT_TEXT_FEATURES + ["ul"],
        blank=True,
        help_text=(
            "A few sentences on what the accessibility plan is for and its main aims. A link "
            "to the plan is added automatically. Required before publishing. Legal basis: "
            "Children and Families Act 2014 s.69(3)(b)(iv)."
        ),
    )

    template = "senreport/disability_access_page.html"
    footer_label = "Disability and access"
    footer_order = 20

    search_fields = Page.search_fields + [
        index.SearchField("admissions"),
        index.SearchField("less_favourable_treatment"),
    ]

    class Meta:
        verbose_name = "disability and access page"

    @property
    def facilities(self):
        """Every facility as (label, available, notes), available ones first."""
        rows = [
            (label, getattr(self, f"has_{key}"), getattr(self, f"{key}_notes"))
            for key, label in FACILITIES
        ]
        return sorted(rows, key=lambda row: not row[1])

    @property
    def has_any_facility(self):
        return any(getattr(self, f"has_{key}") for key, _ in FACILITIES) or bool(
            self.other_facilities.strip()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(disability_context(self, request))
        return context

    admission_arrangements_link = PageOrDocumentLink(
        "admission_arrangements_page", "admission_arrangements_url"
    )


for _key, _label in FACILITIES:
    DisabilityAccessPage.add_to_class(f"has_{_key}", models.BooleanField(_label, default=False))
    DisabilityAccessPage.add_to_class(
        f"{_key}_notes",
        models.CharField("notes", max_length=250, blank=True),
    )
del _key, _label

DisabilityAccessPage.content_panels = Page.content_panels + [
    HelpPanel(
        content=(
            "<p>The law asks every school to publish how it treats disabled pupils fairly. "
            "The SEN Information Report shows this page's sections too, so you write them "
            "once.</p>"
        )
    ),
    FieldPanel("introduction"),
    FieldPanel("last_reviewed"),
    MultiFieldPanel(
        [
            FieldPanel("admissions"),
            FieldRowPanel(
                [
                    FieldPanel("admission_arrangements_page"),
                    FieldPanel("admission_arrangements_url"),
                ]
            ),
        ],
        heading="Admissions",
    ),
    FieldPanel("less_favourable_treatment"),
    MultiFieldPanel(
        [
            *(
                FieldRowPanel([FieldPanel(f"has_{key}"), FieldPanel(f"{key}_notes")])
                for key, _ in FACILITIES
            ),
            FieldPanel("other_facilities"),
        ],
        heading="Facilities for access",
        help_text=(
            "Tick what the school has and add a note where it helps (where it is, how to ask "
            "for it). Parents also see what is not available. Legal basis: Children and "
            "Families Act 2014 s.69(3)(b)(iii)."
        ),
    ),
    FieldPanel("accessibility_plan_summary"),
]
