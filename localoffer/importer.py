"""Importing services from an Open Referral UK feed (a council's Local Offer) or a file.

The steps, each refusing cleanly before anything is written:

1. read: a file holding a `/services` response, or a feed's base URL whose `/services`
   pages are followed (and each service's full `/services/{id}` record fetched);
2. validate every record: the profile's compiled `service.json` schema (with `uuid` and
   `email` formats checked), then what this site needs to store it (an organisation,
   readable dates and times, ages in range, field lengths, URLs);
3. upsert by id into the given site's records, a batch of services to a transaction (so
   a long import never holds the database for long).

Any invalid record refuses the whole import unless the caller asks to skip invalid
records. Imported services keep their source and a fingerprint of what was imported, so
a second run of the same feed reports them unchanged and writes nothing.
"""

import hashlib
import json
import logging
import math
import re
import sys
import urllib.parse
import uuid
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from .fetch import FetchError, fetch
from .models import (
    MAX_AGE,
    Organisation,
    Service,
    ServiceOpeningTime,
    ServicePhone,
    Taxonomy,
    TaxonomyTerm,
    Weekday,
)
from .schema import error_path, service_validator

logger = logging.getLogger(__name__)

MAX_PAGES = 10_000
# No Open Referral record nests more than about a dozen levels (a service's location's
# address's field); anything far deeper is an attack on the validator's recursion.
MAX_DEPTH = 32
# Links shown to parents: web addresses only (the models' URL fields also allow ftp).
WEB_ADDRESS = URLValidator(schemes=["http", "https"])
DEFAULT_PER_PAGE = 100
MAX_MESSAGE = 200
WEEKDAYS = {choice.value for choice in Weekday}
TIME_PATTERN = re.compile(
    r"^(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$"
)


class FeedError(Exception):
    """The source could not be read, or does not hold a `/services` response."""


@dataclass(frozen=True)
class Problem:
    """One reason a record cannot be imported: which record, which field, what is wrong."""

    record: str
    field: str
    message: str

    def __str__(self):
        return f"{self.record}: {self.field}: {self.message}"


class ImportRefused(Exception):
    def __init__(self, problems, total):
        self.problems = problems
        self.total = total
        records = len({problem.record for problem in problems})
        super().__init__(f"{records} of {total} records are invalid; nothing was imported.")


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    problems: list = field(default_factory=list)

    def summary(self):
        return (
            f"{self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.skipped} skipped"
        )


# Reading ---------------------------------------------------------------------------------


def is_url(source):
    return urllib.parse.urlsplit(source).scheme in ("http", "https")


def _parse_json(text, where):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FeedError(
            f"{where} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."
        ) from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise FeedError(f"{where} is not valid JSON: {exc}.") from None
    except RecursionError:
        # Python's reader gives up at about a thousand levels; no feed nests like that.
        raise FeedError(
            f"{where} nests lists or objects too deeply to read (hundreds of levels)."
        ) from None


def services_in(response, where):
    """The records of a `/services` response, or FeedError if it is some other shape."""
    if not isinstance(response, dict) or not isinstance(response.get("contents"), list):
        raise FeedError(
            f"{where} is not a /services response: expected a JSON object with a "
            "'contents' list of services."
        )
    return response["contents"]


def read_file(path):
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FeedError(f"Could not read {path}: {exc}") from None
    return services_in(_parse_json(text, path), path)


def fetch_json(url):
    """The JSON at `url`, fetched within localoffer.fetch's limits; FeedError else."""
    try:
        body = fetch(url)
    except FetchError as exc:
        raise FeedError(str(exc)) from None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise FeedError(f"{url} did not send UTF-8 text.") from None
    return _parse_json(text, url)


