"""Validation against the Open Referral UK profile's JSON schemas.

The schemas declare no `$schema`; they are written for JSON Schema 2020-12. HSDS's own keys
(`constraints`, `core`, `datapackage_metadata`, `tabular_required`, ...) are not JSON Schema
keywords, and validators ignore unknown keywords, so they act as the annotations they are.
Formats are checked for `uuid` (every id) and `email`; a FormatChecker limited to those
two behaves the same whichever optional format libraries happen to be installed.
"""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).resolve().parent / "oruk_schema"
FORMAT_CHECKER = FormatChecker(formats=("uuid", "email"))


def load(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def registry_for(folder):
    """The entity schemas of `folder` by file name, for `$ref: "taxonomy_term.json"`."""
    resources = [
        (path.name, Resource.from_contents(load(path), default_specification=DRAFT202012))
        for path in sorted(Path(folder).glob("*.json"))
    ]
    return Registry().with_resources(resources)


def validator_for(schema, registry=None):
    kwargs = {"format_checker": FORMAT_CHECKER}
    if registry is not None:
        kwargs["registry"] = registry
    return Draft202012Validator(schema, **kwargs)


@cache
def service_validator():
    """The validator for one fully nested service (`/services/{id}`), which also accepts
    the flatter `/services` list items: no property of the schema is required beyond the
    id, name and status, and none is forbidden."""
    return validator_for(load(SCHEMA_DIR / "compiled" / "service.json"))


def error_path(error):
    """`service_at_locations.0.location.id`: where in a record a validation error is."""
    return ".".join(str(part) for part in error.absolute_path) or "(record)"
