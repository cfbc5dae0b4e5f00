"""The sections of the SEN Information Report, one per item of the statutory checklist.

This list is the one place that says, for each legal item: the model field that holds it,
the parent-facing question (the default heading, which editors may reword), the legal
basis, and the guidance editors see beside the field. The page model builds its fields
and editor panels from it, the template its sections and anchors, and the compliance
registry one check per item.
"""

from dataclasses import dataclass


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

    @property
    def heading_field(self):
        return f"{self.field}_heading"

    @property
    def anchor(self):
        """The section's id on the public page. Derived from the field name, never from
        the heading, so links from the Local Offer and inspectors survive rewording."""
        return self.field.replace("_", "-")


KINDS_OF_NEED = ReportItem(
    "sir.kinds_of_need",
    "kinds_of_need",
    "What kinds of special educational needs does the school provide for?",
    "SEND Regulations 2014, Schedule 1 paragraph 1",
    "Tick the broad areas of need you provide for, then describe in everyday words the "
    "needs your pupils have and what the school is set up to support.",
)
IDENTIFICATION = ReportItem(
    "sir.identification",
    "identification",
    "How does the school know if my child needs extra help, and how are needs assessed?",
    "SEND Regulations 2014, Schedule 1 paragraph 2",
    "Explain how staff notice that a child may have special educational needs, how "
    "parents can raise a concern, and how needs are then assessed.",
    mainstream_only=True,
)
EVALUATING_EFFECTIVENESS = ReportItem(
    "sir.evaluating_effectiveness",
    "evaluating_effectiveness",
    "How does the school check that its SEN provision works?",
    "SEND Regulations 2014, Schedule 1 paragraph 3(a)",
    "Say how you judge whether the support you give is making a difference, for example "
    "progress reviews, pupil and parent views, and reports to governors.",
)
ASSESSING_PROGRESS = ReportItem(
    "sir.assessing_progress",
    "assessing_progress",
    "How will the school assess and review my child's progress?",
    "SEND Regulations 2014, Schedule 1 paragraph 3(b); SEND Code of Practice 6.44 to 6.56",
    "Describe the assess, plan, do, review cycle and how parents and the pupil take part "
    "in each review.",
)
TEACHING_APPROACH = ReportItem(
    "sir.teaching_approach",
    "teaching_approach",
    "How are pupils with SEN taught?",
    "SEND Regulations 2014, Schedule 1 paragraph 3(c)",
    "Describe the everyday teaching that helps pupils with SEN: high-quality teaching, "
    "small steps, visual support, time with adults.",
)
ADAPTATIONS = ReportItem(
    "sir.adaptations",
    "adaptations",
    "How are the curriculum and the learning environment adapted?",
    "SEND Regulations 2014, Schedule 1 paragraph 3(d); SEND Code of Practice 6.82",
    "Give examples of how lessons, resources, classrooms and routines are changed so that "
    "pupils with SEN can learn alongside others.",
)
ADDITIONAL_SUPPORT = ReportItem(
    "sir.additional_support",
    "additional_support",
    "What additional learning support is available?",
    "SEND Regulations 2014, Schedule 1 paragraph 3(e)",
    "List the extra help on offer beyond everyday teaching: small groups, one-to-one "
    "sessions, named programmes, and who delivers them.",
)
ACTIVITIES = ReportItem(
    "sir.activities",
    "activities",
    "How will my child take part in activities, trips and physical activity alongside "
    "other pupils?",
    "SEND Regulations 2014, Schedule 1 paragraph 3(f)",
    "Explain how clubs, trips, sport and residentials are planned so that pupils with SEN "
    "or disabilities can join in.",
)
WELLBEING = ReportItem(
    "sir.wellbeing",
    "wellbeing",
    "What support is there for emotional, mental and social development?",
    "SEND Regulations 2014, Schedule 1 paragraph 3(g); SEND Code of Practice 6.79",
    "Describe pastoral support, how pupils' views are heard, and how bullying is prevented.",
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
)
EXPERTISE = ReportItem(
    "sir.expertise",
    "expertise",
    "What training and expertise do staff have, and how is specialist expertise secured?",
    "SEND Regulations 2014, Schedule 1 paragraph 5",
    "Summarise staff training in SEN and the specialists you work with (for example "
    "educational psychology, speech and language therapy).",
)
EQUIPMENT = ReportItem(
    "sir.equipment",
    "equipment",
    "How are equipment and facilities secured?",
    "SEND Regulations 2014, Schedule 1 paragraph 6",
    "Explain how you get specialist equipment and adapt facilities when a pupil needs them.",
)
PARENTS = ReportItem(
    "sir.parents",
    "parents",
    "How are parents consulted and involved?",
    "SEND Regulations 2014, Schedule 1 paragraph 7; SEND Code of Practice 6.65",
    "Explain how you work with parents. The Code of Practice expects schools to meet "
    "parents of pupils on SEN support at least three times a year: say so here.",
)
PUPILS = ReportItem(
    "sir.pupils",
    "pupils",
    "How are pupils consulted and involved in their education?",
    "SEND Regulations 2014, Schedule 1 paragraph 8",
    "Describe how pupils share their views and help set and review their own targets.",
)
COMPLAINTS = ReportItem(
    "sir.complaints",
    "complaints",
    "What if I am unhappy or want to complain?",
    "SEND Regulations 2014, Schedule 1 paragraph 9",
    "Explain who to talk to first and how to complain. Choose your complaints procedure "
    "below so that the report links to it.",
)
OTHER_BODIES = ReportItem(
    "sir.other_bodies",
    "other_bodies",
    "How does the school work with health, social care, local authority services and "
    "voluntary organisations?",
    "SEND Regulations 2014, Schedule 1 paragraph 10",
    "Name the services you work with and how families are involved when they are.",
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
)
TRANSITION = ReportItem(
    "sir.transition",
    "transition",
    "How are pupils supported when they move between phases or schools, and towards adulthood?",
    "SEND Regulations 2014, Schedule 1 paragraph 12",
    "Describe how you prepare pupils for moving class, moving school and, in time, adult life.",
)
LOCAL_OFFER = ReportItem(
    "sir.local_offer",
    "local_offer",
    "Where can I find the local authority's Local Offer?",
    "SEND Regulations 2014, Schedule 1 paragraph 13; SEND Code of Practice 6.81",
    "Optional words to introduce the Local Offer. The link to each council's Local Offer "
    "is added automatically from the school details, as the law requires a visible link.",
    text_required=False,
)
LOOKED_AFTER = ReportItem(
    "sir.looked_after",
    "looked_after",
    "How are looked-after children with SEN supported?",
    "SEND Code of Practice 6.80",
    "Explain how the SENCO and the designated teacher for looked-after children work together.",
    must=False,
)
CONTACTS_POLICY = ReportItem(
    "sir.contacts_policy",
    "contacts_policy",
    "Who can I talk to, and where is the SEN policy?",
    "SEND Code of Practice 6.81",
    "Name who parents can contact with a worry (class teacher, SENCO, headteacher, SEND "
    "governor) and link the SEN policy, or tick that this report is also your SEN policy.",
    must=False,
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
TEXT_ITEMS = tuple(item for item in REPORT_ITEMS if item is not SENCO)

BROAD_AREAS = (
    ("need_communication_interaction", "Communication and interaction"),
    ("need_cognition_learning", "Cognition and learning"),
    ("need_social_emotional_mental_health", "Social, emotional and mental health"),
    ("need_sensory_physical", "Sensory and/or physical"),
)
