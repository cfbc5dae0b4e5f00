"""Security: escaping of every editor- or import-controlled string, what the public can and
cannot see, CSRF, read-only APIs, security headers, login lockout, passwords and uploads."""

import json
import re
import subprocess
import sys
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from wagtail.models import Collection, PageViewRestriction

from home.models import FeedbackFormPage, SchoolSettings, StandardPage
from localoffer.models import Organisation, Service
from senreport.models import GlossaryTerm, SENDSectionPage, SENInformationReportPage
from tests.localoffer import builders
from tests.senreport.helpers import form_data_for

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
SCRIPT, ATTRIBUTE = PAYLOADS
PUBLIC_URLS = [
    "/",
    "/about-us/",
    "/send/",
    "/send/sen-information-report/",
    "/send/statutory-information/",
    "/send/glossary/",
    "/send/local-offer/",
    "/accessibility/",
    "/feedback/",
]


def shown_escaped(payload):
    """The payload's tags as text, whichever escaping style rendered them."""
    return payload.replace("<", "&lt;").replace(">", "&gt;").split('"')[-1]


def assert_escaped(html, payload=None, where=""):
    """No payload appears unescaped; no script or event-handler attribute was injected."""
    for raw in [payload] if payload else PAYLOADS:
        assert raw not in html, f"{where}: unescaped {raw!r}"
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select("script:not([type='application/json'])") or all(
        "alert(1)" not in (tag.string or "") for tag in soup.find_all("script")
    ), f"{where}: a script ran the payload"
    assert not soup.select("img[onerror]"), f"{where}: an onerror attribute was injected"


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return response.content.decode()