def feed_base(url):
    """The feed's base URL, whether given as the base or as its `/services` address."""
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")
    if path.endswith("/services"):
        path = path[: -len("/services")]
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _bar(progress, **kwargs):
    # progress None: a bar only on a terminal; True or False: always or never.
    disable = None if progress is None else not progress
    return tqdm(disable=disable, file=sys.stderr, leave=False, **kwargs)


def fetch_feed(url, per_page=DEFAULT_PER_PAGE, details=True, progress=None):
    """Every service of the feed at `url`: its `/services` pages, then (with `details`)
    each service's full record from `/services/{id}`."""
    base = feed_base(url)

    def page_url(number):
        query = urllib.parse.urlencode({"page": number, "per_page": per_page})
        return f"{base}/services?{query}"

    first = fetch_json(page_url(1))
    records = list(services_in(first, page_url(1)))
    total_pages = first.get("total_pages")
    total_pages = min(total_pages, MAX_PAGES) if isinstance(total_pages, int) else 1
    total_items = first.get("total_items")
    with _bar(
        progress,
        total=total_items if isinstance(total_items, int) else None,
        desc="Reading the list",
        unit="service",
    ) as bar:
        bar.update(len(records))
        for number in range(2, total_pages + 1):
            contents = services_in(fetch_json(page_url(number)), page_url(number))
            if not contents:
                break
            records.extend(contents)
            bar.update(len(contents))
    if not details:
        return records
    full_records = []
    with _bar(progress, total=len(records), desc="Fetching services", unit="service") as bar:
        for record in records:
            record_id = record.get("id") if isinstance(record, dict) else None
            if isinstance(record_id, str) and _is_uuid(record_id):
                full = fetch_json(f"{base}/services/{urllib.parse.quote(record_id)}")
                full_records.append(full if isinstance(full, dict) else record)
            else:
                full_records.append(record)  # validation will name what is wrong with it
            bar.update(1)
    return full_records


def load(source, per_page=DEFAULT_PER_PAGE, details=True, progress=None):
    if is_url(source):
        return fetch_feed(source, per_page=per_page, details=details, progress=progress)
    return read_file(source)


# Mapping one ORUK record onto this site's models -------------------------------------------


class FieldProblem(Exception):
    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass
class MappedService:
    """One valid record, as the values this site stores."""

    oruk_id: uuid.UUID
    service: dict
    organisation: dict
    phones: list
    opening_times: list
    terms: list

    def fingerprint(self):
        data = json.dumps(asdict(self), sort_keys=True, default=str)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()


def hostile_values(record):
    """(field, problem) for what JSON allows but no record may hold: NaN or Infinity, NUL
    characters (PostgreSQL cannot store them) and nesting deeper than MAX_DEPTH. Walked
    without recursion, so no depth of nesting can exhaust Python's stack."""
    stack = [((), record)]
    while stack:
        path, value = stack.pop()
        where = ".".join(str(part) for part in path) or "(record)"
        if len(path) > MAX_DEPTH:
            yield where, f"is nested more than {MAX_DEPTH} levels deep, which no service needs"
        elif isinstance(value, float) and not math.isfinite(value):
            yield where, "is NaN or Infinity, not a number: send a number or leave it out"
        elif isinstance(value, str) and "\x00" in value:
            yield where, "contains a NUL character (an invisible control code), which is refused"
        elif isinstance(value, dict):
            for key, item in value.items():
                if "\x00" in key:
                    yield where, "has a field name with a NUL character (an invisible code)"
                    continue
                stack.append(((*path, key), item))
        elif isinstance(value, list):
            stack.extend(((*path, index), item) for index, item in enumerate(value))


