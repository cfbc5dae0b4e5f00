"""One installation, many schools: each school is a Wagtail Site with its own editors.

A school's editors and approvers are two groups, given Wagtail's own permissions on that
school only:

- pages: `GroupPagePermission` on the school's home page (editors add and change, approvers
  also publish, lock and unlock), so the page explorer opens at their school and no other;
- the school details and the Local Offer: `GroupSitePermission` for that site, the
  per-site permissions Wagtail's settings use. Each app names what a school's editors may
  change through the `register_school_site_permissions` hook;
- images and documents: a collection of the school's own, with `GroupCollectionPermission`;
- approval: a workflow for the school's pages whose task is the school's approvers.

`sites_for_user(user)` is the set of schools a user works on in the admin: every site for
superusers and trust staff, else the sites where their groups have page or site
permissions.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail import hooks
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

SCHOOL_SITE_PERMISSIONS_HOOK = "register_school_site_permissions"
TRUST_OVERVIEW_PERMISSION = "senreport.view_trust_overview"

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
APPROVER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


@dataclass(frozen=True)
class SchoolGroups:
    editors: Group
    approvers: Group


def group_names(school_name):
    return f"{school_name} editors", f"{school_name} approvers"


def permissions_by_label(labels):
    """Permission objects for "app_label.codename" labels, in one query."""
    wanted = {tuple(label.split(".", 1)) for label in labels}
    found = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.filter(codename__in={c for _, c in wanted}).select_related(
            "content_type"
        )
    }
    missing = wanted - set(found)
    if missing:
        raise LookupError(f"Unknown permissions: {sorted(missing)}")
    return [found[key] for key in sorted(wanted)]


def school_site_permission_labels():
    """What a school's editors may change for their own site (from every app's hook)."""
    labels = []
    for hook in hooks.get_hooks(SCHOOL_SITE_PERMISSIONS_HOOK):
        labels.extend(hook())
    return labels


def ensure_school_groups(site, school_name):
    """The school's editors and approvers, with their permissions, creating what is missing.

    Safe to run again: nothing that exists is changed.
    """
    editors_name, approvers_name = group_names(school_name)
    editors, _ = Group.objects.get_or_create(name=editors_name)
    approvers, _ = Group.objects.get_or_create(name=approvers_name)
    root = site.root_page

    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    page_type = ContentType.objects.get_by_natural_key("wagtailcore", "page")
    page_permissions = {
        p.codename: p
        for p in Permission.objects.filter(
            content_type=page_type, codename__in=APPROVER_PAGE_PERMISSIONS
        )
    }
    site_permissions = permissions_by_label(school_site_permission_labels())
    collection = school_collection(school_name)
    collection_permissions = permissions_by_label(f"{a}.{c}" for a, c in COLLECTION_PERMISSIONS)

    for group, codenames in (
        (editors, EDITOR_PAGE_PERMISSIONS),
        (approvers, APPROVER_PAGE_PERMISSIONS),
    ):
        group.permissions.add(access_admin)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=page_permissions[codename]
            )
        for permission in site_permissions:
            GroupSitePermission.objects.get_or_create(
                group=group, site=site, permission=permission
            )
        for permission in collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )
    ensure_school_workflow(root, school_name, approvers)
    return SchoolGroups(editors, approvers)


def school_collection(school_name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=school_name).first()
    return existing or root.add_child(name=school_name)


def ensure_school_workflow(root_page, school_name, approvers):
    """Pages of the school go to its own approvers when an editor submits them."""
    if WorkflowPage.objects.filter(page=root_page).exists():
        return
    workflow = Workflow.objects.create(name=f"{school_name} approval")
    task = GroupApprovalTask.objects.create(name=f"Approval by {approvers.name}")
    task.groups.set([approvers])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=root_page)


def is_trust_staff(user):
    return user.is_active and user.has_perm(TRUST_OVERVIEW_PERMISSION)


def sites_for_user(user):
    """The schools (Sites, root pages loaded) this user works on in the admin, by name.

    Trust staff and superusers: every school. Anyone else: the schools where one of their
    groups has a page permission on the school's pages (or above them), or a per-site
    permission such as editing the school details.
    """
    sites = Site.objects.select_related("root_page").order_by("site_name", "hostname", "port")
    if not (user.is_authenticated and user.is_active):
        return []
    if user.is_superuser or is_trust_staff(user):
        return list(sites)
    page_paths = [
        perm.page.path
        for perm in GroupPagePermission.objects.filter(group__user=user).select_related("page")
    ]
    site_ids = set(
        GroupSitePermission.objects.filter(group__user=user).values_list("site_id", flat=True)
    )
    found = []
    for site in sites:
        root = site.root_page.path
        if site.pk in site_ids or any(
            root.startswith(path) or path.startswith(root) for path in page_paths
        ):
            found.append(site)
    return found


def user_can_see_site(user, site):
    return any(s.pk == site.pk for s in sites_for_user(user))
