"""How the apps tell the page cache what their pages show: each app calls these from its
AppConfig.ready() for its own models, so the page cache imports no app's models."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from .store import purge_all_sites, purge_sites


def purge_on_change(model, sites=None, reason=None):
    """Purge the page cache when a row of `model` is saved or deleted.

    The apps call this from their AppConfig.ready() for what their pages show, so the page
    cache knows nothing of their models. `sites(instance)` gives the ids of the sites that
    show the row; without it the row is shared and every site is purged. `reason` is
    logged (default: "<verbose name> changed").
    """
    label = model._meta.label
    reason = reason or f"{model._meta.verbose_name} changed"

    def changed(sender, instance, **kwargs):
        if sites is None:
            purge_all_sites(reason)
        else:
            purge_sites(sites(instance), reason)

    for signal, name in ((post_save, "save"), (post_delete, "delete")):
        signal.connect(changed, sender=model, weak=False, dispatch_uid=f"pagecache_{label}_{name}")


def purge_on_m2m_change(through, sites, reason, shared_reason):
    """Purge the page cache when a many-to-many relation changes. `sites(instance)` gives
    the site ids for the side that belongs to sites, None for the shared side (then every
    site is purged, with `shared_reason`)."""

    def changed(sender, instance, action, **kwargs):
        if action.startswith("post_"):
            site_ids = sites(instance)
            if site_ids is not None:
                purge_sites(site_ids, reason)
            else:
                purge_all_sites(shared_reason)

    m2m_changed.connect(
        changed, sender=through, weak=False, dispatch_uid=f"pagecache_{through._meta.label}"
    )
