"""A NUL character (%00) anywhere in a request is a plain 400, never a 500
(schoolsite.middleware.RejectNulCharactersMiddleware).

On PostgreSQL a NUL in a query parameter reaches psycopg, which refuses the whole query:
without the middleware these probes are 500s there. Run this module on PostgreSQL too
(DATABASE_URL=postgres://...), as CI does.
"""

import pytest
from django.test import Client

from home.models import FeedbackSubmission
from home.models.feedback import SENT_FROM_FIELD
from localoffer.models import Service
from schoolsite.middleware import NUL_REFUSED
from tests import factories
from tests.localoffer import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(school):
    builders.service(name="Speech and language therapy", needs=["cognition-and-learning"])
    return {
        "about": factories.standard_page(title="Visiting the school", slug="visiting"),
        "offer": builders.offer_page(),
        "form": factories.feedback_form_page(),
    }


def assert_refused(response):
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert NUL_REFUSED in response.content.decode()


PUBLIC_GETS = [
    "/visiting/?q=%00",
    "/visiting%00/",
    "/send/local-offer/?need=%00",
    "/send/local-offer/?age=1%00",
    "/send/local-offer/?status=active%00&need=cognition-and-learning",
    "/send/local-offer/?%00=1",
    "/feedback/?page=1%00",
    "/openreferral/services?search=%00",
    "/openreferral/services?taxonomy_term_id=%00",
    "/openreferral/services?page=1%00",
    "/openreferral/services/%00",
    "/openreferral/service_at_locations?search=a%00b",
    "/openreferral/taxonomy_terms/%00",
    "/documents/1/%00.pdf",
]


@pytest.mark.parametrize("path", PUBLIC_GETS)
def test_public_addresses_refuse_a_nul(client, pages, path):
    assert_refused(client.get(path))


def test_the_same_addresses_without_a_nul_still_work(client, pages):
    assert client.get("/send/local-offer/?need=cognition-and-learning").status_code == 200
    assert client.get("/openreferral/services?search=speech").status_code == 200
    assert client.get("/visiting/?q=x").status_code == 200


def test_feedback_with_a_nul_is_refused_and_not_stored(client, pages):
    response = client.post(
        "/feedback/",
        {"what_went_wrong": "Broken\x00link", SENT_FROM_FIELD: str(pages["about"].pk)},
    )
    assert_refused(response)
    assert not FeedbackSubmission.objects.exists()
    # Without it the same message is taken.
    response = client.post("/feedback/", {"what_went_wrong": "Broken link"})
    assert response.status_code == 200 and FeedbackSubmission.objects.count() == 1


@pytest.mark.parametrize(
    "path",
    [
        "/admin/pages/search/?q=%00",
        "/admin/pages/search/results/?q=speech%00",
        "/admin/snippets/localoffer/service/?q=%00",
        "/admin/snippets/localoffer/organisation/?q=a%00",
        "/admin/snippets/senreport/glossaryterm/?q=%00",
        "/admin/documents/?q=%00",
        "/admin/images/?q=%00",
        "/admin/users/?q=%00",
        "/admin/forms/?q=%00",
    ],
)
def test_admin_searches_refuse_a_nul(admin_client, pages, path):
    assert_refused(admin_client.get(path))


def test_an_admin_form_with_a_nul_changes_nothing(admin_client, pages):
    service = Service.objects.get()
    url = f"/admin/snippets/localoffer/service/edit/{service.pk}/"
    assert admin_client.get(url).status_code == 200
    assert_refused(admin_client.post(url, {"name": "Speech\x00", "description": "x"}))
    service.refresh_from_db()
    assert service.name == "Speech and language therapy"


def test_the_login_form_refuses_a_nul(db):
    client = Client(enforce_csrf_checks=False)
    response = client.post("/admin/login/", {"username": "office\x00", "password": "x"})
    assert_refused(response)
