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

This module only registers; the pieces live in their own modules: permissions.py (who may
work on which school's records), forms.py, panels.py (edit panels), admin_views.py (the
views of one record and the action menu) and viewsets.py (the menu's snippet viewsets).
"""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from home.privacy_sources import PUPIL_DATA_SOURCES_HOOK, RecordSource
from home.schools import SCHOOL_APPROVER_SITE_PERMISSIONS_HOOK, SCHOOL_SITE_PERMISSIONS_HOOK
from home.search import SEARCH_HOOK as SITE_SEARCH_HOOK

from .admin_views import school_action_menu
from .directory import DirectoryFilterForm
from .forms import LocalOfferSitePermissionForm
from .models import Organisation, Service
from .permissions import local_offer_approver_permissions, local_offer_permissions
from .search import local_offer_results
from .views import QUERY_PARAMETERS
from .viewsets import LocalOfferGroup

hooks.register(SCHOOL_SITE_PERMISSIONS_HOOK, local_offer_permissions)
hooks.register(SCHOOL_APPROVER_SITE_PERMISSIONS_HOOK, local_offer_approver_permissions)
hooks.register("construct_snippet_action_menu", school_action_menu)
register_snippet(LocalOfferGroup)


@hooks.register("register_page_cache_query_parameters")
def local_offer_query_parameters():
    """The directory's filters and the feed's paging and filters: the page cache keeps
    these in a request (and builds such a request afresh); it drops any other."""
    return [*DirectoryFilterForm.base_fields, *QUERY_PARAMETERS]


@hooks.register("register_group_permission_panel")
def register_local_offer_site_permissions():
    return LocalOfferSitePermissionForm


@hooks.register(PUPIL_DATA_SOURCES_HOOK)
def local_offer_pupil_data_sources():
    """The school's services and organisations are public: the pupil-data scan reads them."""
    return [
        RecordSource("Local Offer service", Service),
        RecordSource("Local Offer organisation", Organisation),
    ]


@hooks.register(SITE_SEARCH_HOOK)
def search_local_offer(query, site, request):
    """The school's Local Offer services in the site search."""
    return local_offer_results(query, site, request)
