"""Many schools in one installation: nothing of one school shows on another's site.

`seed_demo --schools 2` builds Hollins Brook Primary School (the default site, served at
127.0.0.1:8000) and Larkspur Hill School, a special school in another council area
(larkspur-hill.localhost:8000). Every request names its school by its Host header.
"""

import json
import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from demo.schools import HOLLINS_BROOK, LARKSPUR_HILL
from home.models import SchoolSettings, SchoolType
from localoffer.models import Organisation, Service
from senreport.models import GlossaryPage, SENInformationReportPage, SENSupportPage

HOSTS = {
    HOLLINS_BROOK.key: f"{HOLLINS_BROOK.hostname}:{HOLLINS_BROOK.port}",
    LARKSPUR_HILL.key: f"{LARKSPUR_HILL.hostname}:{LARKSPUR_HILL.port}",
}


def identifiers(school):
    """What would give a school away on another school's page."""
    return [
        school.name,
        school.short_name,
        school.senco_name,
        school.phone,
        school.senco_phone,
        school.domain,
        school.council_name,
        school.council_domain,
        school.sendiass_phone,
    ]


def get(client, school, path, **extra):
    return client.get(path, HTTP_HOST=HOSTS[school.key], **extra)


def site_of(school):
    return Site.objects.select_related("root_page").get(hostname=school.hostname, port=school.port)


def live_paths(site):
    """The path of every live page of the site, as that site serves it."""
    pages = site.root_page.get_descendants(inclusive=True).live().specific()
    return [page.relative_url(site) for page in pages]


@pytest.fixture
def two_schools(db):
    call_command("seed_demo", "--schools", "2", stdout=StringIO())
    return site_of(HOLLINS_BROOK), site_of(LARKSPUR_HILL)


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label not in {"sessions", "contenttypes"}
    }


@pytest.mark.django_db
def test_seed_demo_without_the_flag_builds_one_school():
    call_command("seed_demo", stdout=StringIO())
    assert Site.objects.count() == 1
    assert SchoolSettings.objects.get().school_name == HOLLINS_BROOK.name


def test_the_second_school_is_a_special_school_with_its_own_everything(two_schools):
    a, b = two_schools
    assert b.root_url == "http://larkspur-hill.localhost:8000"
    school = SchoolSettings.for_site(b)
    assert (school.school_name, school.school_type) == (LARKSPUR_HILL.name, SchoolType.SPECIAL)
    assert SchoolSettings.for_site(a).school_name == HOLLINS_BROOK.name
    report = SENInformationReportPage.objects.descendant_of(b.root_page).get()
    assert report.senco_name == LARKSPUR_HILL.senco_name
    assert report.complaints_procedure_page.get_site() == b
    # Every pupil of a special school has an EHC plan: no SEN support page there.
    assert not SENSupportPage.objects.descendant_of(b.root_page).exists()
    assert SENSupportPage.objects.descendant_of(a.root_page).exists()
    assert Service.objects.filter(site=b).count() == 10
    assert not Service.objects.filter(site=b, name__contains="Westmere").exists()
    assert set(Organisation.objects.filter(site=b).values_list("name", flat=True)) == {
        name.replace("Westmere", "Eastmoor")
        for name in Organisation.objects.filter(site=a).values_list("name", flat=True)
    }
    # Open Referral ids are the school's own.
    a_ids = set(Service.objects.filter(site=a).values_list("oruk_id", flat=True))
    b_ids = set(Service.objects.filter(site=b).values_list("oruk_id", flat=True))
    assert not a_ids & b_ids


def test_seed_demo_with_two_schools_twice_changes_nothing(two_schools):
    before = row_counts()
    latest_revision = Revision.objects.order_by("-pk").values_list("pk", flat=True).first()
    out = StringIO()
    call_command("seed_demo", "--schools", "2", stdout=out)
    assert row_counts() == before
    assert Revision.objects.order_by("-pk").values_list("pk", flat=True).first() == latest_revision
    assert "up to date" in out.getvalue()


