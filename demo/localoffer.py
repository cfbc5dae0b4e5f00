"""Demo Local Offer for the fictional schools (see demo/home.py and demo/schools.py).

Every organisation, service and place is invented; phone numbers are in Ofcom's ranges for
drama (01632 960xxx, 0117 496 0xxx) and addresses use the reserved `.example` domain.
The council's, the NHS's and the charities' services are Hollins Brook's, moved to each
school's own area; the services a school runs itself are its own.
"""

import uuid
from datetime import date, time

from localoffer.models import (
    LocalOfferPage,
    Organisation,
    Service,
    ServiceOpeningTime,
    ServicePhone,
)
from localoffer.models import TaxonomyTerm as Term
from senreport.models import SENDSectionPage

from .content_special import LOCAL_OFFER_BODY
from .home import ensure_child, p
from .schools import HOLLINS_BROOK, demo_school_for

# Fixed ids, so a second run finds what the first one made.
DEMO_NAMESPACE = uuid.UUID("9e801015-dbc2-479b-94cb-1d5f07f1d4c1")

CI = "communication-and-interaction"
CL = "cognition-and-learning"
SEMH = "social-emotional-and-mental-health"
SP = "sensory-and-physical"
ALL_AREAS = [CI, CL, SEMH, SP]
SCHOOL_CHECKER = "office@hollinsbrook.example"
COUNCIL_CHECKER = "localoffer@westmere.example"

ORGANISATIONS = {
    "therapy": {
        "name": "Westmere Children's Therapy Service",
        "kind": Organisation.Kind.NHS,
        "description": (
            "The NHS team of speech and language therapists, occupational therapists and "
            "physiotherapists who work with children across Westmere."
        ),
        "email": "childrens.therapy@westmere-nhs.example",
        "website": "https://www.westmere-nhs.example/childrens-therapy",
    },
    "camhs": {
        "name": "Westmere CAMHS",
        "kind": Organisation.Kind.NHS,
        "description": (
            "Child and Adolescent Mental Health Services: NHS support for children and young "
            "people whose emotional wellbeing or mental health is affecting daily life."
        ),
        "website": "https://www.westmere-nhs.example/camhs",
    },
    "psychology": {
        "name": "Westmere Educational Psychology Service",
        "kind": Organisation.Kind.COUNCIL,
        "description": (
            "The council's educational psychologists, who help schools and families "
            "understand how a child learns and what will help."
        ),
        "email": "eps@westmere.example",
        "website": "https://www.westmere.example/send/educational-psychology",
    },
    "sensory": {
        "name": "Westmere Sensory Support Team",
        "kind": Organisation.Kind.COUNCIL,
        "description": (
            "Specialist teachers for children who are deaf, have a hearing loss, are blind "
            "or partially sighted, or have both hearing and sight loss."
        ),
        "email": "sensory.support@westmere.example",
    },
    "sendiass": {
        "name": "Westmere SENDIASS",
        "kind": Organisation.Kind.COUNCIL,
        "description": (
            "Free, impartial and confidential information, advice and support about SEND "
            "for families, run at arm's length from the council."
        ),
        "email": "advice@westmere-sendiass.example",
        "website": "https://www.westmere-sendiass.example/",
    },
    "forum": {
        "name": "Westmere Parent Carer Forum",
        "kind": Organisation.Kind.CHARITY,
        "description": (
            "A charity run by parents and carers of children with SEND, who share "
            "experience and speak up for families when local services are planned."
        ),
        "email": "hello@westmere-pcf.example",
        "website": "https://www.westmere-pcf.example/",
    },
}


def weekly(days, opens, closes):
    return [{"weekday": day, "opens_at": opens, "closes_at": closes} for day in days]


