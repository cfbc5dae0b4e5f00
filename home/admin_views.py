"""Wagtail admin views that take an id from the address and would show another school's
titles: each is Wagtail's own view, narrowed to the user's schools (home/isolation.py).
`home.admin_urls` puts them in front of Wagtail's at the same addresses."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.admin.views import chooser
from wagtail.admin.views.bulk_action import dispatcher
from wagtail.admin.views.reports.page_types_usage import (
    PageTypesUsageReportFilterSet,
    PageTypesUsageReportView,
)
from wagtail.models import Page

from .isolation import can_see, can_see_page, own_root_paths, own_schools_pages
from .schools import sites_for_user


class SchoolBrowseView(chooser.BrowseView):
    """The page chooser, opened at a page: never at another school's (its title and its
    children's would show). Children are narrowed by the chooser's queryset hook.

    Opened without a page for one page type, Wagtail starts at the pages of that type's
    nearest common ancestor, which is another school's page when only that school has
    the type: here it is worked out from the user's schools' pages."""

    def get(self, request, parent_page_id=None):
        if parent_page_id is None:
            parent_page_id = self.start_page_id(request)
        if parent_page_id is not None:
            parent = get_object_or_404(Page, id=parent_page_id)
            if not can_see_page(request.user, parent):
                raise Http404
        return super().get(request, parent_page_id)

    def start_page_id(self, request):
        try:
            types = chooser.page_models_from_string(
                request.GET.get("page_type") or chooser.base_page_type_string
            )
        except (ValueError, LookupError) as e:
            raise Http404 from e
        if types == (Page,) or own_root_paths(request.user) is None:
            return None
        pages = own_schools_pages(Page.objects.type(*types).exclude(depth=1), request.user)
        if not pages.exists():
            return Page.get_first_root_node().pk
        return pages.first_common_ancestor().pk


class SchoolChosenMultipleView(chooser.ChosenMultipleView):
    """The pages ticked in the chooser, by id: another school's are left out."""

    def get(self, request):
        chosen = Page.objects.filter(pk__in=request.GET.getlist("id"))
        pages = own_schools_pages(chosen, request.user)
        query = request.GET.copy()
        query.setlist("id", [str(pk) for pk in pages.values_list("pk", flat=True)])
        request.GET = query
        return super().get(request)


_scoped_actions = {}


def school_scoped(action_class):
    """A subclass of a bulk action that leaves out another school's items, from the
    confirmation page's lists and from what the action then does."""
    if action_class not in _scoped_actions:

        def get_actionable_objects(self):
            objects, extra = super(scoped, self).get_actionable_objects()
            user = self.request.user
            asked_for = bool(objects or extra.get("items_with_no_access"))
            objects = [obj for obj in objects if can_see(user, obj)]
            no_access = [o for o in extra.get("items_with_no_access", []) if can_see(user, o)]
            # Only another school's items asked for: as if they did not exist. (Asked for
            # none, as after an action Wagtail returns here, the page shows its messages.)
            if asked_for and not objects and not no_access:
                raise Http404
            return objects, {**extra, "items_with_no_access": no_access}

        scoped = type(
            action_class.__name__,
            (action_class,),
            {"get_actionable_objects": get_actionable_objects, "__module__": __name__},
        )
        _scoped_actions[action_class] = scoped
    return _scoped_actions[action_class]


def bulk_action(request, app_label, model_name, action):
    """Wagtail's bulk action dispatcher, running each registered action school-scoped
    (whichever app registered it)."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as e:
        raise Http404 from e
    action_class = dispatcher.registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    return school_scoped(action_class)(request, model).dispatch(request)


class SchoolPageTypesUsageFilterSet(PageTypesUsageReportFilterSet):
    """The "Site" filter offers the user's own schools only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "site" not in self.filters or own_root_paths(self.request.user) is None:
            return
        own = sites_for_user(self.request.user)
        if len(own) < 2:
            del self.filters["site"]
        else:
            self.filters["site"].extra["choices"] = [
                (site.root_page.path, str(site)) for site in own
            ]


class SchoolPageTypesUsageReportView(PageTypesUsageReportView):
    """Counts and "last edited page" of each page type, over the user's schools' pages
    only (Wagtail's counts every school's, and names another school's latest draft)."""

    filterset_class = SchoolPageTypesUsageFilterSet

    def get_queryset(self):
        page_models = ContentType.objects.filter(model__in=self.page_models)
        page_type = ContentType.objects.get_for_model(Page)
        if not Page.objects.filter(depth__gt=1, content_type=page_type).exists():
            page_models = page_models.exclude(id=page_type.id)
        self.queryset = page_models
        page_models = self.filter_queryset(page_models)

        language_code = self.filters.form.cleaned_data.get("page_locale", None)
        site_root_path = self.filters.form.cleaned_data.get("site", None)
        user = self.request.user
        pages = own_schools_pages(Page.objects.filter(content_type=OuterRef("pk")), user)
        counted = own_schools_pages(Page.objects.all(), user).values("pk")
        if language_code:
            pages = pages.filter(locale__language_code=language_code)
            counted = counted.filter(locale__language_code=language_code)
        if site_root_path:
            pages = pages.filter(path__startswith=site_root_path)
            counted = counted.filter(path__startswith=site_root_path)
        latest = pages.order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        return page_models.annotate(
            count=Count("pages", filter=Q(pages__in=counted)),
            last_edited_page_id=Subquery(latest.values("pk")[:1]),
        ).order_by("-count", "app_label", "model")
