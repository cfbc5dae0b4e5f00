from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from home.models import HomePage, StandardPage
from senreport.models import SENDSectionPage
from tests import factories


class SENDSectionPageTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = factories.home_page()
        self.section = factories.publish_child(
            self.home,
            SENDSectionPage(title="SEND", slug="send", introduction="<p>Start here.</p>"),
        )

    def test_renderable_editable_previewable(self):
        form_data = nested_form_data(
            {"title": "SEND", "slug": "send", "introduction": rich_text("<p>Start here.</p>")}
        )
        self.assertPageIsRenderable(self.section)
        self.assertPageIsEditable(self.section, post_data=form_data)
        self.assertPageIsPreviewable(self.section, post_data=form_data)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(SENDSectionPage, {HomePage})
        self.assertCanCreateAt(SENDSectionPage, StandardPage)

    def test_only_one_per_home_page(self):
        self.assertFalse(SENDSectionPage.can_create_at(self.home))

    def test_lists_live_children_with_their_summary(self):
        factories.publish_child(
            self.section,
            StandardPage(title="Therapies", slug="therapies", search_description="Speech and OT."),
        )
        draft = StandardPage(title="Unfinished", slug="unfinished", live=False)
        self.section.add_child(instance=draft)
        response = self.client.get("/send/")
        self.assertContains(response, '<a href="/send/therapies/">Therapies</a>', html=True)
        self.assertContains(response, "Speech and OT.")
        self.assertNotContains(response, "Unfinished")