# --- XSS: every string an editor or an import controls is escaped ----------------------


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_page_titles_are_escaped_everywhere_they_appear(demo, client, payload):
    # A title shows in <title>, the heading, the menu, breadcrumbs, the SEND section's
    # list, the footer's statutory links and the statutory-information page.
    for page in (
        StandardPage.objects.get(slug="about-us"),
        SENInformationReportPage.objects.get(),
    ):
        page.title = f"Title {payload}"
        page.seo_title = f"SEO {payload}"
        page.search_description = f"Summary {payload}"
        page.save_revision().publish()
    for url in PUBLIC_URLS:
        html = get_html(client, url)
        assert_escaped(html, payload, url)
    assert shown_escaped(payload) in get_html(client, "/send/")


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_rich_text_from_the_editor_is_escaped(demo, admin_client, client, payload):
    """Typed into the admin's rich text editor (Draftail), the payload is text, not HTML."""
    report = SENInformationReportPage.objects.get()
    contentstate = {
        "blocks": [
            {
                "key": "abcde",
                "text": f"Welcome {payload}",
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
                "data": {},
            }
        ],
        "entityMap": {},
    }
    data = form_data_for(report)
    data["introduction"] = json.dumps(contentstate)
    data["action-publish"] = "action-publish"
    response = admin_client.post(f"/admin/pages/{report.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    html = get_html(client, "/send/sen-information-report/")
    assert "Welcome " in html
    assert_escaped(html, payload, "report introduction")


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_glossary_terms_are_escaped(demo, client, payload):
    # SENCO appears in the report, so its definition becomes the <abbr title> there.
    term = GlossaryTerm.objects.get(abbreviation="SENCO")
    term.term = f"Special {payload}"
    term.definition = f"Definition {payload}"
    term.save()
    GlossaryTerm.objects.create(term=f"New {payload}", abbreviation="", definition=payload)
    for url in ("/send/glossary/", "/send/sen-information-report/", "/send/sen-support/"):
        assert_escaped(get_html(client, url), payload, url)
    assert shown_escaped(payload) in get_html(client, "/send/glossary/")


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_services_and_organisations_are_escaped(demo, client, payload):
    provider = builders.organisation(name=f"Org {payload}", description=payload)
    builders.rich_service(
        name=f"Service {payload}",
        description=f"Description {payload}",
        provider=provider,
        contact_name=payload,
        fees=payload,
        languages=f"English, {payload}",
        schedule=payload,
        accessibility=payload,
        local_notes=payload,
    )
    assert_escaped(get_html(client, "/send/local-offer/"), payload, "directory")
    feed = client.get("/openreferral/services")
    assert feed["Content-Type"] == "application/json"
    assert any(item["name"] == f"Service {payload}" for item in feed.json()["contents"])


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_school_details_are_escaped(demo, client, payload):
    school = SchoolSettings.objects.get()
    for name in (
        "school_name",
        "address",
        "phone",
        "urn",
        "sendiass_name",
        "sendiass_phone",
        "headteacher",
        "send_governor",
    ):
        setattr(school, name, payload[: school._meta.get_field(name).max_length or None])
    school.school_name = f"School {payload}"
    school.save()
    for url in PUBLIC_URLS:
        assert_escaped(get_html(client, url), where=url)


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_imported_open_referral_data_is_escaped(demo, client, tmp_path, payload):
    example = json.loads(
        (builders.require_oruk() / "examples" / "service_full.json").read_text(encoding="utf-8")
    )
    example["name"] = f"Imported {payload}"
    example["description"] = f"Imported description {payload}"
    example["organization"]["name"] = f"Council {payload}"
    path = builders.write_json(tmp_path / "feed.json", builders.services_response(example))
    call_command("import_openreferral", str(path), stdout=StringIO(), stderr=StringIO())
    assert Service.objects.filter(name=f"Imported {payload}").exists()
    assert Organisation.objects.filter(name=f"Council {payload}").exists()
    html = get_html(client, "/send/local-offer/?status=all")
    assert "Imported " in html
    assert_escaped(html, payload, "imported service")


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_feedback_is_escaped_in_the_admin(demo, client, admin_client, payload):
    form = BeautifulSoup(get_html(client, "/feedback/"), "html.parser").find(
        "form", attrs={"method": "post"}
    )
    data = {}
    for field in form.find_all(["input", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") == "submit":
            continue
        data[name] = field.get("value", "")
        if field.name == "textarea" or field.get("type") == "text":
            data[name] = f"Answer {payload}"
    data["hp__website"] = ""
    assert client.post("/feedback/", data).status_code == 200
    page = FeedbackFormPage.objects.get()
    html = admin_client.get(f"/admin/forms/submissions/{page.pk}/").content.decode()
    assert shown_escaped(payload) in html
    assert_escaped(html, payload, "submissions listing")


# --- What the public cannot see -----------------------------------------------------------


@pytest.mark.django_db
def test_a_draft_never_published_is_not_public(demo, client):
    section = SENDSectionPage.objects.get()
    draft = StandardPage(title="Secret draft", slug="secret-draft", live=False)
    section.add_child(instance=draft)
    draft.save_revision()
    assert client.get("/send/secret-draft/").status_code == 404
    assert "Secret draft" not in get_html(client, "/send/")


@pytest.mark.django_db
def test_unpublished_changes_stay_private(demo, client, settings):
    settings.PAGE_CACHE_ENABLED = True
    report = SENInformationReportPage.objects.get()
    get_html(client, "/send/sen-information-report/")  # cached, as a parent would see it
    report.introduction = "<p>Not approved yet</p>"
    report.save_revision()  # a draft: saved, not published
    assert "Not approved yet" not in get_html(client, "/send/sen-information-report/")


@pytest.mark.django_db
def test_an_unpublished_page_disappears(demo, client, settings):
    settings.PAGE_CACHE_ENABLED = True
    get_html(client, "/about-us/")
    StandardPage.objects.get(slug="about-us").unpublish()
    assert client.get("/about-us/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("view", ["edit/preview/", "view_draft/", "edit/"])
def test_previews_and_drafts_need_a_login(demo, client, view):
    report = SENInformationReportPage.objects.get()
    response = client.get(f"/admin/pages/{report.pk}/{view}")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_a_private_page_is_not_shown_nor_cached(demo, client, settings):
    settings.PAGE_CACHE_ENABLED = True
    page = StandardPage.objects.get(slug="about-us")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        response = client.get("/about-us/")
        assert response.status_code == 302
        assert "/login" in response["Location"]
        assert response.get("X-Page-Cache") is None
    assert "About us" not in [
        a.get_text()
        for a in BeautifulSoup(get_html(client, "/"), "html.parser").select(".site-nav a")
    ]


@pytest.mark.django_db
def test_page_privacy_offers_no_shared_password(demo, admin_client):
    page = StandardPage.objects.get(slug="about-us")
    html = admin_client.get(f"/admin/pages/{page.pk}/privacy/").json()["html"]
    assert 'value="login"' in html
    assert 'value="password"' not in html
    collection = Collection.get_first_root_node()
    html = admin_client.get(f"/admin/collections/{collection.pk}/privacy/").json()["html"]
    assert 'value="login"' in html
    assert 'value="password"' not in html


# --- CSRF and read-only APIs --------------------------------------------------------------


@pytest.mark.django_db
def test_the_feedback_form_needs_its_csrf_token(demo):
    client = Client(enforce_csrf_checks=True)
    form = BeautifulSoup(get_html(client, "/feedback/"), "html.parser").find(
        "form", attrs={"method": "post"}
    )
    data = {f.get("name"): f.get("value", "") for f in form.find_all("input") if f.get("name")}
    data[form.find("textarea").get("name")] = "The map link is broken."
    data["hp__website"] = ""
    without_token = {k: v for k, v in data.items() if k != "csrfmiddlewaretoken"}
    assert Client(enforce_csrf_checks=True).post("/feedback/", without_token).status_code == 403
    assert client.post("/feedback/", without_token).status_code == 403
    response = client.post("/feedback/", data)
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()


@pytest.mark.django_db
def test_the_admin_login_needs_its_csrf_token(admin_user):
    client = Client(enforce_csrf_checks=True)
    data = {"username": "admin", "password": "password", "next": "/admin/"}
    assert client.post("/admin/login/", data).status_code == 403
    page = client.get("/admin/login/").content.decode()
    data["csrfmiddlewaretoken"] = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    assert client.post("/admin/login/", data).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize(
    "path", ["/openreferral/", "/openreferral/services", "/openreferral/taxonomies"]
)
def test_the_open_referral_api_refuses_writes(demo, client, method, path):
    response = getattr(client, method)(path, data="{}", content_type="application/json")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_one_service_refuses_writes(demo, client, method):
    service = Service.objects.filter(source="").first()
    response = getattr(client, method)(f"/openreferral/services/{service.oruk_id}")
    assert response.status_code == 405
    assert Service.objects.filter(pk=service.pk).exists()


# --- Headers ------------------------------------------------------------------------------


def csp_directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_have_a_nonce_based_policy(demo, client, url):
    response = client.get(url)
    policy = csp_directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["style-src"]
    nonce = next(v for v in policy["script-src"] if v.startswith("'nonce-"))[7:-1]
    assert f'nonce="{nonce}"' in response.content.decode()
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_each_response_has_its_own_nonce_even_from_the_cache(demo, client, settings):
    settings.PAGE_CACHE_ENABLED = True
    nonces = []
    for _ in range(3):
        response = client.get("/send/")
        header = response["Content-Security-Policy"]
        nonce = re.search(r"'nonce-([^']+)'", header).group(1)
        assert f'nonce="{nonce}"' in response.content.decode()
        nonces.append(nonce)
    assert response["X-Page-Cache"] == "hit"
    assert len(set(nonces)) == 3


@pytest.mark.django_db
def test_editors_get_the_looser_policy_for_the_userbar(demo, admin_client):
    for url in ("/admin/", "/send/"):
        policy = csp_directives(admin_client.get(url)["Content-Security-Policy"])
        assert "'unsafe-inline'" in policy["script-src"]
        assert not any(v.startswith("'nonce-") for v in policy["script-src"])
        assert policy["frame-ancestors"] == ["'self'"]


def test_production_settings_pass_the_deploy_check():
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "schoolsite.settings.production",
        "SECRET_KEY": "a-test-secret-key-that-is-long-enough-for-the-deploy-check-0123456789",
        "ALLOWED_HOSTS": "school.example",
        "WAGTAILADMIN_BASE_URL": "https://school.example",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


# Refusing to start without SECRET_KEY: tests/home/test_commands.py.


# --- Admin login: lockout, passwords, uploads ---------------------------------------------


@pytest.fixture
def axes(settings, django_user_model, db):
    settings.AXES_ENABLED = True
    django_user_model.objects.create_superuser(
        username="office", email="office@example.com", password="the-right-password-123"
    )


def sign_in(client, password, username="office", address="192.0.2.10"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def test_five_failures_lock_the_username_at_that_address(axes, client):
    for _ in range(4):
        response = sign_in(client, "wrong-password")
        assert response.status_code == 200
        assert "Your username and password didn" in response.content.decode()
    response = sign_in(client, "wrong-password")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Sign-in is locked for 30 minutes" in html
    assert "5 unsuccessful attempts" in html
    # Locked even with the right password, from that address.
    assert sign_in(client, "the-right-password-123").status_code == 429
    # Another address, or another username, is not locked.
    assert sign_in(Client(), "the-right-password-123", address="192.0.2.99").status_code == 302
    assert sign_in(Client(), "wrong", username="someone-else").status_code == 200


def test_a_successful_sign_in_clears_the_count(axes, client):
    for _ in range(4):
        sign_in(client, "wrong-password")
    assert sign_in(client, "the-right-password-123").status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "wrong-password").status_code == 200


def test_the_client_address_comes_from_the_trusted_proxy(settings, rf):
    from home.ratelimit import client_ip

    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7"  # not the client-written 6.6.6.6


def test_passwords_need_at_least_12_characters(db):
    with pytest.raises(ValidationError, match="at least 12 characters"):
        validate_password("Tr1cky-pw!")
    validate_password("a long enough passphrase")


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["script.html", "tool.exe", "drawing.svg", "page.js"])
def test_documents_of_other_kinds_are_refused(admin_client, name):
    upload = SimpleUploadedFile(name, b"<script>alert(1)</script>")
    response = admin_client.post(
        "/admin/documents/add/", {"title": name, "file": upload, "collection": 1}
    )
    assert response.status_code == 200
    assert "is not allowed. Allowed extensions are: csv, docx" in response.content.decode()


@pytest.mark.django_db
def test_documents_over_the_size_limit_are_refused(admin_client, settings):
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.4 " + b"x" * 2048)
    response = admin_client.post(
        "/admin/documents/add/", {"title": "Big", "file": upload, "collection": 1}
    )
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    small = SimpleUploadedFile("policy.pdf", b"%PDF-1.4 small")
    response = admin_client.post(
        "/admin/documents/add/", {"title": "Policy", "file": small, "collection": 1}
    )
    assert response.status_code == 302
