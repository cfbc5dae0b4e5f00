"""`{% pagefragment "name" %}...{% endpagefragment %}`: a page body remembered between
renders, keyed by everything it is built from (see pagecache/fragments.py).

    {% load page_fragments %}
    {% block content %}{% pagefragment "content" %}
        ...the page's own body, the same for every reader...
    {% endpagefragment %}{% endblock %}

The context's `page` and `request` name the page and the request. Values the body reads
that cost queries should be lazy in the page's context (django.utils.functional
.SimpleLazyObject), so that a remembered body costs none of them.
"""

from django import template
from django.utils.safestring import mark_safe

from pagecache import fragments

register = template.Library()


class PageFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        name = self.name.resolve(context)
        key = fragments.fragment_key(context.get("request"), context.get("page"), name)
        if key is not None:
            html = fragments.load(key)
            if html is not None:
                return mark_safe(html)  # noqa: S308 (rendered, escaped, by this node)
        html = self.nodelist.render(context)
        if key is not None:
            fragments.save(key, str(html))
        return html


@register.tag
def pagefragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one argument: the fragment's name")
    nodelist = parser.parse(("endpagefragment",))
    parser.delete_first_token()
    return PageFragmentNode(parser.compile_filter(bits[1]), nodelist)
