"""Glossary terms, the A–Z glossary page and the {% glossarize %} tag."""

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from home.models import HomePage
from senreport.models import GlossaryPage, GlossaryTerm, SENDSectionPage
from senreport.templatetags.glossary_tags import load_terms
from tests import factories


def render_glossarized(request, html):
    template = Template("{% load glossary_tags %}{% glossarize %}" + html + "{% endglossarize %}")
    return template.render(Context({"request": request}))


def site_request(site):
    request = RequestFactory().get("/", HTTP_HOST=site.hostname)
    request._wagtail_site = site
    return request


@pytest.fixture
def glossary(site):
    section = factories.send_section()
    factories.glossary_term("Special educational needs", "SEN")
    factories.glossary_term("Education, Health and Care plan", "EHC plan")
    factories.glossary_term("Local Offer")  # no abbreviation: never marked
    return factories.glossary_page(section)


# --- The tag ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_tag_links_the_first_use_to_this_sites_glossary(site, glossary):
    html = render_glossarized(site_request(site), "<h2>SEN</h2><p>SEN and an EHC plan. SEN.</p>")
    assert html == (
        "<h2>SEN</h2><p>"
        '<a class="glossary-link" href="/send/glossary/#term-sen">'
        '<abbr title="Special educational needs">SEN</abbr></a> and an '
        '<a class="glossary-link" href="/send/glossary/#term-ehc-plan">'
        '<abbr title="Education, Health and Care plan">EHC plan</abbr></a>. SEN.</p>'
    )


@pytest.mark.django_db
def test_links_go_to_the_glossary_of_the_site_being_read(site, glossary):
    # A second school on the same installation, with its own glossary at another address.
    other_home = (
        factories.home_page()
        .get_parent()
        .add_child(instance=HomePage(title="Other school", slug="other-school"))
    )
    other_site = Site.objects.create(hostname="other.example", root_page=other_home)
    other_section = factories.send_section(parent=other_home, slug="additional-needs")
    factories.glossary_page(other_section, slug="words")

    html = render_glossarized(site_request(other_site), "<p>SEN</p>")
    assert 'href="/additional-needs/words/#term-sen"' in html
    html = render_glossarized(site_request(site), "<p>SEN</p>")
    assert 'href="/send/glossary/#term-sen"' in html


@pytest.mark.django_db
def test_without_a_live_glossary_page_terms_are_explained_but_not_linked(site, glossary):
    glossary.unpublish()
    html = render_glossarized(site_request(site), "<p>SEN</p>")
    assert html == '<p><abbr title="Special educational needs">SEN</abbr></p>'


@pytest.mark.django_db
def test_tag_works_without_a_request(glossary):
    html = Template("{% load glossary_tags %}{% glossarize %}<p>SEN</p>{% endglossarize %}")
    assert html.render(Context()) == '<p><abbr title="Special educational needs">SEN</abbr></p>'


@pytest.mark.django_db
@pytest.mark.parametrize("extra_terms", [5, 80])
def test_one_query_for_the_terms_however_many_there_are(
    site, glossary, extra_terms, django_assert_num_queries
):
    factories.glossary_terms(extra_terms)
    request = site_request(site)
    Site.get_site_root_paths()  # cached for the whole site, as on any served page
    with django_assert_num_queries(1):
        html = render_glossarized(request, "<p>SEN, AB1 and AB4.</p>")
    assert html.count("<abbr") == 3
    # A second fragment of the same page costs nothing more and keeps "first use only".
    with django_assert_num_queries(0):
        html = render_glossarized(request, "<p>SEN and the EHC plan.</p>")
    assert html.count("<abbr") == 1


@pytest.mark.django_db
def test_load_terms_skips_terms_without_abbreviation(site, glossary):
    abbreviations = {t.abbreviation for t in load_terms(site)}
    assert abbreviations == {"SEN", "EHC plan"}


# --- Terms -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_term_anchor_comes_from_the_abbreviation_or_the_term():
    assert factories.glossary_term("Speech and language therapy", "SALT").anchor == "term-salt"
    assert factories.glossary_term("Provision map").anchor == "term-provision-map"
    clash = factories.glossary_term("salt", "")  # slugifies like SALT
    assert clash.anchor == "term-salt-2"


@pytest.mark.django_db
def test_anchor_follows_a_changed_abbreviation():
    term = factories.glossary_term("Education, Health and Care plan", "EHCP")
    term.abbreviation = "EHC plan"
    term.save()
    assert term.anchor == "term-ehc-plan"


@pytest.mark.django_db
def test_two_terms_cannot_share_an_abbreviation_but_many_may_have_none():
    factories.glossary_term("Occupational therapy", "OT")
    factories.glossary_term("Local Offer")
    factories.glossary_term("Graduated approach")
    duplicate = GlossaryTerm(term="Old Testament", abbreviation="OT", definition="No.")
    with pytest.raises(ValidationError, match="already uses this abbreviation"):
        duplicate.full_clean()


# --- The glossary page -----------------------------------------------------------------


class GlossaryPageTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.section = factories.send_section()
        factories.glossary_term("Special educational needs co-ordinator", "SENCO")
        factories.glossary_term("attention deficit hyperactivity disorder", "ADHD")
        factories.glossary_term("Education, Health and Care plan", "EHC plan", "A plan.\nLegal.")
        factories.glossary_term("Special educational needs", "SEN")
        self.page = factories.glossary_page(self.section, introduction="<p>Words explained.</p>")

    def test_renderable_editable_previewable(self):
        form_data = nested_form_data(
            {
                "title": "Glossary",
                "slug": "glossary",
                "introduction": rich_text("<p>Words explained.</p>"),
            }
        )
        self.assertPageIsRenderable(self.page)
        self.assertPageIsEditable(self.page, post_data=form_data)
        self.assertPageIsPreviewable(self.page, post_data=form_data)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(GlossaryPage, {SENDSectionPage})
        self.assertAllowedSubpageTypes(GlossaryPage, set())
        self.assertFalse(GlossaryPage.can_create_at(self.section))  # one per section
        self.assertCanNotCreateAt(HomePage, GlossaryPage)
        self.assertCanNotCreateAt(Page, GlossaryPage)

    def test_lists_terms_a_to_z_with_anchors(self):
        response = self.client.get("/send/glossary/")
        html = response.content.decode()
        self.assertContains(response, '<a href="#letter-a">A</a>', html=True)
        self.assertContains(response, '<h2 id="letter-s" class="glossary-letter__heading">S</h2>')
        order = [html.index(f'id="term-{slug}"') for slug in ("adhd", "ehc-plan", "sen", "senco")]
        self.assertEqual(order, sorted(order))
        self.assertContains(response, "A plan.<br>Legal.")
        self.assertContains(
            response,
            '<dt class="glossary__term">Special educational needs co-ordinator '
            '<span class="glossary__abbreviation">(SENCO)</span></dt>',
            html=True,
        )
        # The letters nav only names letters that have terms.
        self.assertNotContains(response, 'href="#letter-b"')

    def test_a_term_added_later_appears_without_republishing(self):
        factories.glossary_term("Teaching assistant", "TA")
        self.assertContains(self.client.get("/send/glossary/"), 'id="term-ta"')

    def test_render_costs_the_same_with_4_or_80_terms(self):
        self.client.logout()  # as a parent reads it

        def queries():
            self.client.get("/send/glossary/")
            with self.assertNumQueries(GLOSSARY_PAGE_QUERIES) as context:
                self.client.get("/send/glossary/")
            return len(context.captured_queries)

        before = queries()
        factories.glossary_terms(76)
        self.assertEqual(queries(), before)


# Measured: Wagtail's routing and the site shell (menus, footer links, settings; the
# breadcrumb comes from the routing) plus one query for all the terms.
# issue 15: -2, routing finds the steps in one query; +1 in issue 20: Wagtail's routing
# looks up the active language's Locale (tests/test_query_budgets.py).
GLOSSARY_PAGE_QUERIES = 9


# --- The admin -------------------------------------------------------------------------


@pytest.mark.django_db
def test_editors_find_the_glossary_in_the_admin_menu(admin_client):
    factories.glossary_term("Special educational needs co-ordinator", "SENCO")
    response = admin_client.get("/admin/snippets/senreport/glossaryterm/")
    assert response.status_code == 200
    assert b"Special educational needs co-ordinator" in response.content
    # The sidebar is drawn from JSON: a top-level "Glossary" item, right after Pages.
    menu = admin_client.get("/admin/").content.decode()
    assert '"label": "Glossary"' in menu
    assert '"url": "/admin/snippets/senreport/glossaryterm/"' in menu


@pytest.mark.django_db
def test_editors_add_a_term_and_it_is_marked_on_send_pages(admin_client, client, site):
    section = factories.send_section()
    factories.glossary_page(section)
    factories.sen_support_page(section, body=[("paragraph", "<p>Ask the SENCO.</p>")])
    response = admin_client.post(
        "/admin/snippets/senreport/glossaryterm/add/",
        {
            "term": "Special educational needs co-ordinator",
            "abbreviation": "SENCO",
            "definition": "The teacher who organises SEN support.",
        },
    )
    assert response.status_code == 302
    html = client.get("/send/sen-support/").content.decode()
    assert (
        '<a class="glossary-link" href="/send/glossary/#term-senco">'
        '<abbr title="Special educational needs co-ordinator">SENCO</abbr></a>' in html
    )


@pytest.mark.django_db
def test_admin_refuses_a_duplicate_abbreviation(admin_client):
    factories.glossary_term("Occupational therapy", "OT")
    response = admin_client.post(
        "/admin/snippets/senreport/glossaryterm/add/",
        {"term": "Other therapy", "abbreviation": "OT", "definition": "x"},
    )
    assert response.status_code == 200
    assert b"Another glossary term already uses this abbreviation." in response.content
    assert GlossaryTerm.objects.count() == 1


@pytest.mark.django_db
def test_terms_can_be_exported(admin_client):
    factories.glossary_term("Occupational therapy", "OT", "Help with everyday tasks.")
    response = admin_client.get("/admin/snippets/senreport/glossaryterm/?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "Occupational therapy,OT,Help with everyday tasks." in content


@pytest.mark.django_db
def test_editors_search_terms_by_abbreviation(admin_client):
    factories.glossary_term("Occupational therapy", "OT")
    factories.glossary_term("Speech and language therapy", "SALT")
    response = admin_client.get("/admin/snippets/senreport/glossaryterm/?q=SALT")
    assert response.status_code == 200
    assert b"Speech and language therapy" in response.content
    assert b"Occupational therapy" not in response.content
