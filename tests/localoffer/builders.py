"""Small builders for Local Offer test data, and the official ORUK schemas to check against."""

import json
import os
from datetime import date, time
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Page, Site

from home.models import HomePage
from localoffer.models import (
    LocalOfferPage,
    Organisation,
    Service,
    ServiceOpeningTime,
    ServicePhone,
    TaxonomyTerm,
)
from localoffer.schema import load, registry_for, validator_for
from senreport.models import SENDSectionPage
from tests import factories


def oruk_dir():
    """The reference copy of Open Referral UK beside the project (present in CI)."""
    return Path(
        os.environ.get("ORUK_SPEC_DIR", settings.BASE_DIR.parent / "shared" / "openreferral-uk")
    )


def require_oruk():
    folder = oruk_dir()
    if not (folder / "schema" / "compiled" / "service.json").exists():
        message = f"The Open Referral UK reference files are not at {folder}"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return folder


class OfficialSchemas:
    """Validators for each endpoint's output, built from the official schema files."""

    def __init__(self):
        folder = require_oruk()
        self.folder = folder
        self.registry = registry_for(folder / "schema")
        self.openapi = load(folder / "openapi30.json")

    def validator(self, relative):
        return validator_for(load(self.folder / "schema" / relative), registry=self.registry)

    def errors(self, relative, instance):
        validator = self.validator(relative)
        return [
            f"{'.'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
            for error in validator.iter_errors(instance)
        ]

    def page_errors(self, envelope, item_schema):
        """The paginated envelope (openapi components.schemas.Page) and each item."""
        page_schema = self.openapi["components"]["schemas"]["Page"]
        problems = [
            f"envelope: {error.message}"
            for error in validator_for(page_schema).iter_errors(envelope)
        ]
        for key in page_schema["properties"]:
            if key not in envelope:
                problems.append(f"envelope: '{key}' is missing")
        for index, item in enumerate(envelope.get("contents", [])):
            problems += [f"contents.{index}.{p}" for p in self.errors(item_schema, item)]
        return problems


def areas():
    return {term.slug: term for term in TaxonomyTerm.objects.areas_of_need()}


def site():
    return factories.default_site()


def other_site():
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Other School", slug="other-school"))
    return Site.objects.create(hostname="other.example", port=80, root_page=home)


def organisation(**fields):
    fields.setdefault("site", site())
    fields.setdefault("name", "Westmere CAMHS")
    fields.setdefault("kind", Organisation.Kind.NHS)
    fields.setdefault("description", "Children's mental health services.")
    return Organisation.objects.create(**fields)


def service(name="Speech and language therapy", needs=(), phones=(), times=(), **fields):
    fields.setdefault("site", site())
    fields.setdefault("description", f"{name}: what it does.")
    service = Service(name=name, **fields)
    service.phones = [ServicePhone(number=number, description=label) for number, label in phones]
    service.opening_times = [
        ServiceOpeningTime(weekday=day, opens_at=opens, closes_at=closes)
        for day, opens, closes in times
    ]
    if needs:
        terms = areas()
        service.taxonomy_terms.set([terms[slug] for slug in needs])
    service.save()
    return service


def rich_service(**fields):
    """A service with every field filled in, at the school."""
    defaults = {
        "status": Service.Status.ACTIVE,
        "url": "https://therapy.example/slt",
        "email": "slt@therapy.example",
        "contact_name": "Hannah Doyle",
        "contact_title": "Speech and language therapist",
        "minimum_age": 4,
        "maximum_age": 11,
        "fees": "Free",
        "languages": "English, Polish",
        "schedule": "Alternate Tuesdays in term time.",
        "location": Service.Where.SCHOOL,
        "accessibility": "Therapy room on the ground floor.",
        "assured_date": date(2026, 9, 15),
        "assurer_email": "office@testvalley.example",
    }
    defaults.update(fields)
    return service(
        needs=("communication-and-interaction",),
        phones=[("01632 960 471", "Referrals")],
        times=[("TU", time(9, 0), time(15, 0))],
        **defaults,
    )


def send_section():
    existing = SENDSectionPage.objects.first()
    if existing:
        return existing
    return factories.publish_child(
        factories.home_page(), SENDSectionPage(title="SEND", slug="send")
    )


def offer_page(**fields):
    fields.setdefault("title", "Local Offer")
    fields.setdefault("slug", "local-offer")
    fields.setdefault("body", "<p>We adapt teaching for every child.</p>")
    return factories.publish_child(send_section(), LocalOfferPage(**fields))


def services_response(*records, **envelope):
    """A /services response around the given records."""
    data = {
        "total_items": len(records),
        "total_pages": 1,
        "page_number": 1,
        "size": len(records),
        "first_page": True,
        "last_page": True,
        "empty": not records,
        "contents": list(records),
    }
    data.update(envelope)
    return data


def write_json(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
