"""What purges the page cache: every change that a public page or the feed shows."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .store import forget_host, purge_all_sites, purge_sites


def sites_for_paths(*url_paths):
    """Ids of the sites whose tree holds any of these page url_paths (no query: Wagtail
    keeps the sites' root paths in the cache)."""
    ids = set()
    for root in Site.get_site_root_paths():
        if any(path and path.startswith(root.root_path) for path in url_paths):
            ids.add(root.site_id)
    return ids


def page_changed(sender, instance, **kwargs):
    purge_sites(sites_for_paths(instance.url_path), f"{instance._meta.verbose_name} changed")


def page_moved(sender, instance, url_path_before="", url_path_after="", **kwargs):
    purge_sites(sites_for_paths(url_path_before, url_path_after), "page moved")


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        page_changed(sender, instance)


def site_scoped_changed(sender, instance, **kwargs):
    """School details belong to one site."""
    purge_sites([instance.site_id], f"{sender._meta.verbose_name} changed")


def shared_changed(sender, instance, **kwargs):
    """Documents and images are shared by every site."""
    purge_all_sites(f"{sender._meta.verbose_name} changed")


def site_changed(sender, instance, **kwargs):
    forget_host(instance.hostname, instance.port)
    purge_all_sites("site settings changed")


def privacy_changed(sender, instance, **kwargs):
    """Which pages are private decides what menus and footers list: rare, so every site."""
    purge_all_sites("page privacy changed")


def connect():
    from django.apps import apps
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    page_published.connect(page_changed, dispatch_uid="pagecache_published")
    page_unpublished.connect(page_changed, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="pagecache_moved")
    post_delete.connect(page_deleted, dispatch_uid="pagecache_page_deleted")

    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        signal.connect(site_changed, sender=Site, dispatch_uid=f"pagecache_site_{name}")
        signal.connect(
            privacy_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"pagecache_privacy_{name}",
        )
        signal.connect(
            site_scoped_changed,
            sender=apps.get_model("home.SchoolSettings"),
            dispatch_uid=f"pagecache_home.SchoolSettings_{name}",
        )
        for model in (get_document_model(), get_image_model()):
            signal.connect(
                shared_changed, sender=model, dispatch_uid=f"pagecache_{model._meta.label}_{name}"
            )
    # The SEND apps' own models register themselves (purge_on_change in their apps.py).
