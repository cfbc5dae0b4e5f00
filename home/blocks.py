"""StreamField blocks shared by every page type.

Each block carries an icon, a template, a description and a preview value, so the
editor's block picker shows what the block makes before it is added.
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

# A narrow rich-text feature set: structure and emphasis, never raw layout.
PARAGRAPH_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
SHORT_TEXT_FEATURES = ["bold", "italic", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, help_text="Keep headings short: a few words.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")],
        default="h2",
        help_text="Use a section heading to start a new topic, a sub-heading within one.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = "A heading that starts a new section of the page"
        preview_value = {"text": "How we support your child", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        description = "Text with simple formatting, lists and links"
        preview_value = (
            "<p>Every child is welcome here. We plan lessons so that everyone can take "
            "part, and we talk with you about what helps your child.</p>"
        )


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(
        help_text=(
            "Describe what the picture shows for people who cannot see it, or tick "
            "'decorative' if it adds nothing to the text."
        )
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"
        description = "A picture with a text description and an optional caption"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=SHORT_TEXT_FEATURES + ["ul"])
    tone = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("important", "Important")],
        default="info",
    )

    class Meta:
        icon = "help"
        template = "blocks/callout_block.html"
        description = "A highlighted box for something parents must not miss"
        preview_value = {
            "title": "Free paper copy",
            "text": "<p>Ask the school office for a printed copy of any page.</p>",
            "tone": "info",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False,
        max_length=150,
        help_text="Leave empty to use the document's own title.",
    )
    description = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text="One sentence on what the document is for.",
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        description = "A link to a document, with its file type and size"


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=SHORT_TEXT_FEATURES + ["ol", "ul"])

    class Meta:
        icon = "help"


class QuestionsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    items = blocks.ListBlock(QuestionAnswerBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/questions_block.html"
        description = "Questions parents ask, each opening to show its answer"
        preview_value = {
            "heading": "Common questions",
            "items": [
                {
                    "question": "Who do I talk to first?",
                    "answer": "<p>Start with your child's class teacher.</p>",
                }
            ],
        }


def standard_stream_blocks():
    """The general-content blocks every StreamField on the site offers."""
    return [
        ("heading", HeadingBlock()),
        ("paragraph", ParagraphBlock()),
        ("image", FigureBlock()),
        ("callout", CalloutBlock()),
        ("document", DocumentLinkBlock()),
        ("questions", QuestionsBlock()),
    ]


class LocalAuthorityBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=150, help_text="For example, Westmere Borough Council.")
    local_offer_url = blocks.URLBlock(
        label="Local Offer web address",
        help_text="The page where this council publishes its Local Offer for SEND.",
    )
    ordinarily_available_provision_url = blocks.URLBlock(
        required=False,
        label="Ordinarily Available Provision web address",
        help_text="Optional: the council's guide to support every school is expected to give.",
    )

    class Meta:
        icon = "site"
        label = "Local authority"
