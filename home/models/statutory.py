"""The base of every statutory page: a page the law asks each school to publish.

Each such page uses the statutory page form (drafts always save; publishing runs the page's
own *must* compliance checks and the pupil-data check), lives once in the SEND section (the
tree rules below, which a page type overrides only where it differs), and names itself in
every page's footer with `footer_label` / `footer_order` (home.navigation reads them).

Review dates have one name everywhere: `last_reviewed` (when the school last checked the
page) and, where the page records one, `next_review` (when it must next be checked).
"""

from wagtail.models import Page

from home.forms import StatutoryPageForm

from .base import SchoolPageMixin


class StatutoryPage(SchoolPageMixin, Page):
    base_form_class = StatutoryPageForm
    parent_page_types = ["senreport.SENDSectionPage"]
    subpage_types = []
    max_count_per_parent = 1
    # The footer's "Information we must publish": the label, and its place in the list.
    footer_label = None
    footer_order = 100

    class Meta:
        abstract = True
