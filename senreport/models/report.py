from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from home.blocks import PARAGRAPH_FEATURES, SHORT_TEXT_FEATURES
from home.models.statutory import StatutoryPage
from home.navigation import request_site, site_page
from home.page_or_document import PageOrDocumentLink

from .. import easy_read
from ..compliance.data import a_year_after
from ..panels import EasyReadPanel, ImportReportLinkPanel, ReadabilityPanel
from ..reading import report_context
from ..report_items import BROAD_AREAS, ITEM_TABS, REPORT_ITEMS, TEXT_ITEMS, Group
from .disability import DisabilityAccessPage


def item_help(item):
    requirement = (
        "Required before publishing."
        if item.must and item.text_required
        else "Recommended."
        if not item.must
        else "Optional: the legal item is met by the school details."
    )
    if item.mainstream_only and item.must:
        requirement = "Required before publishing for mainstream schools and nurseries."
    return f"{item.guidance} {requirement} Legal basis: {item.legal_basis}."


class SENInformationReportPage(RoutablePageMixin, StatutoryPage):
    """The SEN Information Report (Children and Families Act 2014 s.69; SEND Regulations
    2014 Schedule 1): one section per legal item, each a question parents ask.

    Its easy-read version (senreport/easy_read.py) is at `easy-read/` below it."""

    introduction = RichTextField(
        features=SHORT_TEXT_FEATURES,
        blank=True,
        help_text="A short welcome: what this report is and who it is for.",
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="The law expects the report to be reviewed and updated every year.",
    )
    governors_approved_on = models.DateField("approved by governors on", null=True, blank=True)
    governors_approved_by = models.CharField(
        "approved by",
        max_length=150,
        blank=True,
        help_text="For example, the full governing board, or the SEND committee.",
    )
    next_review = models.DateField(
        null=True,
        blank=True,
        help_text="Leave empty to set it to a year after the last review.",
    )

    senco_name = models.CharField("SENCO's name", max_length=150, blank=True)
    senco_role = models.CharField(
        "role",
        max_length=150,
        blank=True,
        default="Special educational needs co-ordinator (SENCO)",
        help_text="For example, 'SENCO and deputy headteacher'.",
    )
    senco_email = models.EmailField(
        "work e-mail",
        blank=True,
        help_text="A shared role mailbox (such as senco@…) is better than a personal address.",
    )
    senco_phone = models.CharField("work phone", max_length=30, blank=True)
    senco_qualification = models.CharField(
        "qualification",
        max_length=200,
        blank=True,
        help_text="Optional: for example, the National Professional Qualification for SENCOs.",
    )

    complaints_procedure_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="complaints procedure page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page that sets out your complaints procedure.",
    )
    complaints_procedure_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="or complaints procedure document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sen_policy_combined = models.BooleanField(
        "this report is also our SEN policy",
        default=False,
    )
    sen_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="SEN policy page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sen_policy_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="or SEN policy document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    paper_copy_statement = models.TextField(
        blank=True,
        default=(
            "You can ask the school office for a free paper copy of this report, in large "
            "print if that helps."
        ),
        help_text="Tell parents they can have a free paper copy, and how to ask for one.",
    )

    template = "senreport/sen_information_report_page.html"
    footer_label = "SEN Information Report"
    footer_order = 10

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        *(index.SearchField(item.field) for item in TEXT_ITEMS),
    ]

    class Meta:
        verbose_name = "SEN Information Report"

    def clean(self):
        super().clean()
        if self.last_reviewed and not self.next_review:
            self.next_review = a_year_after(self.last_reviewed)
        if self.last_reviewed and self.next_review and self.next_review <= self.last_reviewed:
            raise ValidationError({"next_review": "The next review must come after the last."})
        if self.last_reviewed and self.last_reviewed > date.today():
            raise ValidationError({"last_reviewed": "The last review cannot be in the future."})

    def save(self, *args, **kwargs):
        if self.last_reviewed and not self.next_review:
            self.next_review = a_year_after(self.last_reviewed)
        super().save(*args, **kwargs)

    def heading_for(self, item):
        return getattr(self, item.heading_field, "") or item.question

    @property
    def broad_areas(self):
        """The labels of the broad areas of need the school ticked."""
        return [label for field, label in BROAD_AREAS if getattr(self, field)]

    @property
    def has_senco_contact(self):
        return bool(self.senco_name and (self.senco_email or self.senco_phone))

    complaints_procedure_url = PageOrDocumentLink(
        "complaints_procedure_page", "complaints_procedure_document"
    )
    sen_policy_url = PageOrDocumentLink("sen_policy_page", "sen_policy_document")

    # The report itself is served as any page (SchoolPageMixin's routing, Page.serve);
    # only the address below it goes through RoutablePageMixin.
    preview_modes = [("", "Report"), (easy_read.PREVIEW_MODE, "Easy read")]

    def route(self, request, path_components):
        if not path_components:
            return StatutoryPage.route(self, request, path_components)
        # The school's routing first (it learns, without a query, whether any view
        # restriction applies); then the easy-read address.
        StatutoryPage.route(self, request, [])
        return super().route(request, path_components)

    def serve(self, request, view=None, args=None, kwargs=None):
        if view is None:
            return StatutoryPage.serve(self, request)
        return super().serve(request, view, args, kwargs)

    def serve_preview(self, request, mode_name):
        if mode_name == easy_read.PREVIEW_MODE:
            request.is_preview = True
            request.preview_mode = mode_name
            return self.easy_read_view(request)
        return StatutoryPage.serve_preview(self, request, mode_name)

    @path(easy_read.ROUTE, name=easy_read.ROUTE_NAME)
    def easy_read_view(self, request):
        """The easy-read version of the report: one idea a line, a picture beside each."""
        lines = list(self.easy_read_lines.all())
        context = self.get_context(request)
        context.update(
            {
                "easy_read_sections": easy_read.easy_read_sections(self, lines),
                "report_url": self.get_url(request),
            }
        )
        return TemplateResponse(request, "senreport/easy_read_page.html", context)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if urls:
            urls.append({**urls[0], "location": urls[0]["location"] + easy_read.ROUTE})
        return urls

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            report_context(
                self,
                request,
                lambda: site_page(DisabilityAccessPage, request_site(self, request), request),
            )
        )
        return context


