"""Every statutory page type (each one the footer lists) is built on one base class, so
they share the editor's form, the tree rules and the names of their review dates."""

from django.db import models
from wagtail.models import get_page_models

from home.forms import StatutoryPageForm
from home.models.statutory import StatutoryPage
from home.navigation import statutory_page_models

# Dates that are not a page's review: the equality information is updated yearly and its
# objectives reviewed every four years (Equality Act 2010 specific duties).
OTHER_DATES = {"information_updated", "objectives_review_due"}


def test_every_page_in_the_footer_is_a_statutory_page():
    footer = statutory_page_models()
    names = {model.__name__ for model in footer}
    assert {
        "SENInformationReportPage",
        "DisabilityAccessPage",
        "AccessibilityPlanPage",
        "InclusionStrategyPage",
        "EqualityPage",
        "StatutoryInformationPage",
        "LocalOfferPage",
        "AccessibilityStatementPage",
    } <= names
    for model in footer:
        assert issubclass(model, StatutoryPage), model
        assert issubclass(model.base_form_class, StatutoryPageForm), model
        assert model.max_count_per_parent == 1, model
        assert list(model.allowed_subpage_models()) == [], model


def test_review_dates_have_one_name_everywhere():
    for model in get_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.DateField) and "review" in field.name:
                assert field.name in {"last_reviewed", "next_review"} | OTHER_DATES, (
                    f"{model.__name__}.{field.name}: call it last_reviewed or next_review"
                )
