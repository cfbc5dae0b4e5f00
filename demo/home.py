"""Demo content for the fictional schools (demo/schools.py): Hollins Brook Primary
School, and with `seed_demo --schools 2` Larkspur Hill School.

`manage.py seed_demo` calls `seed(site, log)` of each seeder in `SEEDERS`
(demo/management/commands/seed_demo.py): this module, then senreport.py, localoffer.py,
feedback.py and the translations (demo/translations/), for each demo school's site. Each
seeder asks `demo_school_for(site)` which school it is building, and only creates what is
missing, so a second run creates nothing and changes nothing.
"""

import datetime

from django.conf import settings
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home.models import (
    AccessibilityStatementPage,
    ComplianceStatus,
    FeedbackFormField,
    FeedbackFormPage,
    HomePage,
    SchoolSettings,
    StandardPage,
)
from home.schools import ensure_school_groups

from .brand import demo_logo
from .schools import HOLLINS_BROOK, demo_school_for

SCHOOL_NAME = HOLLINS_BROOK.name


def ensure_child(parent, slug, build, log=None):
    """Return the child of `parent` at `slug`, creating and publishing it if missing.

    `build` is called only when the page is missing and returns an unsaved page instance.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = build()
    page.slug = slug
    parent.add_child(instance=page)
    page.save_revision().publish()
    if log:
        log(f"Created page {page.url_path}")
    return page, True


def p(*paragraphs):
    return RichText("".join(f"<p>{text}</p>" for text in paragraphs))


def fill_settings(settings, school):
    """Set the school details from a demo school's facts (nothing is saved)."""
    settings.school_name = school.name
    settings.school_type = school.school_type
    settings.is_academy = school.is_academy
    settings.urn = school.urn
    settings.address = school.address
    settings.postcode = school.postcode
    settings.phone = school.phone
    settings.email = school.email
    settings.local_authorities = [
        (
            "local_authority",
            {
                "name": school.council_name,
                "local_offer_url": f"https://www.{school.council_domain}/send/local-offer",
                "ordinarily_available_provision_url": (
                    f"https://www.{school.council_domain}/send/ordinarily-available-provision"
                ),
            },
        )
    ]
    settings.sendiass_name = f"{school.council} SENDIASS"
    settings.sendiass_phone = school.sendiass_phone
    settings.sendiass_email = f"advice@{school.sendiass_domain}"
    settings.sendiass_url = f"https://www.{school.sendiass_domain}/"
    settings.headteacher = school.headteacher
    settings.chair_of_governors = school.chair_of_governors
    settings.send_governor = school.send_governor
    settings.receives_inclusive_mainstream_fund = school.receives_inclusive_mainstream_fund
    settings.inclusive_mainstream_fund_allocation = school.inclusive_mainstream_fund_allocation
    settings.brand_colour = school.brand_colour
    settings.accent_colour = school.accent_colour
    settings.main_website_url = f"https://www.{school.domain}/"
    return settings


def seed_settings(site, log, school=HOLLINS_BROOK):
    settings = SchoolSettings.for_site(site)
    if settings.school_name:
        return settings
    fill_settings(settings, school)
    settings.logo = demo_logo(school)
    settings.logo_alt = f"{school.name} logo"
    settings.save()
    log(f"Filled in the school details of {school.name}")
    return settings


HOME_INTRODUCTIONS = {
    "primary": (
        "<p>We are a friendly village primary school for children aged 4 to 11. "
        "Every child belongs here, and we work closely with families so that each "
        "child can learn, make friends and enjoy school.</p>"
    ),
    "special": (
        "<p>We are a special school for children and young people aged 4 to 19 with "
        "severe or complex learning difficulties, many of them autistic. Classes are small, "
        "and teachers and therapists work side by side with families.</p>"
    ),
}


def fill_home(home, school):
    """A demo school's home page text (nothing is saved)."""
    home.title = school.name
    home.draft_title = school.name
    home.introduction = HOME_INTRODUCTIONS[school.kind]
    home.send_summary = (
        "How we support children with special educational needs and disabilities, "
        "who to talk to, and the information every school must publish."
    )
    home.body = [
        ("heading", {"text": "Welcome from our headteacher", "level": "h2"}),
        (
            "paragraph",
            p(
                "Choosing a school is a big decision. We hope these pages answer your "
                "questions. If they do not, please ring or e-mail the office: we are always "
                "happy to show families around."
            ),
        ),
        (
            "callout",
            {
                "title": "Free paper copies",
                "text": p(
                    "You can ask the school office for a free printed copy of anything on "
                    "this website, in large print if that helps."
                ),
                "tone": "info",
            },
        ),
    ]
    return home


