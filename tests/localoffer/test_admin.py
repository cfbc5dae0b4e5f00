"""The Local Offer snippets in the admin: listing, filters, export, editing, imported records."""

import pytest
from django.urls import NoReverseMatch, reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from localoffer.models import Organisation, Service
from tests.localoffer import builders

pytestmark = pytest.mark.django_db

SERVICES = "wagtailsnippets_localoffer_service"
ORGANISATIONS = "wagtailsnippets_localoffer_organisation"


def url(name, *args):
    return reverse(f"{SERVICES}:{name}", args=args)


@pytest.fixture
def services(school):
    camhs = builders.organisation(name="Westmere CAMHS")
    return {
        "slt": builders.rich_service(name="Speech and language therapy"),
        "camhs": builders.service(
            "CAMHS", provider=camhs, needs=("social-emotional-and-mental-health",)
        ),
        "imported": builders.service(
            "Council portage", source="https://council.example/oruk", provider=camhs
        ),
    }


def new_service_data(**fields):
    data = {
        "name": "Lego club",
        "description": "Building together.",
        "status": "active",
        "provider": "",
        "minimum_age": "7",
        "maximum_age": "11",
        "fees": "Free",
        "languages": "English",
        "local_notes": "",
        "contact_name": "",
        "contact_title": "SENCO",
        "email": "office@school.example",
        "url": "",
        "phones": inline_formset([{"number": "01632 960 001", "description": "Office"}]),
        "location": "school",
        "location_name": "",
        "address": "",
        "postcode": "",
        "accessibility": "",
        "schedule": "Thursday lunchtimes.",
        "opening_times": inline_formset(
            [{"weekday": "TH", "opens_at": "12:15", "closes_at": "12:55", "note": ""}]
        ),
        "assured_date": "2026-11-01",
        "assurer_email": "office@school.example",
    }
    data.update(fields)
    data = nested_form_data(data)
    # nested_form_data would number a list's items; a multiple choice posts them as one name.
    data["taxonomy_terms"] = [builders.areas()["communication-and-interaction"].pk]
    return data


def test_listing_shows_the_columns_editors_need(admin_client, services):
    response = admin_client.get(url("list"))
    assert response.status_code == 200
    html = response.content.decode()
    for heading in ["Run by", "Status", "Areas of need", "Last checked", "Origin"]:
        assert heading in html
    assert "Speech and language therapy" in html and "Westmere CAMHS" in html
    assert "Imported from https://council.example/oruk" in html


def test_listing_filters(admin_client, services):
    semh = builders.areas()["social-emotional-and-mental-health"]
    response = admin_client.get(url("list"), {"taxonomy_terms": semh.pk})
    assert [s.name for s in response.context["object_list"]] == ["CAMHS"]
    response = admin_client.get(url("list"), {"origin": "imported"})
    assert [s.name for s in response.context["object_list"]] == ["Council portage"]
    response = admin_client.get(url("list"), {"run_by": "school"})
    assert [s.name for s in response.context["object_list"]] == ["Speech and language therapy"]


def test_export_as_csv(admin_client, services):
    response = admin_client.get(url("list"), {"export": "csv"})
    assert response.status_code == 200
    assert "local-offer-services" in response["Content-Disposition"]
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("Open Referral id,Name,Run by,Status,Areas of need")
    slt = services["slt"]
    row = next(line for line in lines if line.startswith(str(slt.oruk_id)))
    assert "Speech and language therapy,The school,Running,Communication and interaction" in row


def test_create_a_service_for_the_only_site(admin_client, school):
    form = admin_client.get(url("add")).content.decode()
    assert 'name="site"' not in form  # one school: nothing to choose
    assert "Leave empty if the school runs this service itself." in form
    response = admin_client.post(url("add"), new_service_data())
    assert response.status_code == 302, response.context["form"].errors
    service = Service.objects.get(name="Lego club")
    assert service.site == builders.site()
    assert service.provider is None and not service.is_imported
    assert [p.number for p in service.phones.all()] == ["01632 960 001"]
    assert [str(t) for t in service.opening_times.all()] == ["Thursday 12:15pm to 12:55pm"]
    assert service.areas_of_need_text == "Communication and interaction"


def test_the_admin_refuses_ages_the_wrong_way_round(admin_client, school):
    response = admin_client.post(url("add"), new_service_data(minimum_age="11", maximum_age="7"))
    assert response.status_code == 200
    assert "The maximum age must be the same as or above the minimum age." in (
        response.content.decode()
    )
    assert not Service.objects.exists()


def test_with_two_schools_the_site_is_chosen(admin_client, school):
    builders.other_site()
    assert 'name="site"' in admin_client.get(url("add")).content.decode()


def test_a_school_service_is_fully_editable(admin_client, services):
    html = admin_client.get(url("edit", services["slt"].pk)).content.decode()
    assert 'name="name"' in html and 'name="phones-TOTAL_FORMS"' in html


def test_an_imported_service_is_read_only_except_the_schools_note(admin_client, services):
    imported = services["imported"]
    response = admin_client.get(url("edit", imported.pk))
    html = response.content.decode()
    assert "imported from another organisation" in html
    assert 'name="local_notes"' in html
    assert 'name="name"' not in html and 'name="status"' not in html
    assert "Council portage" in html  # shown, read-only

    response = admin_client.post(
        url("edit", imported.pk),
        {
            "local_notes": "Ask the SENCO to refer you.",
            "name": "Hacked",
            "status": "defunct",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302
    imported.refresh_from_db()
    assert imported.local_notes == "Ask the SENCO to refer you."
    assert (imported.name, imported.status) == ("Council portage", "active")


def test_inspect_view(admin_client, services):
    response = admin_client.get(url("inspect", services["slt"].pk))
    assert response.status_code == 200
    assert "Speech and language therapist" in response.content.decode()


def test_services_cannot_be_copied(services):
    # A copy would carry the original's Open Referral id.
    with pytest.raises(NoReverseMatch):
        url("copy", services["slt"].pk)


def test_organisations(admin_client, services):
    response = admin_client.get(reverse(f"{ORGANISATIONS}:list"))
    assert "Westmere CAMHS" in response.content.decode()
    imported = builders.organisation(name="Council SEND team", source="https://council.example")
    edit = reverse(f"{ORGANISATIONS}:edit", args=[imported.pk])
    html = admin_client.get(edit).content.decode()
    assert 'name="kind"' in html and 'name="name"' not in html
    admin_client.post(edit, {"kind": "council", "name": "Changed", "action-publish": "1"})
    imported.refresh_from_db()
    assert (imported.kind, imported.name) == (Organisation.Kind.COUNCIL, "Council SEND team")


def test_the_admin_menu_has_a_local_offer_group(admin_client, school):
    html = admin_client.get("/admin/").content.decode()
    assert "Local Offer" in html
