"""The SEN support page and the SEND blocks it is built from."""

import shutil
import tempfile

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from home.send_blocks import (
    CodeOfPracticeQuoteBlock,
    ContactCardBlock,
    UsefulLinkBlock,
    UsefulLinksBlock,
)
from senreport.models import SENDSectionPage, SENSupportPage
from tests import factories

GRADUATED_APPROACH = {
    "heading": "The graduated approach",
    "introduction": "<p>Four steps that repeat.</p>",
    "assess": "<p>We find out what helps.</p>",
    "plan": "<p>We agree the support with you.</p>",
    "do": "<p>The teacher gives the support.</p>",
    "review": "<p>We check how it went.</p>",
}


def every_block_form_data(glossary_page, document):
    """Admin form data for a SEN support page that uses every block once."""
    return nested_form_data(
        {
            "title": "SEN support",
            "slug": "sen-support",
            "introduction": "How we help.",
            "body": streamfield(
                [
                    ("heading", {"text": "What SEN support is", "level": "h2"}),
                    ("paragraph", rich_text("<p>Extra help for SEN.</p>")),
                    (
                        "graduated_approach",
                        {
                            name: rich_text(value) if value.startswith("<p>") else value
                            for name, value in GRADUATED_APPROACH.items()
                        },
                    ),
                    (
                        "code_of_practice_quote",
                        {
                            "quote": "Schools should meet parents at least three times each year.",
                            "paragraph": "6.65",
                            "explanation": rich_text("<p>Once a term.</p>"),
                        },
                    ),
                    (
                        "support_options",
                        {
                            "heading": "",
                            "introduction": rich_text(""),
                            "options": streamfield(
                                [("item", {"title": "Small groups", "description": "Few."})]
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "title": "Ask us",
                            "text": rich_text("<p>Any time.</p>"),
                            "tone": "info",
                        },
                    ),
                    (
                        "questions",
                        {
                            "heading": "Questions",
                            "items": streamfield(
                                [("item", {"question": "Q?", "answer": rich_text("<p>A.</p>")})]
                            ),
                        },
                    ),
                    (
                        "contact_card",
                        {
                            "source": "sendiass",
                            "title": "",
                            "name": "",
                            "phone": "",
                            "email": "",
                            "website": "",
                            "note": "Free advice.",
                        },
                    ),
                    (
                        "useful_links",
                        {
                            "heading": "Useful links",
                            "include_local_offer": "on",
                            "links": streamfield(
                                [
                                    (
                                        "item",
                                        {
                                            "page": glossary_page.pk,
                                            "url": "",
                                            "title": "",
                                            "description": "",
                                        },
                                    )
                                ]
                            ),
                        },
                    ),
                    ("document", {"document": document.pk, "title": "", "description": ""}),
                    (
                        "proposed_changes",
                        {
                            "heading": "Changes that are proposed, not yet law",
                            "checked_on": "2026-11-30",
                            "proposals": streamfield(
                                [("item", {"name": "New plans", "description": "Proposed."})]
                            ),
                            "what_it_means_now": rich_text("<p>Nothing has changed yet.</p>"),
                            "source_url": "",
                            "source_title": "",
                        },
                    ),
                ]
            ),
        }
    )


class SENSupportPageTests(WagtailPageTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.media = tempfile.mkdtemp()
        cls.media_override = override_settings(MEDIA_ROOT=cls.media)
        cls.media_override.enable()

    @classmethod
    def tearDownClass(cls):
        cls.media_override.disable()
        shutil.rmtree(cls.media, ignore_errors=True)
        super().tearDownClass()

    def setUp(self):
        self.login()
        factories.school_settings(
            sendiass_name="Testford SENDIASS",
            sendiass_phone="01632 960 999",
            sendiass_email="advice@testford-sendiass.example",
            sendiass_url="https://testford-sendiass.example/",
            local_authorities=[
                (
                    "local_authority",
                    {"name": "Testford Council", "local_offer_url": "https://testford.example/lo"},
                )
            ],
        )
        self.section = factories.send_section()
        self.glossary = factories.glossary_page(self.section)
        factories.glossary_term("Special educational needs", "SEN")
        factories.glossary_term("Special educational needs co-ordinator", "SENCO")
        self.document = get_document_model().objects.create(
            title="SEN support plan (example)",
            file=ContentFile(b"An example plan.", name="plan.txt"),
        )

    def test_renderable_editable_previewable(self):
        page = factories.sen_support_page(
            self.section, body=[("graduated_approach", GRADUATED_APPROACH)]
        )
        form_data = every_block_form_data(self.glossary, self.document)
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(page, post_data=form_data)
        self.assertPageIsPreviewable(page, post_data=form_data)

    def test_can_create_with_every_block(self):
        self.assertCanCreate(
            self.section, SENSupportPage, every_block_form_data(self.glossary, self.document)
        )
        page = SENSupportPage.objects.get(slug="sen-support")
        self.assertEqual(
            [block.block_type for block in page.body],
            [
                "heading",
                "paragraph",
                "graduated_approach",
                "code_of_practice_quote",
                "support_options",
                "callout",
                "questions",
                "contact_card",
                "useful_links",
                "document",
                "proposed_changes",
            ],
        )
        html = self.client.get("/send/sen-support/").content.decode()
        self.assertIn("SEN support plan (example)", html)
        self.assertIn(f'<a href="{self.document.url}">', html)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(SENSupportPage, {SENDSectionPage})
        self.assertAllowedSubpageTypes(SENSupportPage, set())
        self.assertCanNotCreateAt(HomePage, SENSupportPage)
        self.assertCanNotCreateAt(Page, SENSupportPage)
        factories.sen_support_page(self.section)
        self.assertFalse(SENSupportPage.can_create_at(self.section))

    def test_standard_pages_offer_the_send_blocks_too(self):
        blocks = StandardPage.body.field.stream_block.child_blocks
        for name in (
            "graduated_approach",
            "code_of_practice_quote",
            "support_options",
            "contact_card",
            "useful_links",
            "proposed_changes",
        ):
            self.assertIn(name, blocks)


@pytest.fixture
def section(site):
    factories.school_settings(
        sendiass_name="Testford SENDIASS",
        sendiass_phone="01632 960 999",
        sendiass_email="advice@testford-sendiass.example",
        sendiass_url="https://testford-sendiass.example/",
        local_authorities=[
            (
                "local_authority",
                {"name": "Testford Council", "local_offer_url": "https://testford.example/lo"},
            )
        ],
    )
    return factories.send_section()


def soup_of(client, url="/send/sen-support/"):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find("main")


# --- Blocks as parents see them --------------------------------------------------------


@pytest.mark.django_db
def test_graduated_approach_is_an_ordered_list_beside_an_accessible_picture(client, section):
    factories.sen_support_page(section, body=[("graduated_approach", GRADUATED_APPROACH)])
    main = soup_of(client)
    block = main.select_one(".graduated-approach")
    assert block.h2.get_text() == "The graduated approach"
    assert block.h2["id"] == "the-graduated-approach"
    stages = block.select("ol.graduated-approach__stages > li")
    assert [li.h3.get_text() for li in stages] == ["Assess", "Plan", "Do", "Review"]
    assert stages[1].p.get_text() == "We agree the support with you."
    picture = block.select_one("svg")
    assert picture["role"] == "img"
    assert picture.title.get_text().startswith("A cycle of four stages that repeats: assess, then")


@pytest.mark.django_db
def test_code_of_practice_quotation_is_a_blockquote_with_its_source(client, section):
    factories.sen_support_page(
        section,
        body=[
            (
                "code_of_practice_quote",
                {
                    "quote": "Schools should meet parents at least three times each year.",
                    "paragraph": "6.65",
                    "explanation": "<p>We meet you every term.</p>",
                },
            )
        ],
    )
    figure = soup_of(client).select_one("figure.cop-quote")
    quote = figure.blockquote
    assert quote["cite"].startswith("https://www.gov.uk/")
    assert (
        quote.get_text(strip=True) == "Schools should meet parents at least three times each year."
    )
    caption = figure.figcaption
    assert caption.cite.get_text() == "SEND Code of Practice"
    assert caption.get_text(" ", strip=True).endswith("paragraph 6.65")
    assert "We meet you every term." in soup_of(client).get_text()


@pytest.mark.parametrize("paragraph", ["6.65", "1.1", "10.123"])
def test_code_of_practice_paragraph_numbers_accepted(paragraph):
    block = CodeOfPracticeQuoteBlock()
    value = block.to_python({"quote": "Words.", "paragraph": paragraph, "explanation": ""})
    block.clean(value)


@pytest.mark.parametrize("paragraph", ["six", "6", "6.65a", "page 104"])
def test_code_of_practice_paragraph_numbers_refused(paragraph):
    block = CodeOfPracticeQuoteBlock()
    value = block.to_python({"quote": "Words.", "paragraph": paragraph, "explanation": ""})
    with pytest.raises(ValidationError):
        block.clean(value)


@pytest.mark.django_db
def test_contact_card_reads_sendiass_and_office_from_school_details(client, section):
    factories.sen_support_page(
        section,
        body=[
            ("contact_card", {"source": "sendiass", "note": "Free and impartial."}),
            ("contact_card", {"source": "school", "title": "Ask the office"}),
            (
                "contact_card",
                {
                    "source": "custom",
                    "title": "Our SENCO",
                    "name": "Ms Example",
                    "phone": "01632 960 555",
                },
            ),
        ],
    )
    cards = soup_of(client).select(".contact-card")
    sendiass, office, senco = (card.get_text(" ", strip=True) for card in cards)
    assert sendiass.startswith("Testford SENDIASS")
    assert "01632 960 999" in sendiass and "advice@testford-sendiass.example" in sendiass
    assert cards[0].select_one('a[href="https://testford-sendiass.example/"]')
    assert "Free and impartial." in sendiass
    assert office.startswith("Ask the office") and "office@testvalley.example" in office
    assert senco.startswith("Our SENCO Ms Example") and "01632 960 555" in senco
    assert cards[2].select_one('a[href="tel:01632960555"]')


def test_custom_contact_card_needs_a_title_and_a_way_to_get_in_touch():
    block = ContactCardBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"source": "custom", "note": "Hello"}))
    assert set(error.value.block_errors) == {"title", "phone"}
    block.clean(block.to_python({"source": "sendiass"}))  # filled from school details


