"""Larkspur Hill School's SEND text: a special school, so written for it, not adapted.

Every pupil here has an Education, Health and Care plan, so the report talks about those
plans and the annual review rather than SEN support. Plain English, short sentences.
"""

from .content import html

SECTION_INTRODUCTION = html(
    "Every pupil at Larkspur Hill has special educational needs, and every one has an "
    "Education, Health and Care (EHC) plan. These pages explain how we teach and care for "
    "them, who to talk to, and the information the law asks us to publish."
)

REPORT_INTRODUCTION = html(
    "This report explains how Larkspur Hill School meets the needs of its pupils. We are a "
    "special school for children and young people aged 4 to 19. If anything here is not "
    "clear, please ask us."
)

REPORT_SECTIONS = {
    "kinds_of_need": html(
        "We teach pupils with severe or complex learning difficulties. Many are autistic. "
        "Some also have a physical disability, sight or hearing loss, or a medical need.",
        "Most of our pupils find it hard to talk or to understand words, so we use signs, "
        "symbols and pictures every day.",
    ),
    "identification": html(
        "Before a child joins us, we read their EHC plan, visit them at home or at their "
        "last school, and talk with the family. In the first half term we watch how they "
        "learn and agree their first targets with you.",
    ),
    "evaluating_effectiveness": html(
        "We check each pupil's progress towards the outcomes in their EHC plan every term. "
        "Therapists and teachers look at the records together, and we ask families what has "
        "changed at home.",
        "Governors visit classes and hear a report on progress each term. When something is "
        "not working, we change it.",
    ),
    "assessing_progress": html(
        "Each pupil has small steps to work towards, taken from their EHC plan. Staff note "
        "each step with photos and short videos, which you can see in your child's online "
        "learning journal.",
        "Once a year we hold the annual review of the EHC plan with you, your child and the "
        "council. We meet you each term as well, to look at progress and plan what comes next.",
    ),
    "teaching_approach": html(
        "Classes have up to eight pupils, with a teacher and two or three teaching "
        "assistants. Lessons are short and practical, with lots of repetition, movement and "
        "real objects.",
        "Older pupils learn skills for adult life: travel, cooking, money and work.",
    ),
    "adaptations": html(
        "Every room is set up for the pupils in it. For example:",
        [
            "symbols on doors, timetables and menus",
            "calm, low-noise rooms with soft lighting",
            "standing frames, hoists and changing beds",
            "communication aids, from picture cards to tablets that speak",
            "a sensory room and a hydrotherapy pool",
        ],
    ),
    "additional_support": html(
        "Therapists work in school every week, as part of the timetable:",
        [
            "speech and language therapy",
            "occupational therapy",
            "physiotherapy",
            "music therapy",
        ],
        "A school nurse is on site every day for pupils with medical needs.",
    ),
    "activities": html(
        "Every pupil goes on trips, swims and takes part in sport. We plan each trip with "
        "families, check the place first and take the staff and equipment each pupil needs. "
        "Sixth-form students spend one day a week at college or on a work placement.",
    ),
    "wellbeing": html(
        "Each pupil has a key adult who knows them well. We teach pupils to show how they "
        "feel, with signs, symbols or words, and we notice when something is wrong.",
        "Pupils share their views through the school council, which uses symbols and "
        "photos. Any unkind behaviour is dealt with straight away.",
    ),
    "expertise": html(
        "All staff are trained in autism, communication, moving and handling, and first "
        "aid. Many teaching assistants hold extra qualifications in sign and symbol use.",
        "Our therapists and the school nurse train staff too, and we buy in advice from "
        "specialists when a pupil needs it.",
    ),
    "equipment": html(
        "We buy most equipment from the school's budget, from sensory toys to "
        "communication aids. For wheelchairs and other specialist equipment, we work with "
        "the NHS and the council, and we keep you informed.",
    ),
    "parents": html(
        "You know your child best. We talk with you every day through the home-school "
        "diary or the app, and we meet you each term to look at progress.",
        "We run coffee mornings and short courses for families, on topics such as sleep "
        "and communication.",
    ),
    "pupils": html(
        "Every pupil takes part in their own review in the way that suits them: with "
        "photos, symbols, a video or their own words. We ask pupils what they enjoy and "
        "what they find hard, and we act on it.",
    ),
    "complaints": html(
        "Please talk to your child's class teacher first, then the deputy headteacher or "
        "the headteacher. Most worries are sorted out quickly this way.",
        "If you are still unhappy, you can make a formal complaint using our complaints "
        "procedure. You can also contact SENDIASS for free advice. For decisions about the "
        "EHC plan, you can use mediation or appeal to a tribunal.",
    ),
    "other_bodies": html(
        "We work with the NHS, social care, the council's SEND team and local charities. "
        "Therapists and the school nurse are part of our staff team. We always ask your "
        "permission before we share information.",
    ),
    "support_services": html(
        "Our local SEND Information, Advice and Support Service gives free, impartial advice "
        "to families. They can help you understand EHC plans, get ready for reviews and go "
        "to meetings with you.",
    ),
    "transition": html(
        "Before a pupil joins us, starts a new class or leaves, we plan each step with the "
        "family:",
        [
            "extra visits, with photos and a short film of new rooms and staff",
            "a meeting with the next school, college or care provider",
            "a plan that travels with your child, saying what helps them",
        ],
        "From age 14, each annual review looks at adult life: work, where to live, friends "
        "and health.",
    ),
    "local_offer": html(
        "The council's Local Offer describes the SEND services in our area. Our part of it, "
        "including the therapies we run in school, is on our Local Offer page.",
    ),
    "looked_after": html(
        "Our designated teacher for children in care works with each child's social worker, "
        "so that the personal education plan and the EHC plan fit together.",
    ),
    "contacts_policy": html(
        "If you have a worry, talk to your child's class teacher first. You can also "
        "contact the deputy headteacher, the headteacher or our SEND governor through the "
        "school office.",
    ),
}

