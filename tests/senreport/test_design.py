"""What parents see of the new design on the SEND pages: the SENCO's card near the top of
the SEND page and on the Contact page, the report's contents beside it and a way back to
them, and the report's link to the school's own Local Offer."""

import pytest

from home.models import StandardPage
from localoffer.models import LocalOfferPage
from senreport.models import SENInformationReportPage
from tests import factories

SENCO = {
    "senco_name": "Mrs Jo Marsh",
    "senco_email": "senco@testvalley.example",
    "senco_phone": "01632 960 002",
}


@pytest.fixture
def section(school):
    return factories.send_section(introduction="<p>Start here.</p>")


@pytest.fixture
def report(section):
    return factories.publish_child(
        section,
        SENInformationReportPage(title="SEN Information Report", slug="sen-report", **SENCO),
    )


def test_send_page_shows_the_sencos_card_near_the_top(client, report):
    html = client.get("/send/").content.decode()
    assert "Talk to our SENCO" in html
    assert "Mrs Jo Marsh" in html and 'href="mailto:senco@testvalley.example"' in html
    assert html.index("Talk to our SENCO") < html.index('class="card-list"')


def test_send_page_without_a_senco_shows_no_empty_card(client, section):
    assert "Talk to our SENCO" not in client.get("/send/").content.decode()


def test_contact_page_card_reads_the_senco_from_the_report(client, report):
    factories.publish_child(
        factories.home_page(),
        StandardPage(
            title="Contact us",
            slug="contact-us",
            body=[("contact_card", {"source": "senco", "title": "", "note": ""})],
        ),
    )
    html = client.get("/contact-us/").content.decode()
    assert "Our SENCO" in html
    assert "Mrs Jo Marsh" in html and "01632 960 002" in html


def test_report_contents_sit_in_a_layout_with_a_way_back_to_them(client, report):
    html = client.get("/send/sen-report/").content.decode()
    assert 'class="report-layout"' in html
    assert 'class="contents report-layout__contents"' in html
    assert html.count('href="#contents-heading">Back to contents</a>') == 1


def test_report_local_offer_section_links_to_the_schools_own_local_offer(client, report, section):
    factories.publish_child(section, LocalOfferPage(title="Local Offer", slug="local-offer"))
    html = client.get("/send/sen-report/").content.decode()
    assert 'href="/send/local-offer/">Our school' in html


def test_accessibility_plan_phone_card_keeps_glossary_words_in_the_value_column(demo, client):
    """On phones each cell is a two-column card (label | value): the cell's words, glossary
    marking included, sit in one element, so an <abbr> cannot fall into the label column."""
    from senreport.models import AccessibilityPlanPage

    plan = AccessibilityPlanPage.objects.get()
    action = plan.actions.first()
    action.resources = "£400 from the SEN budget"
    action.save()
    html = client.get(plan.url).content.decode()
    cell = html.split('<td data-label="Resources">')[1].split("</td>")[0]
    assert cell.startswith("<span>£400 from the ") and cell.endswith("budget</span>")
    assert "<abbr" in cell
