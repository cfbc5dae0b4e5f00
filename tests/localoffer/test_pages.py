"""LocalOfferPage: tree rules, editing, the council's links and the services directory."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from localoffer.models import LocalOfferPage, Service
from senreport.models import SENDSectionPage
from tests import factories
from tests.localoffer import builders

COUNCIL = {
    "name": "Westmere Borough Council",
    "local_offer_url": "https://www.westmere.example/local-offer",
    "ordinarily_available_provision_url": "https://www.westmere.example/oap",
}


class LocalOfferPageTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.section = builders.send_section()

    def form_data(self, **fields):
        data = {
            "title": "Local Offer",
            "slug": "local-offer",
            "introduction": "What we offer.",
            "body": rich_text("<p>We adapt teaching for every child.</p>"),
        }
        data.update(fields)
        return nested_form_data(data)

    def test_renderable_editable_previewable(self):
        page = builders.offer_page()
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(page, post_data=self.form_data())
        self.assertPageIsPreviewable(page, post_data=self.form_data())

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(LocalOfferPage, {SENDSectionPage})
        self.assertAllowedSubpageTypes(LocalOfferPage, set())
        self.assertCanNotCreateAt(factories.HomePage, LocalOfferPage)

    def test_created_in_the_admin_once_per_section(self):
        self.assertCanCreate(self.section, LocalOfferPage, self.form_data())
        page = LocalOfferPage.objects.get()
        self.assertIn("We adapt teaching for every child.", page.body)
        self.section.refresh_from_db()
        self.assertFalse(LocalOfferPage.can_create_at(self.section))

    def test_footer_lists_it_among_the_information_we_must_publish(self):
        page = builders.offer_page()
        response = self.client.get("/")
        self.assertContains(response, f'<li><a href="{page.url}">Local Offer</a></li>', html=True)

    def test_send_section_lists_it_with_its_description(self):
        builders.offer_page(search_description="Services that help, and the council's offer.")
        response = self.client.get("/send/")
        self.assertContains(response, '<a href="/send/local-offer/">Local Offer</a>', html=True)
        self.assertContains(response, "Services that help, and the council&#x27;s offer.")


@pytest.fixture
def page(school):
    school.local_authorities = [("local_authority", COUNCIL)]
    school.save()
    return builders.offer_page()


def get(client, query=""):
    response = client.get(f"/send/local-offer/{query}")
    assert response.status_code == 200
    return response


def shown(response):
    return [service.name for service in response.context["directory"].services]


@pytest.mark.django_db
class TestCouncilLinks:
    def test_local_offer_and_ordinarily_available_provision(self, client, page):
        html = get(client).content.decode()
        assert '<a href="https://www.westmere.example/local-offer">' in html
        assert "Westmere Borough Council: Local Offer" in html
        assert '<a href="https://www.westmere.example/oap">' in html

    def test_no_oap_link_when_the_council_has_none(self, client, page, school):
        school.local_authorities = [
            ("local_authority", dict(COUNCIL, ordinarily_available_provision_url=""))
        ]
        school.save()
        html = get(client).content.decode()
        assert "Westmere Borough Council: Local Offer" in html
        assert "Ordinarily Available Provision" not in html

    def test_two_councils(self, client, page, school):
        school.local_authorities = [
            ("local_authority", COUNCIL),
            (
                "local_authority",
                {"name": "Eastvale Council", "local_offer_url": "https://eastvale.example/lo"},
            ),
        ]
        school.save()
        assert "Eastvale Council: Local Offer" in get(client).content.decode()


@pytest.mark.django_db
class TestDirectory:
    @pytest.fixture
    def services(self, page):
        provider = builders.organisation(name="Westmere CAMHS")
        return {
            "slt": builders.rich_service(name="Speech and language therapy"),
            "camhs": builders.service(
                "CAMHS",
                provider=provider,
                needs=("social-emotional-and-mental-health",),
                minimum_age=0,
                maximum_age=18,
                location=Service.Where.ELSEWHERE,
                location_name="Child and Family Centre",
                postcode="WM1 3HB",
            ),
            "nest": builders.service(
                "The Nest",
                needs=("social-emotional-and-mental-health",),
                minimum_age=4,
                maximum_age=11,
                status=Service.Status.TEMPORARILY_CLOSED,
            ),
            "old": builders.service("Old club", status=Service.Status.DEFUNCT),
            "paused": builders.service("Paused group", status=Service.Status.INACTIVE),
        }

    def test_each_service_has_an_anchor_and_its_last_checked_date(self, client, services):
        response = get(client)
        html = response.content.decode()
        slt = services["slt"]
        assert f'<article class="service" id="service-{slt.oruk_id}"' in html
        assert 'Last checked: <time datetime="2026-09-15">15 September 2026</time>' in html
        assert "Last checked: not recorded" in html  # CAMHS has no date
        assert "Run by Westmere CAMHS" in html
        assert "Run by Test Valley Primary School" in html
        assert "Child and Family Centre, WM1 3HB" in html
        assert '<a href="tel:01632960471">01632 960 471</a>' in html
        assert "Tuesday 9am to 3pm" in html

    def test_hides_stopped_services_unless_asked(self, client, services):
        assert shown(get(client)) == ["CAMHS", "Speech and language therapy", "The Nest"]
        assert "3 services" in get(client).content.decode()
        # Running services first, then temporarily closed, then those that stopped.
        assert shown(get(client, "?status=all")) == [
            "CAMHS",
            "Speech and language therapy",
            "The Nest",
            "Old club",
            "Paused group",
        ]
        assert shown(get(client, "?status=temporarily+closed")) == ["The Nest"]
        assert "Temporarily closed" in get(client).content.decode()

    def test_filters_by_area_of_need(self, client, services):
        response = get(client, "?need=social-emotional-and-mental-health")
        assert shown(response) == ["CAMHS", "The Nest"]
        html = response.content.decode()
        assert "2 services" in html
        assert "Showing services helping with Social, emotional and mental health." in html
        assert 'value="social-emotional-and-mental-health" id="id_need_2" checked' in html
        both = get(client, "?need=social-emotional-and-mental-health&need=cognition-and-learning")
        assert shown(both) == ["CAMHS", "The Nest"]

    def test_filters_by_age(self, client, services):
        assert shown(get(client, "?age=2")) == ["CAMHS"]
        assert shown(get(client, "?age=7")) == ["CAMHS", "Speech and language therapy", "The Nest"]
        assert shown(get(client, "?age=16&need=social-emotional-and-mental-health")) == ["CAMHS"]

    def test_a_wrong_age_is_explained_and_ignored(self, client, services):
        response = get(client, "?age=seven&need=social-emotional-and-mental-health")
        html = response.content.decode()
        assert "There is a problem with the filters" in html
        assert '<a href="#id_age">Enter the age as a whole number, from 0 to 25.</a>' in html
        assert 'aria-invalid="true"' in html
        assert shown(response) == ["CAMHS", "The Nest"]
        assert "Enter an age from 0 to 25." in get(client, "?age=40").content.decode()

    def test_unknown_choices_are_explained(self, client, services):
        html = get(client, "?need=juggling&status=everything").content.decode()
        assert '<a href="#id_need_0">Choose areas of need from the list.</a>' in html
        assert '<a href="#id_status_0">Choose which services to show from the list.</a>' in html
        assert "juggling" not in html.split('<main id="main-content"')[1]

    def test_no_match(self, client, services):
        html = get(client, "?need=cognition-and-learning").content.decode()
        assert "No services match" in html
        assert "show all services" in html

    def test_the_form_works_without_javascript(self, client, services):
        html = get(client).content.decode()
        assert '<form class="filters" method="get" action="/send/local-offer/#results"' in html
        assert "<legend>Area of need</legend>" in html
        assert '<label for="id_need_0">Communication and interaction</label>' in html
        assert '<button type="submit" class="button">Show services</button>' in html
        assert "<script" not in html.split('<main id="main-content"')[1].split("</main>")[0]

    def test_only_this_schools_services(self, client, services, settings):
        settings.ALLOWED_HOSTS = ["*"]
        builders.service("Another school's club", site=builders.other_site())
        assert "Another school" not in get(client).content.decode()

    def test_imported_services_are_listed_with_the_schools_note(self, client, page):
        builders.service(
            "Council portage",
            source="https://council.example/oruk",
            local_notes="Ask the SENCO to refer you.",
            assured_date=date(2026, 1, 5),
        )
        html = get(client).content.decode()
        assert "Council portage" in html
        assert "Note from the school" in html and "Ask the SENCO to refer you." in html
        assert "5 January 2026" in html

    def test_query_count_is_flat(self, client, page):
        provider = builders.organisation()
        builders.rich_service(name="First", provider=provider)
        get(client)

        def count():
            with CaptureQueriesContext(connection) as queries:
                get(client)
            return len(queries)

        one = count()
        for number in range(49):
            builders.rich_service(name=f"More {number}", provider=provider)
        fifty = count()
        assert len(get(client).context["directory"].services) == 50
        assert one == fifty, f"{one} queries for 1 service, {fifty} for 50"
