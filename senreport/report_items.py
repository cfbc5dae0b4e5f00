"""The sections of the SEN Information Report, one per item of the statutory checklist.

This list is the one place that says, for each legal item: the model field that holds it,
the parent-facing question (the default heading, which editors may reword), the legal
basis, the guidance editors see beside the field, and the item's special cases: its
extra fields (the broad areas of need, the SENCO's contact, the complaints procedure, the
SEN policy), the editor tab it sits on, and its own rule (checked after its text, or on
the school details for SENDIASS and the Local Offer). The page model builds its fields,
editor tabs and panels from it, `reading.report_sections` the public sections and
anchors, and the compliance registry one check per item. (The report template still
picks the markup of the sections with their own part by `section.kind`.)
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from home.text import has_text, plain_text

from .compliance.registry import Outcome

NO_REPORT = "There is no published SEN Information Report yet."
# The Code of Practice (6.65) expects three meetings a year for pupils on SEN support.
THREE_TIMES_A_YEAR = re.compile(
    r"\b(three|3)\s+times\s+(a|each|every|per)\s+(school\s+)?year\b|\btermly\b|"
    r"\b(each|every|once\s+a)\s+term\b",
    re.IGNORECASE,
)

# The editor's tabs for the report's sections, in order.
NEEDS_TAB = "Needs and teaching"
PEOPLE_TAB = "People and working together"
ADVICE_TAB = "Advice, moving on and the Local Offer"
ITEM_TABS = (NEEDS_TAB, PEOPLE_TAB, ADVICE_TAB)


@dataclass(frozen=True)
class Group:
    """Extra fields shown together under a heading in the item's editor panel."""

    heading: str
    fields: tuple
    help_text: str = ""


@dataclass(frozen=True)
class ReportItem:
    check_id: str
    field: str
    question: str
    legal_basis: str
    guidance: str
    must: bool = True
    mainstream_only: bool = False
    # False where the item is met by data kept elsewhere (the SENDIASS and Local Offer
    # links come from the school details) and the section's own text is optional.
    text_required: bool = True
    # False where the section has no rich text of its own (the SENCO's is a contact).
    text_field: bool = True
    tab: str = NEEDS_TAB
    # The item's own fields in the editor, shown before its text: a field name, a tuple
    # of names (one row) or a `Group`.
    extra_fields: tuple = ()
    # The item's own rule once its text is there: `rule(report, where)` returns an
    # Outcome when something is wrong, else None.
    rule: Callable | None = field(default=None, compare=False)
    # A rule on the school details, checked before the report itself.
    settings_rule: Callable | None = field(default=None, compare=False)
    # The check's title and explanation where they differ from the question and guidance.
    check_title: str = ""
    check_explanation: str = ""
    fix_in_settings: bool = False
    # True where the public page shows the section with its own template part, even
    # without text; `shown` can still leave it out.
    own_section: bool = False
    shown: Callable | None = field(default=None, compare=False)
    # How schools' own reports word this item: the regulation's words, the headings of
    # the old "fourteen questions" format and common phrasings. The importer
    # (senreport/importing/matching.py) matches a school's sections against these.
    phrasings: tuple = ()

    @property
    def extra_field_names(self):
        names = []
        for entry in self.extra_fields:
            if isinstance(entry, Group):
                names.extend(entry.fields)
            elif isinstance(entry, tuple):
                names.extend(entry)
            else:
                names.append(entry)
        return tuple(names)

    @property
    def edited_fields(self):
        "''Every field an editor fills in for this item.''"
        text = (self.field,) if self.text_field else ()
        return (self.heading_field, *self.extra_field_names, *text)

    @property
    def heading_field(self):
        return f"{self.field}_heading"

    def shown_on(self, page):
        "''Whether the public page shows this section.''"
        if self.shown is not None and not self.shown(page):
            return False
        return self.own_section or has_text(getattr(page, self.field, None))

    @property
    def anchor(self):
        """The section's id on the public page. Derived from the field name, never from
        the heading, so links from the Local Offer and inspectors survive rewording."""
        return self.field.replace("_", "-")


