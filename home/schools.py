"""One installation, many schools: each school is a Wagtail Site with its own editors.

A school's editors and approvers are two groups, given Wagtail's own permissions on that
school only:

- pages: `GroupPagePermission` on the school's home page (editors add and change, approvers
  also publish, lock and unlock), so the page explorer opens at their school and no other;
- the school details and the Local Offer: `GroupSitePermission` for that site, the
  per-site permissions Wagtail's settings use. Each app names what a school's editors may
  change through the `register_school_site_permissions` hook, and what only its approvers
  may do (publish a Local Offer record) through `register_school_approver_site_permissions`;
- images and documents: a collection of the school's own, with `GroupCollectionPermission`;
- approval: a workflow for the school's pages whose task is the school's approvers.

`sites_for_user(user)` is the set of schools a user works on in the admin: every site for
superusers and trust staff, else the sites where their groups have page or site
permissions.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
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
SCHOOL_APPROVER_SITE_PERMISSIONS_HOOK = "register_school_approver_site_permissions"
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


def school_site_permission_labels(hook_name=SCHOOL_SITE_PERMISSIONS_HOOK):
    """What a school's editors may change for their own site (from every app's hook); with
    SCHOOL_APPROVER_SITE_PERMISSIONS_HOOK, what its approvers may do besides."""
    labels = []
    for hook in hooks.get_hooks(hook_name):
        labels.extend(hook())
    return labels


def ensure_school_groups(site, school_name):
    """The school's editors and approvers, with their permissions, creating what is missing.

    Safe to run again: nothing that exists is changed.
    """
    return ensure_schools_groups([(site, school_name)])[0]


def ensure_schools_groups(schools):
    """`ensure_school_groups` for many (site, school name) pairs at once: a fixed number
    of queries for the groups and permissions, and a few rows per school for its
    collection and approval workflow."""
    schools = list(schools)
    names = [name for _, school_name in schools for name in group_names(school_name)]
    Group.objects.bulk_create([Group(name=name) for name in names], ignore_conflicts=True)
    groups = {group.name: group for group in Group.objects.filter(name__in=names)}

    access_admin = permissions_by_label(["wagtailadmin.access_admin"])[0]
    page_permissions = {
        p.codename: p
        for p in permissions_by_label(f"wagtailcore.{c}" for c in APPROVER_PAGE_PERMISSIONS)
    }
    editor_labels = set(school_site_permission_labels())
    approver_labels = set(school_site_permission_labels(SCHOOL_APPROVER_SITE_PERMISSIONS_HOOK))
    approver_site_permissions = permissions_by_label(editor_labels | approver_labels)
    site_permissions = [
        p
        for p in approver_site_permissions
        if f"{p.content_type.app_label}.{p.codename}" in editor_labels
    ]
    collection_permissions = permissions_by_label(f"{a}.{c}" for a, c in COLLECTION_PERMISSIONS)
    collections = school_collections([school_name for _, school_name in schools])

    group_rows, page_rows, site_rows, collection_rows = [], [], [], []
    result = []
    for site, school_name in schools:
        editors_name, approvers_name = group_names(school_name)
        editors, approvers = groups[editors_name], groups[approvers_name]
        result.append(SchoolGroups(editors, approvers))
        for group, codenames, group_site_permissions in (
            (editors, EDITOR_PAGE_PERMISSIONS, site_permissions),
            (approvers, APPROVER_PAGE_PERMISSIONS, approver_site_permissions),
        ):
            group_rows.append(Group.permissions.through(group=group, permission=access_admin))
            page_rows += [
                GroupPagePermission(
                    group=group, page_id=site.root_page_id, permission=page_permissions[c]
                )
                for c in codenames
            ]
            site_rows += [
                GroupSitePermission(group=group, site=site, permission=permission)
                for permission in group_site_permissions
            ]
            collection_rows += [
                GroupCollectionPermission(
                    group=group, collection=collections[school_name], permission=permission
                )
                for permission in collection_permissions
            ]
    for model, rows in (
        (Group.permissions.through, group_rows),
        (GroupPagePermission, page_rows),
        (GroupSitePermission, site_rows),
        (GroupCollectionPermission, collection_rows),
    ):
        model.objects.bulk_create(rows, ignore_conflicts=True)
    ensure_school_workflows(
        [
            (site, school_name, groups.approvers)
            for (site, school_name), groups in zip(schools, result, strict=True)
        ]
    )
    return result


def school_collections(school_names):
    """{school name: its collection} for images and documents, made if missing."""
    root = Collection.get_first_root_node()
    found = {c.name: c for c in root.get_children().filter(name__in=school_names)}
    for name in school_names:
        if name not in found:
            found[name] = root.add_child(name=name)
            root.refresh_from_db()
    return found


def ensure_school_workflows(schools):
    """Pages of each school go to its own approvers when an editor submits them.

    `schools` holds (site, school name, approvers group); schools whose home page already
    has a workflow are left alone.
    """
    have = set(
        WorkflowPage.objects.filter(
            page_id__in=[site.root_page_id for site, _, _ in schools]
        ).values_list("page_id", flat=True)
    )
    missing = [row for row in schools if row[0].root_page_id not in have]
    if not missing:
        return
    workflows = Workflow.objects.bulk_create(
        [Workflow(name=f"{school_name} approval") for _, school_name, _ in missing]
    )
    # A task is one row in Task and one in GroupApprovalTask: made one at a time.
    tasks = [
        GroupApprovalTask.objects.create(name=f"Approval by {approvers.name}")
        for _, _, approvers in missing
    ]
    GroupApprovalTask.groups.through.objects.bulk_create(
        GroupApprovalTask.groups.through(groupapprovaltask=task, group=approvers)
        for task, (_, _, approvers) in zip(tasks, missing, strict=True)
    )
    WorkflowTask.objects.bulk_create(
        WorkflowTask(workflow=workflow, task=task, sort_order=0)
        for workflow, task in zip(workflows, tasks, strict=True)
    )
    WorkflowPage.objects.bulk_create(
        WorkflowPage(workflow=workflow, page_id=site.root_page_id)
        for workflow, (site, _, _) in zip(workflows, missing, strict=True)
    )


def is_trust_staff(user):
    return user.is_active and user.has_perm(TRUST_OVERVIEW_PERMISSION)


def works_across_schools(user):
    """Trust staff of an installation with more than one school: they see the trust
    overview. Anyone else (and everyone when there is one school) never sees trust wording.
    Kept on the user for the request: the menu and the home panels both ask."""
    if not hasattr(user, "_works_across_schools"):
        user._works_across_schools = is_trust_staff(user) and Site.objects.count() > 1
    return user._works_across_schools


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
