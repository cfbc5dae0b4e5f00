"""Demo glossary and SEN support page for the fictional school (pattern: demo/home.py).

Written for parents in plain English. Only what is missing is created.
"""

from datetime import date

from wagtail.rich_text import RichText

from home.models import StandardPage
from senreport.models import GlossaryPage, GlossaryTerm, SENSupportPage

from .home import ensure_child, p

# The day the demo's "proposed, not yet law" box was last checked against the proposals.
PROPOSALS_CHECKED_ON = date(2026, 11, 30)

# (term, abbreviation, definition)
GLOSSARY = [
    (
        "Special educational needs",
        "SEN",
        "A child has special educational needs when they find learning much harder than most "
        "children of their age, or have a disability that gets in the way of learning, and "
        "so need help that is extra to, or different from, what other children get.",
    ),
    (
        "Special educational needs and disabilities",
        "SEND",
        "A short way of talking about children and young people who have special educational "
        "needs, a disability, or both.",
    ),
    (
        "Special educational needs co-ordinator",
        "SENCO",
        "The teacher who organises support for children with SEN across the school, advises "
        "other staff and is your main contact about SEN. Every mainstream school must have one.",
    ),
    (
        "SEN support",
        "",
        "The extra or different help a school gives a child with SEN from its own resources, "
        "planned with parents and reviewed regularly. Most children with SEN have SEN support.",
    ),
    (
        "Education, Health and Care plan",
        "EHC plan",
        "A legal document from the council for a child or young person up to 25 who needs more "
        "help than a school can normally give. It describes their needs and the support they "
        "must get, and is reviewed at least once a year.",
    ),
    (
        "Education, Health and Care needs assessment",
        "EHC needs assessment",
        "A detailed look by the council at a child's education, health and care needs, to "
        "decide whether they need an EHC plan. Parents, schools and young people can ask for one.",
    ),
    (
        "SEND Information, Advice and Support Service",
        "SENDIASS",
        "A free, confidential service in every council area that gives impartial advice about "
        "SEND to parents, children and young people. It is separate from schools and councils.",
    ),
    (
        "Local Offer",
        "",
        "The council's website listing the support and services for children and young people "
        "with SEND in its area, and how to get them.",
    ),
    (
        "Graduated approach",
        "",
        "The way schools give SEN support: a cycle of four steps (assess, plan, do, review) "
        "that repeats, so support keeps getting better matched to the child.",
    ),
    (
        "Provision map",
        "",
        "A chart a school keeps of all the extra help it gives: what it is, who gets it and how "
        "often. It helps the school check what works.",
    ),
    (
        "Notional SEN budget",
        "",
        "The part of a mainstream school's money that is meant for supporting children with "
        "SEN. It is not a separate pot: the school decides how to use it.",
    ),
    (
        "SEN support plan",
        "",
        "A written plan, made with you and your child, of the outcomes your child is working "
        "towards, the support they will have and when it will be reviewed.",
    ),
    (
        "Outcomes",
        "",
        "What everyone agrees a child should be able to do, or do better, after a period of "
        "support. Good outcomes are clear enough to check.",
    ),
    (
        "Educational psychologist",
        "EP",
        "A specialist in how children learn and develop. They observe and assess children and "
        "advise schools and families on how to help.",
    ),
    (
        "Speech and language therapy",
        "SALT",
        "Help from a trained therapist for children who find it hard to speak, understand "
        "language, communicate with others, or eat and drink safely.",
    ),
    (
        "Occupational therapy",
        "OT",
        "Help for children who find everyday tasks hard, such as writing, dressing, using "
        "cutlery or coping with noise and busy places.",
    ),
    (
        "Child and Adolescent Mental Health Services",
        "CAMHS",
        "NHS services that assess and support children and young people with emotional, "
        "behavioural or mental health difficulties.",
    ),
    (
        "Preparing for adulthood",
        "PfA",
        "Planning, from the teenage years, for the life a young person wants as an adult: "
        "work or study, living independently, friendships and good health.",
    ),
    (
        "Local authority",
        "LA",
        "The council. It runs the Local Offer, carries out EHC needs assessments and writes "
        "EHC plans.",
    ),
    (
        "Teaching assistant",
        "TA",
        "A member of staff who supports teachers and pupils in class, in small groups or one "
        "to one.",
    ),
    (
        "Autism spectrum condition",
        "ASC",
        "A lifelong difference in how a person communicates, relates to other people and "
        "experiences the world. Also called autism or autism spectrum disorder (ASD).",
    ),
    (
        "Attention deficit hyperactivity disorder",
        "ADHD",
        "A condition that affects attention, activity levels and self-control, so a child may "
        "find it hard to concentrate, sit still or wait their turn.",
    ),
    (
        "Social, emotional and mental health",
        "SEMH",
        "One of the four broad areas of SEN: needs that show in a child's feelings, behaviour, "
        "friendships or mental health.",
    ),
    (
        "Speech, language and communication needs",
        "SLCN",
        "Difficulty with talking, understanding what others say, or using language to get on "
        "with people.",
    ),
    (
        "Specific learning difficulty",
        "SpLD",
        "A difficulty with one particular part of learning, such as reading and spelling "
        "(dyslexia), maths (dyscalculia) or coordination (dyspraxia).",
    ),
    (
        "Moderate learning difficulty",
        "MLD",
        "When a child learns more slowly than most children of their age across most "
        "subjects, and needs adapted work and extra help.",
    ),
    (
        "Early Years Foundation Stage",
        "EYFS",
        "The stage of learning from birth to the end of the Reception year, and the rules "
        "nurseries, childminders and schools follow for children of that age.",
    ),
    (
        "Hearing impairment",
        "HI",
        "Hearing loss of any level, from mild to profound, in one or both ears.",
    ),
    (
        "Visual impairment",
        "VI",
        "Sight loss that glasses alone cannot correct.",
    ),
    (
        "Department for Education",
        "DfE",
        "The government department responsible for schools, including the rules on SEND.",
    ),
    (
        "SEND Code of Practice",
        "",
        "The government's guidance that schools, councils and health services must follow "
        "when supporting children and young people with SEND from birth to 25.",
    ),
    (
        "Reasonable adjustments",
        "",
        "Changes a school must make so that disabled pupils are not at a disadvantage, such as "
        "extra time, different equipment or a change to a rule.",
    ),
    (
        "Annual review",
        "",
        "The meeting held at least once a year to check whether an EHC plan is still right "
        "and to agree any changes.",
    ),
    (
        "Individual Support Plan",
        "ISP",
        "A new kind of written support plan proposed in the government's SEND White Paper of "
        "February 2026. It is a proposal, not law: nothing has changed yet, and SEN support "
        "and EHC plans carry on as now.",
    ),
    (
        "SEND White Paper",
        "",
        "A document of February 2026 in which the government proposed changes to support for "
        "children with SEND. A white paper is a plan, not a law: the changes happen only if "
        "Parliament passes a new law.",
    ),
    (
        "First-tier Tribunal (SEND)",
        "",
        "An independent court that decides appeals from parents and young people who disagree "
        "with some council decisions about EHC needs assessments and EHC plans.",
    ),
    (
        "Protected characteristics",
        "",
        "The things the Equality Act 2010 protects people from being treated unfairly "
        "because of. For pupils these are disability, race, sex, religion or belief, sexual "
        "orientation, gender reassignment, and pregnancy or maternity.",
    ),
    (
        "Public sector equality duty",
        "",
        "The law that asks schools and other public bodies to remove unfair treatment, give "
        "everyone the same chances, and help people from different groups get on well.",
    ),
]


