from django.db import models
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import PARAGRAPH_FEATURES
from home.models import SchoolSettings
from home.models.statutory import StatutoryPage
from home.navigation import request_site

from ..directory import authority_links, build_directory


class LocalOfferPage(StatutoryPage):
    """The school's part of the Local Offer: what it provides, the council's Local Offer
    and the directory of services that can help a child with SEND.
    """

    introduction = models.TextField(
        blank=True,
        help_text="A sentence or two under the title: what families will find here.",
    )
    body = RichTextField(
        "the school's contribution",
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text=(
            "What the school offers children with SEND, in plain English. The council's "
            "Local Offer brings together what every school and service provides "
            "(Children and Families Act 2014, section 30)."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    # Publishing runs the SEND pages' checks (the personal-data guard).
    template = "localoffer/local_offer_page.html"
    # Listed in the footer's "Information we must publish" (home.navigation).
    footer_label = "Local Offer"
    footer_order = 60

    class Meta:
        verbose_name = "Local Offer page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The request's site is already known (one query fewer than self.get_site()).
        site = request_site(self, request)
        school = SchoolSettings.for_request(request)
        # Worked out when the template first reads them: a directory remembered by
        # `{% pagefragment %}` (pagecache/fragments.py) costs none of their queries.
        context["authorities"] = SimpleLazyObject(lambda: authority_links(school))
        context["directory"] = SimpleLazyObject(
            lambda: build_directory(site, request.GET, school=school)
        )
        return context
