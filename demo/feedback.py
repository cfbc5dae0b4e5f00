"""A few messages parents sent Hollins Brook through its feedback form, dated in the last
30 days before the demo is seeded, so the admin home's "From parents" shows what a school
office would see (two still unread). Run after the other seeders: a message names the page
it was sent from. Larkspur Hill, the special school, has none: its home shows the panel's
zero state.

The messages are invented and name no pupil.
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page

from home.models import FeedbackFormPage, FeedbackSubmission

from .schools import HOLLINS_BROOK, demo_school_for

# (days before seeding, hours into that day, the page's slug, read?, message, e-mail)
MESSAGES = [
    (
        2,
        9,
        "sen-information-report",
        False,
        "Thank you for explaining the steps of SEN support so clearly. I now know what to "
        "ask at our next meeting.\nIt would help to have the SENCO's working days on the "
        "page too.",
        "",
    ),
    (
        5,
        20,
        "local-offer",
        False,
        "The speech and language drop-in says Tuesdays, but the office told me it has moved "
        "to Wednesdays this term. Which is right?",
        "parent.westmere@example.com",
    ),
    (
        12,
        13,
        "accessibility-plan",
        True,
        "Is the ramp by the side gate still planned for this school year? We use a "
        "wheelchair at pick-up time.",
        "",
    ),
    (
        26,
        18,
        "accessibility",
        True,
        "The pages read well on my phone with the text made bigger. The PDF of the old "
        "behaviour policy does not, though.",
        "",
    ),
]


def seed(site, log):
    if demo_school_for(site) != HOLLINS_BROOK:
        return
    home = site.root_page
    form = FeedbackFormPage.objects.descendant_of(home).first()
    if form is None or FeedbackSubmission.objects.filter(page=form).exists():
        return
    names = {field.label: field.clean_name for field in form.form_fields.all()}
    message_field = names.get("What is the problem, or what would you like to tell us?")
    if message_field is None:
        return  # The form's questions were changed: its messages would not fit them.
    email_field = names.get("Your e-mail address", "email")
    pages = {
        page.slug: page
        for page in Page.objects.descendant_of(home).filter(slug__in={m[2] for m in MESSAGES})
    }
    now = timezone.now()
    for days, hour, slug, read, message, email in MESSAGES:
        sent_from = pages.get(slug)
        when = (now - timedelta(days=days)).replace(hour=hour, minute=15, second=0)
        submission = FeedbackSubmission.objects.create(
            page=form,
            form_data={message_field: message, email_field: email},
            sent_from=sent_from,
            sent_from_url=sent_from.url if sent_from is not None else "",
            read_at=when + timedelta(hours=20) if read else None,
        )
        # `submit_time` is set to now on creation: the message was sent `days` ago.
        submission.submit_time = when
        submission.save(update_fields=["submit_time"])
    log(f"Added {len(MESSAGES)} messages from parents to “{form.title}”")