@pytest.mark.django_db
def test_useful_links_to_pages_web_addresses_and_the_local_offer(client, section):
    glossary = factories.glossary_page(section)
    draft = StandardPage(title="Unfinished", slug="unfinished", live=False)
    section.add_child(instance=draft)
    factories.sen_support_page(
        section,
        body=[
            (
                "useful_links",
                {
                    "heading": "Useful links",
                    "include_local_offer": True,
                    "links": [
                        {"page": glossary, "description": "Words explained."},
                        {"page": draft, "title": "Hidden until published"},
                        {"url": "https://www.gov.uk/", "title": "GOV.UK"},
                    ],
                },
            )
        ],
    )
    links = [(a["href"], a.get_text()) for a in soup_of(client).select(".useful-links a")]
    assert links == [
        ("https://testford.example/lo", "Testford Council: the Local Offer"),
        ("/send/glossary/", "Glossary"),
        ("https://www.gov.uk/", "GOV.UK"),
    ]


def test_a_useful_link_is_a_page_or_a_web_address_not_both():
    block = UsefulLinkBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "Nothing"}))
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"url": "https://www.gov.uk/"}))
    assert "title" in error.value.block_errors
    links = UsefulLinksBlock()
    with pytest.raises(ValidationError):
        links.clean(
            links.to_python({"heading": "Links", "include_local_offer": False, "links": []})
        )


