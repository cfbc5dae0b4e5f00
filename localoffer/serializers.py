"""Open Referral UK 3.0 JSON for one site's services, locations and taxonomies.

Shapes follow the compiled schemas of the UK profile (`service_list.json` for list items,
`service.json` for a full service, `service_at_location*.json`, `taxonomy*.json`).
Optional fields that are empty are left out rather than sent as "" or null, because the
schemas type them as strings with formats (e-mail, URI) that an empty value would break.

Two HSDS 3.0 fields that the UK profile's schemas allow but do not list are also sent:
`phones` on a service and `contacts` on a location, each item shaped as the profile's
own `phone.json` and `contact.json`.
"""

from datetime import UTC

from django.utils.functional import cached_property

from home.models import SchoolSettings

from .feed import child_id, school_location_extras
from .models import Service, SiteFeedIdentity

HSDS_VERSION = "HSDS-UK-3.0"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
COUNTRY_CODE = "GB"
# org-id.guide's scheme for the Department for Education's school URNs.
URN_SCHEME = "GB-EDU"


def _compact(data, keep=()):
    """Leave out empty optional values; keep required keys even when empty."""
    return {
        key: value
        for key, value in data.items()
        if key in keep or (value is not None and value != "")
    }


def _timestamp(value):
    """ISO 8601 in UTC with milliseconds, as the schema's example shows."""
    if value is None:
        return None
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class FeedContext:
    """What every record of one request shares: the site, its school and its feed ids."""

    def __init__(self, site, request=None):
        self.site = site
        self.request = request
        self.identity = SiteFeedIdentity.for_site(site)
        self.school = SchoolSettings.for_site(site)

    @property
    def school_name(self):
        return self.school.school_name or self.site.site_name or self.site.hostname

    @cached_property
    def school_location(self):
        return school_location_extras(self.site, self.school)

    @cached_property
    def home_url(self):
        if self.request is not None:
            return self.request.build_absolute_uri("/")
        return self.site.root_url + "/"

    def school_organization(self, full=False):
        org_id = str(self.identity.organisation_oruk_id)
        kind = self.school.get_school_type_display().lower()
        data = _compact(
            {
                "id": org_id,
                "name": self.school_name,
                "description": f"{self.school_name}, a {kind} school in England.",
                "email": self.school.email,
                "website": self.home_url,
            },
            keep=("description",),
        )
        if full:
            identifiers = []
            if self.school.urn:
                identifiers.append(
                    {
                        "id": str(child_id(org_id, "identifier", "urn")),
                        "organization_id": org_id,
                        "identifier_scheme": URN_SCHEME,
                        "identifier_type": "Unique Reference Number (URN)",
                        "identifier": self.school.urn,
                    }
                )
            data["organization_identifiers"] = identifiers
        return data


def organization(service, ctx, full=False):
    if service.provider_id is None:
        return ctx.school_organization(full=full)
    org = service.provider
    data = _compact(
        {
            "id": str(org.oruk_id),
            "name": org.name,
            "description": org.description or org.name,
            "email": org.email,
            "website": org.website,
        },
        keep=("description",),
    )
    if full:
        data["organization_identifiers"] = []
    return data


def organization_id(service, ctx):
    if service.provider_id is None:
        return str(ctx.identity.organisation_oruk_id)
    return str(service.provider.oruk_id)


def service_summary(service, ctx):
    """A list item of `/services`: the one-to-one fields and the organisation."""
    return _compact(
        {
            "id": str(service.oruk_id),
            "organization_id": organization_id(service, ctx),
            "name": service.name,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            "status": service.status,
            "fees": service.fees,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": service.assured_date.isoformat() if service.assured_date else None,
            "assurer_email": service.assurer_email,
            "last_modified": _timestamp(service.last_modified),
            "organization": organization(service, ctx),
        }
    )


def service_full(service, ctx, with_locations=True):
    """`/services/{id}`: the service with everything that hangs off it."""
    service_id = str(service.oruk_id)
    data = service_summary(service, ctx)
    data["organization"] = organization(service, ctx, full=True)
    data["schedules"] = schedules(service)
    data["service_areas"] = []
    if with_locations:
        data["service_at_locations"] = [
            {
                "id": str(service.service_at_location_oruk_id),
                "service_id": service_id,
                "location_id": location_id(service, ctx),
                "location": location(service, ctx, full=True),
            }
        ]
    data["languages"] = [
        {
            "id": str(child_id(service_id, "language", name.casefold())),
            "service_id": service_id,
            "name": name,
        }
        for name in service.language_list
    ]
    data["funding"] = []
    data["cost_options"] = []
    data["contacts"] = []
    if service.contact_name or service.contact_title:
        data["contacts"].append(
            _compact(
                {
                    "id": str(child_id(service_id, "contact", "main")),
                    "service_id": service_id,
                    "name": service.contact_name,
                    "title": service.contact_title,
                }
            )
        )
    data["phones"] = [
        _compact(
            {
                "id": str(phone.oruk_id),
                "service_id": service_id,
                "number": phone.number,
                "description": phone.description,
            }
        )
        for phone in service.phones.all()
    ]
    data["attributes"] = [
        {
            "id": str(child_id(service_id, "attribute", term.oruk_id)),
            "link_id": service_id,
            "link_entity": "service",
            "taxonomy_term_id": str(term.oruk_id),
            "taxonomy_term": taxonomy_term(term),
        }
        for term in service.taxonomy_terms.all()
    ]
    return data


