"""One school never sees or uses another's material.

Two rules, both worked out from the schools a user works on (`sites_for_user`) and from
where a thing lives:

- **seeing**: the admin's listings, choosers, reports and bulk-action pages show a school's
  editors their own schools' pages, documents, images and records only. Superusers and
  trust staff see every school. `can_see` answers for one object, `own_schools_pages` for
  a queryset of pages; the Wagtail hooks and views that use them are in
  `home/wagtail_hooks.py` and `home/admin_views.py`.
- **referring**: a page (or record) of one school does not refer to another school's page,
  document or image, whatever route saves it. `foreign_references` finds such references
  with Wagtail's own reference extraction (the one behind "Usage"), so foreign keys, rich
  text links and StreamField choosers are all covered, today's fields and tomorrow's.

Where things live: a page belongs to the school whose home page it is under; a document or
image to the schools whose groups may use its collection (collection permissions, see
home/schools.py); a record with a `site` field to that site. A page or collection that no
school's groups reach (the tree's root, the root collection) belongs to no school, and any
school may use it.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db.models import Q
from wagtail.models import (
    CollectionMember,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    ReferenceIndex,
    Site,
)
from wagtail.permissions import policy_registry

from .languages import root_translations
from .schools import is_trust_staff, sites_for_user

# Wagtail's listings show a document or image to who may change or delete it, its
# choosers to who may choose it.
COLLECTION_ACTIONS = ("change", "delete", "choose")


# Seeing


def sees_every_school(user):
    return user.is_active and (user.is_superuser or is_trust_staff(user))


def own_site_ids(user):
    """The ids of the schools (Sites) this user works on; kept on the user object, since
    one admin request asks many times."""
    if not hasattr(user, "_own_site_ids"):
        user._own_site_ids = {site.pk for site in sites_for_user(user)}
    return user._own_site_ids


def own_root_paths(user):
    """Tree paths of the home pages of the user's schools, and of their translations (siblings
    of the English home page: home/translation.py); None when they see them all."""
    if sees_every_school(user):
        return None
    if not hasattr(user, "_own_root_paths"):
        roots = root_translations(site.root_page for site in sites_for_user(user))
        user._own_root_paths = [path for paths in roots.values() for path in paths]
    return user._own_root_paths


def own_schools_pages(pages, user):
    """`pages` narrowed to the user's schools' pages (and the tree's root, which holds
    every school and shows nothing of any)."""
    roots = own_root_paths(user)
    if roots is None:
        return pages
    condition = Q(depth=1)
    for path in roots:
        condition |= Q(path__startswith=path)
    return pages.filter(condition)


def can_see_page(user, page):
    roots = own_root_paths(user)
    return roots is None or page.depth == 1 or any(page.path.startswith(p) for p in roots)


def visible_collection_ids(user, model):
    if not hasattr(user, "_visible_collection_ids"):
        user._visible_collection_ids = {}
    if model not in user._visible_collection_ids:
        policy = policy_registry.get_by_type(model)
        user._visible_collection_ids[model] = set(
            policy.collections_user_has_any_permission_for(user, COLLECTION_ACTIONS).values_list(
                "pk", flat=True
            )
        )
    return user._visible_collection_ids[model]


def site_field(model):
    """The model's ForeignKey to Site named `site` (a school's record), or None."""
    try:
        field = model._meta.get_field("site")
    except FieldDoesNotExist:
        return None
    return field if getattr(field, "related_model", None) is Site else None


def can_see(user, obj):
    """May this user see this object's title in the admin? Pages, documents and images
    and records of a school are checked; anything else belongs to no school."""
    if sees_every_school(user):
        return True
    if isinstance(obj, Page):
        return can_see_page(user, obj)
    if isinstance(obj, CollectionMember):
        return obj.collection_id in visible_collection_ids(user, type(obj))
    if site_field(type(obj)) is not None:
        return obj.site_id in own_site_ids(user)
    return True


# Referring


@dataclass(frozen=True)
class School:
    site_id: int
    name: str


def schools_by_root_path():
    """{tree path of a school's home page, or of one of its translations: School}."""
    sites = list(Site.objects.select_related("root_page"))
    translations = root_translations(site.root_page for site in sites)
    return {
        path: School(site.pk, site.site_name or site.hostname)
        for site in sites
        for path in translations[site.root_page_id]
    }


def school_at(path, roots):
    """The school whose home page is at `path` or above it (the nearest), or None."""
    matches = [root for root in roots if path.startswith(root)]
    return roots[max(matches, key=len)] if matches else None


def group_schools(roots):
    """{group id: the Schools its page or site permissions reach}."""
    by_pk = {school.site_id: school for school in roots.values()}
    found = defaultdict(set)
    for group_id, path in GroupPagePermission.objects.values_list("group_id", "page__path"):
        for root, school in roots.items():
            if root.startswith(path) or path.startswith(root):
                found[group_id].add(school)
    for group_id, site_id in GroupSitePermission.objects.values_list("group_id", "site_id"):
        if site_id in by_pk:
            found[group_id].add(by_pk[site_id])
    return found


def collection_schools(collections, roots):
    """{collection id: the Schools whose groups may use it}: the groups with a permission
    on the collection or a collection above it."""
    groups = group_schools(roots)
    permissions = set(
        GroupCollectionPermission.objects.values_list("group_id", "collection__path")
    )
    return {
        collection.pk: set().union(
            *(groups[g] for g, path in permissions if collection.path.startswith(path))
        )
        for collection in collections
    }


def owners_of(model, ids, roots):
    """{str(pk): (the object, the Schools it belongs to)} for the referenced objects of
    one model; objects that belong to no school are left out."""
    if issubclass(model, Page):
        pages = Page.objects.filter(pk__in=ids).only("pk", "title", "path", "depth")
        return {
            str(page.pk): (page, {school})
            for page in pages
            if (school := school_at(page.path, roots)) is not None
        }
    if issubclass(model, CollectionMember):
        objects = list(model.objects.filter(pk__in=ids).select_related("collection"))
        owners = collection_schools({obj.collection for obj in objects}, roots)
        return {str(obj.pk): (obj, owners[obj.collection_id]) for obj in objects}
    if site_field(model) is not None:
        by_pk = {school.site_id: school for school in roots.values()}
        return {
            str(obj.pk): (obj, {by_pk[obj.site_id]})
            for obj in model.objects.filter(pk__in=ids)
            if obj.site_id in by_pk
        }
    return {}


def describe_field(instance, model_path):
    """The field a reference sits in, as the editor's form labels it ("Body → Link")."""
    entry = ReferenceIndex(
        content_type=ContentType.objects.get_for_model(instance), model_path=model_path
    )
    try:
        return entry.describe_source_field()
    except (FieldDoesNotExist, KeyError, AttributeError):
        return model_path.split(".")[0].replace("_", " ").capitalize()


def kind_of(obj):
    if isinstance(obj, Page):
        return "page"
    return str(type(obj)._meta.verbose_name)


@dataclass(frozen=True)
class ForeignReference:
    field_name: str  # the model field (or child relation) the reference is in
    field_label: str
    target: object
    school: School
    own: School

    @property
    def message(self):
        return (
            f"{self.field_label}: the {kind_of(self.target)} “{self.target}” belongs to "
            f"{self.school.name}. Pages of {self.own.name} can only use its own pages, "
            f"documents and images: choose one of {self.own.name}'s instead."
        )


def foreign_references(instance, own_path):
    """The references of `instance` (a page, or a record with child rows) to another
    school's pages, documents, images or records. `own_path` is the tree path of the page
    (or of its parent, for a page not yet in the tree); the school is the one above it."""
    references = list(ReferenceIndex._extract_references_from_object(instance))
    if not references or not own_path:
        return []
    roots = schools_by_root_path()
    own = school_at(own_path, roots)
    if own is None:
        return []
    ids_by_type = defaultdict(set)
    for content_type_id, object_id, _, _ in references:
        ids_by_type[content_type_id].add(object_id)
    owners = {}
    for content_type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            for pk, found in owners_of(model, ids, roots).items():
                owners[(content_type_id, pk)] = found
    found = []
    for content_type_id, object_id, model_path, _ in references:
        target, schools = owners.get((content_type_id, object_id), (None, set()))
        if target is None or not schools or own in schools:
            continue
        other = min(schools, key=lambda school: school.name)
        found.append(
            ForeignReference(
                model_path.split(".")[0],
                describe_field(instance, model_path),
                target,
                other,
                own,
            )
        )
    return found


def check_references(instance, own_path):
    """Raise a ValidationError naming each field that refers to another school's page,
    document, image or record (one message per field, so each shows beside its field)."""
    messages = defaultdict(list)
    for reference in foreign_references(instance, own_path):
        key = reference.field_name
        if key in {f.name for f in instance._meta.get_fields() if f.is_relation and f.one_to_many}:
            key = NON_FIELD_ERRORS  # an inline panel's rows: shown above the form
        if reference.message not in messages[key]:
            messages[key].append(reference.message)
    if messages:
        raise ValidationError({key: " ".join(texts) for key, texts in messages.items()})


def placement_problems(page, destination, subpages=True, inbound=False):
    """What would refer across schools if `page` (and its subpages) were copied or moved
    under `destination`: their references to the school they leave, and (`inbound`, for a
    move) the pages of that school that link to them. Plain-English lines; none when the
    page stays in its school."""
    roots = schools_by_root_path()
    here, there = school_at(page.path, roots), school_at(destination.path, roots)
    if here == there or there is None:
        return []
    moving = [page, *page.get_descendants().specific()] if subpages else [page]
    problems = []
    for item in moving:
        item = item.specific
        for reference in foreign_references(item, destination.path):
            target = reference.target
            if isinstance(target, Page) and subpages and target.path.startswith(page.path):
                continue  # moves along with it
            problems.append(f"“{item.title}”: {reference.message}")
    if inbound:
        ids = {str(item.pk) for item in moving}
        page_type = ContentType.objects.get_for_model(Page)
        sources = ReferenceIndex.objects.filter(
            to_content_type=page_type, to_object_id__in=ids, base_content_type=page_type
        ).values_list("object_id", flat=True)
        for source in Page.objects.filter(pk__in=set(sources)).exclude(pk__in=ids):
            school = school_at(source.path, roots)
            if school is not None and school != there:
                problems.append(
                    f"“{source.title}” of {school.name} links to “{page.title}”, which "
                    f"would then belong to {there.name}."
                )
    return problems
