"""The fictional schools of the demo, and of `manage.py seed_schools`.

`seed_demo` builds Hollins Brook Primary School on the default site; `seed_demo --schools 2`
adds Larkspur Hill School, a special school in another council area, on its own address.
`seed_schools N` makes N generated primary schools for a trust (see `generated_school`).

Each app's `demo.seed(site, log)` asks `demo_school_for(site)` which school it is building
and takes the school's facts from here. Text written for Hollins Brook is reused for
another school only through `DemoSchool.adapt`, which swaps Hollins Brook's names,
addresses and numbers for the other school's; text that would not be true of another
school (a special school is not a primary) is written for it separately.

Every name, address and number is invented: phone numbers are in Ofcom's ranges for drama
and e-mail addresses use the reserved `.example` domain.
"""

from dataclasses import dataclass, fields, replace

from django.utils.text import slugify
from wagtail.rich_text import RichText

from home.models import SchoolType


@dataclass(frozen=True)
class DemoSchool:
    key: str
    name: str
    short_name: str
    # Which set of written text the school's pages use: "primary" or "special".
    kind: str
    school_type: str
    is_academy: bool
    urn: str
    hostname: str
    port: int
    street: str
    address: str
    postcode: str
    # The letters that start postcodes in the school's area.
    postcode_area: str
    phone: str
    domain: str
    council: str
    council_name: str
    council_domain: str
    nhs_domain: str
    sendiass_domain: str
    sendiass_phone: str
    # The start of the council's and the NHS's phone numbers in this area.
    area_phone: str
    headteacher: str
    chair_of_governors: str
    send_governor: str
    senco_name: str
    senco_role: str
    senco_phone: str
    senco_qualification: str
    # Mainstream schools receive the Inclusive Mainstream Fund (in whole pounds a year);
    # a school that does must publish an inclusion strategy.
    receives_inclusive_mainstream_fund: bool = True
    inclusive_mainstream_fund_allocation: int | None = None
    # The school's brand (school details): two demo schools, two looks.
    brand_colour: str = "#1d3a5f"
    accent_colour: str = "#0b6e4f"

    @property
    def email(self):
        return f"office@{self.domain}"

    @property
    def senco_email(self):
        return f"senco@{self.domain}"

    @property
    def home_slug(self):
        return slugify(self.short_name)

    def adapt(self, value):
        """Hollins Brook's text (a string, RichText, or lists and dicts of them) made this
        school's: names, addresses, numbers and the council swapped."""
        if self is HOLLINS_BROOK:
            return value
        if isinstance(value, RichText):
            return RichText(self.adapt(value.source))
        if isinstance(value, str):
            for old, new in self._swaps():
                value = value.replace(old, new)
            return value
        if isinstance(value, dict):
            return {key: self.adapt(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(self.adapt(item) for item in value)
        return value

    def _swaps(self):
        reference = HOLLINS_BROOK
        pairs = [
            (getattr(reference, f.name), getattr(self, f.name))
            for f in fields(self)
            if isinstance(getattr(self, f.name), str)
            and f.name
            not in ("key", "kind", "school_type", "hostname", "brand_colour", "accent_colour")
        ]
        pairs.append((reference.council.lower(), self.council.lower()))
        # Whole numbers before their area code; longer words before shorter ones.
        pairs = [(old, new) for old, new in pairs if old and old != new]
        return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


# Facts that are not words in the text: never swapped into another school's pages.
NOT_SWAPPED = ("key", "kind", "school_type", "hostname", "brand_colour", "accent_colour")

HOLLINS_BROOK = DemoSchool(
    key="hollins-brook",
    name="Hollins Brook Primary School",
    short_name="Hollins Brook",
    kind="primary",
    school_type=SchoolType.MAINSTREAM_PRIMARY,
    is_academy=False,
    urn="199901",
    # The first school keeps the address `make run` serves (see demo.home.seed_site).
    hostname="127.0.0.1",
    port=8000,
    street="Mill Lane",
    address="Mill Lane\nHollins Brook\nWestmere",
    postcode="WM4 7QT",
    postcode_area="WM",
    phone="01632 960 214",
    domain="hollinsbrook.example",
    council="Westmere",
    council_name="Westmere Borough Council",
    council_domain="westmere.example",
    nhs_domain="westmere-nhs.example",
    sendiass_domain="westmere-sendiass.example",
    sendiass_phone="01632 960 388",
    area_phone="01632 960 ",
    headteacher="Mrs Amara Okafor",
    chair_of_governors="Mr David Lindqvist",
    send_governor="Ms Priya Raman",
    senco_name="Mrs Helen Marsh",
    senco_role="Special educational needs co-ordinator (SENCO) and assistant head",
    senco_phone="01632 960 215",
    senco_qualification="National Award for SEN Co-ordination (NASENCO)",
    inclusive_mainstream_fund_allocation=18_000,
)

LARKSPUR_HILL = DemoSchool(
    key="larkspur-hill",
    name="Larkspur Hill School",
    short_name="Larkspur Hill",
    kind="special",
    school_type=SchoolType.SPECIAL,
    is_academy=True,
    urn="199902",
    hostname="larkspur-hill.localhost",
    port=8000,
    street="Quarry Road",
    address="Quarry Road\nLarkspur Hill\nEastmoor",
    postcode="EM7 2RD",
    postcode_area="EM",
    phone="0117 496 0620",
    domain="larkspurhill.example",
    council="Eastmoor",
    council_name="Eastmoor County Council",
    council_domain="eastmoor.example",
    nhs_domain="eastmoor-nhs.example",
    sendiass_domain="eastmoor-sendiass.example",
    sendiass_phone="0117 496 0388",
    area_phone="0117 496 0",
    headteacher="Mr Kwame Asante",
    chair_of_governors="Mrs Joan Whitfield",
    send_governor="Dr Ruth Ellison",
    senco_name="Ms Nadia Kowalczyk",
    senco_role="Deputy headteacher for pupils' needs and therapies",
    senco_phone="0117 496 0621",
    senco_qualification="National Professional Qualification for SENCOs",
    receives_inclusive_mainstream_fund=False,
    brand_colour="#5b2a6e",
    accent_colour="#b0470a",
)

DEMO_SCHOOLS = (HOLLINS_BROOK, LARKSPUR_HILL)

# Generated schools: place names made of two halves, so 500 schools read as 500 schools.
# Both lists are in alphabetical order and the second half changes fastest, so schools are
# named in alphabetical order as they are made: each school's collection (sorted by name
# among its siblings, see home/schools.py) then goes at the end, moving no other.
_FIRST = (
    "Ash",
    "Beck",
    "Birch",
    "Bram",
    "Brook",
    "Church",
    "Clay",
    "Elm",
    "Fair",
    "Fern",
    "Green",
    "Hazel",
    "Holly",
    "King",
    "Lark",
    "Long",
    "Mill",
    "Moor",
    "Oak",
    "Rose",
    "Stone",
    "Thorn",
    "Well",
    "West",
    "Wood",
)
_GIVEN = ("Sam", "Priya", "Owen", "Grace", "Tariq", "Ellen", "Marcus", "Aisha", "Rhys", "Lena")
_FAMILY = ("Hughes", "Patel", "Brennan", "Osei", "Clarke", "Novak", "Ahmed", "Doyle", "Kerr")
_SECOND = (
    "bank",
    "bridge",
    "bury",
    "combe",
    "croft",
    "dale",
    "field",
    "ford",
    "gate",
    "hall",
    "ham",
    "hurst",
    "leigh",
    "ley",
    "mead",
    "stead",
    "thorpe",
    "ton",
    "well",
    "wick",
)


def generated_school(number):
    """School number `number` (1, 2, ...) of a generated trust: a mainstream primary with
    Hollins Brook's pages, in Westmere, at school-0001.trust.localhost and so on."""
    index = number - 1
    place = _FIRST[(index // len(_SECOND)) % len(_FIRST)] + _SECOND[index % len(_SECOND)]
    if index >= len(_FIRST) * len(_SECOND):
        place = f"{place} {number}"
    code = f"{number:04d}"
    return replace(
        HOLLINS_BROOK,
        key=f"school-{code}",
        name=f"{place} Primary School",
        short_name=place,
        urn=f"3{number:05d}",
        hostname=f"school-{code}.trust.localhost",
        port=80,
        street="School Lane",
        address=f"School Lane\n{place}\nWestmere",
        postcode=f"WM{number % 9 + 1} {number % 10}TS",
        phone=f"01632 960 {number % 1000:03d}",
        domain=f"school-{code}.example",
        headteacher=_person(index, "Mrs"),
        chair_of_governors=_person(index + 3, "Mr"),
        send_governor=_person(index + 5, "Ms"),
        senco_name=_person(index + 7, "Ms"),
        senco_phone=f"01632 960 {(number + 500) % 1000:03d}",
    )


def _person(index, title):
    return f"{title} {_GIVEN[index % len(_GIVEN)]} {_FAMILY[index % len(_FAMILY)]}"


def demo_school_for(site):
    """The demo school a site holds: the second and later demo schools by their address,
    anything else (the default site) Hollins Brook."""
    for school in DEMO_SCHOOLS[1:]:
        if (site.hostname, site.port) == (school.hostname, school.port):
            return school
    if site.hostname.endswith(".trust.localhost") and site.hostname.startswith("school-"):
        return generated_school(int(site.hostname.split(".")[0].removeprefix("school-")))
    return HOLLINS_BROOK
