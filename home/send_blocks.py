"""StreamField blocks for SEND content, reusable on any page.

Like home.blocks, each block has an icon, a template, a description and a preview value.
`send_content_blocks()` lists the blocks added here; `send_stream_blocks()` is the full set
a SEND page offers (the shared blocks first). StandardPage offers them too, so a school can
use a contact card or a Code of Practice quotation on any page.
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone
from wagtail import blocks, hooks
from wagtail.blocks.struct_block import StructBlockValidationError

from home.blocks import SHORT_TEXT_FEATURES, standard_stream_blocks
from home.models.school import SchoolSettings

# Gives the SENCO's contact details for a request: {name, phone, email, website}, or None.
SENCO_CONTACT_HOOK = "school_senco_contact"

LIST_TEXT_FEATURES = SHORT_TEXT_FEATURES + ["ul"]
CODE_OF_PRACTICE_URL = "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25"


def _school_settings(parent_context):
    """The SchoolSettings of the site being viewed, or None (e.g. rendered without a request)."""
    request = (parent_context or {}).get("request")
    if request is None:
        return None
    return SchoolSettings.for_request(request)


class GraduatedApproachValue(blocks.StructValue):
    STAGES = (("assess", "Assess"), ("plan", "Plan"), ("do", "Do"), ("review", "Review"))

    def stages(self):
        """(name, text) of the four stages, in the order of the cycle."""
        return [(label, self.get(name)) for name, label in self.STAGES]


class GraduatedApproachBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=120,
        default="The graduated approach: assess, plan, do, review",
        help_text="Shown as a section heading above the four stages.",
    )
    introduction = blocks.RichTextBlock(
        features=SHORT_TEXT_FEATURES,
        required=False,
        help_text="Optional: a sentence or two before the four stages.",
    )
    assess = blocks.RichTextBlock(
        features=LIST_TEXT_FEATURES,
        help_text="How the school finds out what the child needs, and who takes part.",
    )
    plan = blocks.RichTextBlock(
        features=LIST_TEXT_FEATURES,
        help_text="How the support, the hoped-for outcomes and the review date are agreed.",
    )
    do = blocks.RichTextBlock(
        features=LIST_TEXT_FEATURES,
        help_text="Who gives the support day to day, and how.",
    )
    review = blocks.RichTextBlock(
        features=LIST_TEXT_FEATURES,
        help_text="How everyone looks at what worked and decides what happens next.",
    )

    class Meta:
        icon = "rotate"
        template = "blocks/graduated_approach_block.html"
        value_class = GraduatedApproachValue
        description = (
            "The four stages of SEN support (assess, plan, do, review) with a picture of the cycle"
        )
        preview_value = {
            "heading": "The graduated approach: assess, plan, do, review",
            "introduction": "<p>Support works in a cycle that repeats.</p>",
            "assess": "<p>We find out what your child finds hard and what helps.</p>",
            "plan": "<p>We agree with you the support and a date to look at progress.</p>",
            "do": "<p>Your child's teacher gives the support every day.</p>",
            "review": "<p>Together we check what worked and plan the next step.</p>",
        }


class CodeOfPracticeQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(
        help_text=(
            "Copy the words exactly from the SEND Code of Practice, without quotation marks. "
            "Leave a blank line between paragraphs."
        )
    )
    paragraph = blocks.CharBlock(
        max_length=8,
        validators=[
            RegexValidator(r"^\d{1,2}\.\d{1,3}$", "Write the paragraph number like this: 6.65")
        ],
        help_text="The paragraph number in the Code of Practice, for example 6.65.",
    )
    explanation = blocks.RichTextBlock(
        features=SHORT_TEXT_FEATURES,
        required=False,
        help_text="Optional: what this means for families, in your own words.",
    )

    class Meta:
        icon = "openquote"
        template = "blocks/code_of_practice_quote_block.html"
        label = "Code of Practice quotation"
        description = "Words quoted from the SEND Code of Practice, with the paragraph number"
        preview_value = {
            "quote": "Schools should meet parents at least three times each year.",
            "paragraph": "6.65",
            "explanation": "<p>We meet you once a term, and more often if you need.</p>",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["code_of_practice_url"] = CODE_OF_PRACTICE_URL
        return context


class SupportOptionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, help_text="A few words, e.g. 'Small-group work'.")
    description = blocks.TextBlock(
        required=False, max_length=400, help_text="Optional: one or two sentences."
    )

    class Meta:
        icon = "tick"
        label = "Kind of support"


class SupportOptionsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        required=False, max_length=120, help_text="Optional: shown as a section heading."
    )
    introduction = blocks.RichTextBlock(features=SHORT_TEXT_FEATURES, required=False)
    options = blocks.ListBlock(SupportOptionBlock(), min_num=1, label="Kinds of support")

    class Meta:
        icon = "list-ul"
        template = "blocks/support_options_block.html"
        label = "Support options"
        description = "A list of the kinds of support a child might have, each with a short note"
        preview_value = {
            "heading": "",
            "introduction": "<p>Support is different for every child. It might include:</p>",
            "options": [
                {"title": "Small-group work", "description": "A few children work together."},
                {"title": "Visual timetables", "description": "Pictures show the day ahead."},
            ],
        }


class ContactCardBlock(blocks.StructBlock):
    source = blocks.ChoiceBlock(
        choices=[
            ("custom", "Someone else: fill in the details below"),
            ("sendiass", "Our local SENDIASS, from the school details"),
            ("school", "The school office, from the school details"),
            ("senco", "Our SENCO, from the SEN Information Report"),
        ],
        default="custom",
        help_text=(
            "Choose a contact kept in the school details (Settings → School details) so it is "
            "correct everywhere when it changes, or fill in someone else."
        ),
    )
    title = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text="Who this is, e.g. 'Our SENCO'. For the school details, leave empty.",
    )
    name = blocks.CharBlock(required=False, max_length=150, help_text="Optional: a name.")
    phone = blocks.CharBlock(required=False, max_length=30)
    email = blocks.EmailBlock(required=False, label="E-mail")
    website = blocks.URLBlock(required=False)
    note = blocks.TextBlock(
        required=False,
        max_length=300,
        help_text="Optional: when to get in touch, or what they can help with.",
    )

    class Meta:
        icon = "user"
        template = "blocks/contact_card_block.html"
        description = "Who to contact, with phone, e-mail and website"
        preview_value = {
            "source": "custom",
            "title": "Our SENCO",
            "name": "Mrs A. Example",
            "phone": "01632 960 000",
            "email": "senco@school.example",
            "note": "Ring on Tuesdays or Thursdays.",
        }

    def clean(self, value):
        value = super().clean(value)
        if value["source"] == "custom":
            errors = {}
            if not value["title"]:
                errors["title"] = ValidationError("Say who this contact is, e.g. 'Our SENCO'.")
            if not (value["phone"] or value["email"] or value["website"]):
                errors["phone"] = ValidationError(
                    "Give at least one way to get in touch: phone, e-mail or website."
                )
            if errors:
                raise StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["contact"] = self.contact_details(value, _school_settings(parent_context))
        if value.get("source") == "senco":
            # The SENCO's details are kept on the SEN Information Report: the app that owns
            # it gives them through this hook (home imports no SEND app).
            request = (parent_context or {}).get("request")
            for senco_contact in hooks.get_hooks(SENCO_CONTACT_HOOK):
                found = senco_contact(request)
                if found:
                    context["contact"].update(
                        title=context["contact"]["title"] or "Our SENCO", **found
                    )
                    break
        return context

    @staticmethod
    def contact_details(value, school):
        """The card's details: from the school details when chosen, else as typed."""
        # .get(): the block picker's preview passes preview_value without every key.
        details = {
            key: value.get(key) or ""
            for key in ("title", "name", "phone", "email", "website", "note")
        }
        source = value.get("source")
        if source == "sendiass" and school is not None:
            details.update(
                title=details["title"]
                or school.sendiass_name
                or "SEND Information, Advice and Support Service",
                phone=school.sendiass_phone,
                email=school.sendiass_email,
                website=school.sendiass_url,
            )
        elif source == "school" and school is not None:
            details.update(
                title=details["title"] or school.school_name or "The school office",
                phone=school.phone,
                email=school.email,
                website="",
            )
        return details


