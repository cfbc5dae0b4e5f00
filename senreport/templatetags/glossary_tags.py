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
"""

from django import template
from django.db.models import Subquery
from django.urls import reverse
from django.utils.safestring import mark_safe
from wagtail.models import Site

from senreport.glossary import Term, mark_abbreviations
from senreport.models import GlossaryPage, GlossaryTerm
from senreport.models.glossary import anchor_for

register = template.Library()

_REQUEST_ATTRIBUTE = "_senreport_glossary"


class GlossaryState:
    """The terms of one request, and the abbreviations already marked on its page."""

    def __init__(self, terms):
        self.terms = terms
        self.seen = set()


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
    for abbreviation, expansion, slug, glossary_path in rows:
        href = None
        if glossary_path:
            url = reverse("wagtail_serve", args=(glossary_path[len(root.url_path) :],))
            href = f"{url}#{anchor_for(slug)}"
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


class GlossarizeNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        state = glossary_state(context.get("request"))
        # The content was rendered (and escaped) by Django; mark_abbreviations re-serialises
        # it and escapes the new text and attributes.
        return mark_safe(mark_abbreviations(html, state.terms, state.seen))  # noqa: S308


@register.tag
def glossarize(parser, token):
    nodelist = parser.parse(("endglossarize",))
    parser.delete_first_token()
    return GlossarizeNode(nodelist)
