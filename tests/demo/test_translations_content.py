"""The demo school's translations (demo/translations/): PO files made by people. A parent
who reads Polish gets every word of the SEN Information Report and the SEND page in Polish,
with names, phone numbers and addresses as the school wrote them; the Arabic sample of the
SEND page is in Arabic script and says at the top that it is a sample."""

import re
from collections import Counter
from io import StringIO

import polib
import pytest
from django.core.management import call_command
from wagtail.models import Locale, Site

from demo import translations as demo_translations
from demo.easy_read import PRIMARY
from demo.translations import FOLDER, TRANSLATIONS
from home.models import SchoolSettings
from senreport.models import SENDSectionPage, SENInformationReportPage

PO_FILES = sorted(FOLDER.glob("*/*.po"))
REPORT_PL = FOLDER / "pl" / "sen-information-report.po"
SEND_PL = FOLDER / "pl" / "send-section.po"
SEND_AR = FOLDER / "ar" / "send-section.po"

TAG = re.compile(r"<[^>]+>")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"\b0\d{3,4}[ \d]{5,9}\d\b")
URL = re.compile(r"https?://[^\s<\"']+|www\.[^\s<\"']+")
# Names the translations keep as they are.
NAMES = ("Hollins Brook", "Helen Marsh", "SENDIASS", "NASENCO", "SENCO", "EHC")
ARABIC = re.compile(r"[\u0600-\u06ff]")


def entries(path):
    return [entry for entry in polib.pofile(str(path)) if entry.msgid]


def ids(path):
    return path.relative_to(FOLDER).as_posix()


def test_the_demo_ships_the_three_translations():
    assert {ids(path) for path in PO_FILES} == {
        "ar/send-section.po",
        "pl/send-section.po",
        "pl/sen-information-report.po",
    }
    assert {translation.path for translation in TRANSLATIONS} == set(PO_FILES)


@pytest.mark.parametrize("path", PO_FILES, ids=ids)
def test_every_entry_is_translated(path):
    po = polib.pofile(str(path))
    assert po.metadata["Language"] == path.parent.name
    assert po.percent_translated() == 100
    assert not po.fuzzy_entries()
    assert not po.obsolete_entries()
    assert all(entry.msgstr.strip() for entry in entries(path))


@pytest.mark.parametrize("path", PO_FILES, ids=ids)
def test_the_markup_of_each_segment_is_kept(path):
    for entry in entries(path):
        assert Counter(TAG.findall(entry.msgstr)) == Counter(TAG.findall(entry.msgid)), entry.msgid


@pytest.mark.parametrize("path", PO_FILES, ids=ids)
def test_contacts_and_names_are_as_the_school_wrote_them(path):
    for entry in entries(path):
        for pattern in (EMAIL, PHONE, URL):
            for found in pattern.findall(entry.msgid):
                assert found in entry.msgstr, (found, entry.msgid)
        for name in NAMES:
            if name in entry.msgid:
                assert name in entry.msgstr, (name, entry.msgid)


@pytest.mark.parametrize("path", PO_FILES, ids=ids)
def test_a_text_used_twice_is_translated_alike(path):
    """Seeding looks translations up by the English text alone."""
    translations = {}
    for entry in entries(path):
        assert translations.setdefault(entry.msgid, entry.msgstr) == entry.msgstr, entry.msgid
    assert demo_translations.po_strings(path) == translations


def test_the_polish_report_has_every_easy_read_line_short_and_simple():
    polish = demo_translations.po_strings(REPORT_PL)
    lines = [text for section in PRIMARY.values() for _, text in section]
    assert len(lines) == 82
    for text in lines:
        assert text in polish, text
        words = polish[text].split()
        assert len(words) <= 15, polish[text]
        assert polish[text].count(". ") == 0, polish[text]


def test_the_arabic_sample_says_it_is_a_sample_at_the_top():
    arabic = {entry.msgctxt: entry.msgstr for entry in entries(SEND_AR)}
    introduction = arabic["introduction"]
    # The first words a reader meets, under the heading: the note, in Arabic and English.
    assert introduction.startswith("ترجمة نموذجية (Sample translation):")
    for context, text in arabic.items():
        if context != "slug":
            assert ARABIC.search(text), context


# --- Against the demo's English pages ---------------------------------------------------


def english_segments(page):
    """The English texts wagtail-localize asks a translator for: the page's segments and,
    for the report, its easy-read lines' (rows become segments once translatable)."""
    extract = pytest.importorskip("wagtail_localize.segments.extract")
    from wagtail_localize.segments import StringSegmentValue

    objects = [page]
    if isinstance(page, SENInformationReportPage):
        objects += page.easy_read_lines.all()
    return {
        segment.string.data
        for instance in objects
        for segment in extract.extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    }


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_module")
@pytest.mark.parametrize(
    ("model", "path"),
    [
        (SENInformationReportPage, REPORT_PL),
        (SENDSectionPage, SEND_PL),
        (SENDSectionPage, SEND_AR),
    ],
    ids=["pl report", "pl SEND page", "ar SEND page"],
)
def test_the_translation_covers_every_segment_of_the_demo_page(model, path):
    page = model.objects.live().get(locale=Locale.get_default())
    segments = english_segments(page)
    missing = segments - set(demo_translations.po_strings(path))
    assert not missing
    if model is SENInformationReportPage:
        assert len(segments) > 150


# --- Seeding (needs the translation infrastructure) -------------------------------------


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_translations")
def test_seeding_publishes_the_polish_and_arabic_pages(client):
    report = SENInformationReportPage.objects.get(locale=Locale.get_default())
    polish = report.get_translation(Locale.objects.get(language_code="pl"))
    assert polish.live
    assert polish.title.startswith("Raport o specjalnych potrzebach edukacyjnych")
    assert polish.easy_read_lines.count() == report.easy_read_lines.count()
    section = SENDSectionPage.objects.get(locale=Locale.get_default())
    arabic = section.get_translation(Locale.objects.get(language_code="ar"))
    assert arabic.live
    assert "Sample translation" in str(arabic.introduction)
    assert SchoolSettings.objects.get().languages == ["pl", "ar"]

    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "Translated" not in out.getvalue()


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_translations")
def test_seeding_stops_when_the_polish_report_misses_a_segment(monkeypatch):
    report = SENInformationReportPage.objects.get(locale=Locale.get_default())
    report.get_translation(Locale.objects.get(language_code="pl")).delete()
    strings = demo_translations.po_strings(REPORT_PL)
    del strings["SEN Information Report"]
    monkeypatch.setattr(demo_translations, "po_strings", lambda path: strings)

    with pytest.raises(demo_translations.IncompleteTranslation, match="sen-information-report"):
        demo_translations.seed_translations(Site.objects.get(is_default_site=True), [].append)
