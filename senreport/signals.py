"""What refreshes the stored compliance results (senreport/compliance/store.py): every change
that can move a verdict enqueues `refresh_compliance` for the sites it touches, once the
transaction commits (so the task reads the committed change).

Pages: publish, unpublish, move and delete. School details. Local Offer services and
organisations (and a service's phones and opening times). Glossary terms, which every site
shares, refresh every site. The date-based checks are refreshed nightly by
`manage.py compliance --all-sites --refresh` (docs/operations.md).

With `COMPLIANCE_REFRESH_ON_COMMIT = False` (the test settings, whose tests never commit)
the sites' rows are deleted at once instead: the next reader evaluates and stores them
(`stored_report`), so the results are fresh without a refresh after every single change.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import SchoolSettings
from localoffer.models import Organisation, Service, ServiceOpeningTime, ServicePhone

from .editions import page_published as keep_edition
from .models.glossary import GlossaryTerm
from .models.ops import ComplianceResult
from .tasks import refresh_compliance


class _PendingRefresh:
    """The on-commit callback of one transaction: the sites to refresh when it commits."""

    def __init__(self):
        self.site_ids = set()

    def __call__(self):
        for site_id in sorted(self.site_ids):
            refresh_compliance.enqueue(site_id)


def schedule_refresh(site_ids):
    """Refresh these sites' stored results once the current transaction commits (each site
    once per transaction, however many changes it makes)."""
    site_ids = {site_id for site_id in site_ids if site_id is not None}
    if not site_ids:
        return
    if not getattr(settings, "COMPLIANCE_REFRESH_ON_COMMIT", True):
        ComplianceResult.objects.filter(site_id__in=site_ids).delete()
        return
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        for _savepoints, callback, _robust in connection.run_on_commit:
            if isinstance(callback, _PendingRefresh):
                callback.site_ids.update(site_ids)
                return
    pending = _PendingRefresh()
    pending.site_ids.update(site_ids)
    transaction.on_commit(pending)


def sites_for_paths(*url_paths):
    """Ids of the sites whose tree holds any of these page url_paths (Wagtail keeps the
    sites' root paths in the cache)."""
    ids = set()
    for root in Site.get_site_root_paths():
        if any(path and path.startswith(root.root_path) for path in url_paths):
            ids.add(root.site_id)
    return ids


def page_changed(sender, instance, **kwargs):
    schedule_refresh(sites_for_paths(instance.url_path))


def page_moved(sender, instance, url_path_before="", url_path_after="", **kwargs):
    schedule_refresh(sites_for_paths(url_path_before, url_path_after))


def page_deleted(sender, instance, **kwargs):
    # Sent for the specific class and for Page: the transaction's callback takes both once.
    if isinstance(instance, Page):
        page_changed(sender, instance)


def site_scoped_changed(sender, instance, **kwargs):
    """School details, Local Offer services and organisations belong to one site."""
    schedule_refresh([instance.site_id])


def service_child_changed(sender, instance, **kwargs):
    schedule_refresh(
        Service.objects.filter(pk=instance.service_id).values_list("site_id", flat=True)
    )


def service_terms_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and getattr(instance, "site_id", None) is not None:
        schedule_refresh([instance.site_id])


def shared_changed(sender, instance, **kwargs):
    """The glossary is shared by every site."""
    schedule_refresh(Site.objects.values_list("pk", flat=True))


def connect():
    page_published.connect(page_changed, dispatch_uid="compliance_published")
    # The yearly record: a publish with a new approval date keeps an edition.
    page_published.connect(keep_edition, dispatch_uid="editions_published")
    page_unpublished.connect(page_changed, dispatch_uid="compliance_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="compliance_moved")
    post_delete.connect(page_deleted, dispatch_uid="compliance_page_deleted")
    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        for model in (SchoolSettings, Service, Organisation):
            signal.connect(
                site_scoped_changed,
                sender=model,
                dispatch_uid=f"compliance_{model._meta.label}_{name}",
            )
        for model in (ServicePhone, ServiceOpeningTime):
            signal.connect(
                service_child_changed,
                sender=model,
                dispatch_uid=f"compliance_{model._meta.label}_{name}",
            )
        signal.connect(
            shared_changed,
            sender=GlossaryTerm,
            dispatch_uid=f"compliance_glossary_{name}",
        )
    m2m_changed.connect(
        service_terms_changed,
        sender=Service.taxonomy_terms.through,
        dispatch_uid="compliance_service_terms",
    )