def schedules(service):
    """The service's times as ORUK schedules. Its last day (`runs_until`) is each
    schedule's `valid_to` (the ORUK service has no end date of its own); a service with a
    last day and no times says it in one schedule of its own."""
    service_id = str(service.oruk_id)
    valid_to = {"valid_to": service.runs_until.isoformat()} if service.runs_until else {}
    entries = []
    if service.schedule:
        entries.append(
            {
                "id": str(child_id(service_id, "schedule", "description")),
                "service_id": service_id,
                "description": service.schedule,
                **valid_to,
            }
        )
    for slot in service.opening_times.all():
        entries.append(
            _compact(
                {
                    "id": str(slot.oruk_id),
                    "service_id": service_id,
                    "freq": "WEEKLY",
                    "interval": 1,
                    "byday": slot.weekday,
                    "opens_at": slot.opens_at.strftime("%H:%M"),
                    "closes_at": slot.closes_at.strftime("%H:%M"),
                    "description": str(slot),
                    "notes": slot.note,
                    **valid_to,
                }
            )
        )
    if valid_to and not entries:
        entries.append(
            {
                "id": str(child_id(service_id, "schedule", "runs-until")),
                "service_id": service_id,
                **valid_to,
            }
        )
    return entries


def location_id(service, ctx):
    if service.location == Service.Where.SCHOOL:
        return str(ctx.identity.location_oruk_id)
    return str(service.location_oruk_id)


def _address(loc_id, lines, postcode):
    if not lines and not postcode:
        return []
    return [
        {
            "id": str(child_id(loc_id, "address", "main")),
            "location_id": loc_id,
            "address_1": ", ".join(lines[:-1]) if len(lines) > 1 else "".join(lines),
            "city": lines[-1] if len(lines) > 1 else "",
            "state_province": "",
            "postal_code": postcode,
            "country": COUNTRY_CODE,
            "address_type": "physical",
        }
    ]


def _accessibility_entry(loc_id, entry):
    return _compact(
        {
            "id": str(child_id(loc_id, "accessibility", entry.key or entry.description)),
            "location_id": loc_id,
            "description": entry.description,
            "details": entry.details,
            "url": entry.url,
        }
    )


def _service_accessibility(service, loc_id):
    if not service.accessibility:
        return []
    return [
        {
            "id": str(child_id(service.oruk_id, "accessibility", "notes")),
            "location_id": loc_id,
            "description": service.accessibility,
        }
    ]


def location(service, ctx, full=False):
    loc_id = location_id(service, ctx)
    if service.location == Service.Where.SCHOOL:
        school = ctx.school_location
        data = _compact({"id": loc_id, "location_type": "physical", "name": school.name})
        if full:
            data["addresses"] = _address(loc_id, school.address_lines, school.postcode)
            data["accessibility"] = [
                _accessibility_entry(loc_id, entry) for entry in school.accessibility
            ] + _service_accessibility(service, loc_id)
            data["contacts"] = [
                _compact(
                    {
                        "id": str(child_id(loc_id, "contact", contact.key or contact.name)),
                        "name": contact.name,
                        "title": contact.title,
                        "email": contact.email,
                        "phones": [
                            {
                                "id": str(child_id(loc_id, "phone", contact.key or contact.name)),
                                "number": contact.phone,
                            }
                        ]
                        if contact.phone
                        else [],
                    }
                )
                for contact in school.contacts
            ]
        return data
    if service.location == Service.Where.ONLINE:
        return {"id": loc_id, "location_type": "virtual", "name": "Online or by phone"}
    data = _compact({"id": loc_id, "location_type": "physical", "name": service.location_name})
    if full:
        data["addresses"] = _address(loc_id, service.address_lines, service.postcode)
        data["accessibility"] = _service_accessibility(service, loc_id)
    return data


def service_at_location_summary(service, ctx):
    return {
        "id": str(service.service_at_location_oruk_id),
        "service_id": str(service.oruk_id),
        "location_id": location_id(service, ctx),
        "location": location(service, ctx),
        "service": service_summary(service, ctx),
    }


def service_at_location_full(service, ctx):
    return {
        "id": str(service.service_at_location_oruk_id),
        "service_id": str(service.oruk_id),
        "location_id": location_id(service, ctx),
        "location": location(service, ctx, full=True),
        "service": service_full(service, ctx, with_locations=False),
    }


def taxonomy(tax, terms=None):
    data = _compact(
        {
            "id": str(tax.oruk_id),
            "name": tax.name,
            "description": tax.description or tax.name,
            "uri": tax.uri,
            "version": tax.version,
        },
        keep=("description",),
    )
    if terms is not None:
        data["taxonomy_terms"] = [taxonomy_term(term, tax) for term in terms]
    return data


def taxonomy_term(term, tax=None):
    tax = tax or term.taxonomy
    return _compact(
        {
            "id": str(term.oruk_id),
            "name": term.name,
            "description": term.description or term.name,
            "parent_id": str(term.parent.oruk_id) if term.parent_id else None,
            "taxonomy": tax.name if tax else None,
            "taxonomy_id": str(tax.oruk_id) if tax else None,
            "term_uri": term.term_uri,
        },
        keep=("description",),
    )
