"""The publish guard in the admin: how each route tells the editor it refused, and the
confirmations before a page that carries a *must* item is unpublished or deleted.

The rule itself is in home/publishing.py; this module only shows it. Registered in
home/wagtail_hooks.py.
"""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from rest_framework.exceptions import ValidationError
from wagtail.admin.api.actions.copy import CopyPageAPIAction
from wagtail.admin.api.actions.publish import PublishPageAPIAction
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction

from . import publishing
from .models.base import SchoolPageMixin


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class PublishRefusedMiddleware:
    """Turns a refusal raised on any admin route (workflow approval, revert, move, and any
    route that reaches `publish()`) into the refusal message on the page's editor, instead
    of an error page. Whatever the route had started is rolled back by its own transaction
    (Wagtail's approval) or was never begun (the guard runs before anything is written)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, publishing.PublishRefused):
            return None
        message = exception.message
        match = request.resolver_match
        if match is not None and "workflow" in (match.url_name or ""):
            message += (
                " It has not been approved and stays in moderation. (Approving publishes "
                "the latest version of the page; that is the version checked.)"
            )
        messages.error(request, message)
        target = getattr(exception, "redirect_to", None) or edit_url(exception.page)
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # Wagtail's workflow modal: it follows "redirect" when the step succeeded.
            return render_modal_workflow(
                request, "", None, {}, json_data={"step": "success", "redirect": target}
            )
        return HttpResponseRedirect(target)


def refuse_publish_from_editor(request, page):
    """before_publish_page: the edit and create views publish through Wagtail's action
    directly, not `publish()`. Their form has already run the guard on the same content;
    this checks the revision itself, so the rule holds even for a page type whose form does
    not (the revision is kept as a draft)."""
    if not isinstance(page, SchoolPageMixin):
        return None
    revision = page.get_latest_revision()
    if revision is None:
        return None
    version, problems = publishing.check_revision(revision)
    if not problems:
        return None
    messages.error(request, publishing.refusal_message(version, problems))
    return HttpResponseRedirect(edit_url(page))


class GuardedPublishBulkAction(PublishBulkAction):
    """Bulk publish, with and without descendants: a page that fails the guard is left as
    it was and named in a message with what is missing; the rest of the batch publishes."""

    def get_execution_context(self):
        self.refusals = []
        self.to_confirm = []
        return {
            **super().get_execution_context(),
            "refusals": self.refusals,
            "to_confirm": self.to_confirm,
        }

    @classmethod
    def execute_action(cls, objects, include_descendants=False, user=None, **kwargs):
        refusals = kwargs.pop("refusals", [])
        to_confirm = kwargs.pop("to_confirm", [])
        published = {"parents": 0, "children": 0}

        def publish(page, counter):
            revision = page.get_latest_revision() or page.specific.save_revision(user=user)
            # The guard first; then a version that would turn items from met to not met
            # waits for its own confirmation (home/confirm_publish.py), as in the editor.
            version, problems = publishing.check_revision(revision)
            if problems:
                refusals.append(publishing.PublishRefused(version, problems))
                return
            if publishing.publish_warnings(version, site=page.get_site()):
                to_confirm.append(page)
                return
            try:
                revision.publish(user=user)
            except publishing.PublishRefused as refusal:
                refusals.append(refusal)
                return
            published[counter] += 1

        for page in objects:
            publish(page, "parents")
            if include_descendants:
                for descendant in (
                    page.get_descendants().not_live().defer_streamfields().specific().iterator()
                ):
                    if user is None or descendant.permissions_for_user(user).can_publish():
                        publish(descendant, "children")
        return published["parents"], published["children"]

    def get_success_message(self, num_parent_objects, num_child_objects):
        for refusal in getattr(self, "refusals", []):
            messages.error(self.request, refusal.message + " It has not been published.")
        for page in getattr(self, "to_confirm", []):
            messages.warning(
                self.request,
                format_html(
                    "“{}” has not been published: it would change items on the statutory "
                    'information page from met to not met. <a href="{}">See which, and '
                    "publish it if you mean to</a>.",
                    page.title,
                    reverse("school_confirm_publish", args=[page.pk]),
                ),
            )
        if not (num_parent_objects or num_child_objects):
            return None
        return super().get_success_message(num_parent_objects, num_child_objects)


class GuardedMoveBulkAction(MoveBulkAction):
    """Bulk move: a live page the guard refuses to take to another school stays where it
    is and is named in a message; the other pages move."""

    def get_execution_context(self):
        self.refusals = []
        return {**super().get_execution_context(), "refusals": self.refusals}

    @classmethod
    def execute_action(cls, objects, destination=None, user=None, **kwargs):
        refusals = kwargs.pop("refusals", [])
        if destination is None:
            return None
        moved = 0
        for page in objects:
            try:
                page.move(destination, pos="last-child", user=user)
            except publishing.PublishRefused as refusal:
                refusals.append(refusal)
                continue
            moved += 1
        return moved, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        for refusal in getattr(self, "refusals", []):
            messages.error(self.request, refusal.message)
        if not num_parent_objects:
            return None
        return super().get_success_message(num_parent_objects, num_child_objects)


def would_miss(pages):
    """[(page, [item names])] for each live page among `pages` that carries *must* items."""
    found = []
    for page in pages:
        items = publishing.live_must_items(page)
        if items:
            found.append((page, items))
    return found


def live_pages_under(page):
    return page.get_descendants().live().specific()


class MustItemsContextMixin:
    """Adds `school_would_miss` to a bulk confirmation page: the *must* items each chosen
    page (and, with `include_descendants`, each page under it) carries."""

    include_descendants_always = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pages = [item["item"] for item in context["items"]]
        context["school_would_miss"] = would_miss(p.specific for p in pages)
        context["school_would_miss_below"] = would_miss(
            descendant for page in pages for descendant in live_pages_under(page)
        )
        context["descendants_always_go"] = self.include_descendants_always
        return context


class ConfirmingUnpublishBulkAction(MustItemsContextMixin, UnpublishBulkAction):
    template_name = "home/admin/confirm_bulk_unpublish.html"


class ConfirmingDeleteBulkAction(MustItemsContextMixin, DeleteBulkAction):
    template_name = "home/admin/confirm_bulk_delete.html"
    include_descendants_always = True


def warn_before_delete(request, page):
    """before_delete_page: on the confirmation page (GET), name what the school will be
    missing once this page and the pages under it are gone."""
    if request.method != "GET":
        return None
    missing = would_miss([page.specific, *live_pages_under(page)])
    if missing:
        messages.warning(request, missing_sentence(missing, "deleted"))
    return None


def missing_sentence(missing, done):
    """'If this is deleted, the school's website will be missing: “A”, “B” (from “Page”).'"""
    parts = [
        "; ".join(f"“{item}”" for item in items) + f" (on “{page.title}”)"
        for page, items in missing
    ]
    return (
        f"If this is {done}, the school's website will no longer publish these items the "
        "law requires: " + "; ".join(parts) + ". Publish them on another page first."
    )


