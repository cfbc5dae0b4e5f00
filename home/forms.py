"""The editor's forms for every page type: drafts always save; publishing is guarded.

`PublishGuardFormMixin` runs the publish guard (home/publishing.py) when the editor
publishes, schedules or submits for moderation, and marks each problem beside its field.
Every page type's form is built on it, so the check an editor meets in the form is the
same one every other route to a live page passes.
"""

import logging

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm

from . import publishing

logger = logging.getLogger(__name__)


class SchoolPageFormMixin:
    """Lets the page's own `clean()` know where a new page will go (for school isolation,
    home/isolation.py), and shows its errors beside the field they name, or above the form
    when that field is not on the form."""

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


class PublishGuardFormMixin:
    """Mixed into a Wagtail page form (before it in the bases)."""

    # Set when the guard's missing items are the form's only errors: the editor's changes
    # are then kept as a draft (home/edit_views.py), with this message.
    publish_refusal = None
    publish_refusal_message = ""

    def _post_clean(self):
        super()._post_clean()
        if self.is_deferred_validation:
            return
        site = self._site()
        problems = publishing.publish_problems(
            self.instance, site, children=self._pending_children()
        )
        if not problems:
            return
        # The summary first: the admin lists the form's errors in the order they were added.
        noun = self.instance._meta.verbose_name
        summary = publishing.refusal_message(self.instance, problems, subject=f"This {noun}")
        # Not when it quotes pupil data: that is not kept, even in a draft, unasked.
        if (
            not self._errors
            and not any(problem.pupil_data for problem in problems)
            and all(formset.is_valid() for formset in self.formsets.values())
        ):
            self.publish_refusal = problems
            self.publish_refusal_message = summary
        self.add_error(None, summary + " You can still save a draft.")
        # Each reason beside the field it concerns, or under the summary if it has none.
        for problem in problems:
            if problem.pupil_data:
                continue  # quoted, with why, in the summary
            marked = [name for name in problem.fields if name in self.fields]
            for field_name in marked:
                if field_name not in self.errors:
                    self.add_error(field_name, problem.reason)
            if not marked:
                self.add_error(None, problem.reason)
        logger.info(
            "Publish refused for %s %r: %s",
            noun,
            self.instance.title,
            "; ".join(p.item for p in problems),
        )

    def _pending_children(self):
        """The InlinePanel rows the editor submitted, without saving them."""
        children = {}
        for name, formset in self.formsets.items():
            if name == "comments" or not formset.is_valid():
                continue
            children[name] = [
                form.instance
                for form in formset.forms
                if form.has_changed() or form.instance.pk
                if not (formset.can_delete and formset._should_delete_form(form))
            ]
        return children

    def _site(self):
        parent = self.parent_page
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        return parent.get_site() if parent is not None else None


class SchoolPageForm(SchoolPageFormMixin, PublishGuardFormMixin, WagtailAdminPageForm):
    """The form of every page type that has no form of its own."""


class GuardedCopyForm(CopyForm):
    """Wagtail's copy form, refusing to publish (or alias) a copy that would fail the
    publish guard where it lands: the school it is copied to has its own details, so a
    page complete in one school can be incomplete in another. Nothing is copied; the editor
    can untick "Publish" to copy it as a draft."""

    def clean(self):
        cleaned_data = super().clean()
        if not (cleaned_data.get("publish_copies") or cleaned_data.get("alias")):
            return cleaned_data
        refusals = publishing.copy_refusals(
            self.page,
            cleaned_data.get("new_parent_page") or self.page.get_parent(),
            recursive=cleaned_data.get("copy_subpages"),
            new_title=cleaned_data.get("new_title"),
        )
        if refusals:
            # Beside the box to untick: Wagtail's copy page shows no form-wide errors.
            field = "publish_copies" if "publish_copies" in self.fields else "alias"
            self.add_error(
                field,
                " ".join(refusals)
                + " Nothing has been copied. Untick this box to copy it as a draft, or fix "
                "the page first.",
            )
        return cleaned_data


class StatutoryPageForm(SchoolPageForm):
    """The form of the statutory pages: the shared guard, which runs their own *must*
    compliance checks (registered by senreport) and the privacy check."""
