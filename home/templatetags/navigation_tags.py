"""Navigation built from the page tree of the current site."""

from django import template
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site, get_page_models

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def main_menu(context, current_page=None):
    """The home page's children that editors ticked 'Show in menus'.

    Each item is (page, aria_current): "page" for the page being read, "true" for the
    section that holds it, None otherwise.
    """
    root = _site_root(context)
    if root is None:
        return []
    items = []
    pages = root.get_children().live().public().in_menu().only("title", "url_path", "path")
    for item in pages:
        current = None
        if current_page is not None and current_page.path.startswith(item.path):
            current = "page" if current_page.path == item.path else "true"
        items.append((item, current))
    return items


@register.simple_tag(takes_context=True)
def breadcrumb(context, page):
    """Ancestors from the home page down to (not including) the current page."""
    root = _site_root(context)
    if root is None or page is None or page.depth <= root.depth:
        return []
    return list(
        page.get_ancestors().filter(depth__gte=root.depth).only("title", "url_path", "path")
    )


def statutory_page_models():
    """Page types that carry a `footer_label`: the statutory pages every site links."""
    return sorted(
        (m for m in get_page_models() if getattr(m, "footer_label", None)),
        key=lambda m: getattr(m, "footer_order", 100),
    )


@register.simple_tag(takes_context=True)
def statutory_links(context):
    """(label, page) for each live statutory page of this site, in a fixed order."""
    root = _site_root(context)
    models = statutory_page_models()
    if root is None or not models:
        return []
    by_type = {}
    pages = (
        Page.objects.live()
        .public()
        .descendant_of(root, inclusive=True)
        .type(*models)
        .only("title", "url_path", "path", "content_type_id")
        .order_by("path")
    )
    for page in pages:
        by_type.setdefault(page.content_type_id, page)
    links = []
    for model in models:
        page = by_type.get(ContentType.objects.get_for_model(model).id)
        if page is not None:
            links.append((model.footer_label, page))
    return links


@register.simple_tag(takes_context=True)
def feedback_url(context, current_page=None):
    """The address of this site's feedback form, naming the page being read (`?page=<id>`).

    Empty when the site has no live feedback form.
    """
    from home.models import FeedbackFormPage

    root = _site_root(context)
    if root is None:
        return ""
    form_page = (
        FeedbackFormPage.objects.live()
        .public()
        .descendant_of(root)
        .only("url_path", "path", "depth")
        .first()
    )
    if form_page is None:
        return ""
    url = form_page.get_url(context.get("request"))
    if current_page is not None and current_page.pk and current_page.pk != form_page.pk:
        url += f"?page={current_page.pk}"
    return url