def seed_home(site, log, school=HOLLINS_BROOK):
    home = site.root_page.specific
    if not isinstance(home, HomePage) or home.introduction:
        return home
    fill_home(home, school)
    home.save_revision().publish()
    log(f"Filled in the home page of {school.name}")
    return home


SCHOOL_DAYS = {
    "primary": (
        "<ul><li>Gates open at 8:40am</li><li>Lessons start at 8:55am</li>"
        "<li>The day ends at 3:15pm</li>"
        "<li>Breakfast club runs from 7:45am</li></ul>"
    ),
    "special": (
        "<ul><li>Buses and taxis arrive from 8:45am, and staff meet every pupil at the door</li>"
        "<li>Lessons start at 9:15am</li><li>The day ends at 3pm</li>"
        "<li>Sixth-form students finish at 3:30pm on Thursdays after their college link</li>"
        "</ul>"
    ),
}


def admissions_text(school):
    if school.kind == "special":
        return p(
            f"Most pupils join {school.short_name} because their Education, Health and Care "
            f"plan names the school. {school.council_name} decides this with families, "
            "after asking us whether we can meet the child's needs.",
            "Families are welcome to visit before they state a preference for the school: "
            "ring the office to book a tour.",
        )
    return p(
        f"{school.council_name} handles applications for Reception and for "
        "places in other year groups. Apply through the council's online "
        "admissions service; the office can help you fill in the form."
    )


def build_about(school):
    return StandardPage(
        title="About our school",
        show_in_menus=True,
        introduction="Who we are, what we value and how the school day works.",
        body=[
            ("heading", {"text": "Our values", "level": "h2"}),
            (
                "paragraph",
                p(
                    "We want every child to feel safe, to be curious and to be kind. "
                    "Classes are mixed in ability, and teachers adapt lessons so that "
                    "everyone can join in."
                ),
            ),
            ("heading", {"text": "The school day", "level": "h2"}),
            ("paragraph", RichText(SCHOOL_DAYS[school.kind])),
        ],
    )


def build_admissions(school):
    return StandardPage(
        title="Admissions",
        show_in_menus=True,
        introduction="How to apply for a place, and how places are given.",
        body=[
            ("paragraph", admissions_text(school)),
            *(
                [
                    (
                        "questions",
                        {
                            "heading": "Questions about admissions",
                            "items": [
                                {
                                    "question": "When do I apply for a Reception place?",
                                    "answer": p(
                                        "Applications open in the autumn before your "
                                        "child starts school and close on 15 January."
                                    ),
                                },
                                {
                                    "question": "Can we visit first?",
                                    "answer": p(
                                        "Yes. Ring the office to book a tour at a time "
                                        "that suits you."
                                    ),
                                },
                            ],
                        },
                    )
                ]
                if school.kind == "primary"
                else []
            ),
        ],
    )


def build_policies():
    return StandardPage(
        title="Policies",
        show_in_menus=True,
        introduction="The school's main policies, written to be read by families.",
        body=[
            (
                "paragraph",
                p(
                    "Governors review each policy on a fixed timetable. Ask the office "
                    "for a paper copy of any policy."
                ),
            ),
        ],
    )


def build_complaints_procedure():
    return StandardPage(
        title="Complaints procedure",
        introduction="What to do if you are unhappy with something at school.",
        body=[
            ("heading", {"text": "Stage 1: talk to us", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Most worries are sorted out quickly by talking to your child's "
                    "class teacher. If the worry is about special educational needs, "
                    "you can also speak to the SENCO."
                ),
            ),
            ("heading", {"text": "Stage 2: write to the headteacher", "level": "h2"}),
            (
                "paragraph",
                p(
                    "If you are still unhappy, write to the headteacher through the "
                    "school office. You will have a reply within 10 school days."
                ),
            ),
            ("heading", {"text": "Stage 3: the governors' panel", "level": "h2"}),
            (
                "paragraph",
                p(
                    "If the headteacher's reply does not settle it, ask the clerk to the "
                    "governors for a panel hearing. The panel's decision is the end of "
                    "the school's process; after that you may contact the Department "
                    "for Education."
                ),
            ),
        ],
    )


def build_contact(school):
    return StandardPage(
        title="Contact us",
        show_in_menus=True,
        introduction="Phone, write or call in: the office is open 8:15am to 4pm.",
        body=[
            (
                "paragraph",
                p(
                    f"Ring {school.phone} or e-mail {school.email}. To report "
                    "an absence, ring before 9:30am."
                ),
            ),
            (
                "contact_card",
                {
                    "source": "senco",
                    "title": "",
                    "note": "For a worry about your child's special educational needs.",
                },
            ),
        ],
    )


