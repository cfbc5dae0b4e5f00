"""'Report a problem with this page': a feedback form built with Wagtail's form builder.

- Records the page the person came from (the footer link passes `?page=<id>`).
- A honeypot field catches bots: such submissions get the usual thank-you but are neither
  stored nor e-mailed.
- Errors are listed in a summary (role="alert") that links to each field; Django marks the
  fields with aria-invalid and aria-describedby.
- Submissions are kept in the admin (Forms) and e-mailed to the school. No IP address or other
  request data is stored with them.
- At most RATE_LIMITS["feedback-address"] messages an hour (by default) from one address
  (home/ratelimit.py); past that the form says so and when to try again, and keeps nothing.
"""

import logging

from django import forms
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import BaseForm, FormBuilder, WagtailAdminFormPageForm
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.fields import RichTextField
from wagtail.models import Page

from home import ratelimit
from home.blocks import SHORT_TEXT_FEATURES
from home.forms import PublishGuardFormMixin, SchoolPageFormMixin

from .base import SchoolPageMixin
from .school import SchoolSettings

logger = logging.getLogger(__name__)

# Field names the page adds to every feedback form; editors' questions cannot use them.
HONEYPOT_FIELD = "hp__website"
SENT_FROM_FIELD = "sent_from__page"
RESERVED_NAMES = frozenset({HONEYPOT_FIELD, SENT_FROM_FIELD})
# The query parameter of the link to the form: the id of the page the person was reading.
SENT_FROM_PARAMETER = "page"


class FeedbackFormField(AbstractFormField):
    page = ParentalKey(
        "home.FeedbackFormPage", on_delete=models.CASCADE, related_name="form_fields"
    )


class FeedbackSubmission(AbstractFormSubmission):
    """A stored submission, with the page it was about (kept as a link and as its address)."""

    sent_from = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_from_url = models.CharField("sent from", max_length=255, blank=True)
    # When someone at the school marked it read on the admin home; None while unread.
    read_at = models.DateTimeField("read", null=True, blank=True)

    class Meta:
        verbose_name = "feedback"
        verbose_name_plural = "feedback"

    def get_data(self):
        return {**super().get_data(), "sent_from": self.sent_from_url}


class FeedbackForm(BaseForm):
    """The public form: the editor's questions plus the sent-from and honeypot fields."""

    @property
    def is_from_bot(self):
        return bool(self.is_bound and self.data.get(HONEYPOT_FIELD, "").strip())

    def sent_from_page(self):
        """The live, public page of this site the person came from, or None."""
        if not hasattr(self, "_sent_from_page"):
            self._sent_from_page = None
            try:
                page_id = int(self[SENT_FROM_FIELD].value())
            except (TypeError, ValueError):
                return None
            form_page = self.page
            if form_page is not None and page_id != form_page.pk:
                site_root_path = form_page.path[: -form_page.steplen]
                self._sent_from_page = (
                    Page.objects.live()
                    .public()
                    .filter(pk=page_id, path__startswith=site_root_path)
                    .only("title", "url_path", "path", "depth")
                    .first()
                )
        return self._sent_from_page


class FeedbackFormBuilder(FormBuilder):
    CHOICE_TYPES = frozenset({"checkboxes", "dropdown", "multiselect", "radio"})

    def get_field_options(self, field):
        # Error messages that name the question, so each makes sense on its own in the
        # error summary at the top of the page.
        options = super().get_field_options(field)
        if field.field_type == "checkbox":
            required = f"Please tick: {field.label}"
        elif field.field_type in self.CHOICE_TYPES:
            required = f"Please choose an answer for: {field.label}"
        else:
            required = f"Please fill in: {field.label}"
        options["error_messages"] = {"required": required}
        if field.field_type == "email":
            options["error_messages"]["invalid"] = (
                f"{field.label}: enter an e-mail address like name@example.com"
            )
        return options

    def create_multiline_field(self, field, options):
        options["widget"] = forms.Textarea(attrs={"rows": 6})
        return super().create_multiline_field(field, options)

    def create_email_field(self, field, options):
        options["widget"] = forms.EmailInput(attrs={"autocomplete": "email"})
        return super().create_email_field(field, options)

    def create_singleline_field(self, field, options):
        # WCAG 1.3.5: a field asking for the person's own name says so to the browser.
        if "name" in field.label.lower().split():
            options["widget"] = forms.TextInput(attrs={"autocomplete": "name"})
        return super().create_singleline_field(field, options)

    def get_form_class(self):
        fields = self.formfields
        fields[SENT_FROM_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput)
        fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label="Leave this empty",
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )
        return type("FeedbackForm", (FeedbackForm,), fields)


class FeedbackFormPageAdminForm(
    SchoolPageFormMixin, PublishGuardFormMixin, WagtailAdminFormPageForm
):
    def clean(self):
        cleaned_data = super().clean()
        for form in self.formsets["form_fields"].forms:
            label = form.cleaned_data.get("label") if hasattr(form, "cleaned_data") else None
            if label and get_field_clean_name(label) in RESERVED_NAMES:
                form.add_error("label", "This label is kept for the website's own use.")
        return cleaned_data


