"""The base of every page type's editor form (see `home.models.base.SchoolPageMixin`)."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from wagtail.admin.forms import WagtailAdminPageForm


class SchoolPageFormMixin:
    """Lets the page's own `clean()` know where a new page will go, and shows its errors
    beside the field they name, or above the form when that field is not on the form."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if parent_page is not None and not self.instance.path:
            # A new page is placed in the tree only after the form is valid.
            self.instance.school_parent_page = parent_page

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict"):
            moved = {}
            for field, messages in errors.error_dict.items():
                key = field if field == NON_FIELD_ERRORS or field in self.fields else None
                moved.setdefault(key or NON_FIELD_ERRORS, []).extend(messages)
            errors = ValidationError(moved)
        super()._update_errors(errors)


class SchoolPageForm(SchoolPageFormMixin, WagtailAdminPageForm):
    pass