# The admin's own API (/admin/api/main/pages/<id>/action/...) publishes and copies through
# Wagtail's actions directly, not `publish()` or the copy form. These pass the same guard
# and answer 400 with the refusal.


class GuardedPublishPageAPIAction(PublishPageAPIAction):
    def execute(self, instance, data):
        if isinstance(instance.specific, SchoolPageMixin):
            revision = instance.get_latest_revision() or instance.save_revision(
                user=self.request.user
            )
            version, problems = publishing.check_revision(revision)
            if problems:
                raise ValidationError({"publish": [publishing.refusal_message(version, problems)]})
        return super().execute(instance, data)


class GuardedCopyPageAPIAction(CopyPageAPIAction):
    def execute(self, instance, data):
        if data.get("keep_live"):
            action = self._action_from_data(instance, data)
            refusals = publishing.copy_refusals(
                instance,
                action.to,
                recursive=action.recursive,
                new_title=action.update_attrs.get("title"),
            )
            if refusals:
                raise ValidationError({"keep_live": [" ".join(refusals)]})
        return super().execute(instance, data)


class GuardedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    actions = {
        **PagesAdminAPIViewSet.actions,
        "publish": GuardedPublishPageAPIAction,
        "copy": GuardedCopyPageAPIAction,
    }


def guard_admin_api(router):
    """construct_admin_api: the admin API's pages endpoint with the guarded actions."""
    router.register_endpoint("pages", GuardedPagesAdminAPIViewSet)
