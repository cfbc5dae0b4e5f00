"""The rules for marking abbreviations in rendered HTML (senreport.glossary)."""

import pytest
from bs4 import BeautifulSoup

from senreport.glossary import Term, mark_abbreviations

TERMS = [
    Term("SEN", "Special educational needs", "/send/glossary/#term-sen"),
    Term("SEND", "Special educational needs and disabilities", "/send/glossary/#term-send"),
    Term("EHC plan", "Education, Health and Care plan", "/send/glossary/#term-ehc-plan"),
    Term(
        "EHC needs assessment",
        "Education, Health and Care needs assessment",
        "/send/glossary/#term-ehc-needs-assessment",
    ),
]


def marked(html, terms=TERMS, seen=None):
    """(text, title, href) of every abbreviation the function marked."""
    soup = BeautifulSoup(mark_abbreviations(html, terms, seen), "html.parser")
    return [(a.get_text(), a.abbr["title"], a["href"]) for a in soup.select("a.glossary-link")] + [
        (abbr.get_text(), abbr["title"], None) for abbr in soup.select("abbr:not(a abbr)")
    ]


def test_first_use_becomes_a_link_to_the_glossary_entry():
    html = mark_abbreviations("<p>Your child has SEN.</p>", TERMS)
    assert html == (
        '<p>Your child has <a class="glossary-link" href="/send/glossary/#term-sen">'
        '<abbr title="Special educational needs">SEN</abbr></a>.</p>'
    )


def test_only_the_first_use_on_the_page_is_marked():
    html = "<p>SEN support is for SEN.</p><p>More about SEN.</p>"
    assert marked(html) == [("SEN", "Special educational needs", "/send/glossary/#term-sen")]
    assert mark_abbreviations(html, TERMS).count("<abbr") == 1


def test_never_inside_headings_so_the_first_use_in_text_is_marked():
    html = "<h1>SEN</h1><h2>SEN support</h2><h3>SEN</h3><h6>SEN</h6><p>Help for SEN.</p>"
    result = mark_abbreviations(html, TERMS)
    soup = BeautifulSoup(result, "html.parser")
    assert all(not h.find("abbr") for h in soup.select("h1, h2, h3, h6"))
    assert soup.p.find("abbr").get_text() == "SEN"


def test_never_inside_links():
    html = '<p><a href="/x/">SEN support</a> and SEN.</p>'
    soup = BeautifulSoup(mark_abbreviations(html, TERMS), "html.parser")
    first, second = soup.find_all("a")
    assert first.get_text() == "SEN support" and not first.find("abbr")
    assert second["class"] == ["glossary-link"]


@pytest.mark.parametrize(
    "html",
    [
        '<abbr title="Our own words">SEN</abbr>',
        "<details><summary>What is SEN?</summary></details>",
        "<code>SEN</code>",
        "<pre>SEN</pre>",
        "<button>SEN</button>",
        '<label for="x">SEN</label>',
        "<textarea>SEN</textarea>",
        '<svg role="img"><title>SEN</title><text>SEN</text></svg>',
        "<div data-no-glossary><p>SEN</p></div>",
        "<!-- SEN -->",
        "<script>var SEN = 1;</script>",
    ],
)
def test_never_inside_elements_that_keep_their_own_words(html):
    assert mark_abbreviations(html, TERMS) == html


def test_text_after_a_skipped_element_is_still_marked():
    html = "<details><summary>What is SEN?</summary><p>SEN means...</p></details>"
    soup = BeautifulSoup(mark_abbreviations(html, TERMS), "html.parser")
    assert not soup.summary.find("abbr")
    assert soup.p.find("abbr").get_text() == "SEN"


def test_whole_words_and_exact_case_only():
    html = "<p>SENDIASS, sen, Sen, SENsible, non-SEN, SEND.</p>"
    assert marked(html) == [
        (
            "SEND",
            "Special educational needs and disabilities",
            "/send/glossary/#term-send",
        )
    ]


def test_the_longest_abbreviation_wins_and_plurals_are_marked():
    html = "<p>Ask for an EHC needs assessment. Some children have EHC plans.</p>"
    assert [text for text, _, _ in marked(html)] == ["EHC needs assessment", "EHC plans"]


def test_several_fragments_of_one_page_share_first_use():
    seen = set()
    first = mark_abbreviations("<p>SEN</p>", TERMS, seen)
    second = mark_abbreviations("<p>SEN and SEND</p>", TERMS, seen)
    assert "<abbr" in first
    assert second.count("<abbr") == 1 and ">SEND</abbr>" in second
    assert seen == {"SEN", "SEND"}


def test_without_a_glossary_page_the_abbreviation_is_explained_but_not_linked():
    terms = [Term("SEN", "Special educational needs", None)]
    assert (
        mark_abbreviations("<p>SEN</p>", terms)
        == '<p><abbr title="Special educational needs">SEN</abbr></p>'
    )


def test_editor_text_and_attributes_stay_escaped():
    terms = [Term("SEN", 'Needs "quoted" <script>alert(1)</script> & more', "/g/#t")]
    html = mark_abbreviations("<p>SEN &lt;b&gt;not bold&lt;/b&gt; &amp; co</p>", terms)
    assert "<script>" not in html
    assert "&lt;b&gt;not bold&lt;/b&gt; &amp; co" in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.abbr["title"] == 'Needs "quoted" <script>alert(1)</script> & more'


def test_html_without_any_abbreviation_is_returned_untouched():
    html = "<p>Nothing to explain here.<br>Really.</p><details open><summary>x</summary></details>"
    assert mark_abbreviations(html, TERMS) is html
    assert mark_abbreviations(html, []) is html


def test_void_elements_and_boolean_attributes_keep_their_html_form():
    html = "<p>SEN<br>next</p><details open><summary>S</summary></details><img alt='' src='x'>"
    result = mark_abbreviations(html, TERMS)
    assert "<br>" in result and "<details open>" in result and "</br>" not in result
