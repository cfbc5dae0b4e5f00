"""SEN support: what it is, the graduated approach, and what families can expect."""

from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.forms import StatutoryPageForm
from home.models.base import SchoolPageMixin
from home.send_blocks import send_stream_blocks


class SENSupportPage(SchoolPageMixin, Page):
    """Explains SEN support to parents, built from blocks (graduated approach, quotations...)."""

    introduction = models.TextField(
        blank=True,
        help_text="A sentence or two under the title: what this page explains.",
    )
    body = StreamField(
        send_stream_blocks(),
        blank=True,
        help_text=(
            "Start each topic with a section heading: the headings make the 'On this page' "
            "list at the top."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    base_form_class = StatutoryPageForm
    template = "senreport/sen_support_page.html"
    parent_page_types = ["senreport.SENDSectionPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "SEN support page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contents"] = self.contents()
        return context

    def contents(self):
        """(anchor, text) of each section heading, for the 'On this page' list.

        The anchors match the ids the heading and graduated-approach templates give their
        <h2> (`slugify` of the text).
        """
        items = []
        for block in self.body:
            if block.block_type == "heading" and block.value["level"] == "h2":
                text = block.value["text"]
            elif block.block_type == "graduated_approach":
                text = block.value["heading"]
            else:
                continue
            items.append((slugify(text), text))
        return items
