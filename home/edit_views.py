"""Wagtail's page editor, in the office's words.

Served at Wagtail's own addresses (home/admin_urls.py, before Wagtail's admin):

- When the publish guard refuses a publish (or a submission for approval) and nothing else
  is wrong, the editor's changes are kept as a draft, and the banner says so and names what
  is missing, once (instead of "The page could not be saved due to validation errors").
- The editor reopens on the first tab with an error, not on the first tab.
- Wagtail's "Promote" and "Settings" tabs carry names a school understands.

The rule itself is the publish guard's (home/publishing.py, home/forms.py); this only
shows it.
"""

from __future__ import annotations

import json
from functools import cache

from django.contrib import messages
from django.forms.utils import ErrorDict
from django.shortcuts import redirect
from django.utils.html import format_html, format_html_join
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.log_actions import log

from . import confirm_approval
from .models.base import SchoolPageMixin

# Wagtail's default tab names -> what a school office calls them.
TAB_HEADINGS = {
    "Promote": "Address and search",
    "Settings": "Publishing dates and privacy",
}


class SchoolTabbedInterface(TabbedInterface):
    """Tabs that open on the first one holding an error."""

    class BoundPanel(TabbedInterface.BoundPanel):
        @property
        def attrs(self):
            attrs = dict(super().attrs)
            tab = first_tab_with_error(self)
            if tab:
                attrs["data-w-tabs-active-panel-id-value"] = f"tab-{tab}"
            return attrs


def first_tab_with_error(bound_tabs):
    """The identifier of the first tab whose fields or inline rows have an error; None if
    the form has no error, or none that belongs to a tab."""
    form = bound_tabs.form
    if form is None or not form.is_bound:
        return None
    field_errors = {name for name in form.errors if name != "__all__"}
    formset_errors = {
        name
        for name, formset in getattr(form, "formsets", {}).items()
        if any(formset.errors) or formset.non_form_errors()
    }
    if not (field_errors or formset_errors):
        return None
    for child, identifier in bound_tabs.visible_children_with_identifiers:
        options = child.panel.get_form_options()
        if field_errors & set(options.get("fields", ())) or formset_errors & set(
            options.get("formsets", {})
        ):
            return identifier
    return None


@cache
def school_edit_handler(page_class):
    """The page type's tabs, named for a school, opening on the first error."""
    handler = page_class.get_edit_handler()
    if not isinstance(handler, TabbedInterface):
        return handler
    children = [
        type(child)(**{**child.clone_kwargs(), "heading": TAB_HEADINGS[str(child.heading)]})
        if isinstance(child, ObjectList) and str(child.heading) in TAB_HEADINGS
        else child
        for child in handler.children
    ]
    return SchoolTabbedInterface(**{**handler.clone_kwargs(), "children": children}).bind_to_model(
        page_class
    )


def refused_draft_message(page, form, every_reason=False):
    """'Your changes are saved as a draft. It is not published: …' once, with the reason
    of each item that has no field of its own to be marked beside (`every_reason`: of
    every item, when the form is not shown again)."""
    unmarked = [
        problem.reason
        for problem in form.publish_refusal
        if not problem.pupil_data
        and (every_reason or not any(name in form.fields for name in problem.fields))
    ]
    return format_html(
        "<strong>Your changes are saved as a draft.</strong> {}{}",
        form.publish_refusal_message,
        format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((r,) for r in unmarked)))
        if unmarked
        else "",
    )


def _save_despite_refusal(form, commit):
    """Save what the editor wrote although the form holds the guard's errors (the only
    ones: `form.publish_refusal` is set only then)."""
    errors = form._errors
    form._errors = ErrorDict()
    try:
        return form.save(commit=commit)
    finally:
        form._errors = errors


class SchoolTabsMixin:
    def get(self, request, *args, **kwargs):
        self.edit_handler = school_edit_handler(self.page_class)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.edit_handler = school_edit_handler(self.page_class)
        return super().post(request, *args, **kwargs)


class SchoolEditView(SchoolTabsMixin, EditView):
    def form_invalid(self, form):
        if (
            getattr(form, "publish_refusal", None) is None
            or self.locked_for_user
            or self.is_cancelling_workflow
            or self.expects_json_response
        ):
            return super().form_invalid(form)
        # As Wagtail's "Save draft" does (a live page keeps its live content).
        self.page = _save_despite_refusal(form, commit=not self.page.live)
        self.subscription.save()
        self.latest_revision = self.page.save_revision(
            user=self.request.user, log_action=True, previous_revision=self.previous_revision
        )
        self.__dict__.pop("latest_revision_created_at", None)
        messages.error(self.request, refused_draft_message(self.page, form))
        self.errors_debug = repr(form.errors)
        self.has_unsaved_changes = False
        return self.render_to_response(self.get_context_data())

    def perform_workflow_action(self):
        """The editor's "Approve": the changes are saved as Wagtail saves them; then, if
        approving would publish a version that turns items from met to not met, the
        approver is asked first (home/confirm_approval.py) and the task is not acted on."""
        task_state = self.page.current_workflow_task_state
        if (
            self.request.POST.get(confirm_approval.CONFIRMED)
            or self.workflow_action != confirm_approval.APPROVE
            or not isinstance(self.page, SchoolPageMixin)
            or not confirm_approval.approval_publishes(task_state)
        ):
            return super().perform_workflow_action()
        self.save_workflow_edits()
        items = confirm_approval.items_lost_on_approval(
            self.page, task_state, self.workflow_action
        )
        extra = json.loads(self.request.POST.get("workflow-action-extra-data") or "{}")
        if items:
            messages.success(self.request, "Your changes are saved. The page is not approved yet.")
            return redirect(
                confirm_approval.confirm_url(self.page, task_state, extra.get("comment", ""))
            )
        # The rest of Wagtail's `perform_workflow_action`, the changes being saved above.
        self.page.current_workflow_task.on_action(
            task_state, self.request.user, self.workflow_action, **extra
        )
        self.add_save_confirmation_message()
        response = self.run_hook("after_edit_page", self.request, self.page)
        if response:
            return response
        return self.redirect_away()

    def save_workflow_edits(self):
        """What Wagtail's `perform_workflow_action` saves before it acts on the task."""
        self.page = self.form.save(commit=not self.page.live)
        self.subscription.save()
        if self.has_content_changes:
            revision = self.page.save_revision(
                user=self.request.user,
                log_action=True,
                previous_revision=(self.previous_revision if self.is_reverting else None),
            )
            if "comments" in self.form.formsets:
                changes = self.get_commenting_changes()
                self.log_commenting_changes(changes, revision)
                self.send_commenting_notifications(changes)


class SchoolCreateView(SchoolTabsMixin, CreateView):
    def form_invalid(self, form):
        if getattr(form, "publish_refusal", None) is None:
            return super().form_invalid(form)
        # A new page: kept as a draft where it was being added, then opened in the editor.
        page = _save_despite_refusal(form, commit=False)
        page.live = False
        page.owner = self.request.user
        self.parent_page.add_child(instance=page)
        page.save_revision(user=self.request.user, log_action=False)
        self.page = page
        log(instance=page, action="wagtail.create", user=self.request.user, content_changed=True)
        messages.error(self.request, refused_draft_message(page, form, every_reason=True))
        return redirect("wagtailadmin_pages:edit", page.pk)
