"""Where a school's public words are, for the pupil-data scan (home/privacy.py).

`manage.py privacy_scan` and the dashboard's check dp.no_pupil_data read every live public
page of a site and every public record that the site shows: its school details, its Local
Offer services and organisations, the glossary. Pages are found in Wagtail's page tree.
Records belong to apps above `home`, which must not import them: each app names its own
through the `register_pupil_data_sources` hook, returning `RecordSource`s:

    @hooks.register(PUPIL_DATA_SOURCES_HOOK)
    def pupil_data_sources():
        return [RecordSource("glossary term", GlossaryTerm, site_field=None)]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, prefetch_related_objects
from django.urls import reverse
from wagtail import hooks

from .languages import root_translations
from .privacy import child_accessors, find_pupil_data, page_texts, record_texts

PUPIL_DATA_SOURCES_HOOK = "register_pupil_data_sources"


@dataclass(frozen=True)
class RecordSource:
    """One kind of public record: `label` names it for the school ("Local Offer service").

    `fields` limits the scan to these field names (default: every text field).
    `site_field` is the record's school; None for records every school shows (the
    glossary). `edit_url(record)` is where the school fixes it (default: Wagtail's own).
    """

    label: str
    model: type
    fields: tuple | None = None
    site_field: str | None = "site"
    edit_url: object = None

    def live(self):
        """The records the public sees: all of them, or the live ones of a model that keeps
        drafts (Wagtail's DraftStateMixin)."""
        records = self.model._default_manager.all()
        if any(field.name == "live" for field in self.model._meta.concrete_fields):
            records = records.filter(live=True)
        return records

    def for_sites(self, site_ids):
        """The live records of these sites (and those every site shows)."""
        if self.site_field is None:
            return self.live()
        return self.live().filter(**{f"{self.site_field}__in": list(site_ids)})

    def site_id(self, record):
        return None if self.site_field is None else getattr(record, f"{self.site_field}_id")

    def admin_url(self, record):
        if self.edit_url is not None:
            return self.edit_url(record)
        from wagtail.admin.admin_url_finder import AdminURLFinder

        return AdminURLFinder().get_edit_url(record) or ""

    def findings(self, record):
        """[(field label, Finding)] of one record."""
        return [
            (label, finding)
            for _, label, text in record_texts(record, self.fields)
            for finding in find_pupil_data(text)
        ]


def record_sources():
    """Every app's `RecordSource`s, in the order the apps are installed."""
    found = []
    for hook in hooks.get_hooks(PUPIL_DATA_SOURCES_HOOK):
        found.extend(hook())
    return found


def records_by_site(site_ids, known=None):
    """{site id: [(source, record)]} of the live public records of these sites, in one
    query per source; a record every site shows is listed under each. `known` maps a model
    to its records for these sites when the caller has loaded them already."""
    site_ids = list(site_ids)
    known = known or {}
    found = defaultdict(list)
    for source in record_sources():
        records = known.get(source.model)
        for record in source.for_sites(site_ids) if records is None else records:
            owner = source.site_id(record)
            for site_id in site_ids if owner is None else [owner]:
                found[site_id].append((source, record))
    return found


def page_findings(page, children=None):
    """[(field label, Finding)] of one page (see privacy.page_texts for `children`)."""
    return [
        (label, finding)
        for label, text in page_texts(page, children)
        for finding in find_pupil_data(text)
    ]


@dataclass(frozen=True)
class Place:
    """Where a finding is: a page or a record of one school (site None: every school)."""

    site: object
    where: str  # "page", or the source's label
    title: str
    record_id: int | None
    field: str
    admin_url: str

    def describe(self):
        kind = "page" if self.where == "page" else self.where
        return f"{kind} “{self.title}”, {self.field}"


def live_public_pages(site):
    """Every live page of the site that anyone may read, its translations included,
    specific, with its InlinePanel children loaded (one query per page type and child
    relation)."""
    from wagtail.models import Page

    below = Q()
    for path in root_translations([site.root_page])[site.root_page_id]:
        below |= Q(path__startswith=path)
    pages = list(Page.objects.live().public().filter(below).order_by("path").specific())
    prefetch_children(pages)
    return pages


def prefetch_children(pages):
    """Load the InlinePanel children of specific pages, whose words are read (one query per
    page type and child relation)."""
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for model, instances in by_model.items():
        accessors = child_accessors(model)
        if accessors:
            prefetch_related_objects(instances, *accessors)


def scan_site(site, pages=None, records=None):
    """[(Place, Finding)] of everything public on one site: its live public pages (or
    `pages`) and its records (or `records`, [(source, record)])."""
    found = []
    for page in live_public_pages(site) if pages is None else pages:
        for label, finding in page_findings(page):
            place = Place(
                site,
                "page",
                page.title,
                page.pk,
                label,
                reverse("wagtailadmin_pages:edit", args=[page.pk]),
            )
            found.append((place, finding))
    if records is None:
        records = records_by_site([site.pk])[site.pk]
    for source, record in records:
        for label, finding in source.findings(record):
            place = Place(
                site if source.site_field else None,
                source.label,
                str(record),
                record.pk,
                label,
                source.admin_url(record),
            )
            found.append((place, finding))
    return found
