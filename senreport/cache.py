"""What empties the page cache when senreport's own records change (pages purge it through
pagecache's own signals). Connected by `SENReportConfig.ready`, as localoffer/cache.py is."""

from pagecache import purge_on_change

from .models import Edition, GlossaryTerm
from .signals import sites_for_paths


def edition_sites(edition):
    return sites_for_paths(edition.page.url_path)


def connect():
    # Glossary terms are shared by every site: a change empties the whole page cache.
    purge_on_change(GlossaryTerm)
    # An edition's sign-off document shows on its page's "Previous versions".
    purge_on_change(Edition, sites=edition_sites, reason="approved version changed")
