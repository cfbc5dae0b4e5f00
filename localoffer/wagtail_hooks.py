"""The Local Offer in the admin: services and the organisations that run them (snippets).

Records imported from a council's feed open read-only, except the school's own note (on a
service) or the type of organisation: the next import would overwrite any other change.

Every record belongs to one school (Site). A school's editors have Wagtail's per-site
permissions for it (see home/schools.py), so they list, add, change and delete their own
school's records only; another school's record is refused whichever view asks for it.

Records have drafts and go through the school's approval workflow (models/approval.py).
Editors save drafts and submit them; the school's approvers (who also hold the per-site
"publish" permission) approve, or publish directly. Wagtail's snippet views check
"publish" for any site and show the Publish button from a global permission; here both
follow the record's school (`SchoolWorkflowViewMixin`, `school_action_menu`).
"""

import functools

import django_filters
from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.models import GroupSitePermission, Site
from wagtail.permissions import policy_registry
from wagtail.snippets.action_menu import (
    PublishMenuItem,
    SnippetActionMenu,
    SubmitForModerationMenuItem,
    UnpublishMenuItem,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    HistoryView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
    UsageView,
)

from home.privacy_sources import PUPIL_DATA_SOURCES_HOOK, RecordSource
from home.schools import (
    SCHOOL_APPROVER_SITE_PERMISSIONS_HOOK,
    SCHOOL_SITE_PERMISSIONS_HOOK,
    permissions_by_label,
)

from .models import Organisation, Service, TaxonomyTerm
from .models.approval import school_workflow

# What a school's editors may do with their own school's Local Offer records.
SCHOOL_ACTIONS = ("add", "change", "delete")
# What only its approvers may do besides.
APPROVER_ACTIONS = ("publish", "lock", "unlock")


@hooks.register("register_page_cache_query_parameters")
def local_offer_query_parameters():
    """The directory's filters and the feed's paging and filters: the page cache keeps
    these in a request (and builds such a request afresh); it drops any other."""
    from .directory import DirectoryFilterForm
    from .views import QUERY_PARAMETERS

    return [*DirectoryFilterForm.base_fields, *QUERY_PARAMETERS]


@hooks.register(SCHOOL_SITE_PERMISSIONS_HOOK)
def local_offer_permissions():
    return [
        f"localoffer.{action}_{model}"
        for model in ("service", "organisation")
        for action in SCHOOL_ACTIONS
    ]


@hooks.register(SCHOOL_APPROVER_SITE_PERMISSIONS_HOOK)
def local_offer_approver_permissions():
    return [
        f"localoffer.{action}_{model}"
        for model in ("service", "organisation")
        for action in APPROVER_ACTIONS
    ]


