"""The school as a place in the Open Referral feed: its address, access and contacts.

Every service the school runs "at the school" shares one ORUK location. What that location
says comes from ONE function, `school_location_extras(site)`:

- the name, address, postcode, phone and e-mail from the site's `SchoolSettings`;
- a "School office" contact built from that phone and e-mail;
- whatever the functions registered for the Wagtail hook `SCHOOL_LOCATION_HOOK` add:
  accessibility entries (the disability access page's facilities) and contacts (the
  SENCO). Each such function takes the Site and returns `SchoolLocationExtras`.

A registration looks like this (in the providing app's `wagtail_hooks.py`)::

    from wagtail import hooks
    from localoffer.feed import SCHOOL_LOCATION_HOOK, AccessibilityEntry, SchoolLocationExtras

    @hooks.register(SCHOOL_LOCATION_HOOK)
    def facilities(site):
        return SchoolLocationExtras(accessibility=[AccessibilityEntry("Lift to all floors")])

Hook functions run once per feed request, never once per service, so the feed's query
count stays flat whatever they do.
"""

import uuid
from dataclasses import dataclass, field

from wagtail import hooks

from home.models import SchoolSettings

SCHOOL_LOCATION_HOOK = "localoffer_school_location"


@dataclass(frozen=True)
class AccessibilityEntry:
    """One ORUK `accessibility` entry: a facility or an arrangement for disabled visitors."""

    description: str
    details: str = ""
    url: str = ""
    # A stable name for the entry; its ORUK id is derived from it (the description if empty).
    key: str = ""


@dataclass(frozen=True)
class LocationContact:
    """One ORUK `contact` at the school's location, for example the SENCO."""

    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    key: str = ""


@dataclass(frozen=True)
class SchoolLocationExtras:
    """What one hook function adds to the school's location."""

    accessibility: list = field(default_factory=list)
    contacts: list = field(default_factory=list)


@dataclass
class SchoolLocation:
    name: str
    address_lines: list
    postcode: str
    phone: str
    email: str
    accessibility: list = field(default_factory=list)
    contacts: list = field(default_factory=list)


def school_location_extras(site, school=None):
    """The school's location for the feed of `site`.

    `school` is the site's SchoolSettings when the caller has already loaded it.
    Contacts from hooks (the SENCO) come before the school office.
    """
    school = school if school is not None else SchoolSettings.for_site(site)
    location = SchoolLocation(
        name=school.school_name,
        address_lines=[line.strip() for line in school.address.splitlines() if line.strip()],
        postcode=school.postcode,
        phone=school.phone,
        email=school.email,
    )
    for hook in hooks.get_hooks(SCHOOL_LOCATION_HOOK):
        extras = hook(site)
        if extras is None:
            continue
        location.accessibility.extend(extras.accessibility)
        location.contacts.extend(extras.contacts)
    if school.phone or school.email:
        location.contacts.append(
            LocationContact(
                name="School office",
                title="Enquiries",
                email=school.email,
                phone=school.phone,
                key="school-office",
            )
        )
    return location


def child_id(parent_id, kind, key):
    """A stable ORUK id for something that has no row of its own (a contact, an address)."""
    return uuid.uuid5(uuid.UUID(str(parent_id)), f"{kind}:{key}")
