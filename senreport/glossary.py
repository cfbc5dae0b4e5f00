"""Explain SEND abbreviations where parents meet them.

`mark_abbreviations(html, terms, seen)` turns the first use of each known abbreviation in a
piece of rendered HTML into a link to its glossary entry:

    <a class="glossary-link" href="/send/glossary/#term-ehc-plan"><abbr
        title="Education, Health and Care plan">EHC plan</abbr></a>

It never marks text inside headings, links, an existing <abbr>, a <summary>, code, form
controls or SVG (see SKIP_TAGS), nor inside an element with a `data-no-glossary` attribute.
Templates use it through the `{% glossarize %}` tag (senreport/templatetags/glossary_tags.py),
which loads the terms for the current site with one query per request.
"""

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString
from bs4.element import PreformattedString
from bs4.formatter import HTMLFormatter

# Text inside these elements is left alone: a heading or link must keep its own words, and
# an abbreviation inside a control or a picture cannot be a link.
SKIP_TAGS = frozenset(
    {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "a",
        "abbr",
        "summary",
        "code",
        "pre",
        "kbd",
        "samp",
        "script",
        "style",
        "template",
        "textarea",
        "select",
        "option",
        "button",
        "label",
        "svg",
        "title",
    }
)
SKIP_ATTRIBUTE = "data-no-glossary"

# Escape only what HTML needs, keep void elements as <br> and boolean attributes bare.
_FORMATTER = HTMLFormatter(
    entity_substitution=lambda text: (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    ),
    void_element_close_prefix=None,
    empty_attributes_are_booleans=True,
)


@dataclass(frozen=True)
class Term:
    abbreviation: str
    expansion: str
    href: str | None = None


def abbreviation_pattern(abbreviations):
    """One regex for all abbreviations: exact case, whole words, an optional plural 's'.

    Longer abbreviations come first so that "EHC needs assessment" wins over a shorter one
    that starts the same way.
    """
    alternatives = "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?P<abbr>{alternatives})s?(?![\w-])")


def _is_skipped(node):
    for parent in node.parents:
        if parent.name in SKIP_TAGS or parent.has_attr(SKIP_ATTRIBUTE):
            return True
    return False


def mark_abbreviations(html, terms, seen=None):
    """Return `html` with the first use of each term's abbreviation marked up.

    `terms` is an iterable of Term; `seen` is a set of abbreviations already marked on this
    page (updated in place), so several fragments of one page share "first use only".
    """
    seen = set() if seen is None else seen
    by_abbreviation = {t.abbreviation: t for t in terms if t.abbreviation not in seen}
    if not by_abbreviation:
        return html
    pattern = abbreviation_pattern(by_abbreviation)
    if not pattern.search(html):
        return html

    soup = BeautifulSoup(html, "html.parser")
    changed = False
    for node in soup.find_all(string=pattern):
        if isinstance(node, PreformattedString) or _is_skipped(node):
            continue
        text = str(node)
        pieces = []
        position = 0
        for match in pattern.finditer(text):
            abbreviation = match["abbr"]
            if abbreviation in seen:
                continue
            seen.add(abbreviation)
            pieces.append(NavigableString(text[position : match.start()]))
            pieces.append(_marked(soup, by_abbreviation[abbreviation], match.group(0)))
            position = match.end()
        if pieces:
            pieces.append(NavigableString(text[position:]))
            node.replace_with(*(piece for piece in pieces if piece != ""))
            changed = True
    return soup.decode(formatter=_FORMATTER) if changed else html


def _marked(soup, term, text):
    abbr = soup.new_tag("abbr", attrs={"title": term.expansion})
    abbr.string = text
    if not term.href:
        return abbr
    link = soup.new_tag("a", attrs={"class": "glossary-link", "href": term.href})
    link.append(abbr)
    return link
