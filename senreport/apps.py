from django.apps import AppConfig


class SENReportConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "senreport"
    verbose_name = "SEND statutory information"

    def ready(self):
        # Register every statutory check with the compliance registry. (They join the
        # publish guard every page type shares through senreport/wagtail_hooks.py.)
        from .compliance import checks, equality  # noqa: F401