SERVICES = [
    {
        "key": "speech-and-language-therapy",
        "provider": "therapy",
        "name": "Speech and language therapy",
        "description": (
            "A speech and language therapist assesses children who find it hard to talk, "
            "to understand what others say, or to use language with friends. They set "
            "targets, show staff and parents activities to practise, and review progress "
            "each term."
        ),
        "areas": [CI],
        "ages": (0, 18),
        "location": Service.Where.SCHOOL,
        "schedule": "The therapist visits the school on alternate Tuesdays in term time.",
        "times": weekly(["TU"], time(9, 0), time(15, 0)),
        "fees": "Free",
        "languages": "English",
        "contact_title": "Children's therapy referrals",
        "phones": [("01632 960 471", "Referrals and advice")],
        "email": "childrens.therapy@westmere-nhs.example",
        "assured": date(2026, 9, 15),
        "checker": SCHOOL_CHECKER,
        "notes": (
            "Ask our SENCO if you think your child needs a referral. Your GP or health "
            "visitor can also refer a child who is not yet at school."
        ),
    },
    {
        "key": "occupational-therapy",
        "provider": "therapy",
        "name": "Children's occupational therapy",
        "description": (
            "Help for children who find everyday tasks difficult because of how their body "
            "moves or how they take in sensory information: dressing, using cutlery, "
            "handwriting, or coping with noise and busy places."
        ),
        "areas": [SP],
        "ages": (0, 18),
        "location": Service.Where.ELSEWHERE,
        "location_name": "Westmere Child Development Centre",
        "address": "40 Orchard Road\nWestmere",
        "postcode": "WM2 5LP",
        "accessibility": "Step-free entrance, accessible toilets and two parking bays.",
        "schedule": "Clinic appointments on weekdays; some children are seen at school.",
        "fees": "Free",
        "phones": [("01632 960 471", "Referrals and advice")],
        "email": "childrens.therapy@westmere-nhs.example",
        "assured": date(2026, 9, 15),
        "checker": SCHOOL_CHECKER,
    },
    {
        "key": "educational-psychology",
        "provider": "psychology",
        "name": "Educational psychology",
        "description": (
            "An educational psychologist observes a child in class, talks with the child, "
            "their family and teachers, and gives advice on how they learn best. Their "
            "advice is also part of any assessment for an education, health and care plan."
        ),
        "areas": [CL, SEMH],
        "ages": (0, 25),
        "location": Service.Where.SCHOOL,
        "schedule": (
            "The school's link psychologist visits about once each half term; the SENCO "
            "plans each visit with families."
        ),
        "fees": "Free to families",
        "contact_name": "Dr Samuel Achebe",
        "contact_title": "Link educational psychologist",
        "email": "eps@westmere.example",
        "assured": date(2026, 10, 2),
        "checker": SCHOOL_CHECKER,
    },
    {
        "key": "camhs",
        "provider": "camhs",
        "name": "CAMHS: children's mental health service",
        "description": (
            "Assessment and treatment for children with significant worries, low mood, "
            "self-harm, eating difficulties or trauma. Support may be one-to-one, with the "
            "family, or in a group."
        ),
        "areas": [SEMH],
        "ages": (0, 18),
        "location": Service.Where.ELSEWHERE,
        "location_name": "Westmere Child and Family Centre",
        "address": "12 Station Road\nWestmere",
        "postcode": "WM1 3HB",
        "accessibility": (
            "Step-free entrance and a lift to every floor. A quiet waiting room can be "
            "booked for children who find waiting hard."
        ),
        "schedule": "Appointments Monday to Friday.",
        "times": weekly(["MO", "TU", "WE", "TH", "FR"], time(9, 0), time(17, 0)),
        "fees": "Free",
        "languages": "English, Polish, Urdu",
        "phones": [("01632 960 512", "Referrals and advice"), ("01632 960 513", "Text only")],
        "assured": date(2026, 10, 20),
        "checker": COUNCIL_CHECKER,
        "notes": "We can help you fill in the referral form: ask the office for the SENCO.",
    },
    {
        "key": "sendiass",
        "provider": "sendiass",
        "name": "SENDIASS: advice for families",
        "description": (
            "Independent advice on anything to do with SEND: support at school, education, "
            "health and care plans, exclusions and appeals. An adviser can come to meetings "
            "with you."
        ),
        "areas": ALL_AREAS,
        "ages": (0, 25),
        "location": Service.Where.ONLINE,
        "schedule": "Helpline Monday to Thursday; leave a message at other times.",
        "times": weekly(["MO", "TU", "WE", "TH"], time(9, 30), time(14, 30)),
        "fees": "Free",
        "languages": "English, British Sign Language",
        "phones": [("01632 960 388", "Helpline")],
        "email": "advice@westmere-sendiass.example",
        "url": "https://www.westmere-sendiass.example/",
        "assured": date(2026, 11, 3),
        "checker": COUNCIL_CHECKER,
    },
    {
        "key": "parent-carer-forum",
        "provider": "forum",
        "name": "Parent carer forum",
        "description": (
            "Meet other parents and carers of children with SEND, share what has helped, "
            "and have your say on local services. Newcomers are always welcome."
        ),
        "areas": ALL_AREAS,
        "ages": (0, 25),
        "location": Service.Where.ELSEWHERE,
        "location_name": "Westmere Community Hub",
        "address": "Market Street\nWestmere",
        "postcode": "WM1 2AA",
        "accessibility": "Ground-floor meeting room with an accessible toilet.",
        "schedule": "Coffee morning on the first Wednesday of each month, 10am to 12pm.",
        "fees": "Free",
        "email": "hello@westmere-pcf.example",
        "url": "https://www.westmere-pcf.example/",
        "assured": date(2026, 9, 30),
        "checker": COUNCIL_CHECKER,
    },
    {
        "key": "hearing-and-vision-support",
        "provider": "sensory",
        "name": "Hearing and vision support",
        "description": (
            "Qualified teachers of deaf and visually impaired children advise the school on "
            "hearing aids, radio aids, enlarged print and classroom layout, and teach some "
            "children directly."
        ),
        "areas": [SP],
        "ages": (0, 25),
        "location": Service.Where.SCHOOL,
        "schedule": "Visits are planned with each child's family and teacher.",
        "fees": "Free",
        "email": "sensory.support@westmere.example",
        "assured": date(2026, 10, 9),
        "checker": SCHOOL_CHECKER,
    },
    {
        "key": "nurture-group",
        "provider": None,
        "name": "The Nest nurture group",
        "description": (
            "A small, calm class for children who find the busy classroom hard for a while. "
            "Children spend part of the day in the Nest, building confidence, friendships "
            "and ways to manage big feelings, and the rest with their own class."
        ),
        "areas": [SEMH],
        "ages": (4, 11),
        "location": Service.Where.SCHOOL,
        "accessibility": "The Nest is on the ground floor, next to the accessible toilet.",
        "schedule": "Four afternoons a week in term time.",
        "times": weekly(["MO", "TU", "WE", "TH"], time(13, 15), time(15, 0)),
        "fees": "Free",
        "contact_title": "Special educational needs coordinator (SENCO)",
        "phones": [("01632 960 214", "School office")],
        "email": "office@hollinsbrook.example",
        "assured": date(2026, 11, 10),
        "checker": SCHOOL_CHECKER,
    },
    {
        "key": "talk-time",
        "provider": None,
        "name": "Talk Time group",
        "description": (
            "Small-group sessions, led by a trained teaching assistant, where children "
            "practise listening, taking turns in conversation and talking about feelings."
        ),
        "areas": [CI],
        "ages": (5, 11),
        "location": Service.Where.SCHOOL,
        "schedule": "Wednesday mornings in term time.",
        "times": weekly(["WE"], time(10, 45), time(11, 30)),
        "fees": "Free",
        "email": "office@hollinsbrook.example",
        "assured": date(2026, 11, 10),
        "checker": SCHOOL_CHECKER,
    },
    {
        "key": "reading-catch-up",
        "provider": None,
        "name": "Reading catch-up",
        "description": (
            "Short one-to-one reading sessions every morning for children who find reading "
            "hard, following a step-by-step phonics programme. Progress is checked every "
            "six weeks and shared with parents."
        ),
        "areas": [CL],
        "ages": (6, 11),
        "location": Service.Where.SCHOOL,
        "schedule": "Fifteen minutes each morning in term time.",
        "fees": "Free",
        "email": "office@hollinsbrook.example",
        "assured": date(2026, 11, 10),
        "checker": SCHOOL_CHECKER,
    },
    {
        "key": "build-club",
        "provider": None,
        "name": "Build Club",
        "status": Service.Status.TEMPORARILY_CLOSED,
        "description": (
            "A lunchtime club where children build models together in small teams, each "
            "with a job to do, practising communication and cooperation along the way."
        ),
        "areas": [CI, SEMH],
        "ages": (7, 11),
        "location": Service.Where.SCHOOL,
        "schedule": "Thursday lunchtimes in term time.",
        "fees": "Free",
        "email": "office@hollinsbrook.example",
        "assured": date(2026, 11, 10),
        "checker": SCHOOL_CHECKER,
        "notes": "Build Club starts again after the February half term.",
    },
]


