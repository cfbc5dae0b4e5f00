from io import StringIO

import pytest
from django.core.management import call_command

from localoffer.models import LocalOfferPage, Organisation, Service

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_a_local_offer(client):
    call_command("seed_demo", stdout=StringIO())
    page = LocalOfferPage.objects.live().get()
    assert page.url == "/send/local-offer/"
    assert page.search_description
    names = set(Service.objects.values_list("name", flat=True))
    for expected in [
        "Speech and language therapy",
        "Educational psychology",
        "CAMHS: children's mental health service",
        "SENDIASS: advice for families",
        "Parent carer forum",
        "The Nest nurture group",
    ]:
        assert expected in names
    assert Service.objects.filter(provider__isnull=True).exists()  # run by the school
    assert set(Organisation.objects.values_list("kind", flat=True)) >= {
        "nhs",
        "council",
        "charity",
    }
    # Every service helps with at least one area of need and says when it was checked.
    assert not Service.objects.filter(taxonomy_terms__isnull=True).exists()
    assert not Service.objects.filter(assured_date__isnull=True).exists()

    response = client.get("/send/local-offer/")
    assert response.status_code == 200
    assert len(response.context["directory"].services) == Service.objects.count()
    assert b"Local Offer" in client.get("/send/").content


def test_seed_demo_twice_adds_no_services():
    call_command("seed_demo", stdout=StringIO())
    count = Service.objects.count()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert Service.objects.count() == count
    assert "up to date" in out.getvalue()
