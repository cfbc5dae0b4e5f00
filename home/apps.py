from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Site and school details"

    def ready(self):
        from . import spreadsheets

        # Every admin spreadsheet export (CSV and XLSX) neutralises formulae.
        spreadsheets.install()

        from . import signal_handlers

        signal_handlers.connect()
