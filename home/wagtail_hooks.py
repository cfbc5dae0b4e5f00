from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.log_actions import LogFormatter
from wagtail.models import Page

from . import (
    confirm_approval,
    confirm_publish,
    feedback_admin,
    guard_admin,
    guide,
    publishing,
    translation,
)
from .isolation import (
    own_schools_pages,
    placement_problems,
    sees_every_school,
    visible_collection_ids,
)
from .models import SchoolSettings
from .models.feedback import SENT_FROM_PARAMETER
from .privacy_sources import PUPIL_DATA_SOURCES_HOOK, RecordSource
from .schools import SCHOOL_SITE_PERMISSIONS_HOOK
from .search import QUERY_PARAMETER, RESULTS_PAGE_PARAMETER


@hooks.register(SCHOOL_SITE_PERMISSIONS_HOOK)
def school_details_permissions():
    """A school's editors keep their own school details (Settings > School details)."""
    return ["home.change_schoolsettings"]


@hooks.register("construct_page_chooser_queryset")
def page_chooser_shows_own_schools(pages, request):
    """The page chooser, browsing and searching, offers the editor's schools' pages."""
    return own_schools_pages(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def explorer_shows_own_schools(parent_page, pages, request):
    """The page explorer's listing (already narrowed by page permissions) and its search."""
    return own_schools_pages(pages, request.user)


class SchoolDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return collection_members_for(self.request.user, super().get_queryset())


class SchoolImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return collection_members_for(self.request.user, super().get_queryset())


def collection_members_for(user, queryset):
    if sees_every_school(user):
        return queryset
    return queryset.filter(collection__in=visible_collection_ids(user, queryset.model))


@hooks.register("construct_admin_api", order=1)
def admin_api_lists_own_collections(router):
    """The admin API's documents and images (registered by Wagtail's apps, replaced here:
    hence order=1) list those of the collections the user may use, as the admin does."""
    router.register_endpoint("documents", SchoolDocumentsAdminAPIViewSet)
    router.register_endpoint("images", SchoolImagesAdminAPIViewSet)


def refuse_placement(request, action, problems, back_to):
    messages.error(
        request,
        f"This page cannot be {action} to another school: a page can only use its own "
        "school's pages, documents and images. " + " ".join(problems[:5]),
    )
    return redirect(back_to)


@hooks.register("before_copy_page")
def copy_keeps_schools_apart(request, page):
    """Copying a page to another school (superusers only) would take its links to its
    school's pages and documents along: refused, naming them."""
    if request.method != "POST":
        return None
    destination = Page.objects.filter(pk=request.POST.get("new_parent_page") or 0).first()
    if destination is None:
        return None
    problems = placement_problems(
        page.specific, destination, subpages=bool(request.POST.get("copy_subpages"))
    )
    if problems:
        return refuse_placement(
            request, "copied", problems, reverse("wagtailadmin_pages:copy", args=[page.pk])
        )
    return None


@hooks.register("before_move_page")
def move_keeps_schools_apart(request, page, destination):
    """Moving a page to another school: refused while it, or its school's pages linking
    to it, would refer across schools."""
    problems = placement_problems(page.specific, destination, inbound=True)
    if problems:
        return refuse_placement(
            request, "moved", problems, reverse("wagtailadmin_pages:move", args=[page.pk])
        )
    return None


@hooks.register("before_bulk_action")
def bulk_move_keeps_schools_apart(request, action_type, objects, action):
    """The page listing's bulk "Move": the same rule as moving one page."""
    if action_type != "move" or not issubclass(action.model, Page):
        return None
    destination = action.cleaned_form.cleaned_data["chooser"]
    problems = [
        line
        for page in objects
        for line in placement_problems(page.specific, destination, inbound=True)
    ]
    if problems:
        return refuse_placement(request, "moved", problems, action.next_url)
    return None


# The publish guard in the admin (home/publishing.py has the rule, home/guard_admin.py
# shows it). The bulk actions come after Wagtail's own (order), and so replace them.

hooks.register("before_publish_page", guard_admin.refuse_publish_from_editor)
# After the guard: a version it lets through that would turn items from met to not met
# waits for the editor to confirm (home/confirm_publish.py).
hooks.register("before_publish_page", confirm_publish.ask_before_publishing)
hooks.register("before_delete_page", guard_admin.warn_before_delete)
hooks.register("construct_admin_api", guard_admin.guard_admin_api)
for _action in (
    guard_admin.GuardedPublishBulkAction,
    guard_admin.GuardedMoveBulkAction,
    guard_admin.ConfirmingUnpublishBulkAction,
    guard_admin.ConfirmingDeleteBulkAction,
):
    hooks.register("register_bulk_action", _action, order=100)


@hooks.register("register_log_actions")
def publish_guard_log_actions(actions):
    @actions.register_action(publishing.REFUSED_LOG_ACTION)
    class PublishRefused(LogFormatter):
        label = "Publishing refused"

        def format_message(self, log_entry):
            # The page's history says why, in the words the editor was e-mailed.
            return "Publishing refused. " + log_entry.data.get("reason", "")


@hooks.register(PUPIL_DATA_SOURCES_HOOK)
def school_details_pupil_data_source():
    """The school details show in every page's header and footer: the scan reads them."""
    return [
        RecordSource(
            "school details",
            SchoolSettings,
            edit_url=lambda school: reverse(
                "wagtailsettings:edit", args=["home", "schoolsettings", school.site_id]
            ),
        )
    ]


@hooks.register("register_page_cache_query_parameters")
def feedback_query_parameters():
    """The feedback form's `?page=` names the page being reported (kept by the page cache)."""
    return [SENT_FROM_PARAMETER]


@hooks.register("register_admin_urls")
def feedback_admin_urls():
    return [
        path("feedback/read/", feedback_admin.mark_feedback_read, name="school_feedback_read"),
        path(
            "pages/<int:page_id>/confirm-publish/",
            confirm_publish.ConfirmPublishView.as_view(),
            name="school_confirm_publish",
        ),
        path(
            "pages/<int:page_id>/confirm-approval/<int:task_state_id>/",
            confirm_approval.ConfirmApprovalView.as_view(),
            name="school_confirm_approval",
        ),
        path("guide/", guide.EditorGuideView.as_view(), name="school_editor_guide"),
        path(
            "guide/screenshots/<str:name>",
            guide.screenshot,
            name="school_editor_guide_screenshot",
        ),
        path(
            "guide/<slug:slug>/", guide.EditorGuideView.as_view(), name="school_editor_guide_page"
        ),
    ]


@hooks.register("register_help_menu_item")
def editor_guide_menu_item():
    """The school's own editor guide, first in the Help menu."""
    return MenuItem(
        "Editor guide for your school",
        reverse("school_editor_guide"),
        icon_name="help",
        order=10,
        name="school-editor-guide",
    )


# Wagtail's generic guide and its release notes are for developers, not the school office.
WAGTAIL_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("construct_help_menu")
def help_menu_for_schools(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_HELP_ITEMS)]


@hooks.register("register_page_cache_query_parameters")
def search_query_parameters():
    """The site search's words and result page (home/search.py)."""
    return [QUERY_PARAMETER, RESULTS_PAGE_PARAMETER]


@hooks.register(translation.OUT_OF_DATE_HOOK)
def translations_out_of_date(site):
    """The admin home's "Needs doing now" and the review reminders: each live translation
    whose English page has changed since it was translated, with its editor's address."""
    return [
        (
            f"{item.page.title} ({item.language}): the English page “{item.source_page.title}” "
            "has changed since it was translated",
            reverse("wagtailadmin_pages:edit", args=[item.page.pk]),
        )
        for item in translation.out_of_date(site)
    ]
