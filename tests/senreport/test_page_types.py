"""Wagtail's own contract tests for the SEND page types (render, edit, preview, create,
tree rules).

These are Django TestCase classes, kept apart from the modules that seed the demo once per
module (`demo_module` in tests/conftest.py): a TestCase closes the database connection when
its class ends, which would end that module's transaction.
"""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from demo.senreport import build_disability_page, build_equality_page, build_report
from senreport.models import (
    AccessibilityPlanPage,
    DisabilityAccessPage,
    EqualityPage,
    SENDSectionPage,
    SENInformationReportPage,
)
from tests.senreport.helpers import ACTION_FIELDS, child_rows, form_data_for


def report_page():
    return SENInformationReportPage.objects.get()


class ReportPageTests(WagtailPageTestCase):
    def setUp(self):
        from io import StringIO

        from django.core.management import call_command

        call_command("seed_demo", "--without-translations", stdout=StringIO())
        self.login()
        self.report = report_page()
        self.section = SENDSectionPage.objects.get()

    def test_renderable_editable_previewable(self):
        data = form_data_for(self.report)
        self.assertPageIsRenderable(self.report)
        self.assertPageIsEditable(self.report, post_data=data)
        self.assertPageIsPreviewable(self.report, post_data=data)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(SENInformationReportPage, {SENDSectionPage})
        self.assertAllowedSubpageTypes(SENInformationReportPage, set())

    def test_can_create_through_the_admin(self):
        self.report.delete()
        home = Page.objects.get(depth=2)
        data = form_data_for(build_report(home), slug="sen-report", title="Our SEN report")
        data["action-publish"] = "publish"
        self.assertCanCreate(self.section, SENInformationReportPage, data)
        created = SENInformationReportPage.objects.get(slug="sen-report")
        self.assertTrue(created.live)
        self.assertTrue(created.next_review)

    def test_next_review_defaults_to_a_year_after_the_last(self):
        self.report.next_review = None
        self.report.last_reviewed = self.report.last_reviewed.replace(month=3, day=1)
        self.report.save()
        self.assertEqual(
            self.report.next_review,
            self.report.last_reviewed.replace(year=self.report.last_reviewed.year + 1),
        )


class DisabilityAndPlanPageTests(WagtailPageTestCase):
    def setUp(self):
        from io import StringIO

        from django.core.management import call_command

        call_command("seed_demo", "--without-translations", stdout=StringIO())
        self.login()

    def test_disability_page_renderable_editable_previewable(self):
        page = DisabilityAccessPage.objects.get()
        data = form_data_for(page)
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(page, post_data=data)
        self.assertPageIsPreviewable(page, post_data=data)

    def test_plan_renderable_editable_previewable(self):
        page = AccessibilityPlanPage.objects.get()
        rows = child_rows(page.actions.all(), ("id", *ACTION_FIELDS))
        data = form_data_for(page, actions=rows)
        data["actions-INITIAL_FORMS"] = str(len(rows))
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(page, post_data=data)
        self.assertPageIsPreviewable(page, post_data=data)

    def test_tree_rules(self):
        for model in (DisabilityAccessPage, AccessibilityPlanPage):
            self.assertAllowedParentPageTypes(model, {SENDSectionPage})
            self.assertAllowedSubpageTypes(model, set())

    def test_can_create_disability_page(self):
        DisabilityAccessPage.objects.all().delete()
        section = SENDSectionPage.objects.get()
        data = form_data_for(build_disability_page(), slug="access")
        data["action-publish"] = "publish"
        self.assertCanCreate(section, DisabilityAccessPage, data)
        self.assertTrue(DisabilityAccessPage.objects.get(slug="access").live)

    def test_disability_page_refused_without_ehc_rule(self):
        page = DisabilityAccessPage.objects.get()
        data = form_data_for(page, admissions="<p>We welcome every child.</p>")
        data["action-publish"] = "publish"
        response = self.client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)
        self.assertContains(response, "a school named in a child")


OBJECTIVE_FIELDS = ("objective", "reason", "measure", "target_date", "progress", "status")


class EqualityPageTests(WagtailPageTestCase):
    def setUp(self):
        from io import StringIO

        from django.core.management import call_command

        call_command("seed_demo", "--without-translations", stdout=StringIO())
        self.login()

    def test_renderable_editable_previewable(self):
        page = EqualityPage.objects.get()
        rows = child_rows(page.objectives.all(), ("id", *OBJECTIVE_FIELDS))
        data = form_data_for(page, objectives=rows)
        data["objectives-INITIAL_FORMS"] = str(len(rows))
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(page, post_data=data)
        self.assertPageIsPreviewable(page, post_data=data)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(EqualityPage, {SENDSectionPage})
        self.assertAllowedSubpageTypes(EqualityPage, set())

    def test_can_create_through_the_admin(self):
        EqualityPage.objects.all().delete()
        section = SENDSectionPage.objects.get()
        page = build_equality_page()
        rows = child_rows(page.objectives.all(), OBJECTIVE_FIELDS)
        data = form_data_for(page, objectives=rows, slug="equality")
        data["action-publish"] = "publish"
        self.assertCanCreate(section, EqualityPage, data)
        created = EqualityPage.objects.get(slug="equality")
        self.assertTrue(created.live)
        self.assertEqual(created.objectives.count(), len(rows))
