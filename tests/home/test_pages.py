from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from senreport.models import SENDSectionPage
from tests import factories


class HomePageTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = factories.home_page()

    def test_home_page_is_the_site_root(self):
        self.assertIsInstance(self.home, HomePage)

    def test_renderable_editable_previewable(self):
        # StreamFields are drawn by JavaScript, so the edit form's data is given explicitly.
        form_data = nested_form_data(
            {
                "title": "Home",
                "slug": "home",
                "introduction": rich_text("<p>Welcome.</p>"),
                "send_heading": "SEND",
                "send_summary": "",
                "body": streamfield([("heading", {"text": "News", "level": "h2"})]),
            }
        )
        self.assertPageIsRenderable(self.home)
        self.assertPageIsEditable(self.home, post_data=form_data)
        self.assertPageIsPreviewable(self.home, post_data=form_data)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_send_box_links_to_chosen_page(self):
        target = factories.standard_page(title="SEND", slug="send")
        self.home.send_page = target
        self.home.send_summary = "How we help children with SEND."
        self.home.save_revision().publish()
        response = self.client.get("/")
        self.assertContains(response, "How we help children with SEND.")
        self.assertContains(response, 'href="/send/"')


class StandardPageTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = factories.home_page()

    def test_renderable_editable_previewable(self):
        page = factories.standard_page(
            body=[("heading", {"text": "Getting here", "level": "h2"})],
        )
        form_data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "introduction": "",
                "body": streamfield([("heading", {"text": "Getting here", "level": "h2"})]),
            }
        )
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(page, post_data=form_data)
        self.assertPageIsPreviewable(page, post_data=form_data)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage, SENDSectionPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_can_create_with_every_block(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Uniform",
                    "slug": "uniform",
                    "introduction": "What children wear to school.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Everyday uniform", "level": "h2"}),
                            ("paragraph", rich_text("<p>Grey trousers or skirt.</p>")),
                            (
                                "callout",
                                {
                                    "title": "Help with costs",
                                    "text": rich_text("<p>Ask the office.</p>"),
                                    "tone": "info",
                                },
                            ),
                            (
                                "questions",
                                {
                                    "heading": "Questions",
                                    "items": streamfield(
                                        [
                                            (
                                                "item",
                                                {
                                                    "question": "Is there a logo?",
                                                    "answer": rich_text("<p>No.</p>"),
                                                },
                                            )
                                        ]
                                    ),
                                },
                            ),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="uniform")
        self.assertEqual(
            [b.block_type for b in page.body], ["heading", "paragraph", "callout", "questions"]
        )

    def test_questions_render_as_disclosures(self):
        factories.standard_page(
            body=[
                (
                    "questions",
                    {
                        "heading": "Questions",
                        "items": [{"question": "Is there parking?", "answer": "<p>Two bays.</p>"}],
                    },
                )
            ]
        )
        response = self.client.get("/visiting/")
        self.assertContains(response, "<summary>Is there parking?</summary>", html=True)
        self.assertContains(response, "Two bays.")

    def test_breadcrumb_and_menu(self):
        parent = factories.standard_page(title="Policies", slug="policies", show_in_menus=True)
        factories.standard_page(parent=parent, title="Uniform", slug="uniform")
        response = self.client.get("/policies/uniform/")
        self.assertContains(
            response, '<nav class="breadcrumb page-width" aria-label="Breadcrumb">'
        )
        self.assertContains(
            response, '<a href="/policies/" aria-current="true">Policies</a>', html=True
        )
        self.assertContains(response, '<span aria-current="page">Uniform</span>', html=True)
