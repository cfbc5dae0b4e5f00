"""The "web page, web address or document" link of the statutory pages, in one place.

Several statutory items may be published either as a page (or a web address) or as an
uploaded document: the complaints procedure, the SEN policy, the pupil premium strategy
statement, the admission arrangements. Each is a pair of fields on its page; the address to
link to is the first of them that holds one. `PageOrDocumentLink` names the pair once::

    sen_policy_url = PageOrDocumentLink("sen_policy_page", "sen_policy_document")

and reads, in the order given: a chosen page (only while it is live), a typed web address,
or a document. Templates show it with `includes/page_or_document_link.html`
(`{% include ... with href=page.sen_policy_url text="Read our SEN policy" %}`).
"""

from wagtail.models import Page


def link_address(value):
    """The address `value` links to: a live page's, a document's or the text itself; else ""."""
    if not value:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Page):
        return value.url if value.live else ""
    return value.url


class PageOrDocumentLink:
    """A read-only attribute: the address of the first of these fields that has one."""

    def __init__(self, *fields):
        self.fields = fields

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        for field in self.fields:
            address = link_address(getattr(instance, field))
            if address:
                return address
        return ""
