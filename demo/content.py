"""The demo school's SEND text, written for parents in plain English."""

from wagtail.rich_text import RichText


def html(*parts):
    """Paragraphs, and lists given as Python lists."""
    out = []
    for part in parts:
        if isinstance(part, list):
            out.append("<ul>" + "".join(f"<li>{item}</li>" for item in part) + "</ul>")
        else:
            out.append(f"<p>{part}</p>")
    return RichText("".join(out))


REPORT_INTRODUCTION = html(
    "This report explains how Hollins Brook Primary School supports children with special "
    "educational needs and disabilities (SEND). It answers the questions parents ask us "
    "most. If something is not clear, please talk to us."
)

REPORT_SECTIONS = {
    "kinds_of_need": html(
        "We are a mainstream primary school. We welcome children with a wide range of needs, "
        "including autism, dyslexia, speech and language difficulties, ADHD, anxiety, and "
        "hearing or sight loss.",
        "Some children need a little extra help for a short time. Others need support all "
        "through school. Some have an Education, Health and Care (EHC) plan.",
    ),
    "identification": html(
        "Teachers check every child's progress each term. If a child is finding learning, "
        "friendships or behaviour hard, the teacher talks to you and to our SENCO.",
        "You can raise a worry at any time: speak to the class teacher first. We may then "
        "watch how your child learns, use simple checks, or ask a specialist such as a "
        "speech and language therapist for advice. We always agree next steps with you.",
    ),
    "evaluating_effectiveness": html(
        "We check that support is working by looking at each child's progress against "
        "their targets at every review. We also ask children and parents what is helping.",
        "The SENCO reports to governors each term on how well pupils with SEND are doing, "
        "and we change what we offer when something is not working.",
    ),
    "assessing_progress": html(
        "We follow a cycle of four steps: assess, plan, do and review.",
        [
            "<b>Assess</b>: we find out what your child finds easy and hard.",
            "<b>Plan</b>: we agree targets and support with you and your child.",
            "<b>Do</b>: the class teacher and support staff put the plan into action.",
            "<b>Review</b>: every term we meet you to look at progress and decide what next.",
        ],
        "Your child's views are part of every review, in words or pictures.",
    ),
    "teaching_approach": html(
        "Good teaching for every child comes first. Teachers break work into small steps, "
        "use pictures and objects, check understanding often, and give extra time when it "
        "is needed.",
        "Teaching assistants work with small groups in class, and some children have short "
        "sessions outside class for particular skills.",
    ),
    "adaptations": html(
        "We change how we teach and the classroom itself so every child can take part. For "
        "example:",
        [
            "visual timetables and clear routines",
            "coloured overlays, larger print and word mats",
            "seating that suits a child's hearing, sight or attention",
            "movement breaks and a calm corner",
            "laptops or voice-typing for children who find handwriting hard",
        ],
    ),
    "additional_support": html(
        "Extra help may include:",
        [
            "small reading, spelling and maths groups",
            "speech and language sessions planned with the therapist",
            "social skills and friendship groups",
            "a nurture group at lunchtime",
            "one-to-one support where a child's plan says so",
        ],
    ),
    "activities": html(
        "Every child can join clubs, trips, sports day and the Year 6 residential. We plan "
        "ahead with you: we visit places first, check access, and arrange extra adults or "
        "equipment where needed. There is no extra charge for the support.",
    ),
    "wellbeing": html(
        "Each class has a trained adult children can talk to, and our learning mentor runs "
        "small groups for children who are worried, angry or sad.",
        "Children share their views through the school council and pupil surveys. We teach "
        "about kindness and differences, and we act quickly on any bullying: children and "
        "parents can report it to any member of staff.",
    ),
    "expertise": html(
        "All teachers and teaching assistants have regular training on SEND, including "
        "autism, speech and language, and supporting anxiety. Our SENCO holds the national "
        "SENCO qualification.",
        "We work with specialists from the council and the NHS, such as educational "
        "psychologists and speech and language therapists, and buy in more advice when a "
        "child needs it.",
    ),
    "equipment": html(
        "We buy equipment that helps children learn, such as writing slopes, wobble "
        "cushions and ear defenders, from the school's own budget. For specialist equipment "
        "we ask the council or health services, and we keep you informed.",
    ),
    "parents": html(
        "You know your child best, so we work with you at every step. If your child has SEN "
        "support, we meet you at least three times a year to review progress and agree the "
        "next plan. You can also ask to meet the SENCO at any time.",
        "We share a short written plan after each meeting, and we tell you about training "
        "and coffee mornings for parents.",
    ),
    "pupils": html(
        "Children help set their own targets and tell us what helps them. Before each "
        "review they fill in a 'my views' sheet, with help if they need it, and older "
        "children can come to part of the meeting.",
    ),
    "complaints": html(
        "Please talk to your child's class teacher first, then the SENCO or the headteacher. "
        "Most worries are sorted out quickly this way.",
        "If you are still unhappy, you can make a formal complaint using our complaints "
        "procedure. You can also contact SENDIASS for free advice. For some decisions about "
        "EHC plans, parents can use mediation or appeal to a tribunal.",
    ),
    "other_bodies": html(
        "We work closely with health services (school nurse, speech and language therapy, "
        "occupational therapy and children's mental health services), social care, the "
        "council's SEND team, and local charities. We always ask your permission before we "
        "share information or make a referral.",
    ),
    "support_services": html(
        "Our local SEND Information, Advice and Support Service gives free, impartial advice "
        "to parents and young people. They can help you understand the law, prepare for "
        "meetings and go through the EHC process.",
    ),
    "transition": html(
        "Moving on can be hard. Before a new class or school we:",
        [
            "arrange extra visits and a photo book of new rooms and adults",
            "pass on your child's plan and what helps them",
            "meet staff from the next school, with you if you wish",
        ],
        "From Year 5 we start talking about secondary school, and we think about the skills "
        "children need as they grow up.",
    ),
    "local_offer": html(
        "The council's Local Offer describes the SEND services available in our area. Our "
        "own part of it, including the services we run in school, is on our Local Offer "
        "page.",
    ),
    "looked_after": html(
        "Our SENCO works closely with our designated teacher for children in care, so that "
        "each child's personal education plan and SEN support fit together.",
    ),
    "contacts_policy": html(
        "If you have a worry, talk to your child's class teacher first. You can also contact "
        "the SENCO, the headteacher, or our SEND governor through the school office.",
    ),
}

