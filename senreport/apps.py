from django.apps import AppConfig


class SENReportConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "senreport"
    verbose_name = "SEND statutory information"

    def ready(self):
        # Register every statutory check with the compliance registry.
        # Plug the statutory checks into the publish guard every page type shares.
        from home import publishing

        from .compliance import checks  # noqa: F401
        from .publish_guard import live_must_items, must_problems

        publishing.register(must_problems)
        publishing.register_items(live_must_items)
