from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The fictional demo schools and the generated trust schools (`manage.py seed_demo`,
    `manage.py seed_schools`). It builds on the product apps; they never import it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
    verbose_name = "Demo schools"