def printable(text):
    """A record's id as it can be shown: control characters written as escapes."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def _is_uuid(value):
    try:
        uuid.UUID(value)
    except (TypeError, ValueError, AttributeError):
        return False
    return True


def _text(value):
    return value.strip() if isinstance(value, str) else ""


def _age(record, name):
    value = record.get(name)
    if value is None:
        return None
    if value < 0 or value > MAX_AGE:
        raise FieldProblem(name, f"must be between 0 and {MAX_AGE} years")
    # Whole years: round a minimum down and a maximum up, so no child is left out.
    return math.floor(value) if name == "minimum_age" else math.ceil(value)


def _date(record, name):
    value = _text(record.get(name))
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        raise FieldProblem(name, f"'{value}' is not a date (YYYY-MM-DD)") from None


def _time(value, where):
    match = TIME_PATTERN.match(_text(value))
    if not match:
        raise FieldProblem(where, f"'{value}' is not a time (HH:MM)")
    try:
        return time(int(match["h"]), int(match["m"]), int(match["s"] or 0))
    except ValueError:
        raise FieldProblem(where, f"'{value}' is not a time (HH:MM)") from None


def _fees(record):
    fees = _text(record.get("fees"))
    if fees:
        return fees
    lines = []
    for option in record.get("cost_options") or []:
        parts = [_text(option.get("option"))]
        amount = option.get("amount")
        if amount is not None:
            parts.append(f"£{amount:g}")
        parts.append(_text(option.get("amount_description")))
        lines.append(" ".join(part for part in parts if part))
    return "\n".join(line for line in lines if line)


def _schedules(record, service_id):
    """(text, opening times): weekly day-and-time schedules become opening times; every
    other schedule, and every description or note, becomes text."""
    texts, slots = [], []
    for index, schedule in enumerate(record.get("schedules") or []):
        where = f"schedules.{index}"
        for key in ("description", "notes", "attending_type"):
            text = _text(schedule.get(key))
            if text and text not in texts:
                texts.append(text)
        days = [day.strip() for day in _text(schedule.get("byday")).split(",") if day.strip()]
        weekly = schedule.get("freq") in (None, "WEEKLY") and schedule.get("interval") in (
            None,
            1,
        )
        if not (weekly and days and schedule.get("opens_at") and schedule.get("closes_at")):
            continue
        if not set(days) <= WEEKDAYS:
            raise FieldProblem(f"{where}.byday", "must be days such as MO,TU for a weekly time")
        opens = _time(schedule["opens_at"], f"{where}.opens_at")
        closes = _time(schedule["closes_at"], f"{where}.closes_at")
        if opens >= closes:
            raise FieldProblem(f"{where}.closes_at", "must be after opens_at")
        schedule_id = schedule["id"]
        for day in days:
            slots.append(
                {
                    "oruk_id": uuid.uuid5(uuid.UUID(schedule_id), day),
                    "weekday": day,
                    "opens_at": opens,
                    "closes_at": closes,
                }
            )
    return "\n".join(texts), slots


def _runs_until(record):
    """The service's last day: the last `valid_to` of its schedules, when every schedule
    has one (a schedule without one runs on)."""
    days = []
    for index, schedule in enumerate(record.get("schedules") or []):
        if not _text(schedule.get("valid_to")):
            return None
        try:
            days.append(_date(schedule, "valid_to"))
        except FieldProblem as problem:
            raise FieldProblem(f"schedules.{index}.valid_to", problem.message) from None
    return max(days) if days else None


def _phones(record, service_id):
    phones, seen = [], set()
    sources = [record.get("phones") or []] + [
        contact.get("phones") or [] for contact in record.get("contacts") or []
    ]
    for source in sources:
        if not isinstance(source, list):
            continue
        for phone in source:
            number = _text(phone.get("number")) if isinstance(phone, dict) else ""
            if not number:
                continue
            raw_id = phone.get("id")
            phone_id = (
                uuid.UUID(raw_id)
                if _is_uuid(raw_id)
                else uuid.uuid5(service_id, f"phone:{number}")
            )
            if phone_id in seen:
                continue
            seen.add(phone_id)
            phones.append(
                {
                    "oruk_id": phone_id,
                    "number": number,
                    "description": _text(phone.get("description")),
                }
            )
    return phones


def _location(record, service_id):
    """The first location of the record (this site keeps one per service)."""
    fields = {
        "location": Service.Where.ELSEWHERE,
        "location_name": "",
        "address": "",
        "postcode": "",
        "accessibility": "",
        "location_oruk_id": uuid.uuid5(service_id, "location"),
        "service_at_location_oruk_id": uuid.uuid5(service_id, "service_at_location"),
    }
    for link in record.get("service_at_locations") or []:
        location = link.get("location")
        if not isinstance(location, dict):
            continue
        fields["location_oruk_id"] = uuid.UUID(location["id"])
        fields["service_at_location_oruk_id"] = uuid.UUID(link["id"])
        fields["accessibility"] = "\n".join(
            text
            for entry in location.get("accessibility") or []
            for text in (_text(entry.get("description")), _text(entry.get("details")))
            if text
        )
        if location.get("location_type") == "virtual":
            fields["location"] = Service.Where.ONLINE
            return fields
        address = (location.get("addresses") or [{}])[0]
        lines = []
        for key in ("address_1", "city", "state_province"):
            line = _text(address.get(key))
            if line and line not in lines:
                lines.append(line)
        fields["location_name"] = _text(location.get("name"))
        fields["address"] = "\n".join(lines)
        fields["postcode"] = _text(address.get("postal_code"))
        return fields
    return fields


def web_address_problem(value, max_length):
    """Why `value` cannot be stored as a link parents may follow, or ''."""
    if len(value) > max_length:
        return f"is longer than {max_length} characters"
    try:
        WEB_ADDRESS(value)
    except ValidationError:
        return f"'{value[:100]}' is not a web address starting with http:// or https://"
    return ""


def _terms(record):
    terms = []
    for index, attribute in enumerate(record.get("attributes") or []):
        term = attribute.get("taxonomy_term")
        if isinstance(term, dict):
            where = f"attributes.{index}.taxonomy_term"
            values = {
                "oruk_id": uuid.UUID(term["id"]),
                "name": _text(term.get("name")),
                "description": _text(term.get("description")),
                "term_uri": _text(term.get("term_uri")),
                "taxonomy_oruk_id": term.get("taxonomy_id"),
                "taxonomy_name": _text(term.get("taxonomy")),
            }
            for key, name in (("name", "name"), ("taxonomy_name", "taxonomy")):
                if len(values[key]) > 255:
                    raise FieldProblem(f"{where}.{name}", "is longer than 255 characters")
            problem = values["term_uri"] and web_address_problem(values["term_uri"], 500)
            if problem:
                raise FieldProblem(f"{where}.term_uri", problem)
            terms.append(values)
        elif _is_uuid(attribute.get("taxonomy_term_id")):
            terms.append({"oruk_id": uuid.UUID(attribute["taxonomy_term_id"]), "name": ""})
    return sorted(terms, key=lambda term: str(term["oruk_id"]))


def map_record(record):
    """The values this site stores for one schema-valid record, or FieldProblem."""
    service_id = uuid.UUID(record["id"])
    org = record.get("organization")
    if not isinstance(org, dict):
        raise FieldProblem("organization", "is missing: an imported service must say who runs it")
    contact = next(
        (c for c in record.get("contacts") or [] if c.get("name") or c.get("title")), {}
    )
    schedule_text, opening_times = _schedules(record, service_id)
    languages = [_text(lang.get("name")) for lang in record.get("languages") or []]
    service = {
        "name": _text(record.get("name")),
        "description": _text(record.get("description")),
        "status": record["status"],
        "url": _text(record.get("url")),
        "email": _text(record.get("email")),
        "contact_name": _text(contact.get("name")),
        "contact_title": _text(contact.get("title")),
        "minimum_age": _age(record, "minimum_age"),
        "maximum_age": _age(record, "maximum_age"),
        "fees": _fees(record),
        "languages": ", ".join(name for name in languages if name),
        "schedule": schedule_text,
        "runs_until": _runs_until(record),
        "assured_date": _date(record, "assured_date"),
        "assurer_email": _text(record.get("assurer_email")),
    }
    service.update(_location(record, service_id))
    organisation = {
        "oruk_id": uuid.UUID(org["id"]),
        "name": _text(org.get("name")),
        "description": _text(org.get("description")),
        "email": _text(org.get("email")),
        "website": _text(org.get("website")),
    }
    return MappedService(
        oruk_id=service_id,
        service=service,
        organisation=organisation,
        phones=_phones(record, service_id),
        opening_times=opening_times,
        terms=_terms(record),
    )


# Where a model field's value came from, to name the field of the record in a problem.
SERVICE_FIELD_PATHS = {
    "contact_name": "contacts.0.name",
    "contact_title": "contacts.0.title",
    "schedule": "schedules",
    "location_name": "service_at_locations.0.location.name",
    "address": "service_at_locations.0.location.addresses.0",
    "postcode": "service_at_locations.0.location.addresses.0.postal_code",
    "accessibility": "service_at_locations.0.location.accessibility",
}


def _model_problems(instance, exclude, path_of):
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        return [
            (path_of(name), message)
            for name, messages in exc.message_dict.items()
            for message in messages
        ]
    return []


def check_models(mapped):
    """What this site's models would refuse: lengths, URLs, e-mail addresses, age order."""
    problems = _model_problems(
        Service(**mapped.service),
        ["site", "provider", "taxonomy_terms"],
        lambda name: (
            "(record)" if name == NON_FIELD_ERRORS else SERVICE_FIELD_PATHS.get(name, name)
        ),
    )
    problems += _model_problems(
        Organisation(**mapped.organisation), ["site"], lambda name: f"organization.{name}"
    )
    for index, phone in enumerate(mapped.phones):
        problems += _model_problems(
            ServicePhone(**phone), ["service"], lambda name, i=index: f"phones.{i}.{name}"
        )
    for name, value in (
        ("url", mapped.service["url"]),
        ("organization.website", mapped.organisation["website"]),
    ):
        problem = value and web_address_problem(value, 500)
        if problem and not any(path == name for path, _ in problems):
            problems.append((name, problem))
    return problems