BROAD_AREAS = (
    ("need_communication_interaction", "Communication and interaction"),
    ("need_cognition_learning", "Cognition and learning"),
    ("need_social_emotional_mental_health", "Social, emotional and mental health"),
    ("need_sensory_physical", "Sensory and/or physical"),
)


def complaints_procedure_url(report):
    return report.complaints_procedure_url if report else ""


def sen_policy_published(report):
    return bool(report and (report.sen_policy_combined or report.sen_policy_url))


def _broad_area_ticked(report, where):
    if not report.broad_areas:
        return Outcome.fail(
            "Tick at least one of the four broad areas of need.",
            fields=tuple(name for name, _ in BROAD_AREAS),
            **where,
        )
    return None


def _senco_contact(report, where):
    if not report.senco_name:
        return Outcome.fail("The SENCO's name is missing.", fields=("senco_name",), **where)
    if not (report.senco_email or report.senco_phone):
        return Outcome.fail(
            "Give a work e-mail address or phone number for the SENCO.",
            fields=("senco_email", "senco_phone"),
            **where,
        )
    return None


def _meets_parents_termly(report, where):
    if not THREE_TIMES_A_YEAR.search(plain_text(report.parents)):
        return Outcome.warn(
            "Say that you meet parents of pupils on SEN support at least three times a "
            "year (SEND Code of Practice 6.65).",
            **where,
        )
    return None


def _complaints_linked(report, where):
    if not complaints_procedure_url(report):
        return Outcome.fail(
            "Choose the complaints procedure (a page or a document) so the report links it.",
            fields=("complaints_procedure_page",),
            **where,
        )
    return None


def _sendiass_in_settings(data, where):
    school = data.school
    if not school.sendiass_name:
        return Outcome.fail("Add your local SENDIASS to the school details.", **where)
    if not (school.sendiass_phone or school.sendiass_email or school.sendiass_url):
        return Outcome.fail(
            "Add a phone number, e-mail or website for SENDIASS in the school details.", **where
        )
    return None


def _local_offer_in_settings(data, where):
    if not data.school.local_offer_links:
        return Outcome.fail("Add the council's Local Offer web address to the school details.")
    return None


def _policy_linked(report, where):
    if not sen_policy_published(report):
        return Outcome.fail(
            "Link the SEN policy, or tick that this report is also your SEN policy.",
            fields=("sen_policy_page",),
            **where,
        )
    return None