LARKSPUR_CHECKER = "office@larkspurhill.example"

# The services a special school runs itself (Larkspur Hill).
SPECIAL_SCHOOL_SERVICES = [
    {
        "key": "hydrotherapy",
        "provider": None,
        "name": "Hydrotherapy sessions",
        "description": (
            "Sessions in the school's warm-water pool, planned with the physiotherapist, that "
            "help pupils move more freely, build strength and relax."
        ),
        "areas": [SP],
        "ages": (4, 19),
        "location": Service.Where.SCHOOL,
        "accessibility": "Ceiling hoist, level changing rooms and a ramped pool entry.",
        "schedule": "Every weekday in term time, as set out in each pupil's timetable.",
        "times": weekly(["MO", "TU", "WE", "TH", "FR"], time(9, 30), time(14, 30)),
        "fees": "Free",
        "contact_title": "Physiotherapy lead",
        "phones": [("0117 496 0620", "School office")],
        "email": "office@larkspurhill.example",
        "assured": date(2026, 10, 6),
        "checker": LARKSPUR_CHECKER,
    },
    {
        "key": "family-signing",
        "provider": None,
        "name": "Family signing class",
        "description": (
            "An evening class where parents, carers, brothers and sisters learn the signs "
            "and symbols their child uses at school, so they can talk together at home."
        ),
        "areas": [CI],
        "ages": (0, 99),
        "location": Service.Where.SCHOOL,
        "schedule": "Tuesday evenings in term time.",
        "times": weekly(["TU"], time(18, 0), time(19, 0)),
        "fees": "Free",
        "email": "office@larkspurhill.example",
        "assured": date(2026, 10, 6),
        "checker": LARKSPUR_CHECKER,
    },
    {
        "key": "travel-training",
        "provider": None,
        "name": "Travel training",
        "description": (
            "One-to-one coaching for sixth-form students who are learning to travel by bus "
            "or train on their own, starting with short, familiar journeys."
        ),
        "areas": [CL, SP],
        "ages": (16, 19),
        "location": Service.Where.ELSEWHERE,
        "location_name": "Eastmoor bus station and local routes",
        "address": "Bridge Street\nEastmoor",
        "postcode": "EM1 4BS",
        "schedule": "Arranged with each student and family.",
        "fees": "Free",
        "email": "office@larkspurhill.example",
        "assured": date(2026, 10, 6),
        "checker": LARKSPUR_CHECKER,
    },
]

