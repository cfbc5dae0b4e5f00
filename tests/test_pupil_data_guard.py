"""The pupil-data guard on every route that writes public words outside pages: the Local
Offer's service and organisation forms and its importer, the school details, the glossary;
the dashboard's check over everything a school publishes; and `manage.py privacy_scan`."""

import copy
import json
import os
import subprocess
import sys
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import SchoolSettings, StandardPage
from home.privacy import NAMED_NEED_KIND
from home.privacy_sources import page_findings, record_sources
from home.publishing import unguarded
from localoffer.models import Organisation, Service
from localoffer.schema import load
from senreport.compliance import evaluate_site
from senreport.models import GlossaryTerm
from tests import factories
from tests.localoffer import builders
from tests.localoffer.test_admin import new_service_data

ROOT = Path(__file__).resolve().parents[1]
SERVICES = "wagtailsnippets_localoffer_service"
ORGANISATIONS = "wagtailsnippets_localoffer_organisation"
GLOSSARY_ADD = "/admin/snippets/senreport/glossaryterm/add/"
NAMED = "Tom in Year 3 has an EHC plan"
WHY_NAMED = "a name with a year group, class or age identifies a child"


def assert_refused(response, field_label, words, why):
    """The form comes back (nothing saved) with a message at the field that names it,
    quotes the words and says why."""
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{field_label} seems to hold personal data about a pupil" in html
    assert f"“{words}”" in html
    assert why in html
    assert "Nothing has been saved." in html


# --- The Local Offer ---------------------------------------------------------------------


@pytest.mark.django_db
def test_the_service_form_refuses_pupil_data(admin_client, school):
    response = admin_client.post(
        reverse(f"{SERVICES}:add"), new_service_data(description=f"{NAMED}.")
    )
    assert_refused(response, "Description", NAMED, WHY_NAMED)
    assert not Service.objects.exists()

    service = builders.service("Lego club")
    data = new_service_data(local_notes="Ask for Jack, Year 5, who is on SEN support.")
    response = admin_client.post(reverse(f"{SERVICES}:edit", args=[service.pk]), data)
    assert_refused(response, "Note from the school", "Jack, Year 5, who is on SEN support", "")
    service.refresh_from_db()
    assert service.local_notes == ""


