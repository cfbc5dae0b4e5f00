"""The current site's navigation, read from its page tree: the menu, the footer's
statutory links and the feedback link, loaded with one query per request and shared by the
template tags (home/templatetags/navigation_tags.py) and the SEND apps' pages.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, Site, get_page_models

from home.frame import remembered
from home.models import FeedbackFormPage
from home.public import public
from home.translation import localize_pages

_REQUEST_ATTRIBUTE = "_home_navigation"


def site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


def request_site(page, request):
    """The site being served (known from the request), else the page's own."""
    return (Site.find_for_request(request) if request else None) or page.get_site()


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
    statutory_by_type: dict = field(default_factory=dict)
    feedback_page: Page | None = None


def site_navigation(context):
    """The current site's menu pages, statutory pages and feedback form: one query."""
    request = context.get("request")
    navigation = getattr(request, _REQUEST_ATTRIBUTE, None)
    if navigation is None:
        root = site_root(context)
        # Kept with the site's frame, as fresh as a cached page (home/frame.py).
        navigation = remembered(
            request,
            "navigation",
            (getattr(root, "pk", ""),),
            lambda: _localized(_load_navigation(root, request)),
        )
        if request is not None:
            setattr(request, _REQUEST_ATTRIBUTE, navigation)
    return navigation


def _load_navigation(root, request):
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
        .only(
            "title",
            "url_path",
            "path",
            "depth",
            "content_type_id",
            "show_in_menus",
            "translation_key",  # for the translated pages' links (_localized)
        )
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
    navigation.statutory_by_type = {
        model._meta.label_lower: first_of_type[type_ids[model]]
        for model in models
        if type_ids[model] in first_of_type
    }
    feedback = first_of_type.get(type_ids[FeedbackFormPage])
    if feedback is not None and feedback.pk != root.pk:
        navigation.feedback_page = feedback
    return navigation


def _localized(navigation):
    """On a translated page (/pl/...): each link goes to its page's live translation in the
    active language where there is one, else to the English page. One query; none in
    English."""
    pages = [*navigation.menu, *(page for _, page in navigation.statutory)]
    if navigation.feedback_page is not None:
        pages.append(navigation.feedback_page)
    translated = localize_pages(pages)
    if not translated:
        return navigation
    swap = lambda page: translated.get(page.pk, page)  # noqa: E731
    navigation.menu = [swap(page) for page in navigation.menu]
    navigation.statutory = [(label, swap(page)) for label, page in navigation.statutory]
    navigation.statutory_by_type = {
        label: swap(page) for label, page in navigation.statutory_by_type.items()
    }
    if navigation.feedback_page is not None:
        navigation.feedback_page = swap(navigation.feedback_page)
    return navigation


def statutory_page(request, model_label):
    """The site's live page of a statutory type, as the footer links it, or None.

    `model_label` names the type as Wagtail's tree rules do ("senreport.EqualityPage"), so
    statutory pages link one another without importing one another's modules. Read from the
    navigation the footer loads anyway: no query of its own.
    """
    return site_navigation({"request": request}).statutory_by_type.get(model_label.lower())


def site_page(model, site, request=None):
    """The site's first live public page of this type; `request` shares the privacy query."""
    if site is None:
        return None
    pages = model.objects.live().descendant_of(site.root_page, inclusive=True)
    return public(pages, request).order_by("path").first()
