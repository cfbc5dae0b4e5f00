"""Navigation built from the page tree of the current site.

The menu, the footer's statutory links and the feedback link come from one query per
request (`site_navigation`), shared by the tags below.
"""

from dataclasses import dataclass, field

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, Site, get_page_models

from home.models.base import ROUTE_TRAIL_ATTRIBUTE, ancestor_paths
from home.public import public

register = template.Library()

_REQUEST_ATTRIBUTE = "_home_navigation"


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


def statutory_page_models():
    """Page types that carry a `footer_label`: the statutory pages every site links."""
    return sorted(
        (m for m in get_page_models() if getattr(m, "footer_label", None)),
        key=lambda m: getattr(m, "footer_order", 100),
    )


@dataclass
class Navigation:
    root: Page | None = None
    menu: list = field(default_factory=list)
    statutory: list = field(default_factory=list)
    feedback_page: Page | None = None


def site_navigation(context):
    """The current site's menu pages, statutory pages and feedback form: one query."""
    request = context.get("request")
    navigation = getattr(request, _REQUEST_ATTRIBUTE, None)
    if navigation is None:
        navigation = _load_navigation(_site_root(context), request)
        if request is not None:
            setattr(request, _REQUEST_ATTRIBUTE, navigation)
    return navigation


def _load_navigation(root, request):
    from home.models import FeedbackFormPage

    if root is None:
        return Navigation()
    models = statutory_page_models()
    type_ids = {m: ContentType.objects.get_for_model(m).id for m in (*models, FeedbackFormPage)}
    pages = public(
        Page.objects.live()
        .descendant_of(root, inclusive=True)
        .filter(
            Q(depth=root.depth + 1, show_in_menus=True) | Q(content_type_id__in=type_ids.values())
        )
        .only("title", "url_path", "path", "depth", "content_type_id", "show_in_menus")
        .order_by("path"),
        request,
    )
    navigation = Navigation(root=root)
    first_of_type = {}
    for page in pages:
        if page.depth == root.depth + 1 and page.show_in_menus:
            navigation.menu.append(page)
        first_of_type.setdefault(page.content_type_id, page)
    navigation.statutory = [
        (model.footer_label, first_of_type[type_ids[model]])
        for model in models
        if type_ids[model] in first_of_type
    ]
    feedback = first_of_type.get(type_ids[FeedbackFormPage])
    if feedback is not None and feedback.pk != root.pk:
        navigation.feedback_page = feedback
    return navigation


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
    root = _site_root(context)
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
def statutory_page_of_type(context, model_name):
    """The site's live statutory page of the named type ("localofferpage"), from the
    navigation the footer loads anyway (no query of its own), or None."""
    for _, page in site_navigation(context).statutory:
        if ContentType.objects.get_for_id(page.content_type_id).model == model_name:
            return page
    return None