LOCAL_OFFER_BODIES = {
    "primary": (
        p(
            "Hollins Brook is a mainstream primary school. Most children with SEND "
            "have their needs met in their own class, with teaching adapted for "
            "them: visual timetables, word banks, movement breaks and extra "
            "thinking time are part of every classroom.",
            "Some children also join small groups run by our own staff, such as the "
            "Nest nurture group or Talk Time. When a child needs more specialist "
            "help, we ask the council's and the NHS's services listed below to "
            "assess and advise, and we plan together with you.",
        ).source
        + "<h3>Who to talk to</h3>"
        + p(
            "Start with your child's class teacher. Our SENCO co-ordinates support "
            "for every child with SEND and can be reached through the school office."
        ).source
    ),
}


def demo_id(key, school=HOLLINS_BROOK):
    """A fixed id, so a second run finds what the first one made; every school's differ."""
    if school is not HOLLINS_BROOK:
        key = f"{school.key}:{key}"
    return uuid.uuid5(DEMO_NAMESPACE, key)


def services_for(school):
    """The school's service specs: the area's services, and the school's own."""
    area = [spec for spec in SERVICES if spec["provider"]]
    own = [spec for spec in SERVICES if not spec["provider"]]
    if school.kind == "special":
        own = SPECIAL_SCHOOL_SERVICES
    return [school.adapt(spec) for spec in area + own]