@pytest.mark.django_db
def test_the_service_form_saves_ordinary_words(admin_client, school):
    data = new_service_data(description="For children aged 7 to 11 with autism, 3 times a year.")
    response = admin_client.post(reverse(f"{SERVICES}:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    assert Service.objects.get().description.startswith("For children aged 7 to 11")


@pytest.mark.django_db
def test_an_imported_services_note_is_checked(admin_client, school):
    imported = builders.service("Council portage", source="https://council.example/oruk")
    response = admin_client.post(
        reverse(f"{SERVICES}:edit", args=[imported.pk]),
        {"local_notes": "Priya (age 4) has Down syndrome."},
    )
    assert_refused(response, "Note from the school", "Priya (age 4) has Down syndrome", "")
    imported.refresh_from_db()
    assert imported.local_notes == ""

    # The council's own words, read-only here, are the importer's to check: a school can
    # still write its note (and the dashboard lists the council's words).
    Service.objects.filter(pk=imported.pk).update(description="Used by one child in Year 2.")
    response = admin_client.post(
        reverse(f"{SERVICES}:edit", args=[imported.pk]),
        {"local_notes": "Ask the SENCO.", "action-publish": "1"},
    )
    assert response.status_code == 302
    imported.refresh_from_db()
    assert imported.local_notes == "Ask the SENCO."


@pytest.mark.django_db
def test_the_organisation_form_refuses_pupil_data(admin_client, school):
    data = {
        "name": "Westmere CAMHS",
        "kind": "nhs",
        "description": "Saw 2 children with ADHD from our school this year.",
        "email": "",
        "website": "",
    }
    response = admin_client.post(reverse(f"{ORGANISATIONS}:add"), data)
    assert_refused(
        response, "Description", "2 children with ADHD", "a count under 5 can be enough"
    )
    assert not Organisation.objects.exists()
    data["description"] = "Mental health support for children and young people."
    assert admin_client.post(reverse(f"{ORGANISATIONS}:add"), data).status_code == 302
    assert Organisation.objects.get().name == "Westmere CAMHS"


@pytest.mark.django_db
def test_an_import_with_pupil_data_is_refused_and_changes_nothing(school, tmp_path):
    example = load(builders.require_oruk() / "examples" / "service_full.json")
    good = copy.deepcopy(example) | {"id": str(uuid.uuid4()), "name": "Good one"}
    bad = copy.deepcopy(example) | {
        "id": str(uuid.uuid4()),
        "name": "Bad one",
        "description": "Run for Leo, aged 9, who has cerebral palsy.",
    }
    path = builders.write_json(tmp_path / "feed.json", builders.services_response(good, bad))
    report = StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("import_openreferral", str(path), stdout=StringIO(), stderr=report)
    assert "1 of 2 records are invalid; nothing was imported" in str(refused.value)
    line = next(line for line in report.getvalue().splitlines() if bad["id"] in line)
    assert f"{bad['id']}: description: Description seems to hold personal data" in line
    assert "“Leo, aged 9, who has cerebral palsy”" in line
    assert not Service.objects.exists() and not Organisation.objects.exists()


# --- School details and the glossary ------------------------------------------------------


def school_details_form(school, **changes):
    data = {
        "school_name": school.school_name,
        "school_type": school.school_type,
        "urn": school.urn,
        "address": school.address,
        "postcode": school.postcode,
        "phone": school.phone,
        "email": school.email,
        "reminders_email": "",
        "headteacher": "Mrs A Patel",
        "chair_of_governors": "",
        "send_governor": "",
        "local_authorities": streamfield([]),
        "sendiass_name": "",
        "sendiass_phone": "",
        "sendiass_email": "",
        "sendiass_url": "",
        "brand_colour": school.brand_colour,
        "accent_colour": school.accent_colour,
    }
    data.update(changes)
    return nested_form_data(data)


@pytest.mark.django_db
def test_the_school_details_form_refuses_pupil_data(admin_client, site, school):
    url = reverse("wagtailsettings:edit", args=["home", "schoolsettings", site.pk])
    response = admin_client.post(
        url, school_details_form(school, send_governor="UPN A801200005001 B801200005001")
    )
    assert_refused(
        response, "SEND governor", "B801200005001", "a Unique Pupil Number belongs to one child"
    )
    assert SchoolSettings.objects.get().send_governor == ""

    response = admin_client.post(url, school_details_form(school, send_governor="Mr B Jones"))
    assert response.status_code == 302
    assert SchoolSettings.objects.get().send_governor == "Mr B Jones"


@pytest.mark.django_db
def test_the_glossary_form_refuses_pupil_data(admin_client):
    data = {
        "term": "Annual review",
        "abbreviation": "",
        "definition": "A yearly meeting, as for Amira (age 7), who has autism.",
    }
    response = admin_client.post(GLOSSARY_ADD, data)
    assert_refused(response, "Definition", "Amira (age 7), who has autism", WHY_NAMED)
    assert not GlossaryTerm.objects.exists()
    data["definition"] = "A yearly meeting to look at an EHC plan."
    assert admin_client.post(GLOSSARY_ADD, data).status_code == 302
    assert GlossaryTerm.objects.get().term == "Annual review"


# --- The dashboard ------------------------------------------------------------------------


def pupil_data_result(site):
    return next(r for r in evaluate_site(site).results if r.check.id == "dp.no_pupil_data")


@pytest.mark.django_db
def test_the_dashboard_check_reads_every_page_and_record(demo):
    assert pupil_data_result(demo).passed

    about = StandardPage.objects.get(slug="about-us")
    about.introduction = "Maisie, born 14 Feb 2017, joined us."
    with unguarded():  # live before the guard existed: the dashboard must still find it
        about.save_revision().publish()
    service = Service.objects.filter(site=demo).order_by("pk").first()
    Service.objects.filter(pk=service.pk).update(local_notes="Only one child uses it.")
    term = GlossaryTerm.objects.order_by("term").first()
    GlossaryTerm.objects.filter(pk=term.pk).update(definition="Like Tom in Year 3, who has ADHD.")
    SchoolSettings.objects.filter(site=demo).update(headteacher="NHS no. 943 476 5919")

    result = pupil_data_result(demo)
    assert result.failed
    assert "seems to be public in 4 place(s)" in result.reason
    about_us = "page “About our school”, Introduction: a date of birth: “born 14 Feb 2017”"
    assert about_us in result.reason
    assert f"Local Offer service “{service.name}”, Note from the school: " in result.reason
    assert "a count under 5 that could identify pupils: “Only one child”" in result.reason
    assert f"glossary term “{term}”, Definition: a named child's needs" in result.reason
    assert "school details “Hollins Brook Primary School”, Headteacher: an NHS number" in (
        result.reason
    )
    assert result.fix_url == reverse("wagtailadmin_pages:edit", args=[about.pk])


@pytest.mark.django_db
def test_a_record_alone_is_fixed_where_it_is_edited(demo, admin_client):
    service = Service.objects.filter(site=demo).order_by("pk").first()
    Service.objects.filter(pk=service.pk).update(description="Ben (Year 6, EHC plan) uses it.")
    result = pupil_data_result(demo)
    assert result.failed
    assert result.fix_url == reverse(f"{SERVICES}:edit", args=[service.pk])
    html = admin_client.get("/admin/").content.decode()
    assert "No identifiable pupil data on the public website" in html
    assert "Ben (Year 6, EHC plan" in html


@pytest.mark.django_db
def test_a_private_or_draft_page_is_not_public(demo):
    about = StandardPage.objects.get(slug="about-us")
    about.introduction = "Tom in Year 3 has an EHC plan."
    about.save_revision()  # a draft: the live page is unchanged
    assert pupil_data_result(demo).passed

    with unguarded():  # live before the guard existed: the dashboard must still find it
        about.save_revision().publish()
    assert pupil_data_result(demo).failed
    # Behind a password, the page is not public: staff-only notes are not the website.
    PageViewRestriction.objects.create(page=about, restriction_type="password", password="x")
    assert pupil_data_result(demo).passed


# --- manage.py privacy_scan ----------------------------------------------------------------


def privacy_scan(*args, stdin=None):
    out = StringIO()
    options = {"stdout": out}
    if stdin is not None:
        options["stdin"] = StringIO(stdin)
    try:
        call_command("privacy_scan", *args, **options)
    except SystemExit as exit_:
        return exit_.code, json.loads(out.getvalue())
    return 0, json.loads(out.getvalue())


FINDING_KEYS = {
    "site",
    "site_name",
    "where",
    "record",
    "record_id",
    "field",
    "phrase",
    "kind",
    "why",
    "admin_url",
}


@pytest.mark.django_db
def test_the_command_scans_every_site(demo):
    call_command("seed_demo", "--schools", "2", stdout=StringIO())
    code, document = privacy_scan()
    assert (code, document["findings"]) == (0, [])
    assert document["scanned"]["sites"] == 2 and document["scanned"]["pages"] > 20

    larkspur = Site.objects.get(hostname="larkspur-hill.localhost")
    service = Service.objects.filter(site=larkspur).order_by("pk").first()
    Service.objects.filter(pk=service.pk).update(description="Used by two children with ADHD.")
    term = GlossaryTerm.objects.order_by("term").first()
    GlossaryTerm.objects.filter(pk=term.pk).update(definition="See UPN A123456789012.")

    code, document = privacy_scan()
    assert code == 1
    findings = document["findings"]
    assert all(set(f) == FINDING_KEYS for f in findings)
    by_where = {f["where"]: f for f in findings}
    assert len(findings) == 2  # the glossary, which every school shows, once
    assert by_where["Local Offer service"] | {"why": ""} == {
        "site": "larkspur-hill.localhost",
        "site_name": larkspur.site_name,
        "where": "Local Offer service",
        "record": service.name,
        "record_id": service.pk,
        "field": "Description",
        "phrase": "two children with ADHD",
        "kind": "a count under 5 that could identify pupils",
        "why": "",
        "admin_url": reverse(f"{SERVICES}:edit", args=[service.pk]),
    }
    glossary = by_where["glossary term"]
    assert (glossary["site"], glossary["phrase"]) == (None, "A123456789012")


def test_the_command_scans_one_text():
    code, document = privacy_scan("--text", "Amira (age 7) has autism")
    assert code == 1
    [finding] = document["findings"]
    assert set(finding) == FINDING_KEYS
    assert (finding["phrase"], finding["kind"]) == ("Amira (age 7) has autism", NAMED_NEED_KIND)
    assert finding["why"].startswith(WHY_NAMED)
    assert privacy_scan("--text", "We meet parents 3 times a year.") == (
        0,
        {"scanned": {"texts": 1}, "findings": []},
    )


def test_the_command_reads_standard_input():
    code, document = privacy_scan("-", stdin="DOB: 03/04/2016\nNHS 943 476 5919")
    assert code == 1
    assert [f["kind"] for f in document["findings"]] == ["a date of birth", "an NHS number"]
    code, document = privacy_scan("--text", "-", stdin="Key Stage 2")
    assert (code, document["findings"]) == (0, [])
    with pytest.raises(CommandError, match="Give - to read the text from standard input"):
        call_command("privacy_scan", "file.txt", stdout=StringIO())


def test_the_command_from_a_shell(tmp_path):
    """The real thing: standard input piped into manage.py, the exit code a script sees."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "schoolsite.settings.test",
        "DATA_DIR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "manage.py", "privacy_scan", "-"]
    found = subprocess.run(
        command, input="one pupil", env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert found.returncode == 1, found.stderr
    assert json.loads(found.stdout)["findings"][0]["phrase"] == "one pupil"
    clean = subprocess.run(
        command, input="Year 3", env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert (clean.returncode, json.loads(clean.stdout)["findings"]) == (0, [])


def test_every_app_registers_its_public_records():
    labels = {source.label: source.model for source in record_sources()}
    assert labels == {
        "school details": SchoolSettings,
        "Local Offer service": Service,
        "Local Offer organisation": Organisation,
        "glossary term": GlossaryTerm,
    }


@pytest.mark.django_db
def test_a_page_is_read_field_by_field(home):
    page = factories.standard_page(introduction="Tom in Year 3 has an EHC plan.")
    [(field, finding)] = page_findings(page)
    assert (field, finding.phrase) == ("Introduction", NAMED)
