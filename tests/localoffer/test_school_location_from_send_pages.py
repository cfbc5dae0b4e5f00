"""The feed's school location takes its contact and access facilities from the SEND pages."""

import pytest

from senreport.models import DisabilityAccessPage, SENInformationReportPage

# The demo school is seeded once for this module (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("demo_module")


def school_location(client):
    listing = client.get("/openreferral/services").json()
    ours = [s for s in listing["contents"] if "nurture" in s["name"].lower()][0]
    full = client.get(f"/openreferral/services/{ours['id']}").json()
    return full["service_at_locations"][0]["location"]


@pytest.mark.django_db
def test_senco_and_facilities_appear_in_the_feed(demo, client):
    location = school_location(client)
    contacts = location["contacts"]
    assert contacts[0]["name"] == "Mrs Helen Marsh"
    assert contacts[0]["email"] == "senco@hollinsbrook.example"
    descriptions = [entry["description"] for entry in location["accessibility"]]
    assert "Step-free entrance" in descriptions
    assert "Lift to upper floors" not in descriptions
    step_free = next(
        e for e in location["accessibility"] if e["description"] == "Step-free entrance"
    )
    assert step_free["url"] == "http://127.0.0.1:8000/send/disability-and-access/"
    assert step_free["details"].startswith("Main entrance on Mill Lane")


@pytest.mark.django_db
def test_feed_follows_edits_to_the_send_pages(demo, client):
    report = SENInformationReportPage.objects.get()
    report.senco_name = "Mr Tom Price"
    report.save_revision().publish()
    access = DisabilityAccessPage.objects.get()
    access.has_lift = True
    access.save_revision().publish()
    location = school_location(client)
    assert location["contacts"][0]["name"] == "Mr Tom Price"
    assert "Lift to upper floors" in [e["description"] for e in location["accessibility"]]
