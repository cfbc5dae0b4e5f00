"""The publish guard on moves (home/publishing.py): a move is not a publish, but a live page
moved to another school is published there, under that school's details."""

from django.db.models.signals import post_save
from wagtail.signals import page_published, pre_page_move
from wagtail_localize.models import TranslationSource

from . import publishing, translation, translation_admin
from .models import SchoolSettings
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
    # Translations (home/translation.py): which English version each was made from, and
    # a school's translated home pages belong to the school.
    post_save.connect(
        translation.source_saved, sender=TranslationSource, dispatch_uid="home.translation.sync"
    )
    page_published.connect(
        translation.translation_published, dispatch_uid="home.translation.published"
    )
    post_save.connect(
        translation_admin.make_school_locales,
        sender=SchoolSettings,
        dispatch_uid="home.translation.school_locales",
    )
    post_save.connect(
        translation.share_school_permissions, dispatch_uid="home.translation.school_permissions"
    )
