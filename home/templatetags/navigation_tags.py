"""Navigation built from the page tree of the current site.

The menu, the footer's statutory links and the feedback link come from one query per
request (`home.navigation.site_navigation`), shared by the tags below.
"""

from django import template

from home.models.base import ROUTE_TRAIL_ATTRIBUTE, ancestor_paths
from home.navigation import site_navigation, site_root, statutory_page

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context, current_page=None):
    """The home page's children that editors ticked 'Show in menus'.

    Each item is (page, aria_current): "page" for the page being read, "true" for the
    section that holds it, None otherwise.
    """
    items = []
    # Pages that are not Wagtail pages (search results, "not found") have no current page.
    current_path = getattr(current_page, "path", None)
    for item in site_navigation(context).menu:
        current = None
        if current_path and current_path.startswith(item.path):
            current = "page" if current_page.path == item.path else "true"
        items.append((item, current))
    return items


@register.simple_tag(takes_context=True)
def breadcrumb(context, page):
    """Ancestors from the home page down to (not including) the current page: the pages
    Wagtail's routing passed through to serve it, when it did (no query), else read."""
    root = site_root(context)
    if root is None or page is None or page.depth <= root.depth:
        return []
    trail = getattr(context.get("request"), ROUTE_TRAIL_ATTRIBUTE, None) or []
    expected = ancestor_paths(page.path, page.steplen)[root.depth - 1 :]
    if [crumb.path for crumb in trail] == expected:
        return trail[:-1]
    return list(
        page.get_ancestors().filter(depth__gte=root.depth).only("title", "url_path", "path")
    )


@register.simple_tag(takes_context=True)
def statutory_links(context):
    """(label, page) for each live statutory page of this site, in a fixed order."""
    return site_navigation(context).statutory


@register.simple_tag(takes_context=True)
def feedback_url(context, current_page=None):
    """The address of this site's feedback form, naming the page being read (`?page=<id>`).

    Empty when the site has no live feedback form.
    """
    form_page = site_navigation(context).feedback_page
    if form_page is None:
        return ""
    url = form_page.get_url(context.get("request"))
    current_pk = getattr(current_page, "pk", None)  # none on search results or "not found"
    if current_pk and current_pk != form_page.pk:
        url += f"?page={current_pk}"
    return url


@register.simple_tag(takes_context=True)
def statutory_page_of_type(context, model_label):
    """The site's live statutory page of the named type ("localoffer.LocalOfferPage"), from
    the navigation the footer loads anyway (no query of its own), or None."""
    return statutory_page(context.get("request"), model_label)