def validate(site, records):
    """(mapped valid records, problems): every record checked, nothing written."""
    validator = service_validator()
    local_ids = set(Service.objects.filter(site=site, source="").values_list("oruk_id", flat=True))
    valid, problems, seen = [], [], set()
    for index, record in enumerate(records, start=1):
        record_id = record.get("id") if isinstance(record, dict) else None
        label = (
            printable(record_id)[:100]
            if isinstance(record_id, str) and record_id
            else f"record {index}"
        )
        if not isinstance(record, dict):
            problems.append(Problem(label, "(record)", "is not a JSON object"))
            continue
        hostile = sorted(hostile_values(record))
        if hostile:
            problems.extend(Problem(label, name, message) for name, message in hostile)
            continue
        errors = sorted(validator.iter_errors(record), key=lambda e: [str(p) for p in e.path])
        if errors:
            problems.extend(
                Problem(label, error_path(error), error.message[:MAX_MESSAGE]) for error in errors
            )
            continue
        try:
            mapped = map_record(record)
        except FieldProblem as exc:
            problems.append(Problem(label, exc.field, exc.message))
            continue
        model_problems = check_models(mapped)
        if model_problems:
            problems.extend(Problem(label, name, message) for name, message in model_problems)
            continue
        if mapped.oruk_id in seen:
            problems.append(Problem(label, "id", "appears more than once in this feed"))
            continue
        if mapped.oruk_id in local_ids:
            problems.append(Problem(label, "id", "belongs to a service the school wrote itself"))
            continue
        seen.add(mapped.oruk_id)
        valid.append(mapped)
    return valid, problems


