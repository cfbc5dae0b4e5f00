"""The fixed words of the public pages (skip link, breadcrumb, header, footer, the report's
PDF link, contents and review dates) follow the page's language (issue 20): Django's own
i18n, locale/<lang>/LC_MESSAGES/django.po compiled to the committed .mo."""

import polib
import pytest
from bs4 import BeautifulSoup

from home.management.commands.compile_translations import po_files

REPORT_URL = "/send/sen-information-report/"

# Fixed English words of the shell and the report that must not appear unmarked on a
# translated page (outside an element with lang="en-GB").
ENGLISH_FIXED = [
    "Skip to main content",
    "Download as PDF",
    "Back to contents",
    "Last reviewed",
    "Information we must publish",
    "Search this site",
    "This part is also published on its own page",
]


def _entries(mo_path):
    return {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo_path))}


def test_committed_mo_files_match_their_po(tmp_path):
    paths = list(po_files())
    assert {p.parent.parent.name for p in paths} >= {"pl", "ar"}
    for po_path in paths:
        po = polib.pofile(str(po_path))
        fresh = tmp_path / f"{po_path.parent.parent.name}.mo"
        po.save_as_mofile(str(fresh))
        committed = _entries(po_path.with_suffix(".mo"))
        expected = _entries(fresh)
        assert committed == expected, f"{po_path}: run manage.py compile_translations"
        assert all(e.msgstr for e in po), f"{po_path} has untranslated strings"


def _unmarked_text(soup):
    """The text of <main> outside any element marked lang="en-GB"."""
    main = soup.find("main") or soup
    for marked in main.select('[lang="en-GB"]'):
        marked.decompose()
    return main.get_text(" ", strip=True)


@pytest.mark.django_db
def test_polish_report_shows_polish_shell(client, demo_translations):
    response = client.get("/pl" + REPORT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".skip-link").get_text(strip=True) == "Przejdź do treści głównej"
    assert soup.select_one(".breadcrumb li a").get_text(strip=True) == "Strona główna"
    assert "Pobierz jako PDF" in soup.select_one(".pdf-link").get_text()
    assert soup.select_one("#contents-heading").get_text(strip=True) == "Spis treści"
    assert "Informacje, które musimy opublikować" in soup.select_one("footer").get_text()
    # The disabled-pupils part comes from the English disability page: marked English.
    disability = soup.select_one("#disabled-pupils-heading")
    if disability is not None:
        assert disability.find_parent("section").select_one('[lang="en-GB"][dir="ltr"]')
    text = _unmarked_text(BeautifulSoup(html, "html.parser"))
    for english in ENGLISH_FIXED:
        assert english not in text, english


@pytest.mark.django_db
def test_arabic_send_page_shows_arabic_shell(client, demo_translations):
    response = client.get("/ar/send/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    skip = soup.select_one(".skip-link").get_text(strip=True)
    assert skip == "انتقل إلى المحتوى الرئيسي"
    home = soup.select_one(".breadcrumb li a").get_text(strip=True)
    assert home == "الصفحة الرئيسية"
    assert "معلومات يجب علينا نشرها" in soup.select_one("footer").get_text()


@pytest.mark.django_db
def test_english_report_keeps_its_english_words(client, demo_translations):
    soup = BeautifulSoup(client.get(REPORT_URL).content.decode(), "html.parser")
    assert soup.select_one(".skip-link").get_text(strip=True) == "Skip to main content"
    assert soup.select_one(".breadcrumb li a").get_text(strip=True) == "Home"
    assert soup.select_one("#contents-heading").get_text(strip=True) == "Contents"
    disability = soup.select_one("#disabled-pupils-heading")
    if disability is not None:  # same language as the report: nothing marked
        assert not disability.find_parent("section").select('[lang="en-GB"]')
