"""senreport's part of the publish guard (home/publishing.py): the page's own *must*
compliance checks, and the *must* items a live page carries. Registered in
senreport/wagtail_hooks.py."""

from wagtail.models import Page

from home.publishing import Problem

from .compliance import SiteData, evaluate, publish_problems, registry
from .compliance.store import stored_report


def must_problems(page, site, children):
    """The page's failing *must* checks, each named as the editor sees it on the page."""
    problems = []
    for result in publish_problems(page, site, children=children):
        name_on_page = result.check.name_on_page
        problems.append(
            Problem(
                item=name_on_page(page) if name_on_page else result.check.title,
                reason=result.reason,
                fields=tuple(result.fields),
            )
        )
    return problems


def live_must_items(page, site):
    """The *must* items the school meets through this live page: those it would be missing
    without it. Only when it is the page the checks read (the site's first live page of its
    type), and only the items met now."""
    data = SiteData(site)
    current = data.page(type(page))
    if current is None or current.pk != page.pk:
        return []
    names = []
    for check in registry.for_page_model(type(page)):
        if not check.is_must or check.page_model is Page:
            continue
        result = evaluate(check, data, urls=False)
        if result.passed:
            names.append(check.name_on_page(current) if check.name_on_page else check.title)
    return names


def items_turning_not_met(page, site, children=None):
    """The items of this page's type that the stored results show as met and that this
    version of the page (an unsaved or revision instance) would fail: what the public
    statutory page would turn from met to not met. The guard refuses the page's own *must*
    items outright; these are the rest (guidance items, items judged around the page)."""
    checks = [
        check for check in registry.for_page_model(type(page)) if check.page_model is not Page
    ]
    if not checks:
        return []
    met_now = {result.check.id for result in stored_report(site).results if result.passed}
    data = SiteData(site, overrides=[page], children=children)
    return [
        check.title
        for check in checks
        if check.id in met_now and evaluate(check, data, urls=False).failed
    ]