class UsefulLinkValue(blocks.StructValue):
    def text(self):
        if self.get("title"):
            return self["title"]
        page = self.get("page")
        return page.title if page is not None else self.get("url")


class UsefulLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(
        required=False, help_text="A page on this website, or give a web address instead."
    )
    url = blocks.URLBlock(required=False, label="Web address")
    title = blocks.CharBlock(
        required=False,
        max_length=150,
        help_text="The words people click. Leave empty to use the page's title.",
    )
    description = blocks.CharBlock(
        required=False, max_length=250, help_text="Optional: what people will find there."
    )

    class Meta:
        icon = "link"
        label = "Link"
        value_class = UsefulLinkValue

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if bool(value["page"]) == bool(value["url"]):
            errors["page"] = ValidationError("Choose a page or give a web address (not both).")
        elif value["url"] and not value["title"]:
            errors["title"] = ValidationError("Give the words people click for this web address.")
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class UsefulLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        default="Useful links",
        help_text="Optional: shown as a section heading.",
    )
    include_local_offer = blocks.BooleanBlock(
        required=False,
        default=True,
        label="Add our council's Local Offer",
        help_text="Adds a link to each Local Offer listed in the school details.",
    )
    links = blocks.ListBlock(UsefulLinkBlock(), min_num=0)

    class Meta:
        icon = "link-external"
        template = "blocks/useful_links_block.html"
        description = "A list of links to pages here and on other websites"
        preview_value = {
            "heading": "Useful links",
            "include_local_offer": False,
            "links": [
                {
                    "url": CODE_OF_PRACTICE_URL,
                    "title": "SEND Code of Practice: 0 to 25 years",
                    "description": "The government's guidance that schools must follow.",
                }
            ],
        }

    def clean(self, value):
        value = super().clean(value)
        if not value["links"] and not value["include_local_offer"]:
            raise StructBlockValidationError(
                block_errors={
                    "links": ValidationError(
                        "Add a link, or tick 'Add our council's Local Offer'."
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        school = _school_settings(parent_context)
        context["local_offers"] = (
            school.local_offer_links
            if school is not None and value.get("include_local_offer")
            else []
        )
        return context


# After this long, a call-out about proposed changes tells parents it may be out of date.
PROPOSALS_STALE_AFTER = timedelta(days=183)


class ProposedChangeBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        max_length=120,
        help_text="What the proposal is called, e.g. 'Individual Support Plans'.",
    )
    description = blocks.TextBlock(
        max_length=400,
        help_text="One or two plain sentences: what the government proposes.",
    )

    class Meta:
        icon = "edit"
        label = "Proposed change"


class ProposedChangesBlock(blocks.StructBlock):
    """A dated box that keeps proposals apart from the law: parents are often told that
    reforms under discussion have already happened."""

    heading = blocks.CharBlock(
        max_length=120,
        default="Changes that are proposed, not yet law",
        help_text="Keep the words 'not yet law' (or similar) so nobody mistakes it for the rules.",
    )
    checked_on = blocks.DateBlock(
        label="correct on",
        help_text=(
            "The day you last checked what is proposed. It is shown to parents; after six "
            "months the box tells them it may be out of date."
        ),
    )
    proposals = blocks.ListBlock(
        ProposedChangeBlock(),
        min_num=1,
        help_text="Each proposal, in a sentence or two.",
    )
    what_it_means_now = blocks.RichTextBlock(
        label="what this means for your child now",
        features=SHORT_TEXT_FEATURES + ["ul"],
        help_text=(
            "Say plainly what has not changed: the law today, your child's support, EHC plans "
            "and the right to ask for an assessment carry on as now."
        ),
    )
    source_url = blocks.URLBlock(
        required=False,
        label="where to read the proposals",
        help_text="Optional: the government's page about the proposals.",
    )
    source_title = blocks.CharBlock(
        required=False,
        max_length=150,
        help_text="Optional: the link's words, e.g. 'The SEND White Paper (GOV.UK)'.",
    )

    class Meta:
        icon = "warning"
        template = "blocks/proposed_changes_block.html"
        label = "Proposed changes (not yet law)"
        description = (
            "A dated box that lists changes the government has proposed and says plainly "
            "that they are not law yet"
        )
        preview_value = {
            "heading": "Changes that are proposed, not yet law",
            "checked_on": date(2026, 11, 30),
            "proposals": [
                {
                    "name": "Individual Support Plans",
                    "description": "A new kind of written plan for children on SEN support.",
                }
            ],
            "what_it_means_now": "<p>Nothing has changed yet for your child.</p>",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        checked_on = value.get("checked_on")
        context["may_be_out_of_date"] = bool(
            checked_on and timezone.localdate() - checked_on > PROPOSALS_STALE_AFTER
        )
        return context


def send_content_blocks():
    """The blocks this module adds, for any StreamField that wants them."""
    return [
        ("graduated_approach", GraduatedApproachBlock()),
        ("code_of_practice_quote", CodeOfPracticeQuoteBlock()),
        ("support_options", SupportOptionsBlock()),
        ("contact_card", ContactCardBlock()),
        ("useful_links", UsefulLinksBlock()),
        ("proposed_changes", ProposedChangesBlock()),
    ]


def send_stream_blocks():
    """Everything a SEND page's body offers: the shared blocks, then the SEND ones."""
    return standard_stream_blocks() + send_content_blocks()
