"""Translations made by people (wagtail-localize), kept honest.

- **Sync state**: which English version each translation was made from
  (home/models/translation.py). `record_source_sync` runs whenever wagtail-localize's
  translation source is synchronised from the English page; `record_translation` when a
  translation is published. `translation_status` answers for one page, `out_of_date` for
  a school.
- **Schools**: a school's translated home pages are siblings of its English home page under
  the tree's root. `school_root_paths` gives every tree path a school's pages live under;
  `share_school_permissions` gives a new translated home page the English one's group
  permissions and workflow, so a school's editors edit their own translations and no other
  school's.
- **Parents**: `page_languages` lists the live translations of a page in the school's
  languages (the language switcher and the `hreflang` links).
- **Code** (the demo's seeding): `translate_page` makes or updates a translation from a
  dictionary of English text to translated text, and publishes it through the publish guard.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q
from django.utils import timezone, translation
from wagtail.models import GroupPagePermission, Locale, Page, WorkflowPage
from wagtail_localize.models import Translation, TranslationSource

from .languages import (
    default_language,
    default_locale_id,
    english_name,
    is_translation,
    own_name,
    root_translations,
)
from .models import SchoolSettings, SourceSync, TranslationRecord

# The admin home's "Needs doing now" panel and the review reminders ask this Wagtail hook
# (named in senreport); home answers it (home/wagtail_hooks.py).
OUT_OF_DATE_HOOK = "register_translations_out_of_date"

# --- Sync state ------------------------------------------------------------------------------


def english_original(page):
    """The English page a translation was made from (None if there is none)."""
    return (
        Page.objects.filter(translation_key=page.translation_key, locale_id=default_locale_id())
        .select_related("live_revision")
        .first()
    )


def record_source_sync(page):
    """The translation source of this English page has just been synchronised from it: its
    text is that of the page's live revision."""
    SourceSync.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "revision_id": page.live_revision_id,
            "published_at": page.last_published_at,
            "synced_at": timezone.now(),
        },
    )


def source_saved(sender, instance, **kwargs):
    """post_save of wagtail-localize's TranslationSource (made, or synchronised from the
    English page: `update_from_db` and `update_or_create_from_instance` both save it)."""
    model = instance.specific_content_type.model_class()
    if model is None or not issubclass(model, Page):
        return
    page = Page.objects.filter(translation_key=instance.object_id, locale_id=instance.locale_id)
    page = page.first()
    if page is not None and not is_translation(page):
        record_source_sync(page)


def record_translation(page):
    """A translation has just been published: it was made from the text its translation
    source was last synchronised from."""
    if not is_translation(page) or page.alias_of_id is not None:
        return
    source = english_original(page)
    if source is None:
        return
    sync = SourceSync.objects.filter(page=source).first()
    TranslationRecord.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "source_page": source,
            "source_revision_id": sync.revision_id if sync else None,
            "source_published_at": sync.published_at if sync else None,
            "synced_at": sync.synced_at if sync else None,
            "translated_at": timezone.now(),
        },
    )


def translation_published(sender, instance, **kwargs):
    """page_published: record which English version a published translation was made from."""
    record_translation(instance)


@dataclass
class TranslationStatus:
    """What a translated page says at its top."""

    source_page: Page
    # When the English version it was made from was published (None: not known).
    source_published_at: datetime | None
    current: bool


def translation_status(page):
    """The status of a live translated page (None for English pages and aliases): one query."""
    if not is_translation(page) or page.alias_of_id is not None:
        return None
    record = (
        TranslationRecord.objects.filter(page_id=page.pk)
        .select_related("source_page")
        .only(
            "source_revision_id",
            "source_published_at",
            "source_page__live",
            "source_page__live_revision_id",
            "source_page__url_path",
            "source_page__title",
            "source_page__locale_id",
            "source_page__depth",
            "source_page__path",
            "source_page__content_type_id",
            "source_page__translation_key",
        )
        .first()
    )
    if record is None:
        source = english_original(page)
        if source is None:
            return None
        # Never recorded (made before records were kept, or by another route): not known
        # to be current, so not shown as current.
        return TranslationStatus(source, None, False)
    return TranslationStatus(record.source_page, record.source_published_at, record.is_current())


# --- Schools ---------------------------------------------------------------------------------


def school_root_paths(site):
    """Every tree path the school's pages live under: its home page and its translations."""
    return root_translations([site.root_page])[site.root_page_id]


def share_school_permissions(sender, instance, created=False, raw=False, **kwargs):
    """post_save of a page: a new translation (or alias) of a school's home page gets the
    English home page's group permissions and approval workflow."""
    if not created or raw or not isinstance(instance, Page) or instance.depth != 2:
        return
    if not is_translation(instance):
        return
    english = Page.objects.filter(
        translation_key=instance.translation_key, locale_id=default_locale_id()
    ).first()
    if english is None:
        return
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group_id=p.group_id, permission_id=p.permission_id, page=instance)
            for p in GroupPagePermission.objects.filter(page=english)
        ],
        ignore_conflicts=True,
    )
    workflow = WorkflowPage.objects.filter(page=english).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=instance, defaults={"workflow": workflow.workflow})