# The sections' fields, made from the one list of report items: a heading that editors
# may reword (the parent-facing question by default) and the text of the section.
for _item in REPORT_ITEMS:
    SENInformationReportPage.add_to_class(
        _item.heading_field,
        models.CharField(
            "heading parents see",
            max_length=200,
            default=_item.question,
            help_text="The question this section answers, in the words parents use.",
        ),
    )
    if _item in TEXT_ITEMS:
        SENInformationReportPage.add_to_class(
            _item.field,
            RichTextField(
                _item.question,
                features=PARAGRAPH_FEATURES,
                blank=True,
                help_text=item_help(_item),
            ),
        )
for _field, _label in BROAD_AREAS:
    SENInformationReportPage.add_to_class(_field, models.BooleanField(_label, default=False))
del _item, _field, _label


class EasyReadLine(TranslatableMixin, Orderable):
    """One line of the report's easy-read version: one short sentence, with a picture."""

    page = ParentalKey(
        SENInformationReportPage, on_delete=models.CASCADE, related_name="easy_read_lines"
    )
    section = models.CharField(
        max_length=40,
        choices=easy_read.SECTION_CHOICES,
        help_text="The part of the report this line belongs to.",
    )
    icon = models.CharField(
        "picture",
        max_length=20,
        choices=easy_read.ICONS,
        help_text="The picture shown beside the line. The words must make sense without it.",
    )
    text = models.CharField(
        "sentence",
        max_length=200,
        help_text="One short sentence with one idea: 15 words or fewer, everyday words.",
    )

    panels = [FieldRowPanel([FieldPanel("section"), FieldPanel("icon")]), FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "easy-read line"

    def __str__(self):
        return self.text[:60]


def _extra_panel(entry):
    if isinstance(entry, Group):
        return MultiFieldPanel(
            [FieldPanel(name) for name in entry.fields],
            heading=entry.heading,
            help_text=entry.help_text,
        )
    if isinstance(entry, tuple):
        return FieldRowPanel([FieldPanel(name) for name in entry])
    return FieldPanel(entry)


def item_panel(item):
    """An item's panel: its heading, its own fields, then its text."""
    children = [FieldPanel(item.heading_field), *map(_extra_panel, item.extra_fields)]
    if item.text_field:
        return MultiFieldPanel(
            [*children, FieldPanel(item.field)],
            heading=item.question,
        )
    return MultiFieldPanel(children, heading=item.question, help_text=item_help(item))


def item_tab(heading):
    return ObjectList(
        [item_panel(item) for item in REPORT_ITEMS if item.tab == heading],
        heading=heading,
    )


SENInformationReportPage.edit_handler = TabbedInterface(
    [
        ObjectList(
            [
                HelpPanel(
                    content=(
                        "<p>Each section answers one question the law says your report "
                        "must cover. Write for parents: short sentences, everyday words. "
                        "You can save a draft at any time; publishing checks that every "
                        "required section is filled in.</p>"
                    )
                ),
                ImportReportLinkPanel(heading="Import your current report"),
                FieldPanel("title"),
                ReadabilityPanel(heading="Plain English"),
                FieldPanel("introduction"),
                MultiFieldPanel(
                    [
                        FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("next_review")]),
                        FieldRowPanel(
                            [
                                FieldPanel("governors_approved_on"),
                                FieldPanel("governors_approved_by"),
                            ]
                        ),
                    ],
                    heading="Review and approval",
                    help_text=(
                        "Review the report at least once a year (SEND Code of Practice 6.79). "
                        "These dates are shown at the top of the report."
                    ),
                ),
                FieldPanel("paper_copy_statement"),
            ],
            heading="About the report",
        ),
        *(item_tab(heading) for heading in ITEM_TABS),
        ObjectList(
            [
                HelpPanel(
                    content=(
                        "<p>Easy read helps parents who find long text hard. Write short "
                        "sentences, one idea on each line, and choose a picture for each "
                        "line. Keep the lines of a section together, in the order they "
                        "should be read. Sections with no lines are shown to parents as "
                        "“not yet in easy read”, with a link to the full section.</p>"
                    )
                ),
                EasyReadPanel(heading="How easy is the easy read?"),
                InlinePanel(
                    "easy_read_lines",
                    heading="Easy-read lines",
                    label="Line",
                ),
            ],
            heading="Easy read",
        ),
        ObjectList(Page.promote_panels, heading="Promote"),
    ]
)
