"""Small builders for test content. Wagtail's migrations create the root and the HomePage."""

from wagtail.models import Site

from home.models import (
    AccessibilityStatementPage,
    FeedbackFormField,
    FeedbackFormPage,
    HomePage,
    SchoolSettings,
    StandardPage,
)
from home.publishing import unguarded
from senreport.models import GlossaryPage, GlossaryTerm, SENDSectionPage, SENSupportPage


def default_site():
    return Site.objects.select_related("root_page").get(is_default_site=True)


def home_page():
    return default_site().root_page.specific


def school_settings(**fields):
    school = SchoolSettings.for_site(default_site())
    values = {
        "school_name": "Test Valley Primary School",
        "phone": "01632 960 001",
        "email": "office@testvalley.example",
        "address": "1 School Road\nTestford",
        "postcode": "TF1 2AB",
        "urn": "100001",
    }
    values.update(fields)
    for name, value in values.items():
        setattr(school, name, value)
    school.save()
    return school


def publish_child(parent, page):
    """The page, live under `parent`, as the test describes it: complete or not. A test
    that needs an incomplete page live stands for one published before a check began to
    fail, so the publish guard is not asked here (tests of the guard use the admin)."""
    parent.add_child(instance=page)
    with unguarded():
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def standard_page(parent=None, **fields):
    fields.setdefault("title", "Visiting the school")
    fields.setdefault("slug", "visiting")
    return publish_child(parent or home_page(), StandardPage(**fields))


def send_section(parent=None, **fields):
    fields.setdefault("title", "SEND")
    fields.setdefault("slug", "send")
    return publish_child(parent or home_page(), SENDSectionPage(**fields))


def glossary_term(term, abbreviation="", definition="What it means."):
    return GlossaryTerm.objects.create(term=term, abbreviation=abbreviation, definition=definition)


def glossary_terms(count):
    """`count` terms with distinct abbreviations (AB0, AB1...), none used in normal text."""
    return [
        glossary_term(f"Made-up term number {i}", f"AB{i}", f"Definition {i}.")
        for i in range(count)
    ]


def glossary_page(section, **fields):
    fields.setdefault("title", "Glossary")
    fields.setdefault("slug", "glossary")
    return publish_child(section, GlossaryPage(**fields))


def sen_support_page(section, body=(), **fields):
    fields.setdefault("title", "SEN support")
    fields.setdefault("slug", "sen-support")
    return publish_child(section, SENSupportPage(body=list(body), **fields))


def feedback_form_page(parent=None, **fields):
    fields.setdefault("title", "Report a problem")
    fields.setdefault("slug", "feedback")
    page = FeedbackFormPage(**fields)
    page.form_fields = [
        # In this order, as the editor's InlinePanel would save them (without a sort
        # order, the database may return them in any order).
        FeedbackFormField(
            label="What went wrong?", field_type="multiline", required=True, sort_order=0
        ),
        FeedbackFormField(
            label="Your name", field_type="singleline", required=False, sort_order=1
        ),
        FeedbackFormField(
            label="Your e-mail address", field_type="email", required=False, sort_order=2
        ),
    ]
    return publish_child(parent or home_page(), page)


def accessibility_statement(parent=None, **fields):
    fields.setdefault("title", "Accessibility statement")
    fields.setdefault("slug", "accessibility")
    return publish_child(parent or home_page(), AccessibilityStatementPage(**fields))


__all__ = [
    "HomePage",
    "accessibility_statement",
    "default_site",
    "feedback_form_page",
    "glossary_page",
    "glossary_term",
    "glossary_terms",
    "home_page",
    "publish_child",
    "school_settings",
    "send_section",
    "sen_support_page",
]
