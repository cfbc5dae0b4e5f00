"""The publish guard on moves (home/publishing.py): a move is not a publish, but a live page
moved to another school is published there, under that school's details."""

from wagtail.signals import pre_page_move

from . import publishing
from .models.base import SchoolPageMixin


def refuse_move_that_fails(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """pre_page_move, sent by every move route (the move view, bulk move, page.move) before
    anything changes: refuse to take a live page, or the live pages under it, where the
    checks fail. The checks read one school's details, so only a move to another school
    (another site) can change their verdict; a move within the school is not checked."""
    site_after = parent_page_after.get_site()
    if site_after is not None and site_after == parent_page_before.get_site():
        return
    page = instance.specific
    pages = [page] if page.live else []
    pages += list(page.get_descendants().live().specific())
    for moved in pages:
        if not isinstance(moved, SchoolPageMixin):
            continue
        problems = publishing.publish_problems(moved, site_after)
        if problems:
            where = (
                (site_after.site_name or site_after.hostname)
                if site_after
                else "outside every school"
            )
            refusal = publishing.PublishRefused(
                moved,
                problems,
                message=publishing.refusal_message(moved, problems)
                + f" It has not been moved to {where}: there it would be live without them.",
            )
            refusal.page = page
            raise refusal


def connect():
    pre_page_move.connect(refuse_move_that_fails, dispatch_uid="home.publish_guard.move")
