"""Load what the checks read for many sites at once, in a number of queries that does not
grow with the number of sites.

`SiteData` asks for one site's settings, its first live page of each statutory type, its
SEND pages and their InlinePanel children. Asked site by site, that is a few dozen queries
per school; a trust of 500 schools would make thousands. `preload_sites(sites)` answers the
same questions for every site together:

1. the school details of every site (one query);
2. every live, public page of the install, as (id, path, type) only (one query, plus the
   one Wagtail makes for view restrictions), sorted into sites by their root's path;
3. the specific pages the checks read: the statutory page types and everything under a
   live SEND section (one query for the ids, then one per page type);
4. the InlinePanel children and the pages, documents and the like those pages link to
   (one query per relation, for all pages of a type together);
5. every other live public page, and its InlinePanel children, and the public records
   of `home.privacy_sources` (one query per page type, relation and kind of record), which
   the pupil-data check reads;
6. where each site's pages of the statutory types and their parents are, live or not,
   for the admin links that create or fix a missing page (one query).

Each site then gets a `PreloadedSite` that `SiteData` reads instead of the database. The
checks themselves do not change: there is one implementation of each.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import prefetch_related_objects
from modelcluster.models import get_all_child_relations
from wagtail.models import COMMENTS_RELATION_NAME, Page

from home.models import SchoolSettings
from home.privacy_sources import prefetch_children, records_by_site


def _base_page_fields():
    """Fields every page has (owner, locale, revisions...): not what a check follows."""
    return {f.name for f in Page._meta.get_fields()}


@dataclass
class PreloadedSite:
    """One site's data, loaded in bulk for `SiteData`."""

    school: SchoolSettings
    root_depth: int
    # Page types of which `pages` holds every live public page of the site.
    covered: frozenset
    # Page types of which `index` lists every page of the site, live or not.
    indexed: frozenset
    # The specific live public pages of the covered types and under SEND sections, by path.
    pages: list = field(default_factory=list)
    # What `SiteData.send_pages()` returns.
    send_pages: list = field(default_factory=list)
    # (id, depth, model) of the site's pages of the indexed types, live or not, by path.
    index: list = field(default_factory=list)
    # The site root paths page URLs of this site are worked out from (data.SiteRootPaths).
    root_paths: list = field(default_factory=list)
    # Every live public page of the site, specific, with its InlinePanel children, and the
    # public records it shows, [(source, record)]: what the pupil-data check reads.
    public_pages: list = field(default_factory=list)
    records: list = field(default_factory=list)

    def first(self, model):
        """The site's first live public page of this (covered) type, or None."""
        return next((page for page in self.pages if isinstance(page, model)), None)

    def first_indexed(self, page_models, inclusive=False):
        """The id of the site's first page (by path, live or not) of one of these
        (indexed) types; the root page counts only if `inclusive`."""
        page_models = tuple(page_models)
        for pk, depth, model in self.index:
            if depth == self.root_depth and not inclusive:
                continue
            if model is not None and issubclass(model, page_models):
                return pk
        return None


def covered_models():
    """The page types the checks read with `SiteData.page()`."""
    from home.templatetags.navigation_tags import statutory_page_models

    from ..models import SENDSectionPage
    from .registry import registry

    found = set(statutory_page_models()) | {SENDSectionPage}
    for check in registry:
        page_models = check.page_model
        if page_models is None:
            continue
        for model in page_models if isinstance(page_models, tuple) else (page_models,):
            if model is not Page:
                found.add(model)
    return frozenset(found)


def _indexed_models(covered):
    """The covered types and the types that may hold them: where 'create it' links go."""
    found = set(covered)
    for model in covered:
        found.update(m for m in model.allowed_parent_page_models() if m is not Page)
    return found


def _model_for(content_type_id):
    # ContentType.objects caches every type it has fetched: no query after the first.
    return ContentType.objects.get_for_id(content_type_id).model_class()