def seed_glossary_terms(log):
    existing = set(GlossaryTerm.objects.values_list("term", flat=True))
    missing = [row for row in GLOSSARY if row[0] not in existing]
    for term, abbreviation, definition in missing:
        GlossaryTerm.objects.create(term=term, abbreviation=abbreviation, definition=definition)
    if missing:
        log(f"Added {len(missing)} glossary terms")


def build_glossary_page():
    return GlossaryPage(
        title="Glossary: SEND words explained",
        search_description="What the words and abbreviations used about SEND mean, from A to Z.",
        introduction=p(
            "Schools, councils and health services use a lot of special words and "
            "abbreviations. Here they are in plain English. If a word you need is "
            "missing, tell us and we will add it."
        ),
    )


def seed_glossary_page(section, log):
    return ensure_child(section, "glossary", build_glossary_page, log)


def _quote(paragraph, quote, explanation=""):
    return (
        "code_of_practice_quote",
        {"quote": quote, "paragraph": paragraph, "explanation": RichText(explanation)},
    )


def _heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def sen_support_body(glossary_page, complaints_page):
    useful = [
        {
            "page": glossary_page,
            "title": "",
            "description": "What the words and abbreviations on this page mean.",
        },
        {
            "url": "https://www.gov.uk/children-with-special-educational-needs",
            "title": "Children with special educational needs and disabilities (GOV.UK)",
            "description": "The government's guide for parents.",
        },
        {
            "url": "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
            "title": "SEND Code of Practice: 0 to 25 years (GOV.UK)",
            "description": "The guidance that schools and councils must follow.",
        },
    ]
    if complaints_page is not None:
        useful.insert(
            1,
            {
                "page": complaints_page,
                "title": "Our complaints procedure",
                "description": "What to do if you are unhappy with the support.",
            },
        )
    return [
        _heading("What SEN support is"),
        (
            "paragraph",
            RichText(
                "<p>A child has special educational needs (SEN) when they find learning much "
                "harder than most children of the same age, or have a disability that makes "
                "it hard to use what school normally offers. They need help that is extra to, "
                "or different from, what other children get. In a mainstream school that help "
                "is called SEN support.</p>"
                "<p>When your child has SEN support, we will:</p>"
                "<ul><li>tell you that we are giving it</li>"
                "<li>note it in your child's school record</li>"
                "<li>plan the support with you and your child</li>"
                "<li>check regularly that it is working, and change it if it is not</li></ul>"
            ),
        ),
        _heading("Who decides", "h3"),
        (
            "paragraph",
            p(
                "Teachers check every child's progress through the year. When a child is "
                "falling behind, or not moving on as we would expect, the class teacher talks "
                "to our special educational needs co-ordinator (SENCO). Together, and with "
                "you, they decide whether your child has SEN and needs SEN support.",
                "You do not have to wait for us. If you are worried about your child, talk to "
                "their class teacher or the SENCO: you know your child best.",
            ),
        ),
        _quote(
            "6.17",
            "Class and subject teachers, supported by the senior leadership team, should "
            "make regular assessments of progress for all pupils. These should seek to "
            "identify pupils making less than expected progress given their age and "
            "individual circumstances.",
            "<p>In other words: we keep an eye on every child's progress, so that we notice "
            "early when someone needs more help.</p>",
        ),
        (
            "graduated_approach",
            {
                "heading": "The graduated approach: assess, plan, do, review",
                "introduction": p(
                    "SEN support follows a cycle of four steps. We go round it again and "
                    "again, and each time we learn more about what helps your child."
                ),
                "assess": p(
                    "The class teacher and the SENCO bring together what we know: your "
                    "child's progress, what they find hard, what they enjoy, and what you and "
                    "your child tell us. Sometimes we ask a specialist for advice. We always "
                    "talk to you first."
                ),
                "plan": p(
                    "We meet you to agree what your child should achieve next (the outcomes), "
                    "the support that will help, who will give it, and a date to look at how "
                    "it is going. We write this in an SEN support plan and give you a copy."
                ),
                "do": p(
                    "Your child's class teacher is responsible for the support every day, "
                    "even when a teaching assistant or a specialist gives some of it. The "
                    "SENCO helps the teacher and checks that the plan is followed."
                ),
                "review": p(
                    "On the agreed date we meet again. We look at what worked and what did "
                    "not, listen to you and your child, and decide the next step: carry on, "
                    "change the support or ask for more advice. Then the cycle starts again."
                ),
            },
        ),
        _quote(
            "6.44",
            "Where a pupil is identified as having SEN, schools should take action to remove "
            "barriers to learning and put effective special educational provision in place.",
        ),
        _heading("Kinds of support"),
        (
            "support_options",
            {
                "heading": "",
                "introduction": p(
                    "Every child's support is different, because every child is different. "
                    "It might include:"
                ),
                "options": [
                    {
                        "title": "Teaching adapted for your child",
                        "description": "Work at the right level, instructions in small steps, "
                        "or extra time to finish.",
                    },
                    {
                        "title": "Small-group or one-to-one sessions",
                        "description": "Short, regular sessions with a teacher or teaching "
                        "assistant, for example on reading, number, or talking and listening.",
                    },
                    {
                        "title": "Help to join in",
                        "description": "Support at playtime and lunchtime, a buddy, and help "
                        "to take part in class activities and trips.",
                    },
                    {
                        "title": "Equipment",
                        "description": "For example a writing slope, ear defenders, coloured "
                        "overlays or a picture timetable.",
                    },
                    {
                        "title": "Support for feelings and friendships",
                        "description": "A trusted adult to check in with, a calm space, or a "
                        "small group that builds confidence.",
                    },
                    {
                        "title": "Personal and physical care",
                        "description": "Help with eating, moving around school safely, "
                        "dressing or using the toilet.",
                    },
                    {
                        "title": "Advice from specialists",
                        "description": "Such as an educational psychologist (EP), a speech "
                        "and language therapist (SALT) or an occupational therapist (OT).",
                    },
                ],
            },
        ),
        _heading("SEN support plans and provision maps"),
        (
            "paragraph",
            p(
                "We write your child's support down in an SEN support plan. It says what your "
                "child is good at, what they find hard, the outcomes we are aiming for, the "
                "support they will get and when we will review it. You and your child help "
                "to write it, and you get a copy.",
                "We also keep a provision map: a chart of all the extra help the school gives, "
                "who has it and how often. It helps us see which support works best.",
            ),
        ),
        _heading("How SEN support is paid for"),
        (
            "paragraph",
            p(
                "Every mainstream school has money in its budget for children with SEN, called "
                "the notional SEN budget. 'Notional' means it is not a separate pot of money: "
                "the school decides how to use it to meet children's needs.",
                "Your child does not need a diagnosis to have SEN support, and you never pay "
                "for it.",
            ),
        ),
        _heading("Meeting you at least three times a year"),
        _quote(
            "6.65",
            "Where a pupil is receiving SEN support, schools should talk to parents regularly "
            "to set clear outcomes and review progress towards them, discuss the activities "
            "and support that will help achieve them, and identify the responsibilities of "
            "the parent, the pupil and the school. Schools should meet parents at least three "
            "times each year.",
            "<p>We meet you at least once a term to review your child's SEN support plan, "
            "usually with the class teacher and sometimes with the SENCO. If you want to talk "
            "sooner, just ask the office for an appointment.</p>",
        ),
        _heading("If your child needs more help"),
        (
            "paragraph",
            p(
                "Most children make good progress with SEN support. If your child has been "
                "round the cycle several times and is still not making the progress we hoped, "
                "or needs much more help than a school can usually give, we will talk with "
                "you about asking the council for an Education, Health and Care needs "
                "assessment (EHC needs assessment).",
                "The assessment looks at your child's education, health and care needs "
                "together. It may lead to an Education, Health and Care plan (EHC plan): a "
                "legal document that sets out the support your child must get.",
            ),
        ),
        (
            "callout",
            {
                "title": "You can ask the council yourself",
                "text": p(
                    "You do not need the school's agreement to ask for an EHC needs "
                    "assessment. The SENDIASS service below can explain how, and help you "
                    "write the request."
                ),
                "tone": "important",
            },
        ),
        (
            "proposed_changes",
            {
                "heading": "Changes that are proposed, not yet law",
                "checked_on": PROPOSALS_CHECKED_ON,
                "proposals": [
                    {
                        "name": "Individual Support Plans",
                        "description": "The government's SEND White Paper (February 2026) "
                        "suggests that every child on SEN support should have a written plan "
                        "of this name, kept by the school.",
                    },
                    {
                        "name": "National inclusion standards",
                        "description": "One description, for the whole of England, of the "
                        "support every school and council should offer children with SEND.",
                    },
                    {
                        "name": "A new SEND Code of Practice",
                        "description": "The guidance that schools and councils follow would be "
                        "rewritten to match any new law.",
                    },
                ],
                "what_it_means_now": RichText(
                    "<p>Nothing has changed yet. The law today still applies: your child keeps "
                    "their SEN support and any EHC plan, and you can still ask the council for "
                    "an EHC needs assessment. If the law changes, we will tell you what it "
                    "means for your child.</p>"
                ),
            },
        ),
        _heading("Before school and after 16"),
        (
            "paragraph",
            p(
                "SEN support is not only for school-age children. Nurseries, pre-schools and "
                "childminders use the same four-step cycle for children under five, within "
                "the Early Years Foundation Stage (EYFS). Sixth forms and colleges use it for "
                "young people aged 16 to 25, with a strong focus on preparing for adulthood "
                "(PfA): work or study, living independently, friends and good health. The "
                "amount and kind of support can differ from one setting to another.",
                "When your child moves on, we share what helps them, with your agreement, so "
                "that their support carries on.",
            ),
        ),
        _heading("Free, independent advice"),
        (
            "paragraph",
            p(
                "The SEND Information, Advice and Support Service (SENDIASS) gives free, "
                "confidential and impartial advice. It is separate from the school and the "
                "council. It can explain SEN support and your rights, help you get ready for "
                "meetings, and tell you about local support groups."
            ),
        ),
        (
            "contact_card",
            {
                "source": "sendiass",
                "title": "",
                "note": "Free for parents and carers, and for young people themselves.",
            },
        ),
        (
            "useful_links",
            {"heading": "Useful links", "include_local_offer": True, "links": useful},
        ),
        (
            "questions",
            {
                "heading": "Questions parents ask",
                "items": [
                    {
                        "question": "Does my child need a diagnosis to have SEN support?",
                        "answer": p(
                            "No. Support is based on what your child needs, not on a label. "
                            "Many children have SEN support without any diagnosis."
                        ),
                    },
                    {
                        "question": "Will my child be taken out of lessons?",
                        "answer": p(
                            "Most help happens in class. Short sessions outside the classroom "
                            "are timed so that your child does not keep missing the same "
                            "lesson."
                        ),
                    },
                    {
                        "question": "What if I do not agree with the support?",
                        "answer": p(
                            "Talk to the class teacher or the SENCO first: most worries are "
                            "sorted out this way. If you are still unhappy, our complaints "
                            "procedure explains the next steps, and SENDIASS can advise you."
                        ),
                    },
                    {
                        "question": "Can SEN support stop?",
                        "answer": p(
                            "Yes. If your child no longer needs extra help, we agree with you "
                            "to stop it, and we keep checking that all is well."
                        ),
                    },
                ],
            },
        ),
    ]


def seed_sen_support_page(section, glossary_page, log):
    # The complaints procedure of this school: every school has a page at this address.
    home = section.get_parent()
    complaints = (
        StandardPage.objects.descendant_of(home).filter(slug="complaints-procedure").first()
    )
    page, _ = ensure_child(
        section,
        "sen-support",
        lambda: SENSupportPage(
            title="SEN support: how we help your child",
            search_description=(
                "What SEN support is, the assess, plan, do, review cycle, and what you can "
                "expect from us."
            ),
            introduction=(
                "Most children with special educational needs get the help they need from "
                "their own school. This page explains that help, how we plan it with you, "
                "and what happens if your child needs more."
            ),
            body=sen_support_body(glossary_page, complaints),
        ),
        log,
    )
    return page


def seed(section, log, school=None):
    seed_glossary_terms(log)
    glossary_page, created = seed_glossary_page(section, log)
    # SEN support is how mainstream schools help children without an EHC plan; in a
    # special school every pupil has a plan, so it has no SEN support page.
    if school is None or school.kind != "special":
        seed_sen_support_page(section, glossary_page, log)
    if created:
        # The SEND section lists its pages in tree order: the glossary goes last.
        glossary_page.move(section, pos="last-child")
