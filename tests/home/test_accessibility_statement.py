"""The accessibility statement, in the sections of the government's model statement."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from home.models import AccessibilityStatementPage, ComplianceStatus, HomePage
from tests import factories

SECTIONS = [
    "Using this website",
    "Compliance status",
    "Content that is not accessible",
    "If you need information in a different format",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Preparation of this accessibility statement",
]


@pytest.fixture
def statement(school):
    form_page = factories.feedback_form_page()
    return factories.accessibility_statement(
        compliance_status=ComplianceStatus.PARTIALLY,
        non_accessible_content="<p>Old PDF policies have no headings.</p>",
        feedback_page=form_page,
        prepared_on=datetime.date(2026, 9, 1),
        last_reviewed=datetime.date(2026, 11, 2),
    )


def main_of(client, url="/accessibility/"):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").main


def text_of(element):
    return " ".join(element.get_text(" ").split())


@pytest.mark.django_db
def test_has_the_sections_of_the_model_statement(client, statement):
    main = main_of(client)
    assert [h2.get_text() for h2 in main.find_all("h2")] == SECTIONS


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "sentence"),
    [
        ("fully", "This website is fully compliant with the Web Content Accessibility"),
        ("partially", "This website is partially compliant with the Web Content Accessibility"),
        ("not", "This website is not compliant with the Web Content Accessibility"),
    ],
)
def test_states_the_compliance_status(client, statement, status, sentence):
    statement.compliance_status = status
    statement.save_revision().publish()
    text = text_of(main_of(client))
    assert sentence in text
    assert "version 2.2 AA standard" in text


@pytest.mark.django_db
def test_lists_what_is_not_accessible_or_says_nothing_is_known(client, statement):
    assert "Old PDF policies have no headings." in text_of(main_of(client))
    statement.compliance_status = ComplianceStatus.FULLY
    statement.non_accessible_content = ""
    statement.save_revision().publish()
    assert "We do not know of any content on this website that is not accessible." in text_of(
        main_of(client)
    )


@pytest.mark.django_db
def test_report_a_problem_links_the_feedback_form(client, statement):
    main = main_of(client)
    link = main.find("a", string="Report a problem with this website")
    assert link["href"] == f"/feedback/?page={statement.pk}"


@pytest.mark.django_db
def test_no_broken_link_when_the_form_is_unpublished(client, statement):
    statement.feedback_page.unpublish()
    assert main_of(client).find("a", string="Report a problem with this website") is None


@pytest.mark.django_db
def test_alternatives_show_the_school_contact_details(client, statement):
    text = text_of(main_of(client))
    assert "large print, easy read, an audio recording or braille" in text
    assert "Phone: 01632 960 001" in text and "office@testvalley.example" in text


@pytest.mark.django_db
def test_default_enforcement_names_the_ehrc_and_eass(client, statement):
    main = main_of(client)
    text = text_of(main)
    assert "Equality and Human Rights Commission (EHRC)" in text
    assert "Accessibility Regulations 2018" in text
    eass = main.find("a", string="Equality Advisory and Support Service (EASS)")
    assert eass["href"] == "https://www.equalityadvisoryservice.com/"


@pytest.mark.django_db
def test_shows_prepared_and_reviewed_dates(client, statement):
    assert (
        "This statement was prepared on 1 September 2026. It was last reviewed on 2 November 2026."
        in text_of(main_of(client))
    )


@pytest.mark.django_db
def test_linked_from_the_footer_of_every_page(client, statement):
    factories.standard_page()
    for url in ("/", "/visiting/"):
        html = BeautifulSoup(client.get(url).content, "html.parser")
        footer = html.select_one("nav.site-footer__statutory")
        assert footer.find("a", string="Accessibility statement")["href"] == "/accessibility/"


def test_fields_the_compliance_check_reads_are_explicit():
    names = {field.name for field in AccessibilityStatementPage._meta.get_fields()}
    assert {
        "compliance_status",
        "non_accessible_content",
        "alternatives",
        "how_to_report",
        "feedback_page",
        "enforcement_procedure",
        "prepared_on",
        "last_reviewed",
    } <= names
    assert {value for value, _ in ComplianceStatus.choices} == {"fully", "partially", "not"}
    assert AccessibilityStatementPage.footer_label == "Accessibility statement"
    assert AccessibilityStatementPage.footer_order == 80


class AccessibilityStatementPageTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        factories.school_settings()
        self.home = factories.home_page()
        self.form_page = factories.feedback_form_page()

    def form_data(self):
        return nested_form_data(
            {
                "title": "Accessibility statement",
                "slug": "accessibility",
                "introduction": rich_text("<p>Use it your way.</p>"),
                "compliance_status": "partially",
                "non_accessible_content": rich_text("<p>Some PDFs.</p>"),
                "alternatives": rich_text("<p>Ask the office.</p>"),
                "how_to_report": rich_text("<p>Tell us.</p>"),
                "feedback_page": self.form_page.pk,
                "enforcement_procedure": rich_text("<p>EHRC and EASS.</p>"),
                "improvements": rich_text(""),
                "testing": rich_text("<p>Tested with axe.</p>"),
                "prepared_on": "2026-09-01",
                "last_reviewed": "2026-11-02",
            }
        )

    def test_renderable_editable_previewable(self):
        page = factories.accessibility_statement(feedback_page=self.form_page)
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(page, post_data=self.form_data())
        self.assertPageIsPreviewable(page, post_data=self.form_data())

    def test_tree_rules_and_creation(self):
        self.assertAllowedParentPageTypes(AccessibilityStatementPage, {HomePage})
        self.assertAllowedSubpageTypes(AccessibilityStatementPage, set())
        self.assertCanNotCreateAt(Page, AccessibilityStatementPage)
        self.assertCanCreate(self.home, AccessibilityStatementPage, self.form_data())
        page = AccessibilityStatementPage.objects.get()
        self.assertEqual(page.feedback_page_id, self.form_page.pk)
        self.assertEqual(page.last_reviewed, datetime.date(2026, 11, 2))
        self.home.refresh_from_db()
        self.assertFalse(AccessibilityStatementPage.can_create_at(self.home))

    def test_a_new_statement_starts_with_the_model_wording(self):
        response = self.client.get(
            f"/admin/pages/add/home/accessibilitystatementpage/{self.home.pk}/"
        )
        self.assertContains(response, "Equality Advisory and Support Service")
        self.assertContains(response, "large print, easy read")

    def test_render_queries_are_pinned(self):
        self.client.logout()
        factories.accessibility_statement(feedback_page=self.form_page)
        self.client.get("/accessibility/")
        with self.assertNumQueries(STATEMENT_PAGE_QUERIES):
            self.client.get("/accessibility/")


# Routing and the site shell, plus the chosen feedback form page.
# +1 in issue 20: Wagtail's routing looks up the active language's Locale.
STATEMENT_PAGE_QUERIES = 9