DISABILITY_INTRODUCTION = html(
    "Most of our pupils are disabled. The whole school is built and run so that every pupil "
    "can take part in everything we do."
)
DISABILITY_ADMISSIONS = html(
    "Pupils join us when the council names the school in their Education, Health and Care "
    "(EHC) plan. When a plan names our school, we must admit the child, and we plan with the "
    "family before they start.",
    "A disability is never a reason to refuse a place.",
)
DISABILITY_FAIR_TREATMENT = html(
    "We make sure no pupil is treated less favourably because of a disability. We:",
    [
        "train every member of staff in equality and reasonable adjustments",
        "plan trips, clubs and events around each pupil's needs",
        "check our policies, transport and buildings for barriers",
        "listen to pupils and families and act on any concern",
    ],
)
DISABILITY_PLAN_SUMMARY = html(
    "Our accessibility plan sets out how, over three years, we will make it even easier for "
    "pupils to learn, to move around the school and to get information."
)
FACILITY_NOTES = {
    "step_free_entrance": "Every entrance is level, with wide doors that open automatically.",
    "lift": "A lift to the first-floor sixth-form rooms.",
    "accessible_toilet": "On every corridor.",
    "changing_room": "Four changing rooms with ceiling hoists and height-adjustable beds.",
    "hearing_loop": "In the hall, the office and the music room.",
    "disabled_parking": "Six bays by the main entrance, and a covered drop-off point.",
    "visual_aids": "Symbols and tactile signs on every door.",
    "quiet_room": "A sensory room and two calm rooms.",
}
LIFT_NOTES = FACILITY_NOTES["lift"]
OTHER_FACILITIES = "A hydrotherapy pool and a sensory garden."

