"""The Local Offer's keyword search, open services first, folded details, and a count."""

import pytest

from localoffer.models import Service
from tests.localoffer import builders


@pytest.fixture
def offer(school):
    return builders.offer_page()


def directory(client, **query):
    response = client.get("/send/local-offer/", query)
    assert response.status_code == 200
    return response.content.decode()


def test_keyword_finds_services_by_name_description_need_and_provider(client, offer):
    builders.service(name="Chatterbox group", description="Talking games.")
    builders.service(name="Lego club", description="Building together.")
    builders.service(
        name="Calm corner",
        description="A quiet space.",
        needs=("social-emotional-and-mental-health",),
    )
    builders.service(
        name="Family clinic", description="Help at home.", provider=builders.organisation()
    )
    assert "Chatterbox group" in directory(client, q="chatterbox")
    found = directory(client, q="building")
    assert "Lego club" in found and "Chatterbox group" not in found
    assert "Calm corner" in directory(client, q="mental health")
    assert "Family clinic" in directory(client, q="westmere")
    assert "1 service" in directory(client, q="westmere")
    assert "matching “westmere”" in directory(client, q="westmere")


def test_running_services_come_before_closed_ones(client, offer):
    builders.service(name="Art club", status=Service.Status.TEMPORARILY_CLOSED)
    builders.service(name="Zumba for all", status=Service.Status.ACTIVE)
    html = directory(client)
    assert html.index("Zumba for all") < html.index("Art club")


def test_service_details_are_folded_with_a_summary_naming_the_service(client, offer):
    builders.rich_service()
    html = directory(client)
    assert '<details class="service__more">' in html
    assert '<span class="visually-hidden"> for Speech and language therapy</span>' in html
