"""Snapshots and restores of the pages a browser test changes.

These run in the browser tests' server environment (`manage.py shell`, see `run_python` in
conftest), never in the pytest process: that one has no connection to the server's database.
A snapshot is the page's live and latest revision; restoring publishes a new revision with the
content that was live, so the page is live exactly as before with no draft of the test's left
over, and publishing cancels any approval workflow the test started. Publishing also purges the
page cache, as an editor's publish would.
"""

import json


def snapshot_pages(pages):
    """Print the snapshot of each page, given by id or by its path on the default site (the
    first demo school's)."""
    from wagtail.models import Page, Site

    root = Site.objects.get(is_default_site=True).root_page
    saved = {}
    for page in pages:
        if isinstance(page, str):
            page = Page.objects.get(url_path=f"{root.url_path}{page.strip('/')}/")
        else:
            page = Page.objects.get(pk=page)
        if not page.live_revision_id:
            raise ValueError(f"{page.title} (page {page.pk}) is not live: nothing to put back")
        saved[str(page.pk)] = {"live": page.live_revision_id, "latest": page.latest_revision_id}
    print(json.dumps(saved))


def restore_pages(snapshots):
    from wagtail.models import Page, Revision, WorkflowState

    for pk, saved in snapshots.items():
        page = Page.objects.get(pk=pk).specific
        workflows = WorkflowState.objects.active().for_instance(page)
        if (
            page.live
            and page.live_revision_id == saved["live"]
            and page.latest_revision_id == saved["latest"]
            and not workflows.exists()
        ):
            continue
        live = Revision.objects.get(pk=saved["live"]).as_object()
        live.save_revision(clean=False).publish(skip_permission_checks=True)
        if saved["latest"] != saved["live"]:
            Revision.objects.get(pk=saved["latest"]).as_object().save_revision(clean=False)
        for workflow in workflows:  # publishing cancels them, unless settings say otherwise
            workflow.cancel()
        print(f"Restored {page.title} (page {pk}) to revision {saved['live']}.")
