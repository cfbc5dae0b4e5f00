"""Editor panels that show editors facts about what they are writing."""

from wagtail.admin.panels import Panel

from . import readability


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
