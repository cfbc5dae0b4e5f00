"""The Local Offer admin's views of one record: the record's school decides who may see,
edit and publish it, and which workflow it goes to; imported records open read-only."""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from wagtail.permissions import policy_registry
from wagtail.snippets.action_menu import (
    PublishMenuItem,
    SnippetActionMenu,
    SubmitForModerationMenuItem,
    UnpublishMenuItem,
)
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    HistoryView,
    InspectView,
    UsageView,
)

from .models.approval import school_workflow
from .panels import imported_organisation_edit_handler, imported_service_edit_handler
from .permissions import SCHOOL_ACTIONS, may_for_site, school_sites


class SchoolWorkflowViewMixin:
    """Create and edit views: the record's school gives the workflow it is submitted to
    and decides who may publish it (Wagtail's own views ask the model's content type and
    "publish on any site")."""

    def record_site_id(self):
        if self.object is not None:
            return self.object.site_id
        # A new record belongs to the school chosen on the form, or the user's first one
        # (SiteScopedForm makes the same choice).
        allowed = [
            site.pk
            for site in school_sites(self.request.user, self.model).order_by(
                "site_name", "hostname"
            )
        ]
        chosen = self.request.POST.get("site", "")
        if chosen.isdigit() and int(chosen) in allowed:
            return int(chosen)
        return allowed[0] if allowed else None

    @cached_property
    def workflow(self):
        if self.object is not None:
            return self.object.get_workflow()
        site_id = self.record_site_id()
        workflow = school_workflow(site_id) if site_id is not None else None
        return workflow or self.model.get_default_workflow()

    @cached_property
    def may_publish(self):
        return may_for_site(self.request.user, self.model, "publish", self.record_site_id())

    def get_available_actions(self):
        actions = super().get_available_actions()
        if "publish" in actions and not self.may_publish:
            actions.remove("publish")
        return actions

    def _get_action_menu(self):
        context = {"view": self.view_name, "model": self.model, "school_view": self}
        if self.view_name != "create":
            context.update(instance=self.object, locked_for_user=self.locked_for_user)
        return SnippetActionMenu(self.request, **context)


class SchoolPublishMenuItem(PublishMenuItem):
    def is_shown(self, context):
        return context["school_view"].may_publish and not context.get("locked_for_user")


class SchoolUnpublishMenuItem(UnpublishMenuItem):
    def is_shown(self, context):
        return (
            context["view"] == "edit"
            and context["instance"].live
            and context["school_view"].may_publish
            and not context.get("locked_for_user")
        )


class SchoolSubmitMenuItem(SubmitForModerationMenuItem):
    """ "Submit to <school> approval": the workflow of the record's school."""

    def is_shown(self, context):
        workflow = context["school_view"].workflow
        if workflow is None or context.get("locked_for_user"):
            return False
        if context["view"] == "create":
            return True
        return context["view"] == "edit" and not context["instance"].workflow_in_progress

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        instance = parent_context.get("instance")
        state = instance.current_workflow_state if instance else None
        if not (state and state.status == state.STATUS_NEEDS_CHANGES):
            context["label"] = f"Submit to {parent_context['school_view'].workflow.name}"
        return context


SCHOOL_MENU_ITEMS = (
    (PublishMenuItem, SchoolPublishMenuItem(order=30)),
    (UnpublishMenuItem, SchoolUnpublishMenuItem(order=20)),
    (SubmitForModerationMenuItem, SchoolSubmitMenuItem(order=60)),
)


def school_action_menu(menu_items, request, context):
    """Publish, Unpublish and Submit as the record's school allows (see the docstring)."""
    if "school_view" not in context:
        return
    replaced = tuple(base for base, _ in SCHOOL_MENU_ITEMS)
    menu_items[:] = [item for item in menu_items if type(item) not in replaced]
    menu_items.extend(item for _, item in SCHOOL_MENU_ITEMS if item.is_shown(context))
    menu_items.sort(key=lambda item: item.order)


class SchoolRecordViewMixin:
    """For views of one record: refuse a record of a school the user does not work on."""

    def get_object(self, *args, **kwargs):
        record = super().get_object(*args, **kwargs)
        policy = policy_registry.get_by_type(self.model)
        if not policy.user_has_any_permission_for_instance(
            self.request.user, SCHOOL_ACTIONS, record
        ):
            raise PermissionDenied
        return record


class ImportedReadOnlyEditView(EditView):
    """Edits an imported record through `imported_edit_handler`: read-only but for a few
    fields. The viewset passes one form class for every record, so the form is built
    from the panel here too."""

    imported_edit_handler = None

    @property
    def editing_imported(self):
        return bool(self.object.source)

    def get_panel(self):
        if self.editing_imported:
            return self.imported_edit_handler.bind_to_model(self.model)
        return super().get_panel()

    def get_form_class(self):
        if self.editing_imported:
            return self.panel.get_form_class()
        return super().get_form_class()


class ServiceEditView(SchoolRecordViewMixin, SchoolWorkflowViewMixin, ImportedReadOnlyEditView):
    imported_edit_handler = imported_service_edit_handler


class SchoolCreateView(SchoolWorkflowViewMixin, CreateView):
    pass


class SchoolDeleteView(SchoolRecordViewMixin, DeleteView):
    pass


class SchoolInspectView(SchoolRecordViewMixin, InspectView):
    pass


class SchoolHistoryView(SchoolRecordViewMixin, HistoryView):
    pass


class SchoolUsageView(SchoolRecordViewMixin, UsageView):
    pass


class OrganisationEditView(
    SchoolRecordViewMixin, SchoolWorkflowViewMixin, ImportedReadOnlyEditView
):
    imported_edit_handler = imported_organisation_edit_handler


class SchoolChooserMixin:
    """A chooser's views offer (and, by id, find) the records of the user's schools."""

    def school_records(self, queryset):
        return queryset.filter(site__in=school_sites(self.request.user, self.model_class))

    def get_object_list(self):
        return self.school_records(super().get_object_list())

    def get_object(self, pk):
        return self.school_records(self.model_class.objects.all()).get(pk=pk)

    def get_objects(self, pks):
        return self.school_records(super().get_objects(pks))