DISABILITY_INTRODUCTION = html(
    "We welcome disabled children and make reasonable adjustments so they can take part in "
    "everything school offers."
)
DISABILITY_ADMISSIONS = html(
    "Applications from disabled children are treated in exactly the same way as any other "
    "application, using the council's admission rules.",
    "If a child's Education, Health and Care (EHC) plan names our school, we must admit the "
    "child, and we will plan with the family before they start.",
)
DISABILITY_FAIR_TREATMENT = html(
    "We make sure disabled pupils are not treated less favourably than others. We:",
    [
        "train all staff in equality and reasonable adjustments",
        "plan trips, clubs and events so every child can join in",
        "check our policies and our building for barriers",
        "listen to pupils and parents and act on any concern",
    ],
)
DISABILITY_PLAN_SUMMARY = html(
    "Our accessibility plan sets out how, over three years, we will make it easier for "
    "disabled pupils to learn, to move around the school and to get information."
)

PLAN_INTRODUCTION = html(
    "This plan shows how we will improve access to school for disabled pupils over the next "
    "three years. Governors check progress each year."
)
PLAN_INFORMATION_FORMATS = html(
    "We can give any information in another format: large print, audio, easy read, braille "
    "through the council's sensory team, or read aloud at a meeting. Just ask the school "
    "office. We aim to provide it within ten school days, and sooner when it is urgent.",
)

SECTION_INTRODUCTION = html(
    "Every child at Hollins Brook is taught in a way that suits them. Some "
    "children need extra help for a while, or all through school. These pages "
    "explain what we do, who to talk to, and the information the law asks us "
    "to publish."
)