class LocalOfferSitePermissionForm(forms.Form):
    """On a group's page in Settings > Groups: the schools whose Local Offer (services and
    organisations) the group looks after. Ticking a school gives the group the per-site
    permissions to add, change and delete that school's records."""

    template_name = "wagtailsettings/permissions/includes/site_permission_form.html"
    icon = "site"
    sites = forms.ModelMultipleChoiceField(
        queryset=Site.objects.order_by("site_name", "hostname"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Schools",
    )

    def __init__(self, *args, instance=None, **kwargs):
        kwargs.setdefault("prefix", "localoffer_site_permissions")
        self.instance = instance
        self.permissions = permissions_by_label(local_offer_permissions())
        if instance is not None and instance.pk is not None:
            kwargs["initial"] = {
                "sites": list(self.existing().values_list("site_id", flat=True).distinct())
            }
        super().__init__(*args, **kwargs)

    def existing(self):
        return GroupSitePermission.objects.filter(
            group=self.instance, permission__in=self.permissions
        )

    def as_admin_panel(self):
        return render_to_string(
            self.template_name,
            {
                "heading": "Local Offer permissions",
                "form": self,
                "panel_id": "localoffer-site-permissions",
            },
        )

    def save(self):
        chosen = {site.pk for site in self.cleaned_data["sites"]}
        self.existing().exclude(site_id__in=chosen).delete()
        have = set(self.existing().values_list("site_id", "permission_id"))
        GroupSitePermission.objects.bulk_create(
            GroupSitePermission(group=self.instance, site_id=site_id, permission=permission)
            for site_id in chosen
            for permission in self.permissions
            if (site_id, permission.pk) not in have
        )


@hooks.register("register_group_permission_panel")
def register_local_offer_site_permissions():
    return LocalOfferSitePermissionForm


def school_sites(user, model):
    """The sites whose records of `model` this user may work on (every site for
    superusers and holders of the model's global permissions)."""
    return policy_registry.get_by_type(model).sites_user_has_any_permission_for(
        user, SCHOOL_ACTIONS
    )


def may_for_site(user, model, action, site_id):
    """May this user do `action` to a record of `model` of this school?"""
    if site_id is None:
        return False
    policy = policy_registry.get_by_type(model)
    return policy.user_has_permission_for_instance(user, action, Site(pk=site_id))


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


@hooks.register("construct_snippet_action_menu")
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


IMPORTED_HELP = (
    "<p>This record was imported from another organisation's Open Referral feed. It is "
    "kept up to date by importing that feed again, so it cannot be changed here; tell "
    "the organisation if something is wrong.</p>"
)


class PropertyPanel(FieldPanel):
    """A read-only value taken from a model property rather than a model field.

    Construct with read_only=True, a heading, help_text and an icon: FieldPanel looks
    those up on the model field otherwise, and a property has none.
    """

    def format_value_for_display(self, value):
        return value or "None"


def read_only(name, **kwargs):
    return FieldPanel(name, read_only=True, **kwargs)


def shown(name, heading, help_text=" "):
    return PropertyPanel(
        name, read_only=True, heading=heading, help_text=help_text, icon="list-ul"
    )


class SiteScopedForm(WagtailAdminModelForm):
    """The school field offers the schools the user works on, and is hidden when that is
    one school: a new record then belongs to it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            sites = school_sites(self.for_user, self._meta.model)
        else:
            sites = Site.objects.all()
        self.school_sites = list(sites.order_by("site_name", "hostname"))
        if "site" not in self.fields:
            return
        if len(self.school_sites) < 2:
            del self.fields["site"]
            if self.instance.pk is None and self.school_sites:
                self.instance.site = self.school_sites[0]
        else:
            allowed = [site.pk for site in self.school_sites]
            self.fields["site"].queryset = Site.objects.filter(pk__in=allowed)
            if self.instance.pk is None and self.initial.get("site") not in allowed:
                # The model's default is the default site, which may not be theirs.
                self.initial["site"] = allowed[0]


class ServiceForm(SiteScopedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "taxonomy_terms" in self.fields:
            self.fields["taxonomy_terms"].queryset = TaxonomyTerm.objects.areas_of_need()
        if "provider" in self.fields:
            # Published organisations only: a service run by a draft one would stay off
            # the public directory until the organisation is published.
            self.fields["provider"].queryset = Organisation.objects.filter(
                models.Q(live=True) | models.Q(pk=self.instance.provider_id),
                site__in=[site.pk for site in self.school_sites],
            )

    def clean(self):
        cleaned_data = super().clean()
        provider = cleaned_data.get("provider")
        site = cleaned_data.get("site") or getattr(self.instance, "site", None)
        if provider is not None and site is not None and provider.site_id != site.pk:
            self.add_error("provider", "Choose an organisation of the same school.")
        return cleaned_data


service_edit_handler = TabbedInterface(
    [
        ObjectList(
            [
                FieldPanel("name"),
                FieldPanel("description"),
                FieldPanel("status"),
                # A plain list of the school's organisations, not the chooser of every one.
                FieldPanel("provider", widget=forms.Select),
                FieldPanel("taxonomy_terms", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel(
                    [FieldPanel("minimum_age"), FieldPanel("maximum_age")], heading="Ages"
                ),
                FieldPanel("fees"),
                FieldPanel("languages"),
                FieldPanel("local_notes"),
                FieldPanel("site"),
            ],
            heading="Service",
        ),
        ObjectList(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_title"),
                FieldPanel("email"),
                FieldPanel("url"),
                InlinePanel("phones", heading="Phone numbers", label="Phone number"),
            ],
            heading="Contact",
        ),
        ObjectList(
            [
                FieldPanel("location"),
                FieldPanel("location_name"),
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("accessibility"),
                FieldPanel("schedule"),
                InlinePanel(
                    "opening_times",
                    heading="Opening times",
                    label="Opening time",
                    help_text="Add the days and times if they are regular.",
                ),
            ],
            heading="Where and when",
        ),
        ObjectList(
            [FieldPanel("assured_date"), FieldPanel("assurer_email")],
            heading="Checks",
        ),
    ],
    base_form_class=ServiceForm,
)

imported_service_edit_handler = ObjectList(
    [
        HelpPanel(content=IMPORTED_HELP),
        FieldPanel("local_notes"),
        MultiFieldPanel(
            [
                read_only("source"),
                read_only("imported_at", heading="Imported"),
                read_only("name"),
                read_only("description"),
                read_only("status"),
                shown("provider_name", "Run by"),
                read_only("taxonomy_terms"),
                shown("age_range_text", "Ages"),
                read_only("fees"),
                read_only("languages"),
            ],
            heading="The service",
        ),
        MultiFieldPanel(
            [
                read_only("contact_name"),
                read_only("contact_title"),
                read_only("email"),
                read_only("url"),
                shown("phone_numbers_text", "Phone numbers"),
            ],
            heading="Contact",
        ),
        MultiFieldPanel(
            [
                read_only("location"),
                read_only("location_name"),
                read_only("address"),
                read_only("postcode"),
                read_only("accessibility"),
                read_only("schedule"),
                shown("opening_times_text", "Opening times"),
                read_only("assured_date"),
                read_only("assurer_email"),
            ],
            heading="Where, when and checks",
        ),
    ],
    base_form_class=WagtailAdminModelForm,
)


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


class SchoolChooserViewSet(SnippetChooserViewSet):
    choose_view_class = type("SchoolChooseView", (SchoolChooserMixin, ChooseView), {})
    choose_results_view_class = type(
        "SchoolChooseResultsView", (SchoolChooserMixin, ChooseResultsView), {}
    )
    chosen_view_class = type("SchoolChosenView", (SchoolChooserMixin, SnippetChosenView), {})
    chosen_multiple_view_class = type(
        "SchoolChosenMultipleView", (SchoolChooserMixin, SnippetChosenMultipleView), {}
    )


# One-record views that need more than working on the school: only its approvers may
# take a record off the site or cancel its scheduled publishing.
GUARD_ACTIONS = {"unpublish": ("publish",), "revisions_unschedule": ("publish",)}


class SchoolScopedViewSetMixin:
    """Lists and choosers show the records of the user's schools; one-record views refuse
    others."""

    chooser_viewset_class = SchoolChooserViewSet
    add_view_class = SchoolCreateView
    delete_view_class = SchoolDeleteView
    inspect_view_class = SchoolInspectView
    history_view_class = SchoolHistoryView
    usage_view_class = SchoolUsageView

    def school_queryset(self, request, queryset):
        return queryset.filter(site__in=school_sites(request.user, self.model))

    def get_urlpatterns(self):
        """Every view of one record (edit, history, revisions, compare, lock, unpublish,
        workflow actions and previews...) first checks that the record is of a school the
        user works on: one check for the views Wagtail adds with drafts and workflows."""
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            actions = GUARD_ACTIONS.get(pattern.name, SCHOOL_ACTIONS)
            pattern.callback = self.school_guard(pattern.callback, actions)
        return patterns

    def school_guard(self, view, actions):
        model = self.model

        @functools.wraps(view)
        def guarded(request, *args, **kwargs):
            pk = kwargs.get("pk")
            if pk is not None:
                try:
                    site_ids = list(
                        model.objects.filter(pk=unquote(str(pk))).values_list("site_id", flat=True)
                    )
                except (ValueError, ValidationError):
                    site_ids = []  # not a record's id: the view answers 404
                policy = policy_registry.get_by_type(model)
                if site_ids and not policy.user_has_any_permission_for_instance(
                    request.user, actions, Site(pk=site_ids[0])
                ):
                    raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded


class ServiceFilterSet(WagtailFilterSet):
    taxonomy_terms = django_filters.ModelMultipleChoiceFilter(
        label="Area of need",
        queryset=lambda request: TaxonomyTerm.objects.areas_of_need(),
        widget=forms.CheckboxSelectMultiple,
    )
    run_by = django_filters.ChoiceFilter(
        label="Run by",
        choices=[("school", "The school"), *Organisation.Kind.choices],
        method="filter_run_by",
    )
    origin = django_filters.ChoiceFilter(
        label="Origin",
        choices=[("school", "Written by the school"), ("imported", "Imported")],
        method="filter_origin",
    )

    class Meta:
        model = Service
        fields = ["status"]

    def filter_run_by(self, queryset, name, value):
        if value == "school":
            return queryset.filter(provider__isnull=True)
        return queryset.filter(provider__kind=value)

    def filter_origin(self, queryset, name, value):
        if value == "imported":
            return queryset.exclude(source="")
        return queryset.filter(source="")


class ServiceViewSet(SchoolScopedViewSetMixin, SnippetViewSet):
    model = Service
    icon = "list-ul"
    menu_label = "Services"
    add_to_admin_menu = False
    edit_view_class = ServiceEditView
    edit_handler = service_edit_handler
    copy_view_enabled = False  # a copy would share the original's Open Referral id
    inspect_view_enabled = True
    filterset_class = ServiceFilterSet
    search_fields = ["name", "description"]
    search_backend_name = None
    list_display = [
        "name",
        Column("provider_name", label="Run by"),
        Column("get_status_display", label="Status"),
        Column("areas_of_need_text", label="Areas of need"),
        DateColumn("assured_date", label="Last checked"),
        Column("origin_text", label="Origin"),
    ]
    list_export = [
        "oruk_id",
        "name",
        "provider_name",
        "get_status_display",
        "areas_of_need_text",
        "minimum_age",
        "maximum_age",
        "contact_name",
        "contact_title",
        "email",
        "phone_numbers_text",
        "url",
        "get_location_display",
        "postcode",
        "assured_date",
        "assurer_email",
        "origin_text",
    ]
    export_headings = {
        "oruk_id": "Open Referral id",
        "provider_name": "Run by",
        "get_status_display": "Status",
        "areas_of_need_text": "Areas of need",
        "phone_numbers_text": "Phone numbers",
        "get_location_display": "Where",
        "assured_date": "Last checked",
        "assurer_email": "Checked by",
        "origin_text": "Origin",
    }
    export_filename = "local-offer-services"

    def get_queryset(self, request):
        return self.school_queryset(request, Service.objects.with_details())


class OrganisationForm(SiteScopedForm):
    pass


imported_organisation_edit_handler = ObjectList(
    [
        HelpPanel(content=IMPORTED_HELP),
        FieldPanel("kind"),
        read_only("source"),
        read_only("name"),
        read_only("description"),
        read_only("email"),
        read_only("website"),
    ],
    base_form_class=WagtailAdminModelForm,
)


class OrganisationEditView(
    SchoolRecordViewMixin, SchoolWorkflowViewMixin, ImportedReadOnlyEditView
):
    imported_edit_handler = imported_organisation_edit_handler


class OrganisationViewSet(SchoolScopedViewSetMixin, SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    add_to_admin_menu = False
    edit_view_class = OrganisationEditView
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("email"),
        FieldPanel("website"),
        FieldPanel("site"),
    ]
    edit_handler = ObjectList(panels, base_form_class=OrganisationForm)
    list_display = [
        "name",
        Column("get_kind_display", label="Type"),
        "email",
        Column("origin_text", label="Origin"),
    ]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    search_backend_name = None
    list_export = ["oruk_id", "name", "get_kind_display", "email", "website", "source"]
    export_headings = {"oruk_id": "Open Referral id", "get_kind_display": "Type"}
    export_filename = "local-offer-organisations"

    def get_queryset(self, request):
        return self.school_queryset(request, Organisation.objects.all())


class LocalOfferGroup(SnippetViewSetGroup):
    menu_label = "Local Offer"
    menu_icon = "site"
    menu_order = 250
    items = (ServiceViewSet, OrganisationViewSet)


register_snippet(LocalOfferGroup)


@hooks.register(PUPIL_DATA_SOURCES_HOOK)
def local_offer_pupil_data_sources():
    """The school's services and organisations are public: the pupil-data scan reads them."""
    return [
        RecordSource("Local Offer service", Service),
        RecordSource("Local Offer organisation", Organisation),
    ]
