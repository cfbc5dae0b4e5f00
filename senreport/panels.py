"""Editor panels that show editors facts about what they are writing."""

from wagtail.admin.panels import Panel

from home.models import SchoolSettings

from . import easy_read, readability
from .inclusion import totals


class ReadabilityPanel(Panel):
    """The report's Flesch reading ease as saved, with the target. Never blocks."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "senreport/admin/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            score = readability.reading_ease(readability.report_text(self.instance))
            context.update(
                {
                    "score": score,
                    "target": readability.TARGET,
                    "meets_target": score is not None and score >= readability.TARGET,
                    "verdict": readability.describe(score),
                }
            )
            return context


class EasyReadPanel(Panel):
    """The easy-read lines' own target (a reading ease of at least 80, no sentence over 15
    words), as saved, with each sentence that misses it. Never blocks."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "senreport/admin/easy_read_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            verdict = easy_read.check_lines(list(self.instance.easy_read_lines.all()))
            context.update(
                {
                    "verdict": verdict,
                    "target": easy_read.TARGET,
                    "max_words": easy_read.MAX_WORDS,
                }
            )
            return context


class InclusionTotalsPanel(Panel):
    """The inclusion strategy's planned spending by source, beside this year's Inclusive
    Mainstream Fund allocation, as saved. Never blocks."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "senreport/admin/inclusion_totals_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            allocation = None
            site = page.get_site() if page.pk else None
            if site is None and getattr(page, "school_parent_page", None) is not None:
                site = page.school_parent_page.get_site()
            if site is not None:
                allocation = SchoolSettings.for_site(site).inclusive_mainstream_fund_allocation
            # The rows of the version being edited (the latest draft), saved or not.
            context["totals"] = totals(page.activities.all(), allocation)
            return context


class ImportReportLinkPanel(Panel):
    """On the SEN report's editor: "Import your current report" (senreport/importing/)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "senreport/admin/import_link_panel.html"

        def is_shown(self):
            return bool(self.instance.pk) and super().is_shown()

        def get_context_data(self, parent_context=None):
            from django.urls import reverse

            context = super().get_context_data(parent_context)
            site = self.instance.get_site()
            query = f"?site={site.pk}" if site is not None else ""
            context["import_url"] = reverse("senreport_import") + query
            return context
