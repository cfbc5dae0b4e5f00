"""The shell pages: the home page and standard pages."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import SHORT_TEXT_FEATURES, standard_stream_blocks
from home.send_blocks import send_content_blocks

from .base import SchoolPageMixin


class HomePage(SchoolPageMixin, Page):
    """The front door of one school's site (one per site, at its root)."""

    introduction = RichTextField(
        features=SHORT_TEXT_FEATURES,
        blank=True,
        help_text="Two or three sentences that welcome visitors.",
    )
    send_heading = models.CharField(
        "SEND box heading",
        max_length=120,
        default="Special educational needs and disabilities (SEND)",
    )
    send_summary = models.TextField(
        "SEND box text",
        blank=True,
        help_text="One or two sentences telling parents what they will find.",
    )
    send_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="SEND information page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "Where the big SEND button on the home page leads: normally your SEND section. "
            "Parents should reach the SEN Information Report in two clicks from here."
        ),
    )
    body = StreamField(standard_stream_blocks(), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("send_heading"), FieldPanel("send_summary"), FieldPanel("send_page")],
            heading="Way into the SEND information",
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "home page"


class StandardPage(SchoolPageMixin, Page):
    """General content: admissions, policies, contact and anything else."""

    introduction = models.TextField(
        blank=True, help_text="A sentence or two shown under the title and in listings."
    )
    # The SEND blocks (contact card, useful links, Code of Practice quotation...) are
    # offered here too: a standard page may sit in the SEND section.
    body = StreamField(standard_stream_blocks() + send_content_blocks(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    template = "home/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage", "senreport.SENDSectionPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = "standard page"
