"""Wagtail admin addresses answered by school-scoped views (home/admin_views.py).

Included before Wagtail's admin URLs in schoolsite/urls.py, so these take the same
addresses; Wagtail's admin decorators (sign-in and admin access, no caching) apply as to
its own."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import admin_views, confirm_approval, edit_views, translation_admin

urlpatterns = [
    # The page editor in the office's words (home/edit_views.py).
    path("pages/<int:page_id>/edit/", edit_views.SchoolEditView.as_view(), name="school_edit"),
    path(
        "pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
        "<int:parent_page_id>/",
        edit_views.SchoolCreateView.as_view(),
        name="school_create",
    ),
    # Wagtail's task action (approve, request changes): an approval that would turn items
    # on the statutory information page from met to not met is confirmed first
    # (home/confirm_approval.py).
    path(
        "pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        confirm_approval.SchoolWorkflowActionView.as_view(),
        name="school_workflow_action",
    ),
    # wagtail-localize's "Translate", offering the school's languages only.
    path(
        "localize/submit/page/<int:page_id>/",
        translation_admin.SchoolSubmitPageTranslationView.as_view(),
        name="school_submit_page_translation",
    ),
    path("choose-page/", admin_views.SchoolBrowseView.as_view(), name="school_choose_page"),
    path(
        "choose-page/<int:parent_page_id>/",
        admin_views.SchoolBrowseView.as_view(),
        name="school_choose_page_child",
    ),
    path(
        "choose-page/chosen-multiple/",
        admin_views.SchoolChosenMultipleView.as_view(),
        name="school_choose_page_chosen_multiple",
    ),
    path(
        "bulk/<str:app_label>/<str:model_name>/<str:action>/",
        admin_views.bulk_action,
        name="school_bulk_action",
    ),
    path(
        "reports/page-types-usage/",
        admin_views.SchoolPageTypesUsageReportView.as_view(),
        name="school_page_types_usage",
    ),
    path(
        "reports/page-types-usage/results/",
        admin_views.SchoolPageTypesUsageReportView.as_view(results_only=True),
        name="school_page_types_usage_results",
    ),
]

urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)
