from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import SHORT_TEXT_FEATURES
from home.forms import StatutoryPageForm
from home.models.base import SchoolPageMixin
from home.public import public


class SENDSectionPage(SchoolPageMixin, Page):
    """The way into everything about SEND (e.g. /send/): lists its pages with a summary each.

    Every SEND page type lives under this page, so a parent reaches any of them in two
    clicks from the home page.
    """

    introduction = RichTextField(
        features=SHORT_TEXT_FEATURES,
        blank=True,
        help_text="A few sentences for parents: what this section holds and who to talk to.",
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    base_form_class = StatutoryPageForm
    template = "senreport/send_section_page.html"
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "SEND section page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = public(self.get_children().live(), request)
        pages = list(children.specific().defer_streamfields())
        context["send_pages"] = pages
        # The SENCO's card near the top: from the report, already among the pages.
        context["senco_report"] = next(
            (
                page
                for page in pages
                if getattr(page, "has_senco_contact", False) and hasattr(page, "senco_role")
            ),
            None,
        )
        return context

    @staticmethod
    def summary_of(page):
        """The one-line summary a listing shows: the page's search description or intro."""
        return page.search_description
