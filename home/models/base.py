"""What every page type of the product shares, whatever app defines it.

`SchoolPageMixin` comes first in each page model's bases (before `Page` or Wagtail's form
page), so the rules that must hold on every route live in one place: the publish guard
(nothing that fails its *must* checks or carries pupil data goes live, by any route) and
school isolation (a school's page refers only to its own school's pages and documents).
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction
from wagtail_localize.fields import SynchronizedField

from home.forms import GuardedCopyForm, SchoolPageForm
from home.isolation import check_references
from home.languages import fresh_root_paths
from home.public import private_paths
from home.publishing import guard_publish, guard_translation_save

# The pages Wagtail's routing passed through for this request, the site's home page first
# and the page served last: the breadcrumb (home.templatetags.navigation_tags) reads them
# instead of querying the ancestors again.
ROUTE_TRAIL_ATTRIBUTE = "_home_route_trail"


def ancestor_paths(path, steplen):
    """The tree paths of a page and each of its ancestors, root first (no query)."""
    return [path[:end] for end in range(steplen, len(path) + 1, steplen)]


class SchoolPageMixin:
    """Mixed into every page model of the product (see the module's docstring)."""

    # The publish guard (home/publishing.py). Every route that makes a page live ends in
    # `publish(revision)` (bulk publish, workflow approval, publish_scheduled, create),
    # except: the edit view (also revert-and-publish), whose form runs the same check first
    # (home.forms.PublishGuardFormMixin) and whose revision is checked again by the
    # before_publish_page hook; the admin API's publish and copy actions (guarded in
    # home/guard_admin.py); copy, guarded by `copy_form_class` below; and move, by the
    # pre_page_move signal (home/signal_handlers.py).

    def publish(
        self,
        revision,
        user=None,
        changed=True,
        log_action=True,
        previous_revision=None,
        skip_permission_checks=False,
    ):
        if not guard_publish(self, revision, log_action):
            return None
        return super().publish(
            revision,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
            skip_permission_checks=skip_permission_checks,
        )

    def save(self, *args, **kwargs):
        # A live translation's row is written by wagtail-localize before any publish: the
        # privacy detector reads it first (home.publishing.guard_translation_save).
        guard_translation_save(self, kwargs.get("update_fields"))
        return super().save(*args, **kwargs)

    # Translations (wagtail-localize): a translated page keeps its English page's address
    # after the language prefix (/pl/send/...), so the slug is copied, never translated.
    override_translatable_fields = [SynchronizedField("slug")]

    # The editor's form of every page type runs the guard; a page type with a form of its
    # own builds it on home.forms.SchoolPageFormMixin and PublishGuardFormMixin.
    base_form_class = SchoolPageForm
    # Wagtail's copy view reads the form from the page class.
    copy_form_class = GuardedCopyForm

    def clean(self):
        super().clean()
        self.clean_school_references()

    def clean_school_references(self):
        """A page refers to its own school's pages, documents and images only: Model
        validation runs on the editor's form, on `save()` and on `save_revision()`, so
        every route that validates refuses another school's."""
        parent = getattr(self, "school_parent_page", None)
        check_references(self, self.path or (parent.path if parent is not None else ""))

    def route(self, request, path_components):
        if request is not None:
            trail = getattr(request, ROUTE_TRAIL_ATTRIBUTE, None)
            if trail is None:
                trail = []
                setattr(request, ROUTE_TRAIL_ATTRIBUTE, trail)
                # Translations (issue 20): a home page translated in another worker.
                fresh_root_paths(self, request)
            trail.append(self)
            if not path_components:
                self._unrestricted = _known_unrestricted(self, trail, request)
            elif len(path_components) > 1:
                found = _pages_on_the_way(self, path_components)
                if found is not None:
                    # The pages between this one and the page asked for, in one query
                    # instead of two per level; the last one is routed as Wagtail would
                    # (with what is left of the path, when it routes its own sub-paths).
                    pages, rest = found
                    *between, target = pages
                    trail.extend(between)
                    target = target.specific
                    target._cached_parent_obj = between[-1] if between else self
                    return target.route(request, rest)
        return super().route(request, path_components)

    def get_view_restrictions(self):
        """Wagtail's, without a query when routing found that no view restriction can
        apply (see `_known_unrestricted`); else in one query instead of two: the ancestors'
        tree paths are prefixes of this page's own, so they need no query to find. Like
        Wagtail's, an ancestor that is an alias counts with its source page's restrictions;
        an alias page itself is left to Wagtail's own method."""
        if getattr(self, "_unrestricted", False):
            return PageViewRestriction.objects.none()
        if self.alias_of_id is not None:
            return super().get_view_restrictions()
        paths = ancestor_paths(self.path, self.steplen)
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
        ).distinct()


def _pages_on_the_way(page, path_components):
    """(pages, rest): the pages at each step of `path_components` below `page` (generic, in
    tree order), found in one query, and the steps left for the last of them to route
    itself (a page with its own sub-paths, such as the report's easy-read version; empty
    otherwise). None when Wagtail's own routing must decide: a step is missing below a page
    that does not route its own sub-paths (the answer is a 404 it gives), or a page before
    the last routes its own sub-paths.

    Wagtail's `route` finds each step's child by slug, then its specific page, and asks it
    to route the rest: two queries a level. Here every step is found at once by its slug and
    depth under `page`, each the child of the one before; only the page asked for is then
    made specific. Intermediate pages need not be live, as in Wagtail's routing."""
    from wagtail.models import Page

    steps = Q()
    for offset, slug in enumerate(path_components, start=1):
        steps |= Q(depth=page.depth + offset, slug=slug)
    candidates = Page.objects.filter(steps, path__startswith=page.path)
    by_parent = {(row.path[: -page.steplen], row.slug): row for row in candidates}
    found = []
    parent = page
    for slug in path_components:
        child = by_parent.get((parent.path, slug))
        if child is None:
            break
        found.append(child)
        parent = child
    rest = list(path_components[len(found) :])
    if not found or (rest and not _routes_own_paths(found[-1])):
        return None
    if any(_routes_own_paths(child) for child in found[:-1]):
        return None
    return found, rest


def _routes_own_paths(page):
    """Whether the page's type routes sub-paths of its own (or its type is unknown)."""
    specific_class = page.specific_class
    return specific_class is None or specific_class.route is not SchoolPageMixin.route


def _known_unrestricted(page, trail, request):
    """Can no view restriction apply to the page routing has just reached?

    True when no restricted page's path is a prefix of its path (the request's list of
    restricted paths, which the rest of the render reads anyway: home.public) and neither it
    nor any ancestor is an alias (an alias counts with its source's restrictions). The
    ancestors are the pages routing passed through, from a site root just below the tree's
    root (which is never an alias)."""
    expected = ancestor_paths(page.path, page.steplen)[1:]
    if [p.path for p in trail] != expected:
        return False
    if any(p.alias_of_id is not None for p in trail):
        return False
    return not any(page.path.startswith(path) for path in private_paths(request))
