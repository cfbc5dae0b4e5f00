"""The SEN Information Report's glossary marking is remembered, never stale.

Marking is remembered under a digest of the rendered content and the glossary terms (see
senreport/templatetags/glossary_tags.py): a reader sees a changed, added or removed term on
the very next uncached render, and an unchanged page is not parsed again.
"""

import re
from unittest import mock

import pytest
from django.core.cache import cache

from home.publishing import unguarded
from senreport import glossary
from senreport.models import GlossaryPage, GlossaryTerm, SENInformationReportPage
from tests import factories

REPORT_URL = "/send/sen-information-report/"

pytestmark = pytest.mark.django_db


def explained(client):
    """{abbreviation as written: the words in full} for every marked abbreviation."""
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    assert response.get("X-Page-Cache") is None, "the page cache must be off here"
    html = response.content.decode()
    return {
        text: title for title, text in re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', html)
    }


def test_a_changed_term_shows_its_new_words_at_once(demo, client):
    assert explained(client)["ADHD"] == "Attention deficit hyperactivity disorder"
    term = GlossaryTerm.objects.get(abbreviation="ADHD")
    term.term = "Attention deficit and hyperactivity disorder"
    term.definition = "A changed definition."
    term.save()
    assert explained(client)["ADHD"] == "Attention deficit and hyperactivity disorder"


def test_an_added_term_is_marked_at_once(demo, client):
    assert "NHS" not in explained(client)  # the report mentions the NHS, not yet a term
    factories.glossary_term("National Health Service", "NHS")
    assert explained(client)["NHS"] == "National Health Service"


def test_a_deleted_terms_marking_goes_at_once(demo, client):
    assert "SENDIASS" in explained(client)
    GlossaryTerm.objects.filter(abbreviation="SENDIASS").delete()
    assert "SENDIASS" not in explained(client)


def test_a_changed_report_is_marked_afresh(demo, client):
    assert "NHS" not in explained(client)
    factories.glossary_term("National Health Service", "NHS")
    report = SENInformationReportPage.objects.get()
    report.introduction = "<p>Ask the NHS or the SENCO.</p>"
    with unguarded():
        report.save_revision().publish()
    marked = explained(client)
    assert marked["NHS"] == "National Health Service"
    assert marked["SENCO"] == "Special educational needs co-ordinator"


def test_the_link_follows_a_moved_glossary_page(demo, client):
    response = client.get(REPORT_URL)
    assert 'href="/send/glossary/#term-adhd"' in response.content.decode()
    page = GlossaryPage.objects.get()
    page.slug = "words-explained"
    with unguarded():
        page.save_revision().publish()
    response = client.get(REPORT_URL)
    assert 'href="/send/words-explained/#term-adhd"' in response.content.decode()


def test_an_unchanged_page_and_glossary_are_not_parsed_again(demo, client):
    cache.clear()
    with mock.patch.object(glossary, "BeautifulSoup", wraps=glossary.BeautifulSoup) as parser:
        first = client.get(REPORT_URL).content
        assert parser.call_count == 1
        second = client.get(REPORT_URL).content
        assert parser.call_count == 1, "the second render parsed the page again"
    assert second == first.replace(*nonces(first, second))
    assert b'<a class="glossary-link"' in second


def nonces(first, second):
    """The CSP nonce differs between two responses; everything else must be equal."""
    pattern = rb'nonce="([^"]+)"'
    return re.search(pattern, first).group(1), re.search(pattern, second).group(1)
