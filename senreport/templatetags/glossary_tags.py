"""`{% glossarize %}`: explain SEND abbreviations in the rendered content of a page.

Wrap the main content of a SEND page template once:

    {% load glossary_tags %}
    {% block content %}{% glossarize %}
        <h1>{{ page.title }}</h1>
        {% include_block page.body %}
    {% endglossarize %}{% endblock %}

The first use of each known abbreviation becomes a link to its entry on the current site's
glossary page (see senreport/glossary.py for the rules). The terms and the glossary page's
address come from one query per request, however many terms there are; several
`{% glossarize %}` blocks on one page share that query and the "first use only" rule.

Marking parses and re-serialises the whole rendered content, which cost more than the rest
of a render put together, so its result is remembered in the default cache under a digest of
everything it is computed from: the rendered content, the terms as this request read them
(abbreviation, words in full, link) and the abbreviations already marked on the page. Any
change to the content or to a term, or a glossary page that moves, gives another key, so a
remembered result can never be out of date and nothing needs purging; a page and glossary
that have not changed are served without parsing.
"""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import cache
from django.db.models import Subquery
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Site

from senreport.glossary import Term, mark_abbreviations
from senreport.models import GlossaryPage, GlossaryTerm
from senreport.models.glossary import anchor_for

register = template.Library()

_REQUEST_ATTRIBUTE = "_senreport_glossary"
# Remembered results expire after a day: the keys are digests of their inputs, so this only
# bounds the cache's size (old content's entries are never asked for again).
MARKED_TIMEOUT = 24 * 60 * 60
_KEY_PREFIX = "glossary:marked:v1:"


class GlossaryState:
    """The terms of one request, and the abbreviations already marked on its page."""

    def __init__(self, terms):
        self.terms = terms
        self.seen = set()
        self.terms_digest = hashlib.sha256(repr(terms).encode()).hexdigest()


def marked_html(html, state):
    """`mark_abbreviations(html, state.terms, state.seen)`, parsed once per distinct input."""
    digest = hashlib.sha256()
    for part in (state.terms_digest, repr(sorted(state.seen)), html):
        digest.update(part.encode())
        digest.update(b"\0")
    key = _KEY_PREFIX + digest.hexdigest()
    remembered = cache.get(key)
    if remembered is not None:
        marked, newly_seen = remembered
        state.seen.update(newly_seen)
        return marked
    seen_before = set(state.seen)
    marked = mark_abbreviations(html, state.terms, state.seen)
    cache.set(key, (marked, sorted(state.seen - seen_before)), MARKED_TIMEOUT)
    return marked


def load_terms(site):
    """Every abbreviated term, each linked to the site's live glossary page if it has one.

    One query: the glossary page's url_path rides along as a subquery, found by the tree
    path under the site's root (indexed; with hundreds of schools a url_path prefix is not).
    """
    root = site.root_page if site is not None else None
    terms = GlossaryTerm.objects.exclude(abbreviation="")
    if root is not None:
        glossary_path = (
            GlossaryPage.objects.live()
            .filter(path__startswith=root.path)
            .order_by("path")
            .values("url_path")[:1]
        )
        terms = terms.annotate(glossary_path=Subquery(glossary_path))
        rows = terms.values_list("abbreviation", "term", "slug", "glossary_path")
    else:
        rows = ((a, t, s, None) for a, t, s in terms.values_list("abbreviation", "term", "slug"))
    result = []
    urls = {}  # every row carries the same glossary page: its address is worked out once
    for abbreviation, expansion, slug, glossary_path in rows:
        href = None
        if glossary_path:
            if glossary_path not in urls:
                path = glossary_path[len(root.url_path) :]
                urls[glossary_path] = reverse("wagtail_serve", args=(path,))
            href = f"{urls[glossary_path]}#{anchor_for(slug)}"
        result.append(Term(abbreviation, expansion, href))
    return result


def glossary_state(request):
    state = getattr(request, _REQUEST_ATTRIBUTE, None) if request is not None else None
    if state is None:
        site = Site.find_for_request(request) if request is not None else None
        state = GlossaryState(load_terms(site))
        if request is not None:
            setattr(request, _REQUEST_ATTRIBUTE, state)
    return state


def in_english():
    return (translation.get_language() or settings.LANGUAGE_CODE) == settings.LANGUAGE_CODE


class GlossarizeNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        if not in_english():
            # The glossary's terms are English: they are not marked inside a translation
            # (whose abbreviations are the translator's to explain).
            return html
        state = glossary_state(context.get("request"))
        # The content was rendered (and escaped) by Django; mark_abbreviations re-serialises
        # it and escapes the new text and attributes.
        return mark_safe(marked_html(html, state))  # noqa: S308


@register.tag
def glossarize(parser, token):
    nodelist = parser.parse(("endglossarize",))
    parser.delete_first_token()
    return GlossarizeNode(nodelist)
