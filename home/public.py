"""Live pages the public may see, with one view-restriction query per request.

Wagtail's `PageQuerySet.public()` reads every PageViewRestriction each time it is called,
and one render calls it several times (menu, footer links, feedback link, the pages a page
shows). `public(queryset, request)` applies the same filter, reading the restrictions once
per request (or per any object passed as `holder`).
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

_ATTRIBUTE = "_home_private_paths"


def private_paths(holder=None):
    """Tree paths of the pages with a view restriction (their subtrees are private)."""
    paths = getattr(holder, _ATTRIBUTE, None) if holder is not None else None
    if paths is None:
        paths = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        if holder is not None:
            setattr(holder, _ATTRIBUTE, paths)
    return paths


def remember_private_paths(holder, paths):
    """Give `holder` (a request) the list of private paths, read elsewhere (home/frame.py)."""
    setattr(holder, _ATTRIBUTE, tuple(paths))


def public(queryset, holder=None):
    """`queryset.public()`, sharing the restrictions query with the rest of the request."""
    private = Q()
    for path in private_paths(holder):
        private |= Q(path__startswith=path)
    return queryset.exclude(private) if private else queryset
