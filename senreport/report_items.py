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
        """Every field an editor fills in for this item."""
        text = (self.field,) if self.text_field else ()
        return (self.heading_field, *self.extra_field_names, *text)

    @property
    def heading_field(self):
        return f"{self.field}_heading"

    def shown_on(self, page):
        """Whether the public page shows this section."""
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
)
EXPERTISE = ReportItem(
    "sir.expertise",
    "expertise",
    "What training and expertise do staff have, and how is specialist expertise secured?",
    "SEND Regulations 2014, Schedule 1 paragraph 5",
    "Summarise staff training in SEN and the specialists you work with (for example "
    "educational psychology, speech and language therapy).",
    tab=PEOPLE_TAB,
)
EQUIPMENT = ReportItem(
    "sir.equipment",
    "equipment",
    "How are equipment and facilities secured?",
    "SEND Regulations 2014, Schedule 1 paragraph 6",
    "Explain how you get specialist equipment and adapt facilities when a pupil needs them.",
    tab=PEOPLE_TAB,
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
)
PUPILS = ReportItem(
    "sir.pupils",
    "pupils",
    "How are pupils consulted and involved in their education?",
    "SEND Regulations 2014, Schedule 1 paragraph 8",
    "Describe how pupils share their views and help set and review their own targets.",
    tab=PEOPLE_TAB,
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
)
OTHER_BODIES = ReportItem(
    "sir.other_bodies",
    "other_bodies",
    "How does the school work with health, social care, local authority services and "
    "voluntary organisations?",
    "SEND Regulations 2014, Schedule 1 paragraph 10",
    "Name the services you work with and how families are involved when they are.",
    tab=PEOPLE_TAB,
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
)
TRANSITION = ReportItem(
    "sir.transition",
    "transition",
    "How are pupils supported when they move between phases or schools, and towards adulthood?",
    "SEND Regulations 2014, Schedule 1 paragraph 12",
    "Describe how you prepare pupils for moving class, moving school and, in time, adult life.",
    tab=ADVICE_TAB,
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
)
LOOKED_AFTER = ReportItem(
    "sir.looked_after",
    "looked_after",
    "How are looked-after children with SEN supported?",
    "SEND Code of Practice 6.80",
    "Explain how the SENCO and the designated teacher for looked-after children work together.",
    must=False,
    tab=ADVICE_TAB,
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
