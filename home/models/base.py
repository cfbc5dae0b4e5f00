"""What every page type of the product shares, whatever app defines it.

`SchoolPageMixin` comes first in each page model's bases (before `Page` or Wagtail's form
page), so the rules that must hold on every route live in one place: the publish guard
(nothing that fails its *must* checks or carries pupil data goes live, by any route) and
school isolation (a school's page refers only to its own school's pages and documents).
"""

from home.forms import SchoolPageForm
from home.isolation import check_references


class SchoolPageMixin:
    """Mixed into every page model of the product (see the module's docstring)."""

    # Page types with a form of their own base it on home.forms.SchoolPageFormMixin.
    base_form_class = SchoolPageForm

    def clean(self):
        super().clean()
        self.clean_school_references()

    def clean_school_references(self):
        """A page refers to its own school's pages, documents and images only: Model
        validation runs on the editor's form, on `save()` and on `save_revision()`, so
        every route that validates refuses another school's."""
        parent = getattr(self, "school_parent_page", None)
        check_references(self, self.path or (parent.path if parent is not None else ""))
