"""Demo SEND pages for the fictional school (see home/demo.py for the pattern)."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page

from home.demo import ensure_child, p

from . import demo_content as text
from . import demo_support
from .compliance.data import a_year_after
from .models import (
    FACILITIES,
    AccessibilityPlanAction,
    AccessibilityPlanPage,
    ActionStatus,
    DisabilityAccessPage,
    SENDSectionPage,
    SENInformationReportPage,
    StatutoryInformationPage,
    Strand,
)


def seed_send_section(home, log):
    section, _ = ensure_child(
        home,
        "send",
        lambda: SENDSectionPage(
            title="Special educational needs and disabilities (SEND)",
            show_in_menus=True,
            seo_title="SEND information",
            search_description=(
                "How we support children with special educational needs and disabilities."
            ),
            introduction=p(
                "Every child at Hollins Brook is taught in a way that suits them. Some "
                "children need extra help for a while, or all through school. These pages "
                "explain what we do, who to talk to, and the information the law asks us "
                "to publish."
            ),
        ),
        log,
    )
    if home.send_page_id is None:
        home.send_page = section
        home.save_revision().publish()
        log("Linked the home page to the SEND section")
    return section


def build_report(home):
    today = timezone.localdate()
    reviewed = today - timedelta(days=45)
    complaints = Page.objects.descendant_of(home).filter(slug="complaints-procedure").first()
    report = SENInformationReportPage(
        title="SEN Information Report",
        search_description=(
            "Our yearly report on how we support children with special educational needs: "
            "who to contact, what help there is, and how we work with families."
        ),
        introduction=text.REPORT_INTRODUCTION,
        last_reviewed=reviewed,
        next_review_due=a_year_after(reviewed),
        governors_approved_on=reviewed + timedelta(days=7),
        governors_approved_by="the full governing board",
        senco_name="Mrs Helen Marsh",
        senco_role="Special educational needs co-ordinator (SENCO) and assistant head",
        senco_email="senco@hollinsbrook.example",
        senco_phone="01632 960 215",
        senco_qualification="National Award for SEN Co-ordination (NASENCO)",
        complaints_procedure_page=complaints,
        sen_policy_combined=True,
        need_communication_interaction=True,
        need_cognition_learning=True,
        need_social_emotional_mental_health=True,
        need_sensory_physical=True,
    )
    for field, value in text.REPORT_SECTIONS.items():
        setattr(report, field, value)
    return report


def build_disability_page():
    page = DisabilityAccessPage(
        title="Disability and access",
        search_description=(
            "How we admit disabled pupils, treat them fairly, and the access facilities we have."
        ),
        introduction=text.DISABILITY_INTRODUCTION,
        admissions=text.DISABILITY_ADMISSIONS,
        admission_arrangements_url="https://www.westmere.example/school-admissions",
        less_favourable_treatment=text.DISABILITY_FAIR_TREATMENT,
        accessibility_plan_summary=text.DISABILITY_PLAN_SUMMARY,
        other_facilities="Adjustable-height tables in every classroom.",
        last_reviewed=timezone.localdate() - timedelta(days=45),
    )
    notes = {
        "step_free_entrance": "Main entrance on Mill Lane, with a ramp and a wide door.",
        "accessible_toilet": "Next to the school hall.",
        "changing_room": "With a height-adjustable bench, near Reception.",
        "hearing_loop": "In the school hall and the office.",
        "disabled_parking": "Two bays by the main gate; ask the office to reserve one.",
        "visual_aids": "High-contrast step edges and picture signs on every door.",
        "quiet_room": "The Den, a calm room children can use with an adult.",
    }
    for key, _ in FACILITIES:
        setattr(page, f"has_{key}", key in notes)
        setattr(page, f"{key}_notes", notes.get(key, ""))
    page.lift_notes = "The school is on one floor, so there is no lift."
    return page


def build_plan():
    today = timezone.localdate()
    start = (
        today.replace(month=9, day=1)
        if today.month >= 9
        else today.replace(year=today.year - 1, month=9, day=1)
    )
    end = start.replace(year=start.year + 3) - timedelta(days=1)
    plan = AccessibilityPlanPage(
        title="Accessibility plan",
        search_description="How we will make school more accessible for disabled pupils.",
        introduction=text.PLAN_INTRODUCTION,
        period_start=start,
        period_end=end,
        last_reviewed=today - timedelta(days=30),
        information_formats=text.PLAN_INFORMATION_FORMATS,
    )
    rows = [
        (
            Strand.CURRICULUM,
            "Train all teaching assistants in supporting children with autism",
            "Staff adapt lessons confidently for autistic pupils",
            "SENCO",
            start.replace(year=start.year + 1, month=7, day=15),
            "Two training sessions from the council's autism team",
            "Lesson visits show visual support in every class",
            ActionStatus.IN_PROGRESS,
        ),
        (
            Strand.CURRICULUM,
            "Buy voice-typing software for pupils who find writing hard",
            "Pupils can record their ideas independently",
            "Computing lead",
            start.replace(year=start.year + 1, month=3, day=31),
            "£400 from the SEN budget",
            "Pupils using it complete more written work",
            ActionStatus.PLANNED,
        ),
        (
            Strand.PHYSICAL,
            "Add a handrail and contrasting edges to the steps to the field",
            "Pupils with limited mobility or sight can reach the field safely",
            "Site manager",
            start.replace(year=start.year + 2, month=8, day=31),
            "£2,500 from the building budget",
            "All pupils use the field for PE without help",
            ActionStatus.PLANNED,
        ),
        (
            Strand.INFORMATION,
            "Offer newsletters and letters home in large print and audio",
            "Parents and pupils with sight loss get information at the same time as others",
            "Office manager",
            start.replace(year=start.year + 1, month=12, day=31),
            "Staff time; free text-to-speech tools",
            "Parents who ask receive every newsletter in their chosen format",
            ActionStatus.IN_PROGRESS,
        ),
    ]
    plan.actions = [
        AccessibilityPlanAction(
            strand=strand,
            action=action,
            target=target,
            owner=owner,
            target_date=target_date,
            resources=resources,
            success_criteria=success,
            status=status,
        )
        for strand, action, target, owner, target_date, resources, success, status in rows
    ]
    return plan


def seed(site, log):
    home = site.root_page.specific
    section = seed_send_section(home, log)
    ensure_child(section, "sen-information-report", lambda: build_report(home), log)
    ensure_child(section, "disability-and-access", build_disability_page, log)
    ensure_child(section, "accessibility-plan", build_plan, log)
    demo_support.seed(section, log)
    ensure_child(section, "statutory-information", build_statutory_page, log)
    seed_moderation(section, log)


def build_statutory_page():
    return StatutoryInformationPage(
        title="Statutory SEND information",
        search_description=(
            "For inspectors, governors and the council: every item the law asks us to "
            "publish, where it is, and when it was last reviewed."
        ),
        introduction=p(
            "Every item of SEND information the law asks a school to publish, with a link "
            "to where it is on this website, when it was last reviewed and the law behind "
            "it."
        ),
    )


def seed_moderation(section, log):
    """Editors (Wagtail's own group) may edit but not publish; changes to the SEND pages go
    to the Approvers (the headteacher, the SEND governor) through a workflow."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import (
        GroupApprovalTask,
        GroupPagePermission,
        Workflow,
        WorkflowPage,
        WorkflowTask,
    )

    approvers, created = Group.objects.get_or_create(name="Approvers")
    if created:
        approvers.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=approvers,
                page=section.get_parent(),
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        log("Created the Approvers group")
    if not Workflow.objects.filter(name="SEND approval").exists():
        task = GroupApprovalTask.objects.create(
            name="Approval by the headteacher or SEND governor"
        )
        task.groups.set([approvers])
        workflow = Workflow.objects.create(name="SEND approval")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page=section)
        log("Created the SEND approval workflow")