class FeedbackFormPage(SchoolPageMixin, AbstractEmailForm):
    """The site's one feedback form: 'Report a problem with this page / tell us what you think'."""

    intro = RichTextField(
        features=SHORT_TEXT_FEATURES,
        blank=True,
        help_text="A sentence or two above the form: what it is for and who reads it.",
    )
    thank_you_text = RichTextField(
        features=SHORT_TEXT_FEATURES,
        blank=True,
        help_text="Shown after someone sends the form.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Questions on the form", min_num=1),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("to_address"), FieldPanel("from_address")]),
                FieldPanel("subject"),
            ],
            heading="E-mail to the school",
            help_text=(
                "Each message is kept under Forms in the admin and e-mailed. Leave 'to address' "
                "empty to send it to the school's enquiries e-mail in School details."
            ),
        ),
    ]

    template = "home/feedback_form_page.html"
    landing_page_template = "home/feedback_form_page_landing.html"
    base_form_class = FeedbackFormPageAdminForm
    form_builder = FeedbackFormBuilder
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "feedback form page"

    def get_submission_class(self):
        return FeedbackSubmission

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["honeypot_field"] = HONEYPOT_FIELD
        return context

    def get_data_fields(self):
        return super().get_data_fields() + [("sent_from", "Sent from page")]

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if form.is_from_bot:
                # Looks like a success to the bot; nothing is kept or sent.
                logger.info("Feedback discarded: the honeypot field was filled in")
                return self.render_landing_page(request, None, *args, **kwargs)
            if form.is_valid():
                verdict = ratelimit.hit("feedback-address", ratelimit.client_key(request))
                if verdict.allowed:
                    submission = self.process_form_submission(form)
                    return self.render_landing_page(request, submission, *args, **kwargs)
                return self.render_rate_limited(request, form, verdict)
        else:
            form = self.get_form(
                page=self,
                user=request.user,
                initial={SENT_FROM_FIELD: request.GET.get(SENT_FROM_PARAMETER)},
            )
        context = self.get_context(request)
        context["form"] = form
        context["sent_from"] = form.sent_from_page()
        return TemplateResponse(request, self.get_template(request), context)

    def render_rate_limited(self, request, form, verdict):
        """The form again, with what was typed, saying why nothing was sent (HTTP 429)."""
        logger.warning("Feedback refused: too many messages from one address")
        form.add_error(
            None,
            f"Your message has not been sent. This form takes at most {verdict.limit} "
            f"messages in {verdict.period_text} from one connection, and that many have "
            f"been sent already. Please try again {verdict.retry_text}, or telephone or "
            "e-mail the school.",
        )
        context = self.get_context(request)
        context["form"] = form
        context["sent_from"] = form.sent_from_page()
        response = TemplateResponse(request, self.get_template(request), context, status=429)
        response["Retry-After"] = str(verdict.retry_after_seconds)
        return response

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["sent_from"] = None
        return context

    def process_form_submission(self, form):
        answers = {k: v for k, v in form.cleaned_data.items() if k not in RESERVED_NAMES}
        sent_from = form.sent_from_page()
        submission = FeedbackSubmission.objects.create(
            page=self,
            form_data=answers,
            sent_from=sent_from,
            # Relative to this school's site: with many schools, a page's URL without a
            # site to compare against would be absolute, on the site's configured port.
            sent_from_url=(
                sent_from.get_url(current_site=self.get_site()) if sent_from is not None else ""
            ),
        )
        recipients = self.recipients()
        if recipients:
            self.send_feedback_mail(form, submission, recipients)
        else:
            logger.warning("Feedback %s stored but not e-mailed: no address set", submission.pk)
        return submission

    def recipients(self):
        """The form's own addresses, else the school's enquiries e-mail."""
        if self.to_address:
            return [address.strip() for address in self.to_address.split(",") if address.strip()]
        school = SchoolSettings.for_site(self.get_site())
        return [school.email] if school.email else []

    def send_feedback_mail(self, form, submission, recipients):
        reply_to = [
            form.cleaned_data[name]
            for name, field in form.fields.items()
            if isinstance(field, forms.EmailField) and form.cleaned_data.get(name)
        ][:1]
        send_mail(
            self.subject or "Feedback from the website",
            self.render_email(form, submission),
            recipients,
            self.from_address,
            reply_to=reply_to or None,
        )
        logger.info("Feedback %s e-mailed to the school", submission.pk)

    def render_email(self, form, submission=None):
        lines = []
        for field in form:
            if field.name in RESERVED_NAMES or field.name not in form.cleaned_data:
                continue
            value = form.cleaned_data[field.name]
            if isinstance(value, list):
                value = ", ".join(value)
            lines.append(f"{field.label}: {value}")
        if submission is not None:
            lines.append(f"Sent from page: {submission.sent_from_url or 'not given'}")
            lines.append(f"Sent on: {timezone.localtime(submission.submit_time):%d %B %Y, %H:%M}")
        return "\n".join(lines)