def localized_root(site):
    """The school's home page in the active language, if translated and live; else English."""
    if site is None:
        return None
    code = translation.get_language()
    if not code or code == default_language():
        return site.root_page
    translated = (
        Page.objects.live()
        .filter(translation_key=site.root_page.translation_key, locale__language_code=code)
        .first()
    )
    return translated or site.root_page


def localize_pages(pages):
    """{page id: its live translation in the active language} for these English pages (not
    aliases, which show English): one query, none in English."""
    code = translation.get_language()
    if not code or code == default_language() or not pages:
        return {}
    keys = {page.translation_key: page.pk for page in pages}
    found = (
        Page.objects.live()
        .filter(translation_key__in=keys, locale__language_code=code, alias_of__isnull=True)
        .only("title", "url_path", "path", "depth", "content_type_id", "translation_key")
    )
    return {keys[page.translation_key]: page for page in found}


# --- Parents ---------------------------------------------------------------------------------


@dataclass
class PageLanguage:
    code: str
    name: str  # in itself
    url: str
    current: bool


def page_languages(page, request, school=None):
    """The page in each language the school offers, English first, when it has at least one
    live translation in them (else []): the switcher and the hreflang links. No query when
    the school offers no language."""
    if page is None or not getattr(page, "pk", None):
        return []
    if school is None:
        school = SchoolSettings.for_request(request) if request is not None else None
    offered = set(school.languages or []) if school is not None else set()
    if not offered:
        return []
    translations = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, alias_of__isnull=True)
        .filter(Q(locale__language_code__in=offered) | Q(locale_id=default_locale_id()))
        .select_related("locale")
        .only("url_path", "path", "depth", "locale__language_code", "translation_key")
    )
    current = translation.get_language()
    found = []
    for other in translations:
        code = other.locale.language_code
        url = other.get_url(request)
        if url:
            found.append(PageLanguage(code, own_name(code), url, code == current))
    if len(found) < 2:
        return []
    found.sort(key=lambda item: (item.code != default_language(), item.name))
    return found


# --- Code: the demo's seeding ----------------------------------------------------------------


def translate_page(page, locale_code, translations: dict[str, str], publish=True):
    """Make or update the translation of `page` (an English page) into `locale_code`,
    creating its ancestors' translations as aliases as wagtail-localize does, fill every
    segment whose English text is a key of `translations`, and publish it (through the
    publish guard: a translation carrying pupil data is refused with PublishRefused).

    Returns (filled, missing): the English texts translated, and those left in English.
    """
    locale, _ = Locale.objects.get_or_create(language_code=locale_code)
    page = page.specific
    source, _ = TranslationSource.update_or_create_from_instance(page)
    record_source_sync(page)
    target, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = target.export_po()
    filled, missing = [], []
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
            filled.append(entry.msgid)
        elif not entry.msgstr:
            missing.append(entry.msgid)
    target.import_po(po)
    # Saved as a draft, then published here rather than when the transaction commits (as
    # wagtail-localize would): a refusal of the publish guard reaches the caller.
    target.save_target(publish=False)
    if publish:
        translated = target.get_target_instance()
        translated.get_latest_revision().publish()
    return filled, missing


# --- The school's office ---------------------------------------------------------------------


@dataclass
class OutOfDate:
    page: Page
    source_page: Page
    language: str  # in English, for the office


def out_of_date(site):
    """The school's live translations whose English page has changed since (or whose source
    is not known): three queries."""
    if site is None:
        return []
    paths = [p for p in school_root_paths(site) if p != site.root_page.path]
    if not paths:
        return []
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    pages = list(
        Page.objects.live()
        .filter(condition, alias_of__isnull=True)
        .exclude(locale_id=default_locale_id())
        .select_related("locale")
        .order_by("path")
    )
    records = {
        record.page_id: record
        for record in TranslationRecord.objects.filter(page__in=pages).select_related(
            "source_page"
        )
    }
    sources = {
        source.translation_key: source
        for source in Page.objects.filter(
            translation_key__in={p.translation_key for p in pages}, locale_id=default_locale_id()
        )
    }
    found = []
    for page in pages:
        record = records.get(page.pk)
        source = record.source_page if record else sources.get(page.translation_key)
        if source is None:
            continue
        if record is None or not record.is_current(source):
            found.append(OutOfDate(page, source, language_name(page.locale.language_code)))
    return found


def language_name(code):
    """In English, for the office: "Polish"."""
    return english_name(code)