# Writing ---------------------------------------------------------------------------------


def _normalised(name):
    """'Sensory and/or physical needs' and 'Sensory & physical' compare equal."""
    name = name.casefold().replace("&", " and ").replace("and/or", "and")
    name = re.sub(r"[^a-z0-9 ]+", " ", name)
    name = re.sub(r"\b(needs|difficulties)\b", " ", name)
    return " ".join(name.split())


def _upsert_organisations(site, mapped, source):
    wanted = {m.organisation["oruk_id"]: m.organisation for m in mapped}
    existing = {
        org.oruk_id: org
        for org in Organisation.objects.filter(site=site, oruk_id__in=list(wanted))
    }
    for oruk_id, values in wanted.items():
        org = existing.get(oruk_id)
        if org is None:
            org = Organisation(site=site, source=source, **values)
            _publish_imported(org, timezone.now())
            org.save()
            existing[oruk_id] = org
            continue
        changes = {name: value for name, value in values.items() if getattr(org, name) != value}
        if org.source != source:
            changes["source"] = source
        if changes:
            for name, value in changes.items():
                setattr(org, name, value)
            org.save(update_fields=list(changes))
    return existing


def _upsert_terms(site, mapped, source):
    """Create or refresh the imported taxonomy terms; never change the site's own, nor a
    term another school's services use (terms are shared by every school: one school's
    feed must not rename what another school's directory shows)."""
    described = {term["oruk_id"]: term for m in mapped for term in m.terms if term.get("name")}
    wanted_ids = {term["oruk_id"] for m in mapped for term in m.terms}
    tax_ids = {
        uuid.UUID(term["taxonomy_oruk_id"])
        for term in described.values()
        if _is_uuid(term.get("taxonomy_oruk_id"))
    }
    taxonomies = {tax.oruk_id: tax for tax in Taxonomy.objects.filter(oruk_id__in=tax_ids)}
    for term in described.values():
        tax_id = term.get("taxonomy_oruk_id")
        if _is_uuid(tax_id) and uuid.UUID(tax_id) not in taxonomies:
            taxonomies[uuid.UUID(tax_id)] = Taxonomy.objects.create(
                oruk_id=uuid.UUID(tax_id),
                name=term["taxonomy_name"] or "Imported taxonomy",
                source=source,
            )
    terms = {
        term.oruk_id: term
        for term in TaxonomyTerm.objects.select_related("taxonomy").filter(oruk_id__in=wanted_ids)
    }
    used_elsewhere = set(
        Service.taxonomy_terms.through.objects.filter(taxonomyterm__oruk_id__in=wanted_ids)
        .exclude(service__site=site)
        .values_list("taxonomyterm__oruk_id", flat=True)
    )
    for oruk_id, values in described.items():
        tax_id = values.get("taxonomy_oruk_id")
        taxonomy = taxonomies.get(uuid.UUID(tax_id)) if _is_uuid(tax_id) else None
        if taxonomy is not None and not taxonomy.source:
            # A feed may not add terms to a vocabulary this site publishes as its own.
            taxonomy = None
        fields = {
            "name": values["name"],
            "description": values["description"],
            "term_uri": values["term_uri"],
            "taxonomy": taxonomy,
        }
        term = terms.get(oruk_id)
        if term is None:
            terms[oruk_id] = TaxonomyTerm.objects.create(oruk_id=oruk_id, **fields)
        elif (
            (term.taxonomy is None or term.taxonomy.source)
            and oruk_id not in used_elsewhere
            and any(getattr(term, name) != value for name, value in fields.items())
        ):
            for name, value in fields.items():
                setattr(term, name, value)
            term.save()
    return terms