PLAN_INTRODUCTION = html(
    "This plan shows how we will make the school even more accessible over the next three "
    "years. Governors check progress each year."
)
PLAN_INFORMATION_FORMATS = html(
    "We can give any information in another format: symbols, easy read, large print, audio, "
    "braille through the council's sensory team, or read aloud at a meeting. Just ask the "
    "school office. We aim to provide it within ten school days, and sooner when it is urgent.",
)
# (strand, action, target, owner, years after the plan starts, month, day, resources,
# success criterion, status) as in demo.senreport.build_plan.
PLAN_ROWS = [
    (
        "curriculum",
        "Give every pupil who needs one a talking communication aid",
        "Pupils can make choices and ask for help in every lesson",
        "Speech and language therapist",
        (1, 7, 15),
        "£6,000 from the school budget and the council's equipment fund",
        "Every pupil who needs one uses an aid each day",
        "in_progress",
    ),
    (
        "physical",
        "Make the sensory garden paths smooth and wide enough for two wheelchairs",
        "Pupils who use wheelchairs can move around the garden on their own",
        "Site manager",
        (2, 8, 31),
        "£8,000 from the building budget",
        "Every pupil uses the garden at break time",
        "planned",
    ),
    (
        "information",
        "Make the home-school app read messages aloud and show symbols",
        "Families and older pupils can read every message in the way that suits them",
        "Office manager",
        (1, 3, 31),
        "Staff time and the app's free accessibility settings",
        "Families who ask get every message in their chosen format",
        "planned",
    ),
]

LOCAL_OFFER_BODY = (
    html(
        "Larkspur Hill is a special school. Every pupil has an EHC plan, and the support in "
        "that plan is part of the school day: small classes, signs and symbols, and "
        "therapies on the timetable.",
        "Our own staff run the services listed below alongside the NHS and council teams "
        "who work in school. We plan each pupil's support together with the family.",
    ).source
    + "<h3>Who to talk to</h3>"
    + html(
        "Start with your child's class teacher. Our deputy headteacher leads on pupils' "
        "needs and therapies, and can be reached through the school office."
    ).source
)

EQUALITY_INTRODUCTION = html(
    "Every pupil at Larkspur Hill is disabled or has special educational needs. The "
    "equality duty still matters here: it is about fairness between all our pupils and "
    "making sure each of them takes a full part in school and community life."
)
EQUALITY_INFORMATION = html(
    "We look at how fairly the school works for pupils of every race, sex, religion or "
    "belief, and for pupils with different kinds of disability, not only for the school "
    "as a whole. This is how we meet the public sector equality duty for pupils with "
    "protected characteristics:",
    [
        "<b>Stopping unfair treatment</b>: we record any incident of bullying or unkind "
        "words about a pupil's race, religion, sex or disability, act on it the same week "
        "and tell governors each term.",
        "<b>Equal chances</b>: we check that pupils who do not use speech get the same "
        "choice of lessons, clubs, trips and work experience as pupils who do, and that boys "
        "and girls are offered the same options.",
        "<b>Getting on well together</b>: pupils share regular sessions with a nearby "
        "primary school and a secondary school, and our curriculum includes festivals and "
        "traditions from the families of our pupils.",
    ],
    "Families who speak other languages can ask for an interpreter at every meeting.",
    "We do not publish information about any single pupil. Figures for small groups are "
    "shared with governors only.",
)
# As in content.EQUALITY_OBJECTIVES.
EQUALITY_OBJECTIVES = [
    (
        "Every pupil who does not use speech has a communication aid, signs or symbols they "
        "can use in every lesson, at lunch and on every trip",
        "Pupils who do not use speech had fewer ways to make choices or say how they feel "
        "outside the classroom.",
        "A check each term by the speech and language therapist of every pupil's "
        "communication passport, and observations at lunch and on trips.",
        (1, 12, 19),
        "Lunchtime staff have been trained in the school's signs, and every table has a "
        "symbol board.",
        "in_progress",
    ),
    (
        "Every pupil in the sixth form has at least one work experience placement in the "
        "community before they leave, whatever their needs",
        "Placements had mostly gone to pupils who need less support, so others left school "
        "with less experience of work.",
        "The sixth form's placement records, checked each summer term by the careers lead.",
        (2, 7, 18),
        "",
        "not_started",
    ),
    (
        "Pupils take part in a shared activity with pupils from a mainstream school at "
        "least once each half term",
        "Families told us they wanted their children to make friends and be seen in their "
        "local community.",
        "The timetable of shared sessions, and a short survey of pupils and families each "
        "year asking what they enjoyed and what should change.",
        (2, 3, 26),
        "Shared music and PE sessions with the nearby primary school started this year.",
        "in_progress",
    ),
]
