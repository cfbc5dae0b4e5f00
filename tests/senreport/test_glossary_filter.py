"""The glossary's letter filter and word search, which work without JavaScript."""

import pytest

from tests import factories


@pytest.fixture
def glossary(school):
    page = factories.glossary_page(factories.send_section())
    factories.glossary_term("Annual review", definition="A yearly meeting about the plan.")
    factories.glossary_term("Education, Health and Care plan", "EHC plan", "A legal plan.")
    factories.glossary_term("Special educational needs", "SEN", "Needs that call for help.")
    return page


def glossary_html(client, **query):
    response = client.get("/send/glossary/", query)
    assert response.status_code == 200
    return response.content.decode()


def test_letter_filter_shows_only_that_letters_terms(client, glossary):
    html = glossary_html(client, letter="E")
    assert "Education, Health and Care plan" in html
    assert "Annual review" not in html and "Special educational needs" not in html
    assert "1 term starting with E" in html
    assert '<option value="E" selected>E</option>' in html


def test_word_search_finds_terms_by_their_explanation(client, glossary):
    html = glossary_html(client, q="yearly")
    assert "Annual review" in html and "EHC plan" not in html
    assert "matching “yearly”" in html


def test_nothing_found_offers_the_whole_glossary(client, glossary):
    html = glossary_html(client, q="trampoline")
    assert "No term in the glossary matches" in html
    assert "Show the whole glossary" in html or "show the whole glossary" in html


def test_unfiltered_glossary_lists_every_term(client, glossary):
    html = glossary_html(client)
    for term in ("Annual review", "EHC plan", "Special educational needs"):
        assert term in html
