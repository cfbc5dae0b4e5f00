"""What every page type of the product shares, whatever app defines it.

`SchoolPageMixin` comes first in each page model's bases (before `Page` or Wagtail's form
page), so the rules that must hold on every route live in one place: the publish guard
(nothing that fails its *must* checks or carries pupil data goes live, by any route) and
school isolation (a school's page refers only to its own school's pages and documents).
"""

from home.forms import GuardedCopyForm, SchoolPageForm
from home.isolation import check_references


class SchoolPageMixin:
    """Mixed into every page model of the product (see the module's docstring)."""

    # The publish guard (home/publishing.py). Every route that makes a page live ends in
    # `publish(revision)` (bulk publish, workflow approval, publish_scheduled, create),
    # except: the edit view (also revert-and-publish), whose form runs the same check first
    # (home.forms.PublishGuardFormMixin) and whose revision is checked again by the
    # before_publish_page hook; the admin API's publish and copy actions (guarded in
    # home/guard_admin.py); copy, guarded by `copy_form_class` below; and move, by the
    # pre_page_move signal (home/signal_handlers.py).

    def publish(
        self,
        revision,
        user=None,
        changed=True,
        log_action=True,
        previous_revision=None,
        skip_permission_checks=False,
    ):
        from home.publishing import guard_publish

        if not guard_publish(self, revision, log_action):
            return None
        return super().publish(
            revision,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
            skip_permission_checks=skip_permission_checks,
        )

    # The editor's form of every page type runs the guard; a page type with a form of its
    # own builds it on home.forms.SchoolPageFormMixin and PublishGuardFormMixin.
    base_form_class = SchoolPageForm
    # Wagtail's copy view reads the form from the page class.
    copy_form_class = GuardedCopyForm

    def clean(self):
        super().clean()
        self.clean_school_references()

    def clean_school_references(self):
        """A page refers to its own school's pages, documents and images only: Model
        validation runs on the editor's form, on `save()` and on `save_revision()`, so
        every route that validates refuses another school's."""
        parent = getattr(self, "school_parent_page", None)
        check_references(self, self.path or (parent.path if parent is not None else ""))
