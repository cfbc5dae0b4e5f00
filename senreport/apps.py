from importlib import import_module

from django.apps import AppConfig


class SENReportConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "senreport"
    verbose_name = "SEND statutory information"

    def ready(self):
        # Register every statutory check with the compliance registry. (They join the
        # publish guard every page type shares through senreport/wagtail_hooks.py.)
        # In the checklist's order (every listing follows it): sections 1 to 4, then
        # section 5's inclusion strategy and equality items.
        for module in ("checks", "inclusion", "equality"):
            import_module(f"{self.name}.compliance.{module}")
        # What refreshes the stored compliance results (senreport/signals.py).
        from . import signals

        signals.connect()

        # What empties the page cache when glossary terms or editions change.
        from . import cache

        cache.connect()
