"""Approving the last task of a page's workflow publishes the page: when that would turn
items on the school's public statutory information from met to not met, the approver sees
which and confirms first, as an editor does before publishing (home/confirm_publish.py).

Wagtail's workflow machinery does the approving; this only asks before it:

- Wagtail's task action view (`SchoolWorkflowActionView`, at Wagtail's own address,
  home/admin_urls.py) answers the dashboard's "Approve" and the action modal's "Approve
  with comment". It calls the task's `on_action` only once the approver has confirmed;
  in the modal the confirmation is a step of the same modal, elsewhere a page.
- The editor's own "Approve" (`SchoolEditView.perform_workflow_action`,
  home/edit_views.py) saves the editor's changes as Wagtail does, then asks the same.

Confirming posts to the task action view with the comment the approver typed, so the task
is approved by `Task.on_action` and the workflow publishes as always (through the publish
guard, which refuses a version missing a *must* item before anyone is asked to
confirm). Not confirming leaves the task in progress and the changes unpublished.
"""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import Page, Task, TaskState, WorkflowState
from wagtail.workflows import publish_workflow_state

from . import publishing
from .confirm_publish import items_lost
from .models.base import SchoolPageMixin

# The field the confirmation posts; without it, an approval that loses items is asked about.
CONFIRMED = "confirmed-not-met"
APPROVE = "approve"


def approval_publishes(task_state):
    """True when approving this task finishes its workflow, and finishing publishes: no
    other active task of the workflow is still to be approved."""
    if WorkflowState.on_finish is not publish_workflow_state:
        return False
    workflow_state = task_state.workflow_state
    return not (
        Task.objects.filter(workflow_tasks__workflow_id=workflow_state.workflow_id, active=True)
        .exclude(task_states__in=workflow_state.successful_task_states)
        .exclude(pk=task_state.task_id)
        .exists()
    )


def items_lost_on_approval(page, task_state, action_name):
    """What approving would turn from met to not met on the public statutory page; [] when
    the action is not an approval that publishes, or nothing would change."""
    if action_name != APPROVE or not isinstance(page, SchoolPageMixin):
        return []
    if task_state.status != TaskState.STATUS_IN_PROGRESS or not approval_publishes(task_state):
        return []
    revision = page.get_latest_revision()
    if revision is None or publishing.check_revision(revision)[1]:
        # The publish guard refuses this version whatever the approver says: the approval
        # goes on to be refused, naming what is missing, as in the editor.
        return []
    return items_lost(page)


def confirm_url(page, task_state, comment="", next_url=""):
    url = reverse("school_confirm_approval", args=[page.pk, task_state.pk])
    query = {key: value for key, value in (("comment", comment), ("next", next_url)) if value}
    return f"{url}?{urlencode(query)}" if query else url


def approve_url(page, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, APPROVE, task_state.pk])


class SchoolWorkflowActionView(WorkflowActionView):
    """Wagtail's task action view: an approval that would lose items is asked about before
    the task's `on_action` runs; every other action is Wagtail's own."""

    def post(self, request, *args, **kwargs):
        if request.POST.get(CONFIRMED):
            return super().post(request, *args, **kwargs)
        page = self.object.specific
        items = items_lost_on_approval(page, self.task_state, self.action_name)
        if not items:
            return super().post(request, *args, **kwargs)
        form = self.form_class(request.POST) if self.form_class else None
        if form is not None and not form.is_valid():
            return super().post(request, *args, **kwargs)
        comment = form.cleaned_data.get("comment", "") if form is not None else ""
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # The next step of Wagtail's action modal, whose form it posts back here.
            return render_modal_workflow(
                request,
                "home/admin/confirm_approval_modal.html",
                None,
                {
                    **confirmation_context(page, self.task_state, items, comment),
                    "next_url": get_valid_next_url_from_request(request),
                },
                json_data={"step": "action"},
            )
        return redirect(
            confirm_url(page, self.task_state, comment, get_valid_next_url_from_request(request))
        )


def confirmation_context(page, task_state, items, comment):
    return {
        "page": page,
        "task_state": task_state,
        "items": items,
        "comment": comment,
        "approve_url": approve_url(page, task_state),
        "confirmed_field": CONFIRMED,
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
    }


class ConfirmApprovalView(WagtailAdminTemplateMixin, TemplateView):
    """The items approving would turn from met to not met, the approver's comment (still to
    be changed), "Approve and publish anyway" (the task's own action) and "Back to the
    editor" (the task stays in progress)."""

    template_name = "home/admin/confirm_approval.html"
    page_title = "Approve, publish and change the statutory information?"
    header_icon = "warning"

    def dispatch(self, request, page_id, task_state_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        self.task_state = get_object_or_404(
            TaskState.objects.filter(
                workflow_state__base_content_type=self.page.get_base_content_type(),
                workflow_state__object_id=str(self.page.pk),
            ),
            pk=task_state_id,
        ).specific
        if self.task_state.status != TaskState.STATUS_IN_PROGRESS:
            return redirect("wagtailadmin_pages:edit", self.page.pk)
        actions = self.task_state.task.specific.get_actions(self.page, request.user)
        if APPROVE not in (name for name, _verbose, _modal in actions):
            raise PermissionDenied
        return super().dispatch(request, page_id, task_state_id)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            confirmation_context(
                self.page,
                self.task_state,
                items_lost_on_approval(self.page, self.task_state, APPROVE),
                self.request.GET.get("comment", ""),
            )
        )
        next_url = get_valid_next_url_from_request(self.request)
        context["next_url"] = next_url or reverse(
            "wagtailadmin_explore", args=[self.page.get_parent().pk]
        )
        return context