def _publish_imported(record, now):
    """An imported record is published as it is imported: it is a read-only copy of the
    council's data, which needs no approval by the school (docs/openreferral.md)."""
    record.live = True
    if record.first_published_at is None:
        record.first_published_at = now
    record.last_published_at = now


def batch_size():
    return max(1, int(getattr(settings, "OPENREFERRAL_IMPORT_BATCH_SIZE", 25)))


class ImportInterrupted(Exception):
    """Saving failed part-way: the batches before it are saved, the rest are not."""

    def __init__(self, saved, total, error):
        self.saved = saved
        self.total = total
        super().__init__(
            f"Saving stopped after {saved} of {total} services ({error}). The {saved} are "
            "saved; run the import again to finish (it skips what is unchanged)."
        )


def _apply_batch(site, mapped, source, now, result, bar):
    organisations = _upsert_organisations(site, mapped, source)
    terms = _upsert_terms(site, mapped, source)
    areas = {_normalised(term.name): term for term in TaxonomyTerm.objects.areas_of_need()}
    existing = {
        service.oruk_id: service
        for service in Service.objects.filter(site=site, oruk_id__in=[m.oruk_id for m in mapped])
    }
    for item in mapped:
        bar.update(1)
        fingerprint = item.fingerprint()
        service = existing.get(item.oruk_id)
        if (
            service is not None
            and service.source == source
            and service.source_fingerprint == fingerprint
        ):
            result.unchanged += 1
            continue
        if service is None:
            service = Service(site=site, oruk_id=item.oruk_id)
            result.created += 1
        else:
            result.updated += 1
        for name, value in item.service.items():
            setattr(service, name, value)
        service.provider = organisations[item.organisation["oruk_id"]]
        service.source = source
        service.source_fingerprint = fingerprint
        service.imported_at = now
        service.phones = [ServicePhone(**phone) for phone in item.phones]
        service.opening_times = [ServiceOpeningTime(**slot) for slot in item.opening_times]
        linked = {terms[t["oruk_id"]] for t in item.terms if t["oruk_id"] in terms}
        # A council's own term for an area of need counts as that area.
        linked |= {
            areas[_normalised(t["name"])]
            for t in item.terms
            if t.get("name") and _normalised(t["name"]) in areas
        }
        # Kept with the record and written by save() (a parental relation).
        service.taxonomy_terms.set(linked)
        _publish_imported(service, now)
        service.save()