def seed_standard_pages(home, log, school=HOLLINS_BROOK):
    about, _ = ensure_child(home, "about-us", lambda: build_about(school), log)
    ensure_child(home, "admissions", lambda: build_admissions(school), log)
    policies, _ = ensure_child(home, "policies", build_policies, log)
    ensure_child(policies, "complaints-procedure", build_complaints_procedure, log)
    ensure_child(home, "contact-us", lambda: build_contact(school), log)
    return about


# Addresses a developer's machine serves on: the demo site follows HOST and PORT among
# these, and is left alone once someone gives it a real address.
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


def seed_site(site, log):
    """Serve the demo on the address `make run` uses (HOST and PORT), unless someone chose
    a real one."""
    wanted = (settings.SERVE_HOST, settings.SERVE_PORT)
    if site.hostname in LOCAL_HOSTS and (site.hostname, site.port) != wanted:
        site.hostname, site.port = wanted
        if not site.site_name:
            site.site_name = SCHOOL_NAME
        site.save()
        log(f"Set the site's address to {site.root_url}")


def ensure_school_site(school, log):
    """The site of a demo school after the first: its own home page and address."""
    site = (
        Site.objects.filter(hostname=school.hostname, port=school.port)
        .select_related("root_page")
        .first()
    )
    if site is not None:
        return site
    home = fill_home(HomePage(slug=school.home_slug), school)
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.create(
        hostname=school.hostname, port=school.port, site_name=school.name, root_page=home
    )
    log(f"Created the site of {school.name} at {site.root_url}/")
    return site


def feedback_form_fields():
    return [
        FeedbackFormField(
            label="What is the problem, or what would you like to tell us?",
            field_type="multiline",
            required=True,
            help_text="For example, a link that does not work or a page that is hard to read.",
        ),
        FeedbackFormField(label="Your name", field_type="singleline", required=False),
        FeedbackFormField(
            label="Your e-mail address",
            field_type="email",
            required=False,
            help_text="Only if you would like a reply.",
        ),
    ]


def build_feedback_form(with_fields=True):
    page = FeedbackFormPage(
        title="Report a problem or tell us what you think",
        search_description=("Tell us about a problem with this website, or what you think of it."),
        intro=p(
            "Tell us about something on this website that is wrong, does not work or is "
            "hard to use or understand. You can also tell us what you think of it. The "
            "school office reads every message.",
            "Please do not write private details about your child here. For those, ring "
            "or e-mail the school office.",
        ),
        thank_you_text=p(
            "Thank you for telling us. The school office reads every message. If you "
            "gave your e-mail address, we will reply within 5 school days."
        ),
        subject="Feedback from the school website",
    )
    if with_fields:
        page.form_fields = feedback_form_fields()
    return page


def seed_feedback_form(home, log):
    page, _ = ensure_child(home, "feedback", build_feedback_form, log)
    return page


def _start_of_school_year(today):
    return datetime.date(today.year if today.month >= 9 else today.year - 1, 9, 1)


def build_accessibility_statement(feedback_page):
    today = datetime.date.today()
    return AccessibilityStatementPage(
        title="Accessibility statement",
        search_description=("How accessible this website is, and how to tell us about a problem."),
        compliance_status=ComplianceStatus.PARTIALLY,
        non_accessible_content=RichText(
            "<p>Some older documents are not fully accessible:</p>"
            "<ul><li>a few policies published as PDF files before September 2025 have no "
            "headings, so screen reader users cannot move around them easily (WCAG 2.2 "
            "success criterion 1.3.1, info and relationships)</li>"
            "<li>some scanned letters in those PDFs are pictures of text, so they cannot "
            "be read aloud or enlarged cleanly (success criterion 1.4.5, images of "
            "text)</li></ul>"
            "<p>We are replacing these documents with web pages as each one comes up for "
            "review. Until then, the office will send you any of them in another format.</p>"
        ),
        improvements=p(
            "We are turning our remaining PDF policies into web pages as governors review "
            "them, and we check every new page before it is published."
        ),
        feedback_page=feedback_page,
        prepared_on=_start_of_school_year(today),
        last_reviewed=today,
    )


def seed_accessibility_statement(home, feedback_page, log):
    page, _ = ensure_child(
        home, "accessibility", lambda: build_accessibility_statement(feedback_page), log
    )
    return page


def seed(site, log):
    school = demo_school_for(site)
    if site.is_default_site:
        seed_site(site, log)
    seed_settings(site, log, school)
    home = seed_home(site, log, school)
    seed_standard_pages(home, log, school)
    feedback_page = seed_feedback_form(home, log)
    seed_accessibility_statement(home, feedback_page, log)
    ensure_school_groups(site, school.name)
