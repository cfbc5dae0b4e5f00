"""A service's last day (`runs_until`): parents read "Runs until <date>" in the services
directory, and the Open Referral UK feed publishes it as its schedules' `valid_to` (the
ORUK 3.0 service has no end date of its own), which the import reads back."""

from datetime import date

import pytest
from bs4 import BeautifulSoup

from localoffer.models import Service
from tests.localoffer import builders
from tests.localoffer.test_import import run

pytestmark = pytest.mark.django_db

LAST_DAY = date(2027, 7, 20)


@pytest.fixture
def page(school):
    return builders.offer_page()


def entry(client, service):
    response = client.get("/send/local-offer/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find(id=service.anchor)


def test_the_directory_says_when_a_service_runs_until(client, page):
    service = builders.rich_service(name="Summer reading club", runs_until=LAST_DAY)
    article = entry(client, service)
    until = article.select_one(".service__until")
    assert until.get_text(" ", strip=True) == "Runs until 20 July 2027"
    assert until.time["datetime"] == "2027-07-20"
    # Shown before "Ages, place, times and contact" is opened.
    assert until.find_parent("details") is None


def test_a_service_without_a_last_day_says_nothing_of_one(client, page):
    service = builders.rich_service(name="Speech and language therapy")
    assert "Runs until" not in entry(client, service).get_text()


def feed_record(client, service):
    response = client.get(f"/openreferral/services/{service.oruk_id}")
    assert response.status_code == 200
    return response.json()


def test_the_feed_gives_every_schedule_the_last_day(client, school, oruk_schemas):
    service = builders.rich_service(name="Summer reading club", runs_until=LAST_DAY)
    data = feed_record(client, service)
    # The words ("Alternate Tuesdays in term time.") and the weekly time.
    assert len(data["schedules"]) == 2
    assert {schedule["valid_to"] for schedule in data["schedules"]} == {"2027-07-20"}
    assert oruk_schemas.errors("compiled/service.json", data) == []
    for schedule in data["schedules"]:
        assert oruk_schemas.errors("schedule.json", schedule) == []


def test_a_service_with_a_last_day_and_no_times_has_a_schedule_saying_so(
    client, school, oruk_schemas
):
    service = builders.service("Parent workshops", runs_until=LAST_DAY)
    data = feed_record(client, service)
    assert [schedule["valid_to"] for schedule in data["schedules"]] == ["2027-07-20"]
    assert data["schedules"][0]["service_id"] == str(service.oruk_id)
    assert oruk_schemas.errors("compiled/service.json", data) == []
    assert oruk_schemas.errors("schedule.json", data["schedules"][0]) == []


def test_without_a_last_day_no_schedule_has_one(client, school):
    bare = feed_record(client, builders.service("Nurture group"))
    assert bare["schedules"] == []
    rich = feed_record(client, builders.rich_service())
    assert all("valid_to" not in schedule for schedule in rich["schedules"])


def test_the_import_reads_the_last_day_back(client, school, tmp_path):
    # An imported service must say who runs it.
    by = {"provider": builders.organisation(name="Westmere Library")}
    with_times = builders.rich_service(name="Summer reading club", runs_until=LAST_DAY, **by)
    without = builders.service("Parent workshops", runs_until=date(2027, 3, 31), **by)
    running_on = builders.service("Nurture group", **by)
    records = [feed_record(client, s) for s in (with_times, without, running_on)]
    other = builders.other_site()
    path = builders.write_json(tmp_path / "ours.json", builders.services_response(*records))
    out, _ = run(path, "--site", "other.example")
    assert "3 created" in out
    copies = {s.name: s for s in Service.objects.filter(site=other)}
    assert copies["Summer reading club"].runs_until == LAST_DAY
    assert copies["Parent workshops"].runs_until == date(2027, 3, 31)
    # The schedule that only carries the last day adds no words to "When it runs".
    assert copies["Parent workshops"].schedule == ""
    assert copies["Nurture group"].runs_until is None