def local_offer_body(school):
    if school.kind == "special":
        return LOCAL_OFFER_BODY
    return school.adapt(LOCAL_OFFER_BODIES["primary"])


def build_organisation(site, school, key, values):
    return Organisation(
        site=site, oruk_id=demo_id(f"organisation:{key}", school), **school.adapt(values)
    )


def seed_organisations(site, log, school=HOLLINS_BROOK):
    organisations = {}
    for key, values in ORGANISATIONS.items():
        org, created = Organisation.objects.get_or_create(
            site=site,
            oruk_id=demo_id(f"organisation:{key}", school),
            defaults=school.adapt(values),
        )
        if created:
            log(f"Added the organisation {org.name}")
        organisations[key] = org
    return organisations


def build_service(site, school, spec, organisations):
    """An unsaved service, with its phones and opening times attached (not saved)."""
    low, high = spec["ages"]
    service = Service(
        site=site,
        oruk_id=demo_id(f"service:{spec['key']}", school),
        name=spec["name"],
        description=spec["description"],
        status=spec.get("status", Service.Status.ACTIVE),
        provider=organisations[spec["provider"]] if spec["provider"] else None,
        minimum_age=low,
        maximum_age=high,
        location=spec["location"],
        location_name=spec.get("location_name", ""),
        address=spec.get("address", ""),
        postcode=spec.get("postcode", ""),
        accessibility=spec.get("accessibility", ""),
        schedule=spec.get("schedule", ""),
        fees=spec.get("fees", ""),
        languages=spec.get("languages", ""),
        contact_name=spec.get("contact_name", ""),
        contact_title=spec.get("contact_title", ""),
        email=spec.get("email", ""),
        url=spec.get("url", ""),
        assured_date=spec["assured"],
        assurer_email=spec["checker"],
        local_notes=spec.get("notes", ""),
    )
    service.phones = [
        ServicePhone(number=number, description=label) for number, label in spec.get("phones", [])
    ]
    service.opening_times = [ServiceOpeningTime(**slot) for slot in spec.get("times", [])]
    return service


def seed_services(site, organisations, log, school=HOLLINS_BROOK):
    terms = {term.slug: term for term in Term.objects.areas_of_need()}
    for spec in services_for(school):
        service = build_service(site, school, spec, organisations)
        if Service.objects.filter(site=site, oruk_id=service.oruk_id).exists():
            continue
        service.taxonomy_terms.set([terms[slug] for slug in spec["areas"] if slug in terms])
        service.save()
        log(f"Added the service {service.name}")


def build_local_offer_page(school=HOLLINS_BROOK):
    return LocalOfferPage(
        title="Local Offer",
        seo_title="Local Offer and SEND services",
        search_description=(
            "Services in school and nearby that help children with SEND, and the "
            "council's Local Offer."
        ),
        introduction=(
            "What our school provides for children with special educational needs and "
            "disabilities, and the services that can help your family."
        ),
        body=local_offer_body(school),
    )


def seed_page(site, log, school=HOLLINS_BROOK):
    section = SENDSectionPage.objects.child_of(site.root_page).first()
    if section is None:
        return None
    page, _ = ensure_child(section, "local-offer", lambda: build_local_offer_page(school), log)
    return page


def seed(site, log):
    school = demo_school_for(site)
    organisations = seed_organisations(site, log, school)
    seed_services(site, organisations, log, school)
    seed_page(site, log, school)