FACILITY_NOTES = {
    "step_free_entrance": "Main entrance on Mill Lane, with a ramp and a wide door.",
    "accessible_toilet": "Next to the school hall.",
    "changing_room": "With a height-adjustable bench, near Reception.",
    "hearing_loop": "In the school hall and the office.",
    "disabled_parking": "Two bays by the main gate; ask the office to reserve one.",
    "visual_aids": "High-contrast step edges and picture signs on every door.",
    "quiet_room": "The Den, a calm room children can use with an adult.",
}
LIFT_NOTES = "The school is on one floor, so there is no lift."
OTHER_FACILITIES = "Adjustable-height tables in every classroom."

# (strand, action, target, owner, (years after the plan starts, month, day) of the target
# date, resources, success criterion, status), as demo.senreport.build_plan reads them.
PLAN_ROWS = [
    (
        "curriculum",
        "Train all teaching assistants in supporting children with autism",
        "Staff adapt lessons confidently for autistic pupils",
        "SENCO",
        (1, 7, 15),
        "Two training sessions from the council's autism team",
        "Lesson visits show visual support in every class",
        "in_progress",
    ),
    (
        "curriculum",
        "Buy voice-typing software for pupils who find writing hard",
        "Pupils can record their ideas independently",
        "Computing lead",
        (1, 3, 31),
        "£400 from the SEN budget",
        "Pupils using it complete more written work",
        "planned",
    ),
    (
        "physical",
        "Add a handrail and contrasting edges to the steps to the field",
        "Pupils with limited mobility or sight can reach the field safely",
        "Site manager",
        (2, 8, 31),
        "£2,500 from the building budget",
        "All pupils use the field for PE without help",
        "planned",
    ),
    (
        "information",
        "Offer newsletters and letters home in large print and audio",
        "Parents and pupils with sight loss get information at the same time as others",
        "Office manager",
        (1, 12, 31),
        "Staff time; free text-to-speech tools",
        "Parents who ask receive every newsletter in their chosen format",
        "in_progress",
    ),
]


# The inclusion strategy (schools that receive the Inclusive Mainstream Fund).

INCLUSION_SUMMARY = (
    "<p>Some children find it harder than others to learn, make friends and join in. This "
    "strategy sets out the barriers we have found at Hollins Brook, what we are doing to "
    "remove them, and what each part costs. Most of it is paid for by the Inclusive "
    "Mainstream Fund, money the government gives mainstream schools for this work.</p>"
)

# (short title, description)
INCLUSION_BARRIERS = [
    (
        "Speech and language",
        "Many children start in Reception with talking and listening skills below what is "
        "usual for their age. This makes it harder to follow lessons and to make friends.",
    ),
    (
        "Reading",
        "Some children on SEN support fall behind with reading in the infant years and find "
        "it hard to catch up, which then holds them back in every subject.",
    ),
    (
        "Busy times of the day",
        "Some children find playtime, lunchtime and moving between activities noisy and "
        "overwhelming, and miss learning while they settle again.",
    ),
    (
        "Joining in clubs and trips",
        "Children with SEND go to after-school clubs and on trips less often than their "
        "classmates, often because the activity is not set up for them.",
    ),
]

