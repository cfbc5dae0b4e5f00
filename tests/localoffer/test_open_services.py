"""A Local Offer service published as running needs an e-mail address or a phone number,
and a last day that has not passed (localoffer/open_rules.py). Drafts always save."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset

from localoffer.models import Service
from tests.localoffer import builders
from tests.localoffer.test_admin import new_service_data

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_localoffer_service:add"
NO_CONTACT = "A running service needs an e-mail address or a phone number"


@pytest.fixture
def offer(school):
    builders.site()
    builders.offer_page()


def add(client, action="action-publish", **fields):
    data = new_service_data(**fields)
    if action:
        data[action] = action
    return client.post(reverse(ADD), data)


def text(response):
    return response.content.decode().replace("&#x27;", "'")


def test_a_running_service_without_contact_details_is_not_published(admin_client, offer):
    response = add(admin_client, email="", phones=inline_formset([]))
    assert response.status_code == 200
    assert NO_CONTACT in text(response)
    assert not Service.objects.filter(live=True).exists()


def test_a_draft_without_contact_details_saves(admin_client, offer):
    response = add(admin_client, action=None, email="", phones=inline_formset([]))
    assert response.status_code == 302
    assert not Service.objects.get().live


@time_machine.travel(date(2026, 11, 30), tick=False)
def test_a_running_service_whose_last_day_has_passed_is_not_published(admin_client, offer):
    response = add(admin_client, runs_until="2026-07-20")
    assert "It ran until 20 July 2026, which has passed" in text(response)
    assert not Service.objects.exists()
    # Marked as not running, it publishes (families see it is not running).
    response = add(admin_client, runs_until="2026-07-20", status="inactive")
    assert response.status_code == 302
    assert Service.objects.get().live


@time_machine.travel(date(2026, 11, 30), tick=False)
def test_a_phone_number_alone_and_a_future_last_day_are_enough(admin_client, offer):
    response = add(admin_client, email="", runs_until="2027-07-20")
    assert response.status_code == 302
    assert Service.objects.get().live


@time_machine.travel(date(2026, 11, 30), tick=False)
def test_approving_a_service_past_its_last_day_is_refused(admin_client, offer):
    """Other routes than the form (here: publishing the revision) pass the same rule."""
    from home.publishing import PublishRefused

    add(admin_client, action=None, runs_until="2026-07-20")
    service = Service.objects.get()
    with pytest.raises(PublishRefused, match="It ran until 20 July 2026"):
        service.get_latest_revision().publish()
    service.refresh_from_db()
    assert not service.live
