"""seed_demo publishes the SEN support page, glossary, accessibility statement and form."""

import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from senreport.models import GlossaryTerm

# The demo school is seeded once for this module (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("demo_module")

REQUIRED_ABBREVIATIONS = {
    "SEN",
    "SEND",
    "SENCO",
    "EHC plan",
    "EHC needs assessment",
    "SENDIASS",
    "EP",
    "SALT",
    "OT",
    "CAMHS",
    "PfA",
}
REQUIRED_TERMS = {"Local Offer", "Graduated approach", "Provision map", "Notional SEN budget"}


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=StringIO())


def main_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return " ".join(BeautifulSoup(response.content, "html.parser").main.get_text(" ").split())


def test_demo_glossary_has_the_common_send_terms(demo):
    assert GlossaryTerm.objects.count() >= 25
    abbreviations = set(GlossaryTerm.objects.values_list("abbreviation", flat=True))
    terms = set(GlossaryTerm.objects.values_list("term", flat=True))
    assert REQUIRED_ABBREVIATIONS - abbreviations == set()
    assert REQUIRED_TERMS - terms == set()


TOPICS = [
    "SEN support",  # what it is
    "Who decides",
    "assess, plan, do, review",
    "Kinds of support",
    "SEN support plan",
    "provision map",
    "notional SEN budget",
    "at least three times a year",
    "EHC needs assessment",
    "Early Years Foundation Stage",
    "aged 16 to 25",
    "SENDIASS",
]


def test_demo_sen_support_page_covers_what_the_seeds_cover(client, demo):
    text = main_text(client, "/send/sen-support/")
    assert [topic for topic in TOPICS if topic not in text] == []


def test_demo_send_section_lists_the_new_pages_with_a_summary(client, demo):
    text = main_text(client, "/send/")
    assert "SEN support: how we help your child" in text
    assert "Glossary: SEND words explained" in text
    assert "What the words and abbreviations used about SEND mean" in text
    assert text.index("SEN support: how we help") < text.index("Glossary: SEND words")


def test_demo_statement_links_the_demo_form(client, demo):
    html = BeautifulSoup(client.get("/accessibility/").content, "html.parser")
    link = html.main.find("a", string="Report a problem with this website")
    assert link["href"].startswith("/feedback/?page=")
    assert client.get(link["href"]).status_code == 200


def test_demo_glossary_links_work_from_the_support_page(client, demo):
    html = BeautifulSoup(client.get("/send/sen-support/").content, "html.parser")
    links = html.main.select("a.glossary-link")
    assert len(links) >= 8
    glossary = client.get("/send/glossary/").content.decode()
    for link in links:
        path, anchor = link["href"].split("#")
        assert path == "/send/glossary/"
        assert f'id="{anchor}"' in glossary


BLOCKS = ["p", "li", "dt", "dd", "h1", "h2", "h3", "summary", "figcaption", "label", "legend"]


def words_per_sentence(url, client):
    """Average words per sentence in the page's main content, read block by block."""
    main = BeautifulSoup(client.get(url).content, "html.parser").main
    sentences = []
    for block in main.find_all(BLOCKS):
        if block.find(BLOCKS):  # read the innermost blocks only
            continue
        text = " ".join(block.get_text(" ").split())
        sentences += [s for s in re.split(r"[.!?:](?:\s|$)", text) if s.strip()]
    return sum(len(s.split()) for s in sentences) / len(sentences)


DEMO_PAGES = ["/send/sen-support/", "/send/glossary/", "/accessibility/", "/feedback/"]


def test_demo_pages_are_in_plain_english_without_pupil_identifiers(client, demo):
    for url in DEMO_PAGES:
        text = main_text(client, url)
        # Short sentences: plain-English guides aim for about 15 to 20 words on average.
        assert words_per_sentence(url, client) < 15, url
        # A Unique Pupil Number is a letter followed by 12 digits.
        assert not re.search(r"\b[A-Z]\d{12}\b", text), url
