"""The Local Offer admin's edit panels: a service's tabs, and the read-only panels of
records imported from a council's feed."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)

from .forms import ServiceForm

IMPORTED_HELP = (
    "<p>This record was imported from another organisation's Open Referral feed. It is "
    "kept up to date by importing that feed again, so it cannot be changed here; tell "
    "the organisation if something is wrong.</p>"
)


class PropertyPanel(FieldPanel):
    """A read-only value taken from a model property rather than a model field.

    Construct with read_only=True, a heading, help_text and an icon: FieldPanel looks
    those up on the model field otherwise, and a property has none.
    """

    def format_value_for_display(self, value):
        return value or "None"


def read_only(name, **kwargs):
    return FieldPanel(name, read_only=True, **kwargs)


def shown(name, heading, help_text=" "):
    return PropertyPanel(
        name, read_only=True, heading=heading, help_text=help_text, icon="list-ul"
    )


service_edit_handler = TabbedInterface(
    [
        ObjectList(
            [
                FieldPanel("name"),
                FieldPanel("description"),
                FieldPanel("status"),
                # A plain list of the school's organisations, not the chooser of every one.
                FieldPanel("provider", widget=forms.Select),
                FieldPanel("taxonomy_terms", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel(
                    [FieldPanel("minimum_age"), FieldPanel("maximum_age")], heading="Ages"
                ),
                FieldPanel("fees"),
                FieldPanel("languages"),
                FieldPanel("local_notes"),
                FieldPanel("site"),
            ],
            heading="Service",
        ),
        ObjectList(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_title"),
                FieldPanel("email"),
                FieldPanel("url"),
                InlinePanel("phones", heading="Phone numbers", label="Phone number"),
            ],
            heading="Contact",
        ),
        ObjectList(
            [
                FieldPanel("location"),
                FieldPanel("location_name"),
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("accessibility"),
                FieldPanel("schedule"),
                FieldPanel("runs_until"),
                InlinePanel(
                    "opening_times",
                    heading="Opening times",
                    label="Opening time",
                    help_text="Add the days and times if they are regular.",
                ),
            ],
            heading="Where and when",
        ),
        ObjectList(
            [FieldPanel("assured_date"), FieldPanel("assurer_email")],
            heading="Checks",
        ),
    ],
    base_form_class=ServiceForm,
)

imported_service_edit_handler = ObjectList(
    [
        HelpPanel(content=IMPORTED_HELP),
        FieldPanel("local_notes"),
        MultiFieldPanel(
            [
                read_only("source"),
                read_only("imported_at", heading="Imported"),
                read_only("name"),
                read_only("description"),
                read_only("status"),
                shown("provider_name", "Run by"),
                read_only("taxonomy_terms"),
                shown("age_range_text", "Ages"),
                read_only("fees"),
                read_only("languages"),
            ],
            heading="The service",
        ),
        MultiFieldPanel(
            [
                read_only("contact_name"),
                read_only("contact_title"),
                read_only("email"),
                read_only("url"),
                shown("phone_numbers_text", "Phone numbers"),
            ],
            heading="Contact",
        ),
        MultiFieldPanel(
            [
                read_only("location"),
                read_only("location_name"),
                read_only("address"),
                read_only("postcode"),
                read_only("accessibility"),
                read_only("schedule"),
                shown("opening_times_text", "Opening times"),
                read_only("assured_date"),
                read_only("assurer_email"),
            ],
            heading="Where, when and checks",
        ),
    ],
    base_form_class=WagtailAdminModelForm,
)


imported_organisation_edit_handler = ObjectList(
    [
        HelpPanel(content=IMPORTED_HELP),
        FieldPanel("kind"),
        read_only("source"),
        read_only("name"),
        read_only("description"),
        read_only("email"),
        read_only("website"),
    ],
    base_form_class=WagtailAdminModelForm,
)