@pytest.mark.django_db
def test_support_options_list(client, section):
    factories.sen_support_page(
        section,
        body=[
            (
                "support_options",
                {
                    "heading": "Kinds of support",
                    "options": [
                        {"title": "Small groups", "description": "A few children together."},
                        {"title": "Visual timetable", "description": ""},
                    ],
                },
            )
        ],
    )
    items = soup_of(client).select("ul.support-options__list > li")
    assert [li.strong.get_text() for li in items] == ["Small groups", "Visual timetable"]
    assert "A few children together." in items[0].get_text()


@pytest.mark.django_db
def test_on_this_page_lists_the_section_headings(client, section):
    factories.sen_support_page(
        section,
        body=[
            ("heading", {"text": "What SEN support is", "level": "h2"}),
            ("heading", {"text": "A detail", "level": "h3"}),
            ("graduated_approach", GRADUATED_APPROACH),
            ("heading", {"text": "Getting advice", "level": "h2"}),
        ],
    )
    main = soup_of(client)
    contents = main.select_one("nav.contents")
    assert contents["aria-labelledby"] == "contents-heading"
    entries = [(a["href"], a.get_text()) for a in contents.select("a")]
    assert entries == [
        ("#what-sen-support-is", "What SEN support is"),
        ("#the-graduated-approach", "The graduated approach"),
        ("#getting-advice", "Getting advice"),
    ]
    for href, _ in entries:
        assert main.select_one(href).name == "h2"