# (what we do, more about it, barriers it addresses, who for, which pupils, cost,
#  paid for from, what it should change, how we measure it, who leads it, status)
INCLUSION_ACTIVITIES = [
    (
        "Speech and language groups",
        "A trained teaching assistant runs small talking groups three mornings a week.",
        "Speech and language",
        "group",
        "Reception and Year 1",
        6_500,
        "imf",
        "Children speak in longer sentences and follow instructions in class.",
        "A language check in the autumn and again in the summer.",
        "SENCO",
        "in_progress",
    ),
    (
        "Reading catch-up sessions",
        "Short daily one-to-one reading sessions with a trained reading tutor.",
        "Reading",
        "sen_support",
        "",
        5_500,
        "imf",
        "Children read with more confidence and close the gap with their classmates.",
        "Reading checks every term, and what children and parents tell us.",
        "English lead",
        "in_progress",
    ),
    (
        "A calm room and trained lunchtime staff",
        "A quiet room open at busy times, and training for lunchtime staff in helping "
        "children who feel overwhelmed.",
        "Busy times of the day",
        "all",
        "",
        3_000,
        "imf",
        "Children settle quickly after playtime and lunchtime and lose less learning.",
        "How often children need time out of class, counted each half term.",
        "Deputy headteacher",
        "planned",
    ),
    (
        "Clubs and trips for everyone",
        "Extra staff, transport and equipment so that children with SEND can join clubs "
        "and trips with their friends.",
        "Joining in clubs and trips",
        "sen_support",
        "including those with an EHC plan",
        3_000,
        "imf",
        "Children with SEND take part in clubs and trips as often as their classmates.",
        "Club registers and trip lists, checked each term.",
        "Headteacher",
        "planned",
    ),
    (
        "Speech and language therapist visits",
        "A speech and language therapist visits every fortnight to advise staff and set targets.",
        "Speech and language",
        "ehc_plan",
        "",
        4_200,
        "notional_sen",
        "Staff use the therapist's advice every day in class.",
        "The therapist's reviews of each child's targets.",
        "SENCO",
        "in_progress",
    ),
    (
        "Books matched to each child's reading level",
        "New reading books that match the sounds children have learnt.",
        "Reading",
        "group",
        "Years 1 and 2",
        1_200,
        "pupil_premium",
        "Children practise reading at home with books they can read.",
        "Reading records and termly reading checks.",
        "English lead",
        "done",
    ),
]

EQUALITY_INTRODUCTION = html(
    "The law asks every school to treat pupils fairly and to help them get on well "
    "together. This page explains how we do that, and the goals we have set ourselves."
)
EQUALITY_INFORMATION = html(
    "We welcome every child, whatever their disability, race, sex, religion or belief, "
    "and whatever their family looks like. This is how we meet the public sector equality "
    "duty for pupils with protected characteristics:",
    [
        "<b>Stopping unfair treatment</b>: we record every incident of bullying or "
        "name-calling about a child's disability, race, religion or sex, follow it up the "
        "same week, and report how many there were to governors each term.",
        "<b>Equal chances</b>: we compare how well groups of pupils do in reading, writing "
        "and maths, and how often they come to school (for example disabled pupils and "
        "others, boys and girls), and plan extra help where a group is behind.",
        "<b>Getting on well together</b>: our assemblies and lessons cover different "
        "faiths, cultures and families, and the school council includes pupils with SEND.",
    ],
    "We check clubs and trips so that every child can take part, and we make changes for "
    "disabled pupils before they are needed rather than after. Our accessibility plan "
    "says how we are making the building and lessons easier to use.",
    "We do not publish information about any single child. Figures for small groups are "
    "given to governors only.",
)
# (objective, why we chose it, how progress is judged, target date (years after the
# objectives were published, month, day) or None, progress so far, status).
EQUALITY_OBJECTIVES = [
    (
        "Close the gap in attendance between pupils with SEND and other pupils to 2 "
        "percentage points or less",
        "Pupils with SEND missed more school than their classmates last year, often because "
        "of appointments and anxiety about coming in.",
        "The attendance figures of both groups, which the office checks every half term and "
        "shares with governors each term.",
        (2, 7, 20),
        "The gap has narrowed since we started morning check-ins with a named adult.",
        "in_progress",
    ),
    (
        "Make sure every after-school club has places taken up by disabled pupils and by "
        "pupils eligible for free school meals",
        "Fewer of these pupils came to clubs, so they missed out on sport, music and "
        "friendships outside lessons.",
        "The club registers each term, compared with the make-up of the whole school.",
        (2, 3, 31),
        "Two clubs have moved to lunchtime so that pupils who travel by taxi can join.",
        "in_progress",
    ),
    (
        "Every pupil can name at least one way their class learns about different "
        "families, faiths and cultures",
        "Pupils told us in our survey that they wanted to learn more about each other's "
        "backgrounds.",
        "A short pupil survey every summer term, with a target that at least 9 in 10 pupils "
        "can give an example.",
        (3, 7, 20),
        "",
        "not_started",
    ),
]
