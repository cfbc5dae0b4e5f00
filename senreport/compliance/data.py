"""What the checks read: one site's school details and statutory pages, loaded once."""

from __future__ import annotations

from dateutil.relativedelta import relativedelta
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.models import Page

from home.models import SchoolSettings
from home.navigation import statutory_page_models
from home.privacy_sources import live_public_pages, scan_site
from home.public import public

from ..models.section import SENDSectionPage


def years_after(day, years):
    """The anniversary `years` on; from 29 February, the 28th in a year that has no 29th."""
    return day + relativedelta(years=years)


def a_year_after(day):
    return years_after(day, 1)


def review_dates(page):
    """(last reviewed, next review) of a page that records its reviews, else (None, None).

    The next review is the page's own `next_review` if it has one, else a year on."""
    last = getattr(page, "last_reviewed", None)
    if last is None:
        return None, None
    return last, getattr(page, "next_review", None) or a_year_after(last)


class SiteData:
    """One site's data as the checks see it.

    `overrides` replaces the live page of a type with an unsaved instance: the publish
    guard evaluates the page being edited, before it is saved, with the same checks the
    dashboard runs on the live site.
    """

    def __init__(self, site, overrides=(), children=None):
        self.site = site
        self._overrides = {type(page): page for page in overrides}
        self._children = children or {}
        self._pages = {}
        self._child_cache = {}

    @cached_property
    def school(self):
        return SchoolSettings.for_site(self.site)

    def page(self, model):
        """The page of this type that the site publishes (its first live one), or None."""
        for override_model, page in self._overrides.items():
            if issubclass(override_model, model):
                return page
        if model not in self._pages:
            pages = model.objects.live().descendant_of(self.site.root_page, inclusive=True)
            # One privacy query for the whole evaluation (`public` remembers it on self).
            self._pages[model] = public(pages, self).order_by("path").first()
        return self._pages[model]

    def is_override(self, page):
        return page is not None and any(page is p for p in self._overrides.values())

    def children(self, page, relation):
        """A page's InlinePanel children: the editor's unsaved ones for the page being
        published, else those saved."""
        if self.is_override(page) and relation in self._children:
            return list(self._children[relation])
        if page is None or not page.pk:
            return []
        key = (page.pk, relation)
        if key not in self._child_cache:
            self._child_cache[key] = list(getattr(page, relation).all())
        return self._child_cache[key]

    def send_pages(self):
        """Every live SEND page of the site (the SEND section, what is under it, and the
        statutory page types wherever they are), specific."""
        if not hasattr(self, "_send_pages"):
            root = self.site.root_page
            sections = SENDSectionPage.objects.live().descendant_of(root).only("path")
            condition = Q(pk__in=[])
            for section in sections:
                condition |= Q(path__startswith=section.path)
            models = statutory_page_models()
            pages = public(
                Page.objects.live()
                .descendant_of(root, inclusive=True)
                .filter(condition | Q(pk__in=Page.objects.type(*models).values("pk"))),
                self,
            )
            pages = pages.order_by("path").specific()
            self._send_pages = list(pages)
        return self._send_pages

    def public_pages(self):
        """Every live public page of the site, specific, with its InlinePanel children."""
        if not hasattr(self, "_public_pages"):
            self._public_pages = live_public_pages(self.site)
        return self._public_pages

    def pupil_data(self):
        """[(Place, Finding)] of the pupil data on every live public page of the site and in
        every public record it shows (home/privacy_sources.py)."""
        return scan_site(self.site, pages=self.public_pages())

    @property
    def publishing(self):
        """The page being published, when the publish guard is asking; else None."""
        return next(iter(self._overrides.values()), None)

    def children_of(self, page):
        """Children to read for a page: the editor's unsaved ones for the page being
        published, else None (read from the database)."""
        return self._children if self.is_override(page) else None

    # Admin addresses where things are fixed.

    def settings_url(self):
        return reverse("wagtailsettings:edit", args=["home", "schoolsettings", self.site.pk])

    def page_admin_url(self, model):
        """The page's editor, or where to create it if the site has none yet."""
        page = self.page(model)
        if page is not None and page.pk:
            return reverse("wagtailadmin_pages:edit", args=[page.pk])
        existing_pk = self._first_page_pk([model])
        if existing_pk is not None:
            return reverse("wagtailadmin_pages:edit", args=[existing_pk])
        parent_pk = self._first_page_pk(model.allowed_parent_page_models(), inclusive=True)
        if parent_pk is None:
            return reverse("wagtailadmin_explore", args=[self.site.root_page_id])
        meta = model._meta
        return reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent_pk])

    def _first_page_pk(self, page_models, inclusive=False):
        """The id of the site's first page (live or not) of one of these types."""
        from wagtail.models import Page

        return (
            Page.objects.descendant_of(self.site.root_page, inclusive=inclusive)
            .type(*page_models)
            .order_by("path")
            .values_list("pk", flat=True)
            .first()
        )

    def public_url(self, page, anchor=""):
        if page is None or not page.pk or not page.live:
            return ""
        url = page.get_url(current_site=self.site) or ""
        return f"{url}#{anchor}" if url and anchor else url
