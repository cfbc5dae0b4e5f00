"""Before a version goes live that would turn items on the school's public statutory
information from met to not met, the editor sees which and confirms.

The items come from the higher apps (`PUBLISH_WARNINGS_HOOK`, home/publishing.py). A
person publishes in the admin through the editor (publish, schedule, revert and publish:
Wagtail's `before_publish_page` hook, after the draft is saved) or the listing's bulk
publish (home/guard_admin.py); both send them here, to publish the saved version once they
have read what it changes. The publish guard still runs when they confirm. Approving the
last task of a workflow, which publishes too, asks the same (home/confirm_approval.py).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Page

from . import publishing
from .models.base import SchoolPageMixin


def confirm_url(page):
    return reverse("school_confirm_publish", args=[page.pk])


def items_lost(page):
    """What the page's latest version would turn from met to not met; [] if nothing."""
    revision = page.get_latest_revision()
    if revision is None:
        return []
    return publishing.publish_warnings(revision.as_object(), site=page.get_site())


def ask_before_publishing(request, page):
    """before_publish_page: the editor's draft is saved; if it would turn items from met
    to not met, it is not published yet: the editor is asked first."""
    if not isinstance(page, SchoolPageMixin) or request.POST.get("confirmed-not-met"):
        return None
    if items_lost(page):
        return redirect(confirm_url(page))
    return None


class ConfirmPublishView(WagtailAdminTemplateMixin, TemplateView):
    """The items this version would turn from met to not met; "Publish anyway" publishes
    it (through the guard), "Back to the editor" leaves it a draft."""

    template_name = "home/admin/confirm_publish.html"
    page_title = "Publish and change the statutory information?"
    header_icon = "warning"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        if not self.page.permissions_for_user(request.user).can_publish():
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def post(self, request, page_id):
        page = self.page
        revision = page.get_latest_revision()
        if revision is None:
            return redirect("wagtailadmin_pages:edit", page.pk)
        try:
            revision.publish(user=request.user)
        except publishing.PublishRefused as refusal:
            messages.error(request, refusal.message)
            return redirect("wagtailadmin_pages:edit", page.pk)
        messages.success(request, f"“{page.title}” is published.")
        return redirect("wagtailadmin_explore", page.get_parent().pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "page": self.page,
                "items": items_lost(self.page),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            }
        )
        return context
