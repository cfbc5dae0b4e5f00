"""What every page type of the product shares, whatever app defines it.

`SchoolPageMixin` comes first in each page model's bases (before `Page` or Wagtail's form
page), so the rules that must hold on every route live in one place: the publish guard
(nothing that fails its *must* checks or carries pupil data goes live, by any route) and
school isolation (a school's page refers only to its own school's pages and documents).
"""


class SchoolPageMixin:
    """Mixed into every page model of the product (see the module's docstring)."""