KINDS_OF_NEED = ReportItem(
    "sir.kinds_of_need",
    "kinds_of_need",
    "What kinds of special educational needs does the school provide for?",
    "SEND Regulations 2014, Schedule 1 paragraph 1",
    "Tick the broad areas of need you provide for, then describe in everyday words the "
    "needs your pupils have and what the school is set up to support.",
    extra_fields=(
        Group(
            "The four broad areas of need (SEND Code of Practice 6.28 to 6.35)",
            tuple(name for name, _ in BROAD_AREAS),
            help_text="Tick at least one area that the school provides for.",
        ),
    ),
    rule=_broad_area_ticked,
    own_section=True,
    phrasings=(
        "what needs our pupils have; needs we meet; conditions, difficulties and disabilities "
        "we support",
        "the kinds of special educational needs for which provision is made at the school",
        "What types of SEN do we provide for?",
        "the needs we provide for; types of need; range of needs",
        "Which special educational needs does the school cater for?",
        "broad areas of need: communication and interaction, cognition and learning, social "
        "emotional and mental health, sensory and physical",
        "autism, dyslexia, speech and language difficulties, moderate learning difficulties",
    ),
)
IDENTIFICATION = ReportItem(
    "sir.identification",
    "identification",
    "How does the school know if my child needs extra help, and how are needs assessed?",
    "SEND Regulations 2014, Schedule 1 paragraph 2",
    "Explain how staff notice that a child may have special educational needs, how "
    "parents can raise a concern, and how needs are then assessed.",
    mainstream_only=True,
    phrasings=(
        "spotting a difficulty; noticing early; finding out what a child needs; worried about "
        "my child; checks and tests to find needs",
        "policies for identifying children and young people with special educational needs and "
        "assessing their needs",
        "How does the school know if children need extra help?",
        "What should I do if I think my child may have special educational needs?",
        "identifying and assessing needs; early identification; concerns raised by parents or "
        "teachers",
        "screening, observation, assessment, referral to the SENCO",
    ),
)
EVALUATING_EFFECTIVENESS = ReportItem(
    "sir.evaluating_effectiveness",
    "evaluating_effectiveness",
    "How does the school check that its SEN provision works?",
    "SEND Regulations 2014, Schedule 1 paragraph 3(a)",
    "Say how you judge whether the support you give is making a difference, for example "
    "progress reviews, pupil and parent views, and reports to governors.",
    phrasings=(
        "arrangements for assessing and reviewing the effectiveness of the provision made for "
        "pupils with special educational needs",
        "How do we know our provision is effective?",
        "How do you know whether the support is working and making a difference?",
        "evaluating the impact of interventions; monitoring the quality of SEN provision; "
        "reporting to governors",
        "provision map, impact, outcomes, audit, governors' SEND report, school improvement",
    ),
)
ASSESSING_PROGRESS = ReportItem(
    "sir.assessing_progress",
    "assessing_progress",
    "How will the school assess and review my child's progress?",
    "SEND Regulations 2014, Schedule 1 paragraph 3(b); SEND Code of Practice 6.44 to 6.56",
    "Describe the assess, plan, do, review cycle and how parents and the pupil take part "
    "in each review.",
    phrasings=(
        "arrangements for assessing and reviewing the progress of pupils with special "
        "educational needs",
        "How will I know how my child is doing?",
        "How will you measure my child's progress?",
        "assess, plan, do, review; the graduated approach; progress reviews; targets; support "
        "plan; annual review of an EHC plan",
    ),
)
TEACHING_APPROACH = ReportItem(
    "sir.teaching_approach",
    "teaching_approach",
    "How are pupils with SEN taught?",
    "SEND Regulations 2014, Schedule 1 paragraph 3(c)",
    "Describe the everyday teaching that helps pupils with SEN: high-quality teaching, "
    "small steps, visual support, time with adults.",
    phrasings=(
        "everyday teaching; learning through play; teaching strategies in lessons; how children"
        " learn",
        "the approach to teaching pupils with special educational needs",
        "How will school staff support my child?",
        "How do teachers teach my child in class?",
        "quality first teaching; high quality teaching; adaptive teaching; differentiation in "
        "the classroom",
    ),
)
ADAPTATIONS = ReportItem(
    "sir.adaptations",
    "adaptations",
    "How are the curriculum and the learning environment adapted?",
    "SEND Regulations 2014, Schedule 1 paragraph 3(d); SEND Code of Practice 6.82",
    "Give examples of how lessons, resources, classrooms and routines are changed so that "
    "pupils with SEN can learn alongside others.",
    phrasings=(
        "exam access arrangements; extra time; a reader or scribe; changes to tasks, resources "
        "and rooms",
        "how adaptations are made to the curriculum and the learning environment of pupils with"
        " special educational needs",
        "How will the curriculum be matched to my child's needs?",
        "adapting the curriculum; making reasonable adjustments; resources, seating, visual "
        "timetables, quiet spaces, the classroom environment",
    ),
)
ADDITIONAL_SUPPORT = ReportItem(
    "sir.additional_support",
    "additional_support",
    "What additional learning support is available?",
    "SEND Regulations 2014, Schedule 1 paragraph 3(e)",
    "List the extra help on offer beyond everyday teaching: small groups, one-to-one "
    "sessions, named programmes, and who delivers them.",
    phrasings=(
        "catch-up groups; extra sessions; small groups for talking, reading or maths; time with"
        " an adult",
        "additional support for learning that is available to pupils with special educational "
        "needs",
        "What extra help is available for my child?",
        "How are the school's resources allocated and matched to children's special educational"
        " needs?",
        "How is the decision made about what type and how much support my child will receive?",
        "interventions, small group work, one-to-one support, teaching assistants, catch-up "
        "programmes, phonics, reading and maths intervention",
    ),
)
ACTIVITIES = ReportItem(
    "sir.activities",
    "activities",
    "How will my child take part in activities, trips and physical activity alongside "
    "other pupils?",
    "SEND Regulations 2014, Schedule 1 paragraph 3(f)",
    "Explain how clubs, trips, sport and residentials are planned so that pupils with SEN "
    "or disabilities can join in.",
    phrasings=(
        "activities that are available for pupils with special educational needs in addition to"
        " those available in accordance with the curriculum",
        "How will my child be included in activities outside the classroom, including school "
        "trips?",
        "clubs, after-school activities, trips, visits, residential, sport, physical education,"
        " PE, extra-curricular, risk assessment",
    ),
)
WELLBEING = ReportItem(
    "sir.wellbeing",
    "wellbeing",
    "What support is there for emotional, mental and social development?",
    "SEND Regulations 2014, Schedule 1 paragraph 3(g); SEND Code of Practice 6.79",
    "Describe pastoral support, how pupils' views are heard, and how bullying is prevented.",
    phrasings=(
        "student support centre; mentors; feeling anxious, low or worried; a safe place at "
        "break and lunch",
        "support that is available for improving the emotional, mental and social development "
        "of pupils with special educational needs",
        "What support will there be for my child's overall well-being?",
        "How do you help my child with feelings, worries and friendships?",
        "pastoral care, emotional wellbeing, mental health, anti-bullying, bullying, "
        "friendships, nurture group, ELSA, behaviour, worries, feelings",
    ),
)
SENCO = ReportItem(
    "sir.senco",
    "senco",
    "Who is the SENCO and how do I contact them?",
    "SEND Regulations 2014, Schedule 1 paragraph 4",
    "The name and work contact details of your special educational needs co-ordinator. A "
    "shared role mailbox is better than a personal address. These details appear wherever "
    "the site mentions the SENCO.",
    mainstream_only=True,
    text_field=False,
    tab=PEOPLE_TAB,
    extra_fields=(
        "senco_name",
        "senco_role",
        ("senco_email", "senco_phone"),
        "senco_qualification",
    ),
    rule=_senco_contact,
    check_explanation="The SENCO's name and a work e-mail address or phone number.",
    own_section=True,
    shown=lambda page: bool(page.senco_name),
    phrasings=(
        "the name and contact details of the SEN co-ordinator",
        "Who is the special educational needs co-ordinator?",
        "SENCO, SENDCo, contact the SENCO, email, phone, telephone, qualification, National "
        "Award for SEN Co-ordination, NPQ",
    ),
)
EXPERTISE = ReportItem(
    "sir.expertise",
    "expertise",
    "What training and expertise do staff have, and how is specialist expertise secured?",
    "SEND Regulations 2014, Schedule 1 paragraph 5",
    "Summarise staff training in SEN and the specialists you work with (for example "
    "educational psychology, speech and language therapy).",
    tab=PEOPLE_TAB,
    phrasings=(
        "information about the expertise and training of staff in relation to children and "
        "young people with special educational needs and how specialist expertise will be "
        "secured",
        "What training have the staff supporting children with SEND had or are having?",
        "What specialist services and expertise are available at or accessed by the school?",
        "staff training, professional development, CPD, specialist teachers, educational "
        "psychologist, speech and language therapist",
    ),
)
EQUIPMENT = ReportItem(
    "sir.equipment",
    "equipment",
    "How are equipment and facilities secured?",
    "SEND Regulations 2014, Schedule 1 paragraph 6",
    "Explain how you get specialist equipment and adapt facilities when a pupil needs them.",
    tab=PEOPLE_TAB,
    phrasings=(
        "information about how equipment and facilities to support children and young people "
        "with special educational needs will be secured",
        "How accessible is the school environment?",
        "specialist equipment, resources, facilities, writing slopes, pencil grips, laptops, "
        "adapted furniture, hoist, funding",
    ),
)
PARENTS = ReportItem(
    "sir.parents",
    "parents",
    "How are parents consulted and involved?",
    "SEND Regulations 2014, Schedule 1 paragraph 7; SEND Code of Practice 6.65",
    "Explain how you work with parents. The Code of Practice expects schools to meet "
    "parents of pupils on SEN support at least three times a year: say so here.",
    tab=PEOPLE_TAB,
    rule=_meets_parents_termly,
    phrasings=(
        "talking with you; keeping in touch; meeting you; sharing your child's learning; your "
        "views as a parent",
        "the arrangements for consulting parents of children with special educational needs "
        "about, and involving such parents in, the education of their child",
        "How will I be involved in discussions about and planning for my child's education?",
        "working with parents and carers; parents' evenings; meetings three times a year; home-"
        "school communication; partnership with families",
    ),
)
PUPILS = ReportItem(
    "sir.pupils",
    "pupils",
    "How are pupils consulted and involved in their education?",
    "SEND Regulations 2014, Schedule 1 paragraph 8",
    "Describe how pupils share their views and help set and review their own targets.",
    tab=PEOPLE_TAB,
    phrasings=(
        "the arrangements for consulting young people with special educational needs about, and"
        " involving them in, their education",
        "How will my child be involved in decisions about their learning?",
        "pupil voice, pupil views, the child's views, one-page profile, setting their own "
        "targets, school council",
    ),
)
COMPLAINTS = ReportItem(
    "sir.complaints",
    "complaints",
    "What if I am unhappy or want to complain?",
    "SEND Regulations 2014, Schedule 1 paragraph 9",
    "Explain who to talk to first and how to complain. Choose your complaints procedure "
    "below so that the report links to it.",
    tab=PEOPLE_TAB,
    extra_fields=(("complaints_procedure_page", "complaints_procedure_document"),),
    rule=_complaints_linked,
    own_section=True,
    phrasings=(
        "any arrangements made by the governing body or the proprietor relating to the "
        "treatment of complaints from parents of pupils with special educational needs "
        "concerning the provision made at the school",
        "What do I do if I have a concern or a complaint?",
        "complaints procedure, complain, unhappy, concerns, disagreement, mediation, tribunal, "
        "appeal",
    ),
)
OTHER_BODIES = ReportItem(
    "sir.other_bodies",
    "other_bodies",
    "How does the school work with health, social care, local authority services and "
    "voluntary organisations?",
    "SEND Regulations 2014, Schedule 1 paragraph 10",
    "Name the services you work with and how families are involved when they are.",
    tab=PEOPLE_TAB,
    phrasings=(
        "health professionals; therapists; portage; the early years SEND team; social workers",
        "how the governing body involves other bodies, including health and social services "
        "bodies, local authority support services and voluntary organisations, in meeting the "
        "needs of pupils with special educational needs and in supporting the families of such "
        "pupils",
        "Which other services does the school work with?",
        "outside agencies, external agencies, health visitors, school nurse, CAMHS, social "
        "care, early help, occupational therapy, local authority services, voluntary "
        "organisations, charities",
    ),
)
SUPPORT_SERVICES = ReportItem(
    "sir.support_services",
    "support_services",
    "Where can I get independent advice and support?",
    "SEND Regulations 2014, Schedule 1 paragraph 11; Children and Families Act 2014 s.32",
    "Introduce the support services for parents. The contact details of your local SEND "
    "Information, Advice and Support Service (SENDIASS) are added automatically from the "
    "school details.",
    text_required=False,
    tab=ADVICE_TAB,
    settings_rule=_sendiass_in_settings,
    check_title="Contact details of support services for parents, including SENDIASS",
    check_explanation="The name and a phone number, e-mail or website of your local "
    "SEND Information, Advice and Support Service, from the school details.",
    fix_in_settings=True,
    own_section=True,
    phrasings=(
        "the contact details of support services for the parents of pupils with special "
        "educational needs, including those for arrangements made in accordance with section 32",
        "Where can I get information, advice and support?",
        "SENDIASS, SEND Information Advice and Support Service, parent partnership, independent"
        " advice, parent carer forum, helpline",
    ),
)
TRANSITION = ReportItem(
    "sir.transition",
    "transition",
    "How are pupils supported when they move between phases or schools, and towards adulthood?",
    "SEND Regulations 2014, Schedule 1 paragraph 12",
    "Describe how you prepare pupils for moving class, moving school and, in time, adult life.",
    tab=ADVICE_TAB,
    phrasings=(
        "careers advice; starting Reception; moving up; leaving school; next school, college or"
        " apprenticeship",
        "the school's arrangements for supporting pupils with special educational needs in a "
        "transfer between phases of education or in preparation for adulthood and independent "
        "living",
        "How will the school prepare and support my child to join the school, transfer to a new"
        " school or the next stage of education and life?",
        "transition, moving on, starting school, moving to secondary school, changing class, "
        "new year group, preparing for adulthood, college, independent living",
    ),
)
LOCAL_OFFER = ReportItem(
    "sir.local_offer",
    "local_offer",
    "Where can I find the local authority's Local Offer?",
    "SEND Regulations 2014, Schedule 1 paragraph 13; SEND Code of Practice 6.81",
    "Optional words to introduce the Local Offer. The link to each council's Local Offer "
    "is added automatically from the school details, as the law requires a visible link.",
    text_required=False,
    tab=ADVICE_TAB,
    settings_rule=_local_offer_in_settings,
    check_title="A visible link to the local authority's Local Offer",
    check_explanation="The report must link to where the council publishes its Local "
    "Offer, as a link on the page (not only inside a PDF).",
    fix_in_settings=True,
    own_section=True,
    phrasings=(
        "information on where the local authority's local offer is published",
        "Where can I find the Local Offer?",
        "Local Offer, the council's Local Offer website, services available in the local area",
    ),
)
LOOKED_AFTER = ReportItem(
    "sir.looked_after",
    "looked_after",
    "How are looked-after children with SEN supported?",
    "SEND Code of Practice 6.80",
    "Explain how the SENCO and the designated teacher for looked-after children work together.",
    must=False,
    tab=ADVICE_TAB,
    phrasings=(
        "looked after children with special educational needs",
        "How are children in care with SEN supported?",
        "looked after children, children in care, previously looked after, virtual school, "
        "designated teacher, personal education plan",
    ),
)
CONTACTS_POLICY = ReportItem(
    "sir.contacts_policy",
    "contacts_policy",
    "Who can I talk to, and where is the SEN policy?",
    "SEND Code of Practice 6.81",
    "Name who parents can contact with a worry (class teacher, SENCO, headteacher, SEND "
    "governor) and link the SEN policy, or tick that this report is also your SEN policy.",
    must=False,
    tab=ADVICE_TAB,
    extra_fields=(
        "sen_policy_combined",
        ("sen_policy_page", "sen_policy_document"),
    ),
    rule=_policy_linked,
    own_section=True,
    phrasings=(
        "Who can I contact for further information?",
        "Who should I speak to if I am worried?",
        "the SEN policy, SEND policy, key contacts, class teacher, headteacher, SEND governor, "
        "further information",
    ),
)

# In the order parents read them.
REPORT_ITEMS = (
    KINDS_OF_NEED,
    IDENTIFICATION,
    EVALUATING_EFFECTIVENESS,
    ASSESSING_PROGRESS,
    TEACHING_APPROACH,
    ADAPTATIONS,
    ADDITIONAL_SUPPORT,
    ACTIVITIES,
    WELLBEING,
    SENCO,
    EXPERTISE,
    EQUIPMENT,
    PARENTS,
    PUPILS,
    COMPLAINTS,
    OTHER_BODIES,
    SUPPORT_SERVICES,
    TRANSITION,
    LOCAL_OFFER,
    LOOKED_AFTER,
    CONTACTS_POLICY,
)

# Sections whose required content is their rich text (the SENCO's section is a contact).
TEXT_ITEMS = tuple(item for item in REPORT_ITEMS if item.text_field)