# --- Glossary marking on the page -------------------------------------------------------


@pytest.mark.django_db
def test_first_use_on_the_page_is_marked_but_not_in_headings_links_or_questions(client, section):
    glossary = factories.glossary_page(section)
    factories.glossary_term("Special educational needs co-ordinator", "SENCO")
    factories.glossary_term("Special educational needs", "SEN")
    factories.sen_support_page(
        section,
        title="Talking to the SENCO",
        introduction="",
        body=[
            ("heading", {"text": "Meet the SENCO", "level": "h2"}),
            (
                "useful_links",
                {"include_local_offer": False, "links": [{"page": glossary, "title": "SENCO"}]},
            ),
            (
                "questions",
                {"items": [{"question": "Who is the SENCO?", "answer": "<p>A teacher.</p>"}]},
            ),
            ("paragraph", "<p>Ask the SENCO. The SENCO will help with SEN.</p>"),
            ("paragraph", "<p>The SENCO again.</p>"),
        ],
    )
    main = soup_of(client)
    marked = main.select("a.glossary-link")
    assert [(a.get_text(), a["href"]) for a in marked] == [
        ("SENCO", "/send/glossary/#term-senco"),
        ("SEN", "/send/glossary/#term-sen"),
    ]
    assert marked[0].find_parent("p").get_text() == "Ask the SENCO. The SENCO will help with SEN."
    assert main.h1.get_text() == "Talking to the SENCO"
    assert not main.select("h1 abbr, h2 abbr, summary abbr, .useful-links abbr")


# --- Queries ----------------------------------------------------------------------------


def big_body(pages):
    body = []
    for i in range(20):
        body += [
            ("heading", {"text": f"Section {i}", "level": "h2"}),
            ("paragraph", f"<p>Paragraph {i} about SEN and AB{i}.</p>"),
            ("code_of_practice_quote", {"quote": "Words.", "paragraph": f"6.{i + 1}"}),
            ("contact_card", {"source": "sendiass"}),
            ("support_options", {"options": [{"title": f"Option {i}"}] * 3}),
        ]
    body.append(("graduated_approach", GRADUATED_APPROACH))
    body.append(
        (
            "useful_links",
            {"include_local_offer": True, "links": [{"page": page} for page in pages]},
        )
    )
    return body


# Measured: Wagtail's routing and the site shell (menus, settings, footer links, feedback
# link; the breadcrumb comes from the routing), one query for the glossary terms and one
# for the pages the useful-links block points at.
# issue 15: -2, routing finds the steps in one query; +1 in issue 20: Wagtail's routing
# looks up the active language's Locale (tests/test_query_budgets.py).
SEN_SUPPORT_PAGE_QUERIES = 10


@pytest.mark.django_db
@pytest.mark.parametrize("size", ["small", "large"])
def test_render_queries_are_pinned_and_flat(client, section, size, django_assert_num_queries):
    glossary = factories.glossary_page(section)
    if size == "small":
        factories.glossary_terms(5)
        body = [
            ("paragraph", "<p>About AB1.</p>"),
            ("useful_links", {"include_local_offer": False, "links": [{"page": glossary}]}),
        ]
    else:
        factories.glossary_terms(80)
        pages = [
            factories.standard_page(parent=section, title=f"Page {i}", slug=f"page-{i}")
            for i in range(15)
        ]
        body = big_body(pages)
    factories.sen_support_page(section, body=body)
    client.get("/send/sen-support/")  # caches every site shares (site root paths)
    with django_assert_num_queries(SEN_SUPPORT_PAGE_QUERIES):
        response = client.get("/send/sen-support/")
    assert response.status_code == 200


# --- The editor's block picker ------------------------------------------------------------

PREVIEW_TEXT = {
    "graduated_approach": "Together we check what worked",
    "code_of_practice_quote": "paragraph 6.65",
    "support_options": "Small-group work",
    "contact_card": "Our SENCO",
    "useful_links": "SEND Code of Practice: 0 to 25 years",
    "proposed_changes": "not law",
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(PREVIEW_TEXT))
def test_each_send_block_previews_in_the_block_picker(admin_client, section, name):
    block = SENSupportPage.body.field.stream_block.child_blocks[name]
    assert block.meta.description and block.meta.icon
    response = admin_client.get(f"/admin/block-preview/?id={block.definition_prefix}")
    assert response.status_code == 200
    assert PREVIEW_TEXT[name] in response.content.decode()
