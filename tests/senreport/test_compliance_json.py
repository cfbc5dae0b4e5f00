"""`manage.py compliance`: the school's real address and identifiers, a reason on every
item, and JSON that matches the published schema (docs/compliance.schema.json)."""

import json
from contextlib import suppress
from io import StringIO
from pathlib import Path

import jsonschema
import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from home.models import SchoolSettings

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "compliance.schema.json").read_text()
)


def run(*args):
    out = StringIO()
    with suppress(SystemExit):
        call_command("compliance", *args, stdout=out)
    return out.getvalue()


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.django_db
def test_json_matches_the_schema_and_names_the_school(demo):
    document = json.loads(run("--format", "json"))
    jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(document)
    school = document["schools"][0]
    assert document["format_version"] == "2.0"
    assert school["site"]["urn"] == "199901"
    assert school["site"]["school_name"] == "Hollins Brook Primary School"
    assert school["checklist_version"] == document["checklist_version"]
    assert all(check["reason"].strip() for check in school["checks"])
    counted = sum(sum(school["summary"][level].values()) for level in ("must", "should"))
    assert counted == len(school["checks"])
    musts = [c for c in school["checks"] if c["level"] == "must"]
    assert school["summary"]["must"]["pass"] == sum(c["status"] == "pass" for c in musts)


@pytest.mark.django_db
def test_a_failing_school_still_matches_the_schema(demo):
    settings = SchoolSettings.for_site(demo)
    settings.urn = ""
    settings.save()
    call_command("compliance", "--refresh", "--format", "json", stdout=StringIO())
    document = json.loads(run("--format", "json"))
    jsonschema.validate(document, SCHEMA)
    assert document["schools"][0]["site"]["urn"] is None


@pytest.mark.django_db
def test_links_use_the_sites_own_address(demo):
    Site.objects.filter(pk=demo.pk).update(hostname="www.hollinsbrook.example", port=443)
    document = json.loads(run("--format", "json"))
    school = document["schools"][0]
    assert school["site"]["root_url"] == "https://www.hollinsbrook.example"
    published = [c["public_url"] for c in school["checks"] if c["public_url"]]
    assert published
    assert all(url.startswith("https://www.hollinsbrook.example/") for url in published)
    text = run()
    assert "https://www.hollinsbrook.example/, URN 199901" in text
    assert "Checklist " in text and "must: " in text


@pytest.mark.django_db
def test_the_demo_site_takes_the_port_make_run_serves_on(demo):
    from demo.home import seed_site

    with override_settings(SERVE_HOST="127.0.0.1", SERVE_PORT=8123):
        seed_site(demo, lambda message: None)
    demo.refresh_from_db()
    assert demo.root_url == "http://127.0.0.1:8123"
    demo.hostname, demo.port = "www.hollinsbrook.example", 443
    demo.save()
    with override_settings(SERVE_HOST="127.0.0.1", SERVE_PORT=8124):
        seed_site(demo, lambda message: None)
    demo.refresh_from_db()
    assert demo.hostname == "www.hollinsbrook.example", "a real address is left alone"


@pytest.mark.django_db
def test_ensure_admin_prints_the_served_address_then_the_login(tmp_path):
    out = StringIO()
    with override_settings(SERVE_HOST="localhost", SERVE_PORT=8123, DATA_DIR=tmp_path):
        call_command("ensure_admin", stdout=out)
    lines = out.getvalue().splitlines()
    assert "The site: http://localhost:8123/" in lines
    assert "Log in at http://localhost:8123/admin/" in lines
    assert lines[-2].strip().startswith("username:")
    assert lines[-1].strip().startswith("password:")
