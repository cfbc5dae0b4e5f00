"""The school details: one `SchoolSettings` per site, read by every page."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from home.blocks import LocalAuthorityBlock
from home.colours import TEXT_CONTRAST, UI_CONTRAST, check_contrast
from home.languages import LanguagesField
from home.privacy import refuse_pupil_data

DEFAULT_BRAND_COLOUR = "#1d3a5f"
DEFAULT_ACCENT_COLOUR = "#0b6e4f"


class SchoolType(models.TextChoices):
    MAINSTREAM_PRIMARY = "mainstream_primary", "Mainstream primary"
    MAINSTREAM_SECONDARY = "mainstream_secondary", "Mainstream secondary"
    MAINSTREAM_ALL_THROUGH = "mainstream_all_through", "Mainstream all-through"
    MAINTAINED_NURSERY = "maintained_nursery", "Maintained nursery"
    SPECIAL = "special", "Special school"
    ALTERNATIVE_PROVISION = "alternative_provision", "Alternative provision"


# Duties the SEND Regulations give to mainstream schools and maintained nurseries only.
MAINSTREAM_TYPES = frozenset(
    {
        SchoolType.MAINSTREAM_PRIMARY,
        SchoolType.MAINSTREAM_SECONDARY,
        SchoolType.MAINSTREAM_ALL_THROUGH,
        SchoolType.MAINTAINED_NURSERY,
    }
)


@register_setting(icon="home")
class SchoolSettings(BaseSiteSetting):
    """The facts about the school, kept in one place and read by every page."""

    school_name = models.CharField(max_length=150)
    school_type = models.CharField(
        max_length=32,
        choices=SchoolType.choices,
        default=SchoolType.MAINSTREAM_PRIMARY,
        help_text=(
            "Some legal duties apply only to mainstream schools and maintained nurseries; "
            "the compliance checks use this to decide which apply to you."
        ),
    )
    is_academy = models.BooleanField(
        "the school is an academy or free school",
        default=False,
    )
    urn = models.CharField(
        "URN",
        max_length=8,
        blank=True,
        help_text="Unique Reference Number from Get Information about Schools (6 digits).",
    )
    address = models.TextField(
        blank=True,
        help_text="The postal address, one line per line, without the postcode.",
    )
    postcode = models.CharField(max_length=10, blank=True)
    phone = models.CharField("school phone", max_length=30, blank=True)
    email = models.EmailField(
        "enquiries e-mail",
        blank=True,
        help_text="The office address that parents and the public write to.",
    )
    reminders_email = models.EmailField(
        "send review reminders to",
        blank=True,
        help_text=(
            "Who is reminded by e-mail when the SEN Information Report or the accessibility "
            "plan is due for review: usually the SENCO or the office. Leave empty to use the "
            "enquiries e-mail."
        ),
    )

    local_authorities = StreamField(
        [("local_authority", LocalAuthorityBlock())],
        blank=True,
        help_text=(
            "The council(s) whose Local Offer covers your pupils. Most schools have one; "
            "schools near a boundary may list more. The law requires a visible link to the "
            "Local Offer on your SEN Information Report (SEND Regulations 2014, Sch 1 para 13)."
        ),
    )

    sendiass_name = models.CharField(
        "SENDIASS name",
        max_length=150,
        blank=True,
        help_text=(
            "Your local SEND Information, Advice and Support Service: free, impartial advice "
            "for parents. Your report must give its contact details (Sch 1 para 11)."
        ),
    )
    sendiass_phone = models.CharField("SENDIASS phone", max_length=30, blank=True)
    sendiass_email = models.EmailField("SENDIASS e-mail", blank=True)
    sendiass_url = models.URLField("SENDIASS website", blank=True)

    languages = LanguagesField(
        "languages the website is translated into",
        default=list,
        blank=True,
        help_text=(
            "Tick each language your school offers translations of its pages in. Parents "
            "see a language switcher on pages that have a published translation in one of "
            "them; translate a page from its menu (⋯ > Translate)."
        ),
    )
    receives_inclusive_mainstream_fund = models.BooleanField(
        "the school receives the Inclusive Mainstream Fund",
        default=True,
        help_text=(
            "Only mainstream schools receive the Inclusive Mainstream Fund. A school that "
            "receives it must publish an inclusion strategy on its website, with the "
            "activities the fund pays for and what each costs (a condition of grant). "
            "Untick this if your school does not receive it."
        ),
    )
    inclusive_mainstream_fund_allocation = models.PositiveIntegerField(
        "this year's Inclusive Mainstream Fund allocation (£)",
        null=True,
        blank=True,
        help_text=(
            "In whole pounds, as your funding letter gives it. The inclusion strategy shows "
            "it beside the spending you plan from the fund."
        ),
    )

    headteacher = models.CharField(max_length=150, blank=True)
    chair_of_governors = models.CharField(max_length=150, blank=True)
    send_governor = models.CharField(
        "SEND governor",
        max_length=150,
        blank=True,
        help_text="The governor (or trustee) responsible for SEND.",
    )

    # The school's brand: its logo, colours and home-page photo, set per school. The
    # colours become CSS custom properties on every page (templates/base.html).
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in the header of every page, and made small for the browser tab.",
    )
    logo_alt = models.CharField(
        "logo's text alternative",
        max_length=150,
        blank=True,
        help_text=(
            "What the logo says or shows, for people who cannot see it: usually the "
            "school's name, for example 'Hollins Brook Primary School crest'."
        ),
    )
    brand_colour = models.CharField(
        max_length=7,
        default=DEFAULT_BRAND_COLOUR,
        help_text=(
            "The header's and buttons' colour, as # and six hexadecimal digits. White text "
            "sits on it, so it must be dark enough: a contrast of at least 4.5:1."
        ),
    )
    accent_colour = models.CharField(
        max_length=7,
        default=DEFAULT_ACCENT_COLOUR,
        help_text=(
            "A second colour for lines and highlights on white: a contrast of at least 3:1."
        ),
    )
    home_photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="home page photo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: a welcoming photo of the school (never a pupil who can be named).",
    )
    home_photo_alt = models.CharField(
        "photo's text alternative",
        max_length=200,
        blank=True,
        help_text="What the photo shows, in a sentence. Leave empty only if it is decorative.",
    )
    home_photo_decorative = models.BooleanField(
        "the photo is decorative",
        default=False,
        help_text="Tick if the photo adds nothing a screen reader user would miss.",
    )
    main_website_url = models.URLField(
        "main school website",
        blank=True,
        help_text=(
            "When this SEND site sits beside the school's main website, its address: the "
            "header links to it as 'Main school website'."
        ),
    )

    # The header shows the logo on every page: read with the school details, no query more.
    select_related = ["logo"]

    school_panels = [
        FieldPanel("school_name"),
        FieldPanel("school_type"),
        FieldPanel("is_academy"),
        FieldPanel("urn"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading="Contact details",
        ),
        MultiFieldPanel(
            [
                FieldPanel("headteacher"),
                FieldPanel("chair_of_governors"),
                FieldPanel("send_governor"),
            ],
            heading="Leadership",
        ),
        FieldPanel("languages"),
        MultiFieldPanel(
            [FieldPanel("reminders_email")],
            heading="Review reminders",
            help_text=(
                "The website e-mails a reminder 60, 30 and 7 days before each review date, "
                "and again if the review is overdue."
            ),
        ),
    ]
    brand_panels = [
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt")], heading="Logo"),
        MultiFieldPanel(
            [FieldPanel("brand_colour"), FieldPanel("accent_colour")],
            heading="Colours",
            help_text=(
                "Checked as you save: a colour that parents could not read against is "
                "refused, with the nearest shade that passes."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("home_photo"),
                FieldPanel("home_photo_alt"),
                FieldPanel("home_photo_decorative"),
            ],
            heading="Home page photo",
        ),
        FieldPanel("main_website_url"),
    ]
    send_panels = [
        FieldPanel("local_authorities"),
        MultiFieldPanel(
            [
                FieldPanel("sendiass_name"),
                FieldPanel("sendiass_phone"),
                FieldPanel("sendiass_email"),
                FieldPanel("sendiass_url"),
            ],
            heading="SEND Information, Advice and Support Service (SENDIASS)",
        ),
        MultiFieldPanel(
            [
                FieldPanel("receives_inclusive_mainstream_fund"),
                FieldPanel("inclusive_mainstream_fund_allocation"),
            ],
            heading="Inclusive Mainstream Fund",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(school_panels, heading="School"),
            ObjectList(brand_panels, heading="Brand"),
            ObjectList(send_panels, heading="Local Offer and advice"),
        ]
    )

    class Meta:
        verbose_name = "school details"

    def __str__(self):
        return self.school_name or "School details"

    def clean(self):
        super().clean()
        refuse_pupil_data(self)
        self.clean_brand()

    def clean_brand(self):
        errors = {}
        for field, minimum, role in (
            ("brand_colour", TEXT_CONTRAST, "with the white text on it"),
            ("accent_colour", UI_CONTRAST, "against the white page"),
        ):
            try:
                check_contrast(getattr(self, field), minimum, role)
            except ValidationError as error:
                errors[field] = error.messages
        if self.logo_id and not self.logo_alt.strip():
            errors["logo_alt"] = ["Say what the logo shows, for people who cannot see it."]
        if self.home_photo_id and not self.home_photo_decorative and not self.home_photo_alt:
            errors["home_photo_alt"] = [
                "Describe the photo, or tick 'the photo is decorative' if it adds nothing."
            ]
        if errors:
            raise ValidationError(errors)

    @property
    def home_photo_text(self):
        """The photo's alt attribute: empty when decorative."""
        return "" if self.home_photo_decorative else self.home_photo_alt

    @property
    def is_mainstream(self):
        return self.school_type in MAINSTREAM_TYPES

    @property
    def inclusion_strategy_required(self):
        """Whether the school must publish an inclusion strategy: mainstream schools that
        receive the Inclusive Mainstream Fund (a condition of the grant)."""
        return self.is_mainstream and self.receives_inclusive_mainstream_fund

    @property
    def reminder_recipient(self):
        """Where review reminders go: the chosen address, else the enquiries e-mail."""
        return self.reminders_email or self.email

    @property
    def local_offer_links(self):
        """(name, url) of each authority's Local Offer, in the order the school gave."""
        return [
            (block.value["name"], block.value["local_offer_url"])
            for block in self.local_authorities
            if block.value.get("local_offer_url")
        ]

    @property
    def address_lines(self):
        lines = [line.strip() for line in self.address.splitlines() if line.strip()]
        if self.postcode:
            lines.append(self.postcode)
        return lines
