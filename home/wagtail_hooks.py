from wagtail import hooks
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from .isolation import own_schools_pages, sees_every_school, visible_collection_ids
from .schools import SCHOOL_SITE_PERMISSIONS_HOOK


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
