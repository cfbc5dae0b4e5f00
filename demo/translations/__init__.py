"""The demo school's translations, made by people and kept as PO files beside this module.

Hollins Brook offers Polish and Arabic: its SEN Information Report (with the easy-read
lines) and its SEND section page in Polish, complete, and the SEND section page in Arabic,
a sample that shows the right-to-left layout and says at the top of its text that it is a
sample. Each PO file holds one page in one language, its msgids the English segments as
wagtail-localize extracts them (see the note at the top of pl/sen-information-report.po).

`seed_demo` calls `seed(site, log)` after the English pages are published. Like the other
seeders it only adds what is missing: a page that already has its translation (not just
the alias wagtail-localize makes of a parent) is left as it is, so an editor's changes to
a translation survive `make run`. A complete translation that leaves any segment of its
page untranslated stops the seeding (`IncompleteTranslation`), naming the PO file to update.
"""

from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import Locale

from home.models import SchoolSettings
from home.translation import translate_page
from senreport.models import SENDSectionPage, SENInformationReportPage

from ..schools import HOLLINS_BROOK, demo_school_for

FOLDER = Path(__file__).resolve().parent

# The languages the demo school offers in its school details.
LANGUAGES = ["pl", "ar"]


@dataclass(frozen=True)
class DemoTranslation:
    model: type
    language: str
    name: str
    # True where every segment of the page is translated: seeding fails when one is not.
    complete: bool = True

    @property
    def path(self):
        return FOLDER / self.language / f"{self.name}.po"


# In order: a page's parent before the page, so that the parent is a real translation
# rather than an alias.
TRANSLATIONS = (
    DemoTranslation(SENDSectionPage, "pl", "send-section"),
    DemoTranslation(SENInformationReportPage, "pl", "sen-information-report"),
    DemoTranslation(SENDSectionPage, "ar", "send-section", complete=False),
)


class IncompleteTranslation(Exception):
    """A demo translation that should be complete left segments of its page in English."""


def po_strings(path):
    """{English segment: translation} from a PO file, leaving out untranslated and obsolete
    entries."""
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(path))
        if entry.msgstr and not entry.obsolete
    }


def offer_languages(site, log):
    """Tick the demo's languages in the school details, unless the school chose some."""
    details = SchoolSettings.for_site(site)
    if not details.languages:
        details.languages = list(LANGUAGES)
        details.save(update_fields=["languages"])
        log(f"Offered these languages in the school details: {', '.join(LANGUAGES)}")


def seed_translations(site, log):
    if not settings.WAGTAIL_I18N_ENABLED:
        return
    if demo_school_for(site) is not HOLLINS_BROOK:
        return
    offer_languages(site, log)
    home = site.root_page
    for translation in TRANSLATIONS:
        page = translation.model.objects.descendant_of(home).live().first()
        if page is None:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=translation.language)
        existing = page.get_translation_or_none(locale)
        if existing is not None and existing.alias_of_id is None:
            continue
        filled, missing = translate_page(page, translation.language, po_strings(translation.path))
        log(
            f"Translated {page.url_path} into {translation.language}: "
            f"{len(filled)} segments filled, {len(missing)} missing"
        )
        if missing and translation.complete:
            raise IncompleteTranslation(
                f"{len(missing)} segments of {page.url_path} have no {translation.language} "
                f"translation: add them to demo/translations/{translation.language}/"
                f"{translation.name}.po (the English page changed since it was translated). "
                f"First missing: {missing[0]!r}"
            )


seed = seed_translations