def apply(site, mapped, source, progress=None):
    """Upsert the mapped services into `site`, `batch_size()` services to a transaction.

    Everything was validated before, so a batch fails only if the database does: then
    ImportInterrupted says how many were saved. Short transactions let other writers (an
    editor publishing) take their turn during a long import (SQLite has one writer)."""
    result = ImportResult()
    now = timezone.now()
    size = batch_size()
    with _bar(progress, total=len(mapped), desc="Saving", unit="service") as bar:
        for start in range(0, len(mapped), size):
            counts = (result.created, result.updated, result.unchanged)
            try:
                with transaction.atomic():
                    _apply_batch(site, mapped[start : start + size], source, now, result, bar)
            except Exception as exc:
                result.created, result.updated, result.unchanged = counts
                logger.warning(
                    "Open Referral import from %s into %s stopped after %s of %s services",
                    source,
                    site,
                    start,
                    len(mapped),
                )
                raise ImportInterrupted(start, len(mapped), exc) from exc
    return result


def import_services(site, records, source, skip_invalid=False, progress=None):
    """Validate every record, then upsert the valid ones; ImportRefused if any is invalid
    and `skip_invalid` is false, in which case nothing is written."""
    valid, problems = validate(site, records)
    if problems and not skip_invalid:
        refusal = ImportRefused(problems, len(records))
        logger.warning("Open Referral import from %s refused: %s", source, refusal)
        raise refusal
    result = apply(site, valid, source, progress=progress)
    result.skipped = len(records) - len(valid)
    result.problems = problems
    logger.info("Open Referral import from %s applied to %s: %s", source, site, result.summary())
    return result