def _sites_of(path, roots):
    """The sites whose root is this path or one of its ancestors."""
    found = []
    for depth in range(1, len(path) // Page.steplen + 1):
        found.extend(roots.get(path[: depth * Page.steplen], ()))
    return found


def _scope(queryset, sites):
    """Limit a page queryset to the sites' trees when there are few of them."""
    if len(sites) == 1:
        return queryset.descendant_of(sites[0].root_page, inclusive=True)
    return queryset


def _prefetch_related_rows(pages):
    """InlinePanel children and the pages, documents and snippets each page links to, in
    one query per relation for all pages of one type. Returns the pages linked to."""
    base_fields = _base_page_fields()
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for model, instances in by_model.items():
        lookups = [
            relation.get_accessor_name()
            for relation in get_all_child_relations(model)
            if relation.get_accessor_name() != COMMENTS_RELATION_NAME
        ]
        lookups += [
            f.name
            for f in model._meta.get_fields()
            if isinstance(f, models.ForeignKey)
            and not f.remote_field.parent_link
            and f.name not in base_fields
        ]
        if lookups:
            prefetch_related_objects(instances, *lookups)
    return [
        target
        for page in pages
        for f in _page_links(type(page), base_fields)
        if isinstance(target := getattr(page, f), Page)
    ]


def _page_links(model, base_fields):
    return [
        f.name
        for f in model._meta.get_fields()
        if isinstance(f, models.ForeignKey)
        and not f.remote_field.parent_link
        and f.name not in base_fields
        and issubclass(f.related_model, Page)
    ]


def _root_paths_by_site(sites):
    """{site id: the site root paths its pages' URLs depend on (see data.SiteRootPaths)},
    from one look-up of Wagtail's cached list of every site's root path: the site's own
    root, the roots above it and the roots below it, in Wagtail's order."""
    from wagtail.models import Site

    every = Site.get_site_root_paths()
    position = {id(srp): index for index, srp in enumerate(every)}
    by_root = defaultdict(list)
    own = {}
    for srp in every:
        by_root[srp.root_path].append(srp)
        own.setdefault(srp.site_id, srp.root_path)
    roots = sorted(by_root)
    found = {}
    for site in sites:
        root = own.get(site.pk)
        if root is None:
            found[site.pk] = list(every)
            continue
        related = []
        parts = root.split("/")
        for end in range(1, len(parts)):
            related += by_root.get("/".join(parts[:end]) + "/", [])
        index = bisect_right(roots, root)
        while index < len(roots) and roots[index].startswith(root):
            related += by_root[roots[index]]
            index += 1
        found[site.pk] = sorted(related, key=lambda srp: position[id(srp)])
    return found


def preload_sites(sites):
    """{site id: PreloadedSite} for every site, in a fixed number of queries.

    `sites` must have their root pages loaded (`select_related("root_page")`).
    """
    from home.templatetags.navigation_tags import statutory_page_models

    from ..models import SENDSectionPage

    sites = list(sites)
    if not sites:
        return {}
    roots = defaultdict(list)
    for site in sites:
        roots[site.root_page.path].append(site)

    schools = {s.site_id: s for s in SchoolSettings.objects.filter(site__in=sites)}

    covered = covered_models()
    covered_types = tuple(covered)
    # Every live public page, light: which ones the checks read is decided here.
    light = _scope(Page.objects.live().public(), sites).values_list(
        "pk", "path", "content_type_id"
    )
    light = [(pk, path, _model_for(ct)) for pk, path, ct in light]
    section_paths = {
        path for _, path, model in light if model and issubclass(model, SENDSectionPage)
    }
    wanted, in_section = set(), set()
    for pk, path, model in light:
        if model is not None and issubclass(model, covered_types):
            wanted.add(pk)
        if any(
            path[: depth * Page.steplen] in section_paths
            for depth in range(1, len(path) // Page.steplen + 1)
        ):
            wanted.add(pk)
            in_section.add(pk)
    every_page = list(
        Page.objects.filter(pk__in=[pk for pk, _, _ in light]).order_by("path").specific()
    )
    specific = [page for page in every_page if page.pk in wanted]
    linked = _prefetch_related_rows(specific)
    prefetch_children([page for page in every_page if page.pk not in wanted])
    records = records_by_site(
        (site.pk for site in sites), known={SchoolSettings: list(schools.values())}
    )

    indexed = frozenset(_indexed_models(covered))
    index_rows = (
        _scope(Page.objects.type(*indexed), sites)
        .order_by("path")
        .values_list("pk", "path", "depth", "content_type_id")
    )

    root_paths = _root_paths_by_site(sites)
    preloaded = {
        site.pk: PreloadedSite(
            # A site whose details were never saved reads as empty ones, as for_site()
            # would make; nothing is written while checking.
            school=schools.get(site.pk) or SchoolSettings(site=site),
            root_depth=site.root_page.depth,
            covered=covered,
            indexed=indexed,
            root_paths=root_paths[site.pk],
            records=records[site.pk],
        )
        for site in sites
    }
    statutory = tuple(statutory_page_models())
    for page in every_page:
        for site in _sites_of(page.path, roots):
            entry = preloaded[site.pk]
            entry.public_pages.append(page)
            if page.pk not in wanted:
                continue
            entry.pages.append(page)
            if page.pk in in_section or isinstance(page, statutory):
                entry.send_pages.append(page)
    for pk, path, depth, ct in index_rows:
        for site in _sites_of(path, roots):
            preloaded[site.pk].index.append((pk, depth, _model_for(ct)))
    # A linked page's `.url` (the complaints procedure's, say) asks Wagtail for every
    # site's root; give it the roots of its own site, where Wagtail keeps them for a page
    # asked without a request, so that it does not fetch all of them for each page.
    for page in linked:
        owners = _sites_of(page.path, roots)
        if owners:
            page._wagtail_cached_site_root_paths = root_paths[owners[-1].pk]
    return preloaded
