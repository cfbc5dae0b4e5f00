"""The Local Offer in the admin's menu: the services and organisations snippet viewsets,
showing and choosing only the records of the user's schools."""

import functools

import django_filters
from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.models import Site
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import (
    SnippetViewSet,
    SnippetViewSetGroup,
)

from .admin_views import (
    OrganisationEditView,
    SchoolChooserMixin,
    SchoolCreateView,
    SchoolDeleteView,
    SchoolHistoryView,
    SchoolInspectView,
    SchoolUsageView,
    ServiceEditView,
)
from .forms import OrganisationForm
from .models import Organisation, Service, TaxonomyTerm
from .panels import service_edit_handler
from .permissions import SCHOOL_ACTIONS, school_sites


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
