"""The languages a school may offer its pages in: settings.LANGUAGES, English first.

Each is named in itself (Polski, العربية) for parents, and in English for the office.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import get_language_bidi, get_language_info
from wagtail.models import Locale, Page, Site

# Right-to-left scripts among the languages Django knows.
RTL_LANGUAGES = frozenset(settings.LANGUAGES_BIDI)


def default_language():
    return settings.LANGUAGE_CODE


def translation_languages():
    """(code, name in itself) of every language a page may be translated into."""
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def english_name(code):
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code


def own_name(code):
    return dict(settings.LANGUAGES).get(code) or english_name(code)


def language_choices():
    """Ticked boxes of the school details: "Polski (Polish)"."""
    return [(code, f"{name} ({english_name(code)})") for code, name in translation_languages()]


def text_direction(code):
    """ "rtl" or "ltr" for a language code."""
    base = (code or "").split("-")[0]
    return "rtl" if code in RTL_LANGUAGES or base in RTL_LANGUAGES else "ltr"


def active_direction():
    return "rtl" if get_language_bidi() else "ltr"


class LanguagesField(models.JSONField):
    """A list of language codes, chosen with ticked boxes (the choices are read from the
    settings when the form is built, so adding a language needs no migration)."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=language_choices,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
        )


# The default locale's id, read once per process: it is made by Wagtail's migrations and
# never changes (other locales come and go, and are always looked up).
_default_locale_ids = {}


def default_locale_id():
    code = settings.LANGUAGE_CODE
    if code not in _default_locale_ids:
        _default_locale_ids[code] = Locale.objects.get_for_language(code).pk
    return _default_locale_ids[code]


def is_translation(page):
    """Is this page a translation (not in English, the original every check judges)? No
    query."""
    locale_id = getattr(page, "locale_id", None)
    return locale_id is not None and locale_id != default_locale_id()


def root_translations(root_pages):
    """{English home page id: [tree paths of its translations, itself first]}: one query."""
    roots = list(root_pages)
    found = {root.pk: [root.path] for root in roots}
    by_key = {root.translation_key: root.pk for root in roots}
    if not by_key:
        return found
    rows = (
        Page.objects.filter(translation_key__in=by_key, depth__in={r.depth for r in roots})
        .exclude(pk__in=found)
        .values_list("translation_key", "path")
    )
    for key, path in rows:
        found[by_key[key]].append(path)
    return found


def fresh_root_paths(root, request=None):
    """Routing has just started at `root`, a school's home page in some language. Wagtail
    keeps the sites' root paths (translated home pages included) in the default cache; a
    worker whose cache is its own (no Redis) may not have heard of a home page translated
    in another worker since, and would give its pages no address. Forget the stale list
    then (nothing to do, and no query, for an English home page)."""
    if root is None or not is_translation(root):
        return
    if any(item.root_path == root.url_path for item in Site.get_site_root_paths()):
        return
    Site.clear_site_root_paths_cache()
    if request is not None:
        request.__dict__.pop("_wagtail_cached_site_root_paths", None)
