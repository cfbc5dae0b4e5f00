"""The feedback form: 'Report a problem with this page / tell us what you think'."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import FeedbackFormPage, FeedbackSubmission, HomePage, StandardPage
from home.models.feedback import HONEYPOT_FIELD, SENT_FROM_FIELD
from tests import factories

MESSAGE = "what_went_wrong"
NAME = "your_name"
EMAIL = "your_e_mail_address"


@pytest.fixture
def form_page(school):
    return factories.feedback_form_page(
        thank_you_text="<p>Thanks: the office reads every message.</p>",
        subject="Website feedback",
    )


@pytest.fixture
def about_page(site):
    return factories.standard_page(title="Visiting the school", slug="visiting")


def post(client, data):
    return client.post("/feedback/", data)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def text_of(html):
    return " ".join(html.get_text(" ").split()).replace(" .", ".")


# --- Reaching the form --------------------------------------------------------------------


@pytest.mark.django_db
def test_every_page_links_to_the_form_naming_itself(client, form_page, about_page):
    html = soup(client.get("/visiting/"))
    link = html.select_one(".site-footer__feedback a")
    assert link.get_text() == "Report a problem with this page"
    assert link["href"] == f"/feedback/?page={about_page.pk}"
    # On the form itself the link does not point back at the form.
    assert soup(client.get("/feedback/")).select_one(".site-footer__feedback a")["href"] == (
        "/feedback/"
    )


@pytest.mark.django_db
def test_no_link_when_the_site_has_no_live_form(client, form_page, about_page):
    form_page.unpublish()
    assert b"Report a problem with this page" not in client.get("/visiting/").content


@pytest.mark.django_db
def test_form_names_the_page_it_was_opened_from(client, form_page, about_page):
    response = client.get(f"/feedback/?page={about_page.pk}")
    html = soup(response)
    assert "You are telling us about the page Visiting the school." in text_of(html)
    assert html.select_one(f'input[name="{SENT_FROM_FIELD}"]')["value"] == str(about_page.pk)


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["abc", "999999", "", "1"])
def test_unknown_or_foreign_pages_are_ignored(client, form_page, value):
    # "1" is Wagtail's tree root: outside this site, so never named.
    response = client.get(f"/feedback/?page={value}")
    assert response.status_code == 200
    assert b"You are telling us about the page" not in response.content


@pytest.mark.django_db
def test_draft_pages_are_not_named(client, form_page):
    draft = StandardPage(title="Secret draft", slug="draft", live=False)
    factories.home_page().add_child(instance=draft)
    response = client.get(f"/feedback/?page={draft.pk}")
    assert b"Secret draft" not in response.content


# --- Sending ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_valid_feedback_is_stored_emailed_and_thanked(client, form_page, about_page):
    response = post(
        client,
        {
            MESSAGE: "The map link is broken.",
            NAME: "A parent",
            EMAIL: "parent@example.com",
            SENT_FROM_FIELD: str(about_page.pk),
            HONEYPOT_FIELD: "",
        },
    )
    assert response.status_code == 200
    html = soup(response)
    assert html.h1.get_text() == "Thank you"
    assert "Thanks: the office reads every message." in html.select_one('[role="status"]').text
    back = html.find("a", string="Go back to the page you were reading")
    assert back["href"] == "/visiting/"

    submission = FeedbackSubmission.objects.get()
    assert submission.page_id == form_page.pk
    assert submission.form_data == {
        MESSAGE: "The map link is broken.",
        NAME: "A parent",
        EMAIL: "parent@example.com",
    }
    assert submission.sent_from_id == about_page.pk
    assert submission.sent_from_url == "/visiting/"

    # To the school's enquiries address (the form's own 'to address' is empty).
    (message,) = mail.outbox
    assert message.to == ["office@testvalley.example"]
    assert message.subject == "Website feedback"
    assert message.reply_to == ["parent@example.com"]
    assert "What went wrong?: The map link is broken." in message.body
    assert "Sent from page: /visiting/" in message.body
    assert HONEYPOT_FIELD not in message.body and "Leave this empty" not in message.body


@pytest.mark.django_db
def test_the_way_back_stays_on_this_school_when_there_are_several(client, form_page, about_page):
    # A second school on the same installation, on its own address and port.
    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Another school", slug="another-school")
    )
    Site.objects.create(hostname="another.example", port=8443, root_page=other_home)
    html = soup(
        post(client, {MESSAGE: "Hello", SENT_FROM_FIELD: str(about_page.pk), HONEYPOT_FIELD: ""})
    )
    back = html.find("a", string="Go back to the page you were reading")
    assert back["href"] == "/visiting/"


@pytest.mark.django_db
def test_the_forms_own_addresses_win_over_the_school_email(client, form_page):
    form_page.to_address = "senco@testvalley.example, head@testvalley.example"
    form_page.save_revision().publish()
    post(client, {MESSAGE: "Hello."})
    assert mail.outbox[0].to == ["senco@testvalley.example", "head@testvalley.example"]
    assert mail.outbox[0].reply_to == []


@pytest.mark.django_db
def test_nothing_about_the_sender_is_stored_beyond_the_answers(client, form_page):
    post(client, {MESSAGE: "Hello."})
    submission = FeedbackSubmission.objects.get()
    assert set(submission.form_data) == {MESSAGE, NAME, EMAIL}
    stored_fields = {f.name for f in FeedbackSubmission._meta.get_fields()}
    assert stored_fields == {
        "id",
        "form_data",
        "page",
        "submit_time",
        "sent_from",
        "sent_from_url",
        # When the school read it (the admin home's "From parents"): nothing of the sender.
        "read_at",
    }


@pytest.mark.django_db
def test_invalid_feedback_lists_each_error_for_screen_readers(client, form_page, about_page):
    response = post(
        client, {MESSAGE: "", EMAIL: "not-an-address", SENT_FROM_FIELD: str(about_page.pk)}
    )
    assert response.status_code == 200
    html = soup(response)
    assert html.title.get_text().startswith("Error: ")

    summary = html.select_one(".error-summary")
    assert summary["role"] == "alert"
    assert summary.h2.get_text() == "There is a problem"
    errors = [(a["href"], a.get_text()) for a in summary.select("li a")]
    assert errors == [
        (f"#id_{MESSAGE}", "Please fill in: What went wrong?"),
        (f"#id_{EMAIL}", "Your e-mail address: enter an e-mail address like name@example.com"),
    ]
    for field in (MESSAGE, EMAIL):
        control = html.select_one(f"#id_{field}")
        assert control["aria-invalid"] == "true"
        assert f"id_{field}_error" in control["aria-describedby"].split()
        error = html.select_one(f"#id_{field}_error")
        assert error.get_text(" ", strip=True).startswith("Error:")
    name = html.select_one(f"#id_{NAME}")
    assert "aria-invalid" not in name.attrs
    # The page it came from is still named, and nothing was kept or sent.
    assert "You are telling us about the page Visiting the school." in text_of(html)
    assert FeedbackSubmission.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_bots_that_fill_the_honeypot_are_thanked_but_ignored(client, form_page, caplog):
    response = post(
        client, {MESSAGE: "Cheap pills", EMAIL: "bot@example.com", HONEYPOT_FIELD: "http://spam"}
    )
    assert response.status_code == 200
    assert soup(response).h1.get_text() == "Thank you"
    assert FeedbackSubmission.objects.count() == 0
    assert mail.outbox == []
    assert "honeypot" in caplog.text


@pytest.mark.django_db
def test_bots_get_the_thank_you_even_when_the_rest_is_invalid(client, form_page):
    response = post(client, {HONEYPOT_FIELD: "x"})
    assert soup(response).h1.get_text() == "Thank you"
    assert FeedbackSubmission.objects.count() == 0


@pytest.mark.django_db
def test_the_honeypot_is_hidden_from_people(client, form_page):
    html = soup(client.get("/feedback/"))
    field = html.select_one(f'input[name="{HONEYPOT_FIELD}"]')
    wrapper = field.find_parent("div")
    assert wrapper["class"] == ["honeypot"] and wrapper["aria-hidden"] == "true"
    assert field["tabindex"] == "-1" and field["autocomplete"] == "off"
    assert wrapper.label.get_text() == "Leave this empty"


@pytest.mark.django_db
def test_fields_say_what_they_collect(client, form_page):
    # WCAG 1.3.5: the browser can fill in the person's own name and e-mail.
    html = soup(client.get("/feedback/"))
    assert html.select_one(f"#id_{NAME}")["autocomplete"] == "name"
    assert html.select_one(f"#id_{EMAIL}")["autocomplete"] == "email"
    assert html.select_one(f'label[for="id_{NAME}"]').get_text() == "Your name (optional)"


# --- Admin --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_submissions_are_listed_in_the_admin_with_the_page(
    admin_client, client, form_page, about_page
):
    post(client, {MESSAGE: "Broken link.", SENT_FROM_FIELD: str(about_page.pk)})
    response = admin_client.get(f"/admin/forms/submissions/{form_page.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sent from page" in html
    assert "/visiting/" in html
    assert "Broken link." in html


def form_fields_data(*labels):
    return inline_formset(
        [
            {
                "label": label,
                "field_type": "singleline",
                "required": "on",
                "help_text": "",
                "choices": "",
                "default_value": "",
            }
            for label in labels
        ]
    )


def form_page_data(**overrides):
    data = {
        "title": "Report a problem",
        "slug": "feedback",
        "intro": rich_text("<p>Tell us.</p>"),
        "form_fields": form_fields_data("What went wrong?"),
        "thank_you_text": rich_text("<p>Thanks.</p>"),
        "to_address": "",
        "from_address": "",
        "subject": "",
    }
    data.update(overrides)
    return nested_form_data(data)


class FeedbackFormPageTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        factories.school_settings()
        self.home = factories.home_page()

    def test_renderable_editable_previewable(self):
        page = factories.feedback_form_page()
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(page, post_data=form_page_data())
        self.assertPageIsPreviewable(page, post_data=form_page_data())
        self.assertPageIsPreviewable(page, post_data=form_page_data(), mode="landing")

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(FeedbackFormPage, {HomePage})
        self.assertAllowedSubpageTypes(FeedbackFormPage, set())
        self.assertCanNotCreateAt(Page, FeedbackFormPage)
        self.assertCanCreate(self.home, FeedbackFormPage, form_page_data())
        self.home.refresh_from_db()
        self.assertFalse(FeedbackFormPage.can_create_at(self.home))  # one per site

    def test_editors_cannot_use_the_reserved_field_names(self):
        response = self.client.post(
            f"/admin/pages/add/home/feedbackformpage/{self.home.pk}/",
            form_page_data(form_fields=form_fields_data("hp__website")),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This label is kept for the website")
        self.assertFalse(FeedbackFormPage.objects.exists())

    def test_render_queries_are_pinned(self):
        self.client.logout()
        page = factories.feedback_form_page()
        about = factories.standard_page()
        url = f"/feedback/?page={about.pk}"
        self.client.get(url)
        # Routing and the site shell, the form's questions, and the page it was sent from.
        with self.assertNumQueries(FEEDBACK_PAGE_QUERIES):
            response = self.client.get(url)
        self.assertContains(response, "You are telling us about the page")
        self.assertEqual(page.pk, FeedbackFormPage.objects.get().pk)


# +1 in issue 20: Wagtail's routing looks up the active language's Locale.
FEEDBACK_PAGE_QUERIES = 11


# --- Rate limit ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_too_many_messages_from_one_address_are_refused_and_nothing_is_kept(
    client, form_page, settings
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "feedback-address": (2, 60)}
    for n in range(2):
        assert post(client, {MESSAGE: f"Message {n}"}).status_code == 200
    response = post(client, {MESSAGE: "One too many", NAME: "A parent"})

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    html = soup(response)
    summary = text_of(html.select_one(".error-summary"))
    assert "Your message has not been sent." in summary
    assert "at most 2 messages in an hour from one connection" in summary
    assert "Please try again after " in summary
    # What they typed is still there, so nothing is lost.
    assert html.select_one(f"#id_{MESSAGE}").get_text().strip() == "One too many"
    assert FeedbackSubmission.objects.count() == 2
    assert len(mail.outbox) == 2
    assert all("One too many" not in str(s.form_data) for s in FeedbackSubmission.objects.all())


@pytest.mark.django_db
def test_the_limit_counts_each_client_address_behind_the_proxy(client, form_page, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "feedback-address": (1, 60)}
    settings.TRUSTED_PROXY_COUNT = 1
    first = {"HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    other = {"HTTP_X_FORWARDED_FOR": "203.0.113.8"}
    assert client.post("/feedback/", {MESSAGE: "One"}, **first).status_code == 200
    assert client.post("/feedback/", {MESSAGE: "Two"}, **first).status_code == 429
    # Another parent behind the same proxy is not held back by the first.
    assert client.post("/feedback/", {MESSAGE: "Three"}, **other).status_code == 200
    # A made-up X-Forwarded-For entry before the proxy's own does not dodge the limit.
    spoofed = {"HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.7"}
    assert client.post("/feedback/", {MESSAGE: "Four"}, **spoofed).status_code == 429
    assert FeedbackSubmission.objects.count() == 2


@pytest.mark.django_db
def test_invalid_and_bot_posts_do_not_use_up_the_limit(client, form_page, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "feedback-address": (1, 60)}
    post(client, {MESSAGE: ""})
    post(client, {MESSAGE: "Spam", HONEYPOT_FIELD: "http://spam.example"})
    assert post(client, {MESSAGE: "A real message"}).status_code == 200
    assert FeedbackSubmission.objects.count() == 1