@pytest.mark.parametrize(
    "reader,other", [(HOLLINS_BROOK, LARKSPUR_HILL), (LARKSPUR_HILL, HOLLINS_BROOK)]
)
def test_no_page_of_one_school_shows_anything_of_the_other(two_schools, client, reader, other):
    site = site_of(reader)
    paths = live_paths(site)
    assert len(paths) >= 12
    for path in paths:
        response = get(client, reader, path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert reader.name in html, path
        for words in identifiers(other):
            assert words not in html, (path, words)


@pytest.mark.parametrize("school", [HOLLINS_BROOK, LARKSPUR_HILL])
def test_footer_links_lead_to_the_schools_own_statutory_pages(two_schools, client, school):
    html = get(client, school, "/").content.decode()
    footer = html.split('id="footer-statutory-heading"')[1].split("</nav>")[0]
    links = re.findall(r'href="([^"]+)"', footer)
    assert len(links) >= 5
    for href in links:
        assert href.startswith("/"), href  # the current site's pages, never another host
        page = get(client, school, href)
        assert page.status_code == 200, href
        assert school.name in page.content.decode()


@pytest.mark.parametrize("school", [HOLLINS_BROOK, LARKSPUR_HILL])
def test_glossary_links_point_to_the_schools_own_glossary(two_schools, client, school):
    site = site_of(school)
    glossary = GlossaryPage.objects.descendant_of(site.root_page).get()
    html = get(client, school, "/send/sen-information-report/").content.decode()
    links = set(re.findall(r'class="glossary-link" href="([^"#]+)#', html))
    assert links == {glossary.relative_url(site)}
    page = get(client, school, glossary.relative_url(site)).content.decode()
    assert school.name in page


def test_statutory_pages_apply_each_schools_duties(two_schools, client):
    primary = get(client, HOLLINS_BROOK, "/send/statutory-information/").content.decode()
    special = get(client, LARKSPUR_HILL, "/send/statutory-information/").content.decode()
    senco_row = 'id="item-sirsenco"'
    assert ">Met</strong>" in primary.split(senco_row)[1].split("</tr>")[0]
    # Naming a SENCO is a duty of mainstream schools only.
    assert ">Does not apply</strong>" in special.split(senco_row)[1].split("</tr>")[0]
    assert LARKSPUR_HILL.senco_name not in primary
    assert 'href="/send/sen-information-report/#' in special


@pytest.mark.parametrize(
    "reader,other", [(HOLLINS_BROOK, LARKSPUR_HILL), (LARKSPUR_HILL, HOLLINS_BROOK)]
)
def test_open_referral_feed_lists_only_the_schools_own_services(
    two_schools, client, reader, other
):
    site, other_site = site_of(reader), site_of(other)
    response = get(client, reader, "/openreferral/services", data={"per_page": 200})
    data = json.loads(response.content)
    names = {item["name"] for item in data["contents"]}
    assert names == set(Service.objects.published(site).values_list("name", flat=True))
    ids = {item["id"] for item in data["contents"]}
    other_ids = {
        str(i) for i in Service.objects.filter(site=other_site).values_list("oruk_id", flat=True)
    }
    assert not ids & other_ids
    text = response.content.decode()
    for words in identifiers(other):
        assert words not in text, words
    # Another school's service is not found at this school's address.
    other_service = Service.objects.published(other_site).first()
    missing = get(client, reader, f"/openreferral/services/{other_service.oruk_id}")
    assert missing.status_code == 404


@pytest.mark.parametrize(
    "reader,other", [(HOLLINS_BROOK, LARKSPUR_HILL), (LARKSPUR_HILL, HOLLINS_BROOK)]
)
def test_local_offer_directory_lists_only_the_schools_own_services(
    two_schools, client, reader, other
):
    html = get(client, reader, "/send/local-offer/").content.decode()
    for name in Service.objects.filter(site=site_of(reader)).values_list("name", flat=True):
        assert name.replace("'", "&#x27;") in html
    own = set(Service.objects.filter(site=site_of(reader)).values_list("name", flat=True))
    for name in Service.objects.filter(site=site_of(other)).values_list("name", flat=True):
        if name not in own:
            assert name not in html


def test_a_page_of_another_school_is_not_served_at_this_address(two_schools, client):
    # Larkspur Hill's pages live under its own home page; at Hollins Brook's address the
    # same path finds nothing.
    assert get(client, HOLLINS_BROOK, "/larkspur-hill/").status_code == 404
    b = site_of(LARKSPUR_HILL)
    assert Page.objects.get(pk=b.root_page_id).url_path == "/larkspur-hill/"
